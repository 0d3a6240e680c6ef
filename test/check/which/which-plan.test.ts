// The plan of a which-question carries its answer type (check/plan.ts, `answer`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { planInput } from '../../../src/check/plan.js';

test('a "which countries … versus …" question asks for countries; its facets are unchanged', () => {
  const plan = planInput('Which countries criminalize mere possession of child sexual abuse material versus only its production or distribution?');
  assert.deepEqual(plan.answer, { noun: 'countries', kind: 'country', places: ['country'] });
  assert.deepEqual(plan.facets.map((f) => f.role), ['does-a', 'does-b-only', 'compare', 'topic']);
});

test('other questions and claims: an answer type only where a which/what noun asks for names', () => {
  assert.equal(planInput('Which states ban fireworks?').answer?.kind, 'us-state');
  assert.equal(planInput('Which organisations review the laws?').answer?.places.length, 0);
  assert.equal(planInput('How many countries criminalize possession?').answer, null);
  assert.equal(planInput('Does the Optional Protocol require States Parties to criminalise simple possession?').answer, null);
  // A claim asks for no names.
  assert.equal(planInput('140 of 196 countries criminalize simple possession.').answer, null);
});
