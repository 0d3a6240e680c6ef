// What a figure counts, as a complete phrase: headlines and the figures table use it, so it must
// never stop mid-phrase ("… without regard to") nor fall back to the whole sentence.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractFigures, STOPWORDS } from '../../src/text/index.js';
import { countedPhrase } from '../../src/report/compose/counted-phrase.js';
import { namesAKind, spanOfTime, whatItCounts } from '../../src/report/figures-table.js';

function phraseOf(sentence: string, value: number, maxWords?: number): ReturnType<typeof countedPhrase> {
  const f = extractFigures(sentence).find((x) => x.value === value);
  assert.ok(f, `no figure ${value} in ${sentence}`);
  return countedPhrase(f, sentence, maxWords === undefined ? {} : { maxWords });
}

test('the clause after the figure is taken whole, to its punctuation', () => {
  const p = phraseOf('31 towns still did not explicitly make private cars in the centre illegal, whatever the hour of the day.', 31);
  assert.deepEqual(p, { text: 'still did not explicitly make private cars in the centre illegal', form: 'predicate' });
});

test('a clause longer than the limit is cut before a qualifier, never mid-phrase', () => {
  const s = 'In 2023, 50 towns still did not ban the private use of cars in their historic centres regardless of the time of day.';
  assert.equal(phraseOf(s, 50, 20)?.text, 'still did not ban the private use of cars in their historic centres regardless of the time of day');
  assert.equal(phraseOf(s, 50, 13)?.text, 'still did not ban the private use of cars in their historic centres');
  assert.equal(phraseOf(s, 50, 12)?.text, 'still did not ban the private use of cars');
  // No qualifier to cut before: no phrase rather than a broken one.
  assert.equal(phraseOf('12 towns ban cars buses lorries vans scooters mopeds bicycles carts trams taxis coaches.', 12, 5), null);
});

test('a phrase never ends on a preposition or a determiner', () => {
  const p = phraseOf('40 of the 90 towns do not ban cars without regard to', 40);
  assert.equal(p, null);
  assert.equal(phraseOf('12 towns only restrict parking and do not ban cars from them.', 12)?.text, 'only restrict parking and do not ban cars from them');
});

test('a participle describing the whole is left out of what is counted', () => {
  assert.equal(phraseOf('16 of the 120 towns reviewed still have no parking rules.', 16)?.text, 'still have no parking rules');
});

test('a phrase narrowing the counted noun stops at the finite verb', () => {
  const s = 'A town can restrict parking and still allow cars, so the fall to 9 towns without any rules is not a rise in bans.';
  assert.deepEqual(phraseOf(s, 9), { text: 'without any rules', form: 'modifier' });
  const f = extractFigures(s).find((x) => x.value === 9);
  assert.ok(f);
  assert.equal(whatItCounts(f, s), 'towns without any rules');
});

test('a fronted figure counts the places where the main clause holds', () => {
  assert.deepEqual(phraseOf('In 70 of the 110 towns surveyed, parking in the centre was not restricted.', 70), {
    text: 'towns surveyed where parking in the centre was not restricted',
    form: 'clause',
  });
});

test('a figure that closes its clause is shown with that clause', () => {
  assert.deepEqual(phraseOf('The survey reviews the traffic rules of 120 towns and ranks them.', 120), {
    text: 'The survey reviews the traffic rules of 120 towns',
    form: 'clause',
  });
});

test('what it counts is brief and complete for every figure of a varied text', () => {
  const text = [
    '38 of those 62 towns do not ban private cars from their centres without regard to the time of day.',
    'In 138 of the 184 towns reviewed, parking was not restricted.',
    '95 towns lacked any rules on private cars in 2006.',
    'The survey analyses the rules of 196 towns and offers a model bylaw.',
  ];
  for (const s of text) {
    for (const f of extractFigures(s)) {
      const counts = whatItCounts(f, s);
      const words = counts.split(/\s+/);
      assert.ok(counts !== s && words.length <= 18, `too long or whole sentence: ${counts}`);
      const last = (words[words.length - 1] ?? '').toLowerCase();
      assert.ok(!STOPWORDS.has(last) || ['it', 'them', 'there'].includes(last), `ends mid-phrase: ${counts}`);
    }
  }
});

test('a point or comma inside a number does not end the phrase ("$10.70", "1,200")', () => {
  const s = 'The toll rose from $3.45 to $3.70 on the new bridge.';
  const f = extractFigures(s)[0]!;
  assert.equal(countedPhrase(f, s)?.text.includes('$3.70'), true);
  assert.ok(!/\$3$/.test(countedPhrase(f, s)?.text ?? ''));
});

test('what an amount counts is never a phrase holding another figure', () => {
  const s = 'The toll rose from $3.45 to $3.70 on the new bridge.';
  assert.equal(whatItCounts(extractFigures(s)[0]!, s), 'dollars');
});

test('a date in the phrase is not an amount: "plan to raise fares starting on January 1" stays what it counts', () => {
  const s = 'Twelve towns plan to raise fares starting on January 1, with commuters paying more in 2025.';
  assert.match(whatItCounts(extractFigures(s)[0]!, s), /plan to raise fares/);
});

test('a change that closes its clause counts what changed: "sick days taken decreased by 65%"', () => {
  const s = 'Overall, late returns at the libraries decreased by 30%.';
  assert.equal(whatItCounts(extractFigures(s)[0]!, s), 'late returns at the libraries decreased');
  // Not a change: the unit stays.
  const level = 'The share reached 30%.';
  assert.equal(whatItCounts(extractFigures(level)[0]!, level), 'percent');
});

test('a number joined to a unit of time before a noun names a kind of thing, not a count', () => {
  const s = 'Libraries ran a 6-month trial; the pilot lasted 6 months.';
  const figures = extractFigures(s);
  assert.deepEqual(figures.map((f) => f.text), ['6-month', '6 months']);
  assert.deepEqual(figures.filter((f) => namesAKind(f, s)).map((f) => f.text), ['6-month']);
});

test('a span of time said as when something happened is no count for the figures table', () => {
  const s = 'The flood was the worst in 40 years, and 12 new breaches were found in just three days; repairs took 9 weeks.';
  const figures = extractFigures(s);
  assert.deepEqual(figures.filter((f) => spanOfTime(f, s)).map((f) => f.text), ['40 years', 'three days']);
});
