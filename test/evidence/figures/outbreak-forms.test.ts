// Forms outbreak and case-count reports give their figures in, each read for what it counts: a
// figure given for one named county against another county's, a "where" clause set by the place
// before it, a second predicate after "and", a ratio against a count, a count described further,
// an aside after a dash, and a list of figures sharing its subject and its date. The fixtures are
// written for these tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareFigureStatements } from '../../../src/evidence/index.js';
import { figureSignals } from '../../../src/evidence/figures/figure-signals.js';
import { readFigureMeanings } from '../../../src/text/figures/figure-meaning.js';

const relation = (claim: string, source: string): string => compareFigureStatements({ sentence: claim }, { sentence: source }).relation;

test("a figure given for another place of the same kind is another whole, never a rival value", () => {
  const claim = 'About 85 percent of first-graders in Marlow County are vaccinated';
  assert.equal(relation(claim, 'Eastern Ardent County has one case, with a vaccination rate of 93 percent.'), 'different-whole');
  assert.equal(relation(claim, 'Ardent County reports 85 percent of first-graders vaccinated.'), 'different-whole');
  // The same county keeps its rival value.
  assert.equal(relation(claim, 'In Marlow County, 70 percent of first-graders are vaccinated.'), 'conflicting-value');
  // The nearest county before the figure is its place, not one named earlier in the sentence.
  const [signal] = figureSignals('Ardent County reported six cases', 'Marlow County has 30 cases, Ardent County, with a 90 percent rate, reports two cases.');
  assert.equal(signal?.conflict?.source.figure.text, 'two cases');
});

test('a "where" clause is set by the place named before it', () => {
  const source = 'Officials counted 9 cases in Marlow County, close to the state line, where vaccination coverage among first-graders is only about 85 percent.';
  assert.equal(relation('Only about 85 percent of first-graders in Marlow County are vaccinated', source), 'paraphrase');
});

test('a second predicate after "and" is said of no figure before it', () => {
  const [m] = readFigureMeanings('The vaccine is 93% effective after two doses and kept the disease away until uptake declined.').figures;
  assert.equal(m?.direction, null, '"declined" is said of uptake, not of the 93%');
  assert.equal(relation('The vaccine is 93% effective after two doses', 'The vaccine is 93% effective after two doses and kept the disease away until uptake declined.'), 'same');
  // A participle that describes opens no predicate.
  const [d] = readFigureMeanings('The clinic saw 40 patients and injured workers waited outside.').figures;
  assert.match(d?.clause ?? '', /injured workers/);
});

test('a ratio is no count, and a count described further still states the plain count', () => {
  assert.equal(relation('The outbreak killed four children', 'Around one in six children in the county has not been vaccinated.'), 'different-unit');
  const [described] = figureSignals('The outbreak sickened 300 people and killed two children', 'The outbreak sickened 300 people and killed two unvaccinated school-aged children since March.');
  assert.ok(described?.match, 'two unvaccinated children are two children');
  const [m] = readFigureMeanings('It killed two unvaccinated children.').figures;
  assert.equal(m?.counted, 'children');
  assert.deepEqual(m?.modifiers, ['unvaccinated']);
  // A share of a described set keeps its narrower set.
  assert.notEqual(relation('40% of children were hospitalised', '40% of unvaccinated children were hospitalised'), 'paraphrase');
});

test('an aside after a dash dates itself, not the figure before it', () => {
  assert.equal(relation('The outbreak killed four children', 'The outbreak killed 3 unvaccinated children - the first deaths from the disease since 2012.'), 'conflicting-value');
});

test('a list of figures shares the subject before it and the date after it', () => {
  const source = 'The Dalby outbreak was the largest in a decade, with 410 confirmed cases, 44 hospitalizations, and 3 deaths as of May 2, 2024.';
  assert.equal(relation('As of May 2, 2024, the Dalby outbreak had 44 hospitalizations', source), 'paraphrase');
  assert.equal(relation('As of June 1, 2024, the Dalby outbreak had 44 hospitalizations', source), 'different-period');
  // A figure in no list keeps its own words.
  assert.notEqual(relation('The Dalby outbreak had 44 hospitalizations', 'Hospitals elsewhere reported 44 hospitalizations.'), 'paraphrase');
});

test('a figure said by a second predicate keeps its own words and not the first predicate\'s date', () => {
  const claim = 'Officials declared the Dalby outbreak over in June, after it had sickened 410 people and killed four children.';
  const source = 'Officials have announced the end of the Dalby outbreak, which sickened more than 400 people and killed three unvaccinated children since March.';
  const [, killed] = readFigureMeanings(claim).figures;
  assert.equal(killed?.period, null, '"in June" is when the outbreak was declared over');
  const [sickened, deaths] = figureSignals(claim, source);
  assert.ok(sickened?.match, '"declared" is an attribution like "announced"; 410 is more than 400');
  assert.equal(deaths?.conflict?.source.figure.text, 'three unvaccinated children');
});
