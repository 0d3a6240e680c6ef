import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { extractFigures, parseNumberWords } from '../../src/text/index.js';
import type { Figure } from '../../src/model.js';

function one(text: string): Figure {
  const figs = extractFigures(text);
  assert.equal(figs.length, 1, `expected one figure in ${JSON.stringify(text)}, got ${JSON.stringify(figs)}`);
  const f = figs[0];
  assert.ok(f);
  assert.equal(text.slice(f.start, f.end), f.text);
  return f;
}

test('the issue example: value, whole, unit and predicate', () => {
  const f = one('140 of 196 countries criminalize simple possession.');
  assert.deepEqual({ value: f.value, whole: f.whole, unit: f.unit, predicate: f.predicate, bound: f.bound, approximate: f.approximate }, {
    value: 140, whole: 196, unit: 'countries', predicate: 'criminalize simple possession', bound: '=', approximate: false,
  });
});

test('wholes written in words, "in" and "out of"', () => {
  assert.equal(one('Three of the five criteria were met.').whole, 5);
  const f = one('7 in 10 adults say they support the law.');
  assert.deepEqual([f.value, f.whole, f.unit], [7, 10, 'adults']);
  assert.deepEqual([one('Nine out of 10 dentists recommend it.').whole, one('Nine out of 10 dentists recommend it.').value], [10, 9]);
});

test('bounds and approximations', () => {
  assert.equal(one('More than 45% of respondents agreed.').bound, '>');
  assert.equal(one('At least 30 states have passed such laws.').bound, '>=');
  assert.equal(one('Fewer than 20 judges dissented.').bound, '<');
  assert.equal(one('The law allows up to 10 years in prison.').bound, '<=');
  assert.equal(one('No more than 5 people may gather.').bound, '<=');
  assert.equal(one('There were 50 or more observers.').bound, '>=');
  const a = one('About 2.3 million people live in the city.');
  assert.deepEqual([a.value, a.approximate, a.unit, a.predicate], [2_300_000, true, 'people', 'live in the city']);
  assert.equal(one('Nearly 40 countries objected.').approximate, true);
  assert.equal(one('Some 6.9 million people died.').approximate, true);
});

test('percentages, money and scales', () => {
  assert.deepEqual([one('Unemployment fell to 4.5 per cent.').value, one('Unemployment fell to 4.5 per cent.').unit], [4.5, 'percent']);
  const m = one('The company earned $3.5 billion last quarter.');
  assert.deepEqual([m.value, m.unit], [3_500_000_000, 'dollars']);
  assert.deepEqual([one('It costs €4.2bn to build.').value, one('It costs €4.2bn to build.').unit], [4_200_000_000, 'euros']);
  assert.equal(one('The fine was 500 dollars.').unit, 'dollars');
  assert.equal(one('Support rose by 3 percentage points.').unit, 'percentage points');
});

test('ranges', () => {
  const r = one('Sentences range from 5 to 20 years in prison.');
  assert.deepEqual([r.value, r.high, r.unit], [5, 20, 'years']);
  const b = one('The fine is between 150 and 160 euros.');
  assert.deepEqual([b.value, b.high, b.unit], [150, 160, 'euros']);
  const d = one('Between 2 and 3 million people fled.');
  assert.deepEqual([d.value, d.high], [2_000_000, 3_000_000]);
  assert.deepEqual([one('Rates of 5–10% were seen.').value, one('Rates of 5–10% were seen.').high], [5, 10]);
  // A change is two figures, not a range.
  assert.deepEqual(extractFigures('The rate rose from 5% to 10% last year.').map((f) => f.value), [5, 10]);
});

test('number words', () => {
  assert.equal(one('One hundred forty countries signed.').value, 140);
  assert.equal(one('A dozen states abstained.').value, 12);
  const t = one('Two thirds of the members voted yes.');
  assert.ok(Math.abs(t.value - 2 / 3) < 1e-9);
  assert.equal(t.unit, 'members');
  assert.equal(one('Forty-two judges sat.').value, 42);
});

test('not figures: years, dates, ordinals, sections, citations, list markers, phones, versions, identifiers', () => {
  for (const text of [
    'The law was passed in 2019.',
    'It took effect on 5 May 2019.',
    'See the 9th edition.',
    'Under 18 U.S.C. § 2252A(a)(5), possession is a crime.',
    'N.J.S.A. 2C:24-4b(5) was amended.',
    'See Art. 9(4) and section 12 of the Convention.',
    '1. The first item',
    'Call 555-123-4567 or +44 20 7946 0958 today.',
    'Install version 2.3.1 or v3 of the tool.',
    'COVID-19 spread to the G20 states.',
    'The meeting is at 10:30 or 5 pm.',
    'Pub. L. No. 108-21, 117 Stat. 650 was enacted.',
    'One study found nothing.',
    'See 535 U.S. 234 and paragraph (1).',
  ]) {
    assert.deepEqual(extractFigures(text), [], text);
  }
});

test('a year followed by a plural noun is a count', () => {
  assert.equal(one('In total 1500 images were seized.').value, 1500);
});

test('parseNumberWords', () => {
  assert.equal(parseNumberWords('one hundred forty'), 140);
  assert.equal(parseNumberWords('one hundred and forty'), 140);
  assert.equal(parseNumberWords('a dozen'), 12);
  assert.equal(parseNumberWords('2.3 million'), 2_300_000);
  assert.equal(parseNumberWords('three quarters'), 0.75);
  assert.equal(parseNumberWords('two and a half million'), 2_500_000);
  assert.equal(parseNumberWords('1,234.5'), 1234.5);
  assert.equal(parseNumberWords('ninth'), null);
  assert.equal(parseNumberWords('one twenty'), null);
  assert.equal(parseNumberWords('some people'), null);
});

const SMALL = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
function below1000(n: number): string {
  const parts: string[] = [];
  const h = Math.floor(n / 100);
  const r = n % 100;
  if (h > 0) parts.push(`${SMALL[h]} hundred`);
  if (r >= 20) parts.push(r % 10 === 0 ? (TENS[Math.floor(r / 10)] ?? '') : `${TENS[Math.floor(r / 10)]}-${SMALL[r % 10]}`);
  else if (r > 0 || h === 0) parts.push(SMALL[r] ?? '');
  return parts.join(' ');
}
function inWords(n: number): string {
  if (n === 0) return 'zero';
  const groups: Array<[number, string]> = [[1e9, 'billion'], [1e6, 'million'], [1e3, 'thousand']];
  const parts: string[] = [];
  let rest = n;
  for (const [size, name] of groups) {
    const g = Math.floor(rest / size);
    if (g > 0) parts.push(`${below1000(g)} ${name}`);
    rest %= size;
  }
  if (rest > 0) parts.push(below1000(rest));
  return parts.join(' ');
}
function withSeparators(n: number): string {
  return n.toLocaleString('en-US');
}

test('property: integers written as words parse back, alone and in a sentence', () => {
  fc.assert(
    fc.property(fc.integer({ min: 2, max: 999_999_999 }), (n) => {
      const words = inWords(n);
      assert.equal(parseNumberWords(words), n, words);
      const figs = extractFigures(`Officials counted ${words} cases last month.`);
      assert.equal(figs.length, 1, words);
      assert.equal(figs[0]?.value, n);
      assert.equal(figs[0]?.unit, 'cases');
    }),
    { numRuns: 300 },
  );
});

test('property: numbers written as digits (with separators and decimals) parse back', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 2_000_000_000 }), fc.integer({ min: 0, max: 99 }), fc.boolean(), (n, cents, decimal) => {
      const digits = decimal ? `${withSeparators(n)}.${String(cents).padStart(2, '0')}` : withSeparators(n);
      const value = decimal ? n + cents / 100 : n;
      const figs = extractFigures(`The registry lists ${digits} items in total.`);
      assert.equal(figs.length, 1, digits);
      assert.ok(Math.abs((figs[0]?.value ?? NaN) - value) < 1e-6, digits);
    }),
    { numRuns: 300 },
  );
});

test('property: figures slice back and never overlap on any input', () => {
  const pieces = fc.constantFrom('140', ' of ', '196', ' countries', ' about ', '$', '5', '%', ' to ', '-', '2019', ' million', ' one', ' hundred', ' § ', '(', ')', '.', ',', ' ', '\n', 'U.S.C.', ' between ', ' and ', '3.5', '1,000', '😀', '\u0000');
  const arb = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.array(pieces, { maxLength: 60 }).map((a) => a.join('')), fc.string({ unit: 'binary', maxLength: 200 }));
  fc.assert(
    fc.property(arb, (input) => {
      let last = 0;
      for (const f of extractFigures(input)) {
        assert.equal(input.slice(f.start, f.end), f.text);
        assert.ok(f.start >= last && f.end > f.start);
        assert.ok(Number.isFinite(f.value));
        last = f.end;
      }
    }),
    { numRuns: 500 },
  );
});

test('a 1 MB line and control characters do not crash', () => {
  const line = '12 apples and 7 pears '.repeat(48_000);
  const t0 = performance.now();
  const figs = extractFigures(line);
  assert.equal(figs.length, 96_000);
  assert.ok(performance.now() - t0 < 10_000);
  assert.doesNotThrow(() => extractFigures('\u0000\u0001 5 \u0007 cats \u001b[31m 3%\u0000'));
});

test('degrees, formulas, parts and approximate years', () => {
  assert.deepEqual(extractFigures('The temperature will reach 70 °C (158 °F).').map((f) => [f.value, f.unit]), [[70, '°C'], [158, '°F']]);
  assert.deepEqual(extractFigures('It peaked around 1968 with 1,250 bears.').map((f) => f.value), [1250]);
  assert.deepEqual(extractFigures('About 2000 people came.').map((f) => f.value), [2000]);
  assert.deepEqual(extractFigures('PM 2.5 levels and CO 2 concentrations rose.'), []);
  assert.deepEqual(extractFigures('In the second half of the 20th century it grew.'), []);
  assert.equal(one('The predicted 67-per-cent decline did not happen.').unit, 'percent');
});

test('a year naming an instrument is no figure, and a verb ends the counted noun', () => {
  assert.deepEqual(extractFigures('The UN Optional Protocol of 2000 requires States Parties to criminalise simple possession.'), []);
  assert.deepEqual(extractFigures('The Treaty of 1992 obliges members to report.'), []);
  // Not "12 requires members": the counted noun is never found past a verb.
  assert.deepEqual(
    extractFigures('A committee of 12 requires members to vote.').map((f) => [f.text, f.unit]),
    [['12', null]],
  );
  // Controls: counts after "of" stay counts.
  assert.deepEqual(extractFigures('A survey of 2000 households found it.').map((f) => [f.text, f.value, f.unit]), [['2000 households', 2000, 'households']]);
  assert.deepEqual(extractFigures('Over 2000 people came.').map((f) => [f.value, f.unit]), [[2000, 'people']]);
});
