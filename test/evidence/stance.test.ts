import { test } from 'node:test';
import assert from 'node:assert/strict';
import { judgePair } from '../../src/evidence/index.js';

const kinds = (r: { reasons: Array<{ kind: string }> }): string[] => r.reasons.map((x) => x.kind);

test('a passage restating the claim supports it, with lexical-entailment as a reason', () => {
  const r = judgePair('Global sea levels rose by 20 centimetres during the twentieth century.', 'Records show that global sea levels rose by about 20 centimetres during the twentieth century.');
  assert.equal(r.stance, 'supports');
  assert.ok(kinds(r).includes('lexical-entailment'));
  assert.ok(kinds(r).includes('figure-match'));
});

test('a figure conflict is a reason and lowers support', () => {
  const claim = 'The treaty was ratified by 56 countries.';
  const same = judgePair(claim, 'The treaty was ratified by 56 countries.');
  const other = judgePair(claim, 'The treaty was ratified by 12 countries.');
  assert.ok(kinds(other).includes('figure-conflict'));
  assert.ok(other.probabilities.supports < same.probabilities.supports);
  assert.ok(other.probabilities.refutes > same.probabilities.refutes);
});

test('negation mismatch is found and pushes toward refutes', () => {
  const claim = 'Vitamin C cures the common cold.';
  const yes = judgePair(claim, 'Vitamin C cures the common cold in most adults.');
  const no = judgePair(claim, 'Vitamin C does not cure the common cold.');
  assert.ok(kinds(no).includes('negation-mismatch'));
  assert.ok(!kinds(yes).includes('negation-mismatch'));
  assert.ok(no.probabilities.refutes > yes.probabilities.refutes);
});

test('an antonym in the passage is found and pushes toward refutes', () => {
  const claim = 'Arctic sea ice extent has increased since 1979.';
  const r = judgePair(claim, 'Arctic sea ice extent has decreased since 1979.');
  const s = judgePair(claim, 'Arctic sea ice extent has increased since 1979.');
  assert.ok(kinds(r).includes('antonym'));
  assert.ok(r.probabilities.refutes > s.probabilities.refutes);
});

test('an unrelated passage is neutral with a low-overlap reason', () => {
  const r = judgePair('Polar bear populations are growing.', 'The city council approved the new budget for road repairs.');
  assert.equal(r.stance, 'neutral');
  assert.ok(kinds(r).includes('low-overlap'));
  assert.ok(r.strength >= 0 && r.strength <= 1);
});

test('a rare claim word replaced by another in the same slot is a substitution', () => {
  const evidence = 'Severe COVID-19 could be associated with a neurologic event such as stroke.';
  const swapped = judgePair('Severe covid-19 may be associated with pneumonia', evidence);
  const same = judgePair('Severe covid-19 may be associated with a neurologic event', evidence);
  assert.ok(kinds(swapped).includes('substitution'));
  assert.ok(!kinds(same).includes('substitution'));
  assert.ok(swapped.probabilities.supports < same.probabilities.supports);
});

test('a WordNet synonym counts as the claim word', () => {
  const exact = judgePair('The drug heals the infection.', 'Doctors report that the drug heals the infection quickly.');
  const synonym = judgePair('The drug heals the infection.', 'Doctors report that the drug cures the infection quickly.');
  const other = judgePair('The drug heals the infection.', 'Doctors report that the drug spreads the infection quickly.');
  assert.ok(synonym.probabilities.supports > other.probabilities.supports);
  assert.ok(exact.probabilities.supports >= other.probabilities.supports);
});

test('a word of a name has no opposite: "Great" in "Great Barrier Reef" is no antonym of "down"', () => {
  const r = judgePair('Average coral cover on the Great Barrier Reef was 35.7 per cent', 'Average coral cover on the reef was 35.7 per cent, down slightly from a year ago.');
  assert.ok(!kinds(r).includes('antonym'), JSON.stringify(r.reasons));
});

test('the publication date dates a passage: a page of the claim year is no date mismatch; an older page gives no other value for it', async () => {
  const { judge } = await import('../../src/evidence/index.js');
  const source = (publishedAt: string) => ({ id: 's', uri: 'file:///s.md', title: 'Trout numbers hold steady', publisher: null, author: null, publishedAt, kind: 'news' as const, language: null, license: null, retrievedAt: '', textLength: 0 });
  const passage = (text: string) => ({ id: 'p', sourceId: 's', ordinal: 0, text, start: 0, end: text.length });
  const claim = 'In 2024, average trout density in the lakes was 41.2 per hectare';
  const thisYear = judge(claim, { passage: passage('Average trout density in the lakes was 41.2 per hectare, down from 43.5 in 2023.'), source: source('2024-08-20') });
  assert.ok(!kinds(thisYear).includes('date-mismatch'), JSON.stringify(thisYear.reasons));
  const older = judge(claim, { passage: passage('Average trout density in the lakes was 30.1 per hectare.'), source: source('2019-05-01') });
  assert.ok(!kinds(older).includes('figure-conflict') && older.stance !== 'refutes', JSON.stringify(older.reasons));
  const sameYear = judge(claim, { passage: passage('Average trout density in the lakes was 30.1 per hectare.'), source: source('2024-05-01') });
  assert.equal(sameYear.stance, 'refutes', JSON.stringify(sameYear.reasons));
});
