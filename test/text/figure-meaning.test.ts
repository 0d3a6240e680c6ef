// What a figure counts (src/text/figures/figures/figure-meaning.ts): each part read, and the bad input read right
// or left out with a note.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { foldDigits, readFigureMeanings, type FigureMeaning } from '../../src/text/figures/figure-meaning.js';
import { extractFigures } from '../../src/text/figures/figures.js';

function only(sentence: string, text?: string): FigureMeaning {
  const figures = readFigureMeanings(sentence).figures;
  const m = text === undefined ? figures[0] : figures.find((f) => f.figure.text.includes(text));
  assert.ok(m, `no figure ${text ?? ''} in "${sentence}": ${JSON.stringify(figures.map((f) => f.figure.text))}`);
  return m;
}

test('the predicate belongs to the part and the whole is the 40 districts ("26 of Calder\'s 40 districts ban e-scooters outright")', () => {
  const [f] = extractFigures("26 of Calder's 40 districts ban e-scooters outright");
  assert.equal(f?.value, 26);
  assert.equal(f?.whole, 40);
  assert.equal(f?.unit, 'districts');
  assert.equal(f?.predicate, 'ban e-scooters outright');
  const m = only("26 of Calder's 40 districts ban e-scooters outright");
  assert.equal(m.counted, 'districts');
  assert.deepEqual(m.verbs, ['ban']);
  assert.ok(m.said.includes('outright'));
});

test('the whole after the counted noun ("140 nations out of 196") and before it ("Of Calder\'s 40 districts, 26 …")', () => {
  const a = only('140 nations out of 196 have laws against it');
  assert.equal(a.whole, 196);
  assert.equal(a.counted, 'nations');
  assert.ok(Math.abs((a.share ?? 0) - 140 / 196) < 1e-9);
  const b = only("Of Calder's 40 districts, 26 ban e-scooters.", '26');
  assert.equal(b.whole, 40);
  assert.equal(b.counted, 'districts');
});

test('kinds and scales: percent, percentage points, money, measures, rates per head', () => {
  assert.equal(only('Unemployment rose 2 percentage points').kind, 'points');
  assert.equal(only('Unemployment rose 2%').kind, 'percent');
  assert.equal(only('The project cost 5 billion marks').kind, 'money');
  assert.equal(only('The project cost 5 billion marks').scale, 1e9);
  assert.equal(only('The route is 180 kilometres long').kind, 'measure');
  assert.equal(only('The suicide rate is 14 per 100,000 people').kind, 'rate');
  assert.equal(only('The temperature rose 2 degrees Celsius').measure, 'degrees celsius');
});

test('shares written as words, digits and "in": "a quarter", "25%", "one in four"', () => {
  assert.equal(only('A quarter of adults smoke').share, 0.25);
  assert.equal(only('25% of adults smoke').share, 0.25);
  assert.equal(only('One in four adults smoke').share, 0.25);
  assert.equal(only('25% of adults smoke').counted, 'adults');
});

test('periods: a year, a running total since a year, "as of" a month, a relative season', () => {
  assert.deepEqual(only('The authority inspected 1,200 clinics in 2023.').period?.from, '2023');
  const since = only('Since 2006, 40 districts have banned scooters.').period;
  assert.equal(since?.kind, 'since');
  assert.equal(since?.from, '2006');
  assert.equal(only('As of May, 300 people were waiting.').period?.kind, 'as-of');
  assert.equal(only('Northvale vaccinated 640,000 people against flu last winter.').period?.from, 'last winter');
});

test('the source of a count, negation and direction', () => {
  assert.equal(only('In a survey, 25% of adults said they smoke.').countSource, 'survey');
  assert.equal(only('Under the statute, 40 offences carry a fine.').countSource, 'statute');
  assert.equal(only('30 districts no longer allow scooters.').negated, true);
  assert.equal(only('Fewer than 30 districts allow scooters.').negated, false, 'a bound is not a negation');
  assert.equal(only('Attendance fell 8% as ticket prices climbed.').direction, 'down', 'the direction word nearest the figure');
  assert.equal(only('Brenmoor has 400 fewer police officers than in 2019.').direction, 'down');
});

test('a part of a set named before it ("Of those, 310 offered …") and a restricting phrase', () => {
  assert.equal(only('Of those, 310 offered the new vaccine.').subset, true);
  assert.equal(only('310 clinics offered the new vaccine.').subset, false);
  assert.deepEqual(only('Kelmouth has 1,300 sports clubs that receive public funding.').restriction, ['receive', 'public', 'funding']);
  assert.deepEqual(only('1,200 clinics in Northvale offer the vaccine.').restriction, [], 'a place is no restriction');
});

test('digits of other scripts are read, with a note; unknown scripts are noted and left out', () => {
  const arabic = readFigureMeanings('سجلت ٣٠ حالة and ३० cases were recorded');
  assert.ok(arabic.figures.some((f) => f.figure.value === 30 && f.counted === 'cases'));
  assert.ok(arabic.notes.some((n) => n.includes('٣٠ → 30')));
  assert.equal(foldDigits('１２０ seats').text, '120 seats', 'full-width digits, one code unit each');
  const odd = readFigureMeanings('𝟙𝟚 cases');
  assert.ok(odd.notes.some((n) => /script the reader does not know/.test(n)) || odd.figures.length === 0);
});

test('ranges with every dash, years against counts', () => {
  for (const dash of ['-', '–', '—', '‒', '―', '−', '－']) {
    const [f] = extractFigures(`Prices rose 5${dash}10% last year`);
    assert.equal(f?.value, 5, dash);
    assert.equal(f?.high, 10, dash);
  }
  const m = readFigureMeanings('There were 2,006 cases in 2006.').figures;
  assert.equal(m.length, 1);
  assert.equal(m[0]?.figure.value, 2006);
  assert.equal(m[0]?.period?.from, '2006');
  assert.equal(only('This season 2,006 dengue cases were logged.').figure.value, 2006, 'a thousands separator after "this season" is a count');
  // A year then a figure with decimals is no span of years ("2019 to 92.7%" is not 2019–2092).
  const fall = readFigureMeanings('Coverage fell from 95% in 2019 to 92.7% in the latest school year.').figures;
  assert.deepEqual(fall.map((f) => f.figure.value), [95, 92.7]);
  assert.equal(fall[0]?.period?.text, '2019', 'each figure has the period that follows it');
  assert.equal(fall[1]?.period?.text, 'the latest school year');
  // A score or tally ("3–1", "52–48") is left out with a note, not read as the count 3 or 52; a range still reads.
  for (const dash of ['–', '—', '‒']) {
    const score = readFigureMeanings(`Brenmoor beat the champions 3${dash}1 in the cup.`);
    assert.equal(score.figures.length, 0, dash);
    assert.match(score.notes.join(' '), /score or tally/);
  }
  assert.equal(readFigureMeanings('Brenmoor beat the champions 3-1 in the cup.').figures.length, 0, 'with a hyphen the figure reader leaves it out itself');
  assert.equal(readFigureMeanings('Prices rose 5–10% last year.').figures[0]?.figure.high, 10);
  // A masked date does not take the number after it along ("in 2021 to 4,100 cases").
  assert.deepEqual(extractFigures('Cases rose from 3,200 in 2021 to 4,100 in 2022.').map((f) => f.value), [3200, 4100]);
});

test('words: "two dozen", "a third"', () => {
  assert.equal(only('Two dozen pharmacies ran out of insulin.').figure.value, 24);
  assert.ok(Math.abs((only('A third of households rent.').share ?? 0) - 1 / 3) < 1e-9);
  assert.equal(extractFigures('Half a million people work in tourism.')[0]?.value, 500_000, '"half" scales "a million"');
  assert.equal(extractFigures('Half a million people work in tourism.')[0]?.text, 'Half a million people');
});

test('two dates joined are one span ("between January 1 and March 28"), not the first day alone', () => {
  const m = only('97 measles cases were reported between January 1 and March 28, officials said.');
  assert.equal(m.period?.kind, 'span');
  assert.equal(m.period?.text, 'between January 1 and March 28');
  const other = only('97 measles cases were reported between June 1 and June 28.');
  assert.notEqual(other.period?.from, m.period?.from);
  assert.equal(only('Sales rose 5% from March 3 to March 9.').period?.kind, 'span');
});

test('an abbreviation\'s full stop does not end the clause ("in the U.S. in 2024" keeps its year)', () => {
  const m = only('A total of 64 measles cases were reported in the U.S. in 2024, spread across 20 jurisdictions.', '64');
  assert.equal(m.period?.from, '2024');
  assert.equal(only('Exports from the U.K. grew 3% in 2021, the trade office said.').period?.from, '2021');
});

test('a label word that is a verb before a count is no label ("pledged to build 8,000 homes"); "build 8000" of software still is', () => {
  assert.deepEqual(extractFigures('The council has pledged to build 8,000 homes by 2028.').map((f) => f.text), ['8,000 homes']);
  assert.deepEqual(extractFigures('The prison will release 300 prisoners early.').map((f) => f.text), ['300 prisoners']);
  assert.deepEqual(extractFigures('Download build 8000 now.').map((f) => f.text), []);
});

test('bad input: a year range after a preposition of time is a period, whatever noun follows; fiscal years; vague amounts are left out with a note', () => {
  assert.equal(only('Between 2010-2015 exports rose 40%.').period?.text, '2010-2015');
  assert.equal(readFigureMeanings('Between 2010-2015 exports rose 40%.').figures.length, 1);
  assert.deepEqual([only('Exports rose 40% in 2010/11.').period?.from, only('Exports rose 40% in 2010/11.').period?.until], ['2010', '2011']);
  const vague = readFigureMeanings('Hundreds of people marched, and 40 were arrested.');
  assert.deepEqual(vague.figures.map((m) => m.figure.value), [40]);
  assert.ok(vague.notes.some((n) => n.includes('Hundreds of')), vague.notes.join('; '));
});
