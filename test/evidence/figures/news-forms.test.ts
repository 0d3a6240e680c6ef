// Forms news reports give their figures in, each read for what it counts: a percentage in brackets
// or after ", or" restating a count, a sentence whose setting is on its page, a change said with
// another verb, a year-on-year base, the size of a set introduced before its parts, and a general
// word for the bodies taking part. The fixtures are written for these tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareFigureStatements, profileClaim, textCoverage } from '../../../src/evidence/index.js';
import { figureSignals } from '../../../src/evidence/figures/figure-signals.js';

const relation = (claim: string, source: string): string => compareFigureStatements({ sentence: claim }, { sentence: source }).relation;

test('a percentage in brackets or after ", or" restates the count before it and shares its predicate', () => {
  const page = 'Of the 48 libraries in the Corran scheme, 42 (88%) still open on Sundays a year later, and 20 (42%) have made it permanent.';
  const [bracketed] = figureSignals('A year after the Corran scheme, 88% of libraries still opened on Sundays', page);
  assert.equal(bracketed?.match?.source.figure.text, '88%');
  const [apposed] = figureSignals('88% of the libraries chose to keep Sunday opening', 'Of those, 42 libraries, or 88%, chose to keep Sunday opening, 20 of them for good.');
  assert.equal(apposed?.match?.source.figure.text, '88%');
  // The bracketed share is said of its own clause, not of the one after it.
  assert.notEqual(relation('42% of the libraries still open on Sundays', page), 'paraphrase');
});

test('a sentence with no setting of its own is set by its page, and only by words its page states', () => {
  const claim = 'Late returns fell by 30% in the Corran library scheme';
  const sentence = 'Overall, late returns decreased by 30%.';
  const [withPage] = figureSignals(claim, `The Corran library scheme ran for a year.\n\n${sentence}`);
  assert.ok(withPage?.match, 'the page names the scheme, so the sentence speaks of it');
  const [titled] = figureSignals(claim, sentence, undefined, 'Corran library scheme: what a year of Sunday opening did');
  assert.ok(titled?.match, "the page's title sets the sentence too");
  const [alone] = figureSignals(claim, sentence);
  assert.equal(alone?.match, null, 'without the page nothing says which scheme');
  // A sentence with a setting of its own keeps it.
  const [other] = figureSignals(claim, 'The Corran library scheme ran for a year.\n\nIn the Ardee scheme, late returns decreased by 30%.');
  assert.equal(other?.match, null);
});

test('a change said with another word of the same way is the same change; a comparison is not a change', () => {
  assert.equal(relation('Complaints fell by 12% last year', 'Complaints decreased by 12% last year, the council said.'), 'paraphrase');
  assert.equal(relation('Staff turnover fell by 40% at the clinics', 'There was a 40% reduction in staff turnover at the clinics.'), 'paraphrase');
  // "What's more" says no rise.
  assert.notEqual(relation('Staff turnover fell by 40% at the clinics', "What's more, staff turnover at the clinics saw a 40% reduction."), 'conflicting-value');
  assert.equal(relation("Ardee's output grew by 3.4% in 2024.", 'The share of Ardee homes with solar panels was 3.4% higher in the north.'), 'unrelated');
});

test('a year-on-year base is what a change is measured from, not when it holds; another span still differs', () => {
  assert.equal(relation('Sick leave fell by 25% at the firms in the study', 'Sick leave fell by 25% at the firms in the study compared to the same period of the previous year.'), 'same');
  assert.equal(relation('Rents in Ardee are 20% higher than a year ago.', 'Rents in Ardee are 20% higher than they were ten years ago.'), 'different-period');
});

test('the size of a set introduced before its parts is no rival to a part of it', () => {
  const signals = figureSignals('Of the 48 libraries in the scheme, 20 made Sunday opening permanent', 'Of those, 42 libraries, or 88%, chose to keep Sunday opening, 20 of them for good.');
  assert.equal(signals.find((s) => s.claim.figure.text.startsWith('48'))?.conflict, null);
  // Another size of the set is one.
  const size = figureSignals('Of the 48 libraries in the scheme, 20 made Sunday opening permanent', 'In all, 55 libraries took part in the scheme.');
  assert.ok(size.find((s) => s.claim.figure.text.startsWith('48'))?.conflict);
});

test('a general word for the bodies taking part names the same set as a kind of body', () => {
  assert.equal(relation('Of the 61 companies in the trial, 18 kept the change', 'Of the 61 organisations in the trial, 18 kept the change.'), 'paraphrase');
  assert.equal(relation('92% of companies in the trial kept the change', '92% of the participating companies kept the change.'), 'paraphrase');
  // A kind of a specific noun still narrows: swimmers are some athletes.
  assert.equal(relation('Ardee sent 40 athletes to the games', 'Ardee sent 40 swimmers to the games.'), 'narrower');
});

test("a claim's words are held by their other written forms: U.K., 4-day, an irregular past", () => {
  const profile = profileClaim('Sick days fell by 65% in the UK four-day week trial');
  const text = 'Trials in the U.K. of a 4-day week ran for six months. Overall, sick days taken decreased by 65% during the trial.';
  assert.ok(textCoverage(profile, text, 3) > 0.95, `coverage ${textCoverage(profile, text, 3)}`);
});
