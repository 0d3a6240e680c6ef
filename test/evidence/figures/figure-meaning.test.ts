// The figure-meaning comparison (src/evidence/figures/figure-meaning.ts) and its use in stance: each
// relation on a pattern of its own, the pair chosen when no figure is named, and a matching number
// with another meaning taken away from support.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareFigureStatements, relationSupports, type MeaningRelation } from '../../../src/evidence/figures/figure-meaning.js';
import { figureMeaningMismatch } from '../../../src/evidence/figures/figure-stance.js';
import { judgePair } from '../../../src/evidence/stance/judge.js';

const CASES: Array<[string, string, MeaningRelation]> = [
  ['1,200 clinics in Northvale offer the vaccine', 'The health authority inspected 1,200 clinics in Northvale in 2023.', 'different-predicate'],
  ['300 scientists in Calder signed the open letter', '300 scientists in Calder were invited to sign the open letter.', 'different-predicate'],
  ["26 of Calder's 40 districts ban e-scooters", "26 of Calder's 52 districts ban e-scooters", 'different-whole'],
  ['60% of Northvale voters backed the bill', '60% of the Northvale voters who turned out backed the bill', 'different-whole'],
  ['In 2023, 300 people died on the roads', 'In 2019, 300 people died on the roads', 'different-period'],
  ['40 districts have banned scooters', 'Since 2006, 40 districts have banned scooters', 'different-period'],
  ['Unemployment rose 2 percentage points', 'Unemployment rose 2%', 'different-unit'],
  ['The firm made 5 million marks', 'The firm made 5 billion marks', 'different-unit'],
  ['The route is 180 kilometres long', 'The route is 180 miles long', 'different-unit'],
  ['Average rent is 1,100 marks a month', 'Tenants pay 1,100 marks a year in rent', 'different-unit'],
  ['Prices rose 5%', 'Prices fell 5%', 'conflicting-value'],
  ['Crime fell 12% last year', 'Crime fell 15% last year', 'conflicting-value'],
  ['1,200 clinics offer the vaccine', '1,200 clinics do not offer the vaccine', 'conflicting-value'],
  ["26 of Calder's 40 districts ban e-scooters outright", "26 of Calder's 40 districts restrict e-scooters", 'broader'],
  ['38 states have some law on drone flights', '38 states make drone flights a criminal offence', 'narrower'],
  ['Police arrested 1,900 people at the protests', 'Police arrested 4,100 people. Of those, 1,900 were charged.', 'narrower'],
  ['The survey found 410 plant species in the park', 'The survey found 410 flowering plant species in the park', 'narrower'],
  ['Kelmouth has 1,300 sports clubs', 'Kelmouth has 1,300 sports clubs that receive public funding', 'narrower'],
  ['840 factories closed down in 2023', '840 factories closed or cut shifts in 2023', 'broader'],
  ['140 countries criminalise possession', 'In a survey, officials in 140 countries said they criminalise possession', 'different-predicate'],
  ['The league has 20 teams', 'The school has 20 teachers', 'unrelated'],
  ['The budget includes 300 million marks for defence', 'The coastline is about 300 kilometres long', 'unrelated'],
  ['Brenmoor has 2.5 nurses per 1,000 people', 'Brenmoor has 2.5 nurses per 10,000 people', 'conflicting-value'],
  ["Tarrow's wheat exports were worth 3 billion marks", "Tarrow's wheat and barley exports were worth 3 billion marks", 'broader'],
  ["Kelmouth's lakes and rivers hold 80 species of fish", "Kelmouth's lakes hold 80 species of fish", 'narrower'],
  ["Westmere's debt is 7% of its output", "Westmere's debt grew 7% last year", 'different-unit'],
  ['120 members of the Westmere council voted for the plan', '120 members of the Westmere council attended the debate on the plan', 'different-predicate'],
  ['80% of Tarrow doctors recommend the new drug', "In the maker's poll, 80% of Tarrow doctors said they had heard of the new drug", 'different-predicate'],
  // Seen by N people is what those people did, not a verb of occurrence.
  ["Kelmouth's bus fares have doubled since 2019", "Kelmouth's bus fares have halved since 2019.", 'conflicting-value'],
  ["Kelmouth's bus fares have doubled since 2019", "Kelmouth's bus fares have tripled since 2019.", 'conflicting-value'],
  ['2 million people in Tarrow signed the appeal', 'The Tarrow appeal was seen by 2 million people online.', 'different-predicate'],
  // "since the reform" is a running total the period reader cannot date; "last year" is one year.
  ['Westmere courts have heard 900 appeals since the reform', 'Westmere courts heard 900 appeals last year.', 'different-period'],
];

for (const [claim, source, want] of CASES) {
  test(`${want}: "${claim}" / "${source}"`, () => {
    const got = compareFigureStatements({ sentence: claim }, { sentence: source });
    assert.equal(got.relation, want, got.reason);
    assert.ok(got.reason.length > 10 && !got.reason.includes('\n'), 'a one-line reason');
  });
}

const PARAPHRASES: Array<[string, string]> = [
  ['140 of 196 countries criminalise simple possession', '140 nations out of 196 criminalise simple possession'],
  ['A quarter of adults smoke', '25% of adults smoke'],
  ['One in four adults smoke', 'A quarter of adults smoke'],
  ['Northvale recorded 4,312 measles cases in 2023', 'In 2023, Northvale recorded 4,312 measles cases, the ministry said.'],
  ['Two dozen pharmacies in Calder ran out of insulin', 'The guild said 24 pharmacies in Calder ran out of insulin.'],
  ['A dozen judges in Westmere have resigned since the reform', 'Twelve Westmere judges have stepped down since the reform.'],
  ['Food prices in Kelmouth rose by almost 10% in a year', "Kelmouth's food prices were up 9.6% on a year earlier"],
  ['Brenmoor has 2.5 nurses for every 1,000 people', 'Brenmoor counts 25 nurses per 10,000 people'],
  ['The tickets sold out in under three hours', 'The tickets were gone in less than 180 minutes'],
  // A verb of one sense or kind in WordNet (a shared synset, or one a hypernym of the other).
  ['The Tarrow ferry travelled 40,000 kilometres last year', 'The Tarrow ferry covered 40,000 kilometres last year.'],
  ['The two Westmere sides have played 95 times since 1950', 'Since 1950 the two Westmere sides have met 95 times.'],
  // A word written before the counted noun is said too; "face" / "at risk of" leaves one word of three unsaid.
  ['Nine farms in Kelmouth face closure', 'Nine Kelmouth farms are at risk of closure.'],
  // "a total of" is the count itself, not a narrower one.
  ['Westmere clinics logged a total of 3,150 cases of mumps this spring', 'This spring 3,150 mumps cases were logged by clinics in Westmere.'],
  // The head noun after an adjective the figure reader took for the unit ("1 in 5 criminal trials").
  ['1 in 5 criminal trials in Tarrow is settled out of court', "A fifth of Tarrow's criminal trials end in a settlement out of court."],
  // "saw N patients": a verb of occurrence before its figure; the period is not a restriction.
  ['Kelmouth clinics saw more than 9,000 patients with measles last spring', 'Over 9,000 measles patients were treated in Kelmouth clinics last spring.'],
  // "in favour of" says what the counted people think, not which of them are counted.
  ['More than half of Tarrow farmers want a new subsidy', 'A poll found 58% of Tarrow farmers in favour of a new subsidy.'],
  // Changes written as multiples or fractions, measured from the same base year.
  ["Kelmouth's bus fares have doubled since 2019", "Kelmouth's bus fares are up 100% on 2019."],
  ["Westmere's rents have tripled since 2005", "Westmere's rents are three times what they were in 2005."],
  ['Fuel duty has gone up by a quarter since the budget', 'Fuel duty is about 25% higher than before the budget.'],
];

for (const [claim, source] of PARAPHRASES) {
  test(`paraphrase supports: "${claim}" / "${source}"`, () => {
    const got = compareFigureStatements({ sentence: claim }, { sentence: source });
    assert.ok(relationSupports(got.relation), `${got.relation}: ${got.reason}`);
  });
}

test('the named figure is compared, not the best-matching one', () => {
  const s = 'Police arrested 4,100 people at the protests. Of those, 1,900 were charged.';
  assert.equal(compareFigureStatements({ sentence: 'Police arrested 4,100 people at the protests', figure: '4,100' }, { sentence: s, figure: '4,100 people' }).relation, 'same');
  assert.ok(!relationSupports(compareFigureStatements({ sentence: 'Police arrested 4,100 people at the protests', figure: '4,100' }, { sentence: s, figure: '1,900' }).relation));
});

test('no figure to read: unrelated, saying which side', () => {
  const got = compareFigureStatements({ sentence: 'Prices went up a lot' }, { sentence: 'Prices rose 5%' });
  assert.equal(got.relation, 'unrelated');
  assert.match(got.reason, /the claim states no figure/);
});

test('stance: a matching number with another predicate is not support, and says why', () => {
  const claim = '1,200 clinics in Northvale offer the vaccine';
  const passage = 'The health authority inspected 1,200 clinics in Northvale in 2023. Of those, 310 offered the new vaccine.';
  const m = figureMeaningMismatch(claim, passage);
  assert.equal(m?.comparison.relation, 'different-predicate');
  assert.equal(m?.sourceSentence, 'The health authority inspected 1,200 clinics in Northvale in 2023.');
  const j = judgePair(claim, passage);
  assert.notEqual(j.stance, 'supports');
  assert.equal(j.reasons[0]?.kind, 'figure-meaning-mismatch');
  assert.match(j.reasons[0]?.detail ?? '', /the claim says "1,200 clinics in Northvale offer the vaccine", the source says "The health authority inspected 1,200 clinics in Northvale in 2023"/);
});

test('stance: one sentence that says the same thing is enough, whatever else the passage says', () => {
  const claim = '1,200 clinics in Northvale offer the vaccine';
  const passage = 'The health authority inspected 1,200 clinics in Northvale in 2023. Health officials say 1,200 clinics in Northvale offer the vaccine.';
  assert.equal(figureMeaningMismatch(claim, passage), null);
  assert.equal(judgePair(claim, passage).stance, 'supports');
});

test('round 3 patterns: level vs change, real vs cash terms, a definite set and its body, a part of a named place, a name before the counted noun', () => {
  const rel = (claim: string, source: string): MeaningRelation => compareFigureStatements({ sentence: claim }, { sentence: source }).relation;
  assert.equal(rel('Unemployment in Calder fell to 5% last year.', 'Unemployment in Calder fell by 5% last year.'), 'different-unit');
  assert.equal(rel('Unemployment in Calder fell to 5% last year.', 'Last year unemployment in Calder dropped to 5%.'), 'paraphrase');
  // Near-identical wording: same (every word of the claim written by the source).
  assert.equal(rel('Bus fares in Calder rose 3% in 2024.', 'Bus fares in Calder rose by 3% in 2024.'), 'same');
  assert.equal(rel('Median wages in Northvale rose 5% in real terms in 2024.', 'Median wages in Northvale rose 5% in cash terms in 2024.'), 'different-unit');
  assert.equal(rel('Median wages in Northvale rose 5% in real terms in 2024.', 'After inflation, median wages in Northvale rose 5% in 2024.'), 'paraphrase');
  assert.equal(rel('The Calder Greens won a quarter of the seats.', 'The Calder Greens took 25% of the seats in the assembly.'), 'paraphrase');
  assert.equal(rel('Half of the beds in Northvale are occupied.', 'Half of the beds in the children\'s ward in Northvale are occupied.'), 'different-whole');
  assert.equal(rel('A third of Calder\'s households rent their home.', 'A third of households in Calder\'s capital rent their home.'), 'different-whole');
  assert.equal(rel('One in five Calder voters backs the plan, a poll found.', 'One in five Calder voters under 30 backs the plan, a poll found.'), 'different-whole');
});

test('a price is stated to the cent: "$12" is not a rounding of "$11.50", and the same period pairs first', () => {
  const r = compareFigureStatements({ sentence: 'The ferry fare rose to $12 in 2025.' }, { sentence: 'The ferry fare went from $11 in 2024 to $11.50 in 2025.' });
  assert.equal(r.relation, 'conflicting-value', r.reason);
  assert.equal(compareFigureStatements({ sentence: 'The ferry fare rose to $11.50 in 2025.' }, { sentence: 'The ferry fare went from $11 in 2024 to $11.50 in 2025.' }).relation === 'conflicting-value', false);
  // A large amount keeps its rounding: "$1.2 billion" restates "$1.23 billion".
  assert.notEqual(compareFigureStatements({ sentence: 'The port cost $1.2 billion.' }, { sentence: 'The port cost $1.23 billion.' }).relation, 'conflicting-value');
});

test('"has not changed" and "remains unchanged" say one thing of a figure', () => {
  const r = compareFigureStatements({ sentence: 'The harbour toll of $4 has not changed since 2011.' }, { sentence: 'The harbour toll remains unchanged at $4, where it has been since 2011.' });
  assert.ok(r.relation === 'paraphrase' || r.relation === 'same', `${r.relation}: ${r.reason}`);
});

test('a date without its year is not another period of the same month: "on January 1" and "January 2025"', () => {
  const r = compareFigureStatements({ sentence: 'Beginning January 2025, 23 towns are set to raise their ferry fares.' }, { sentence: 'A total of 21 towns will raise their ferry fares on January 1.' });
  assert.equal(r.relation, 'conflicting-value', r.reason);
  // Another month is another period.
  assert.equal(compareFigureStatements({ sentence: 'In March 2025, 23 towns raised their ferry fares.' }, { sentence: 'On July 1, 23 towns raised their ferry fares.' }).relation, 'different-period');
});

test('"estimated at" is what is said of the figure, not who said it: a bulleted survey line paraphrases the claim', () => {
  const r = compareFigureStatements({ sentence: 'In 2023, average hard coral cover on the Corran Reef was 35.7 per cent' }, { sentence: '38 reefs surveyed, with average hard coral cover estimated at 35.7 per cent' });
  assert.ok(relationSupports(r.relation), r.reason);
});
