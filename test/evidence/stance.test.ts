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
