import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyInput, planInput } from '../../src/check/index.js';

test('claims and questions are told apart', () => {
  assert.equal(classifyInput('140 of 196 countries criminalize possession'), 'claim');
  assert.equal(classifyInput('Which countries criminalize possession?'), 'question');
  assert.equal(classifyInput('Does Freedonia punish possession'), 'question');
  assert.equal(classifyInput('Doors are open'), 'claim');
});

test('"Which X do A versus only B?" is planned into A, B without A, and a comparison', () => {
  const p = planInput('Which countries criminalize mere possession of child sexual abuse material versus only its production or distribution?');
  assert.equal(p.kind, 'question');
  assert.deepEqual(p.facets.map((f) => f.role), ['does-a', 'does-b-only', 'compare', 'topic']);
  assert.equal(p.facets[0]?.claim, 'countries criminalize mere possession of child sexual abuse material');
  assert.match(p.facets[1]?.claim ?? '', /^countries do not criminalize possession of child sexual abuse material, only criminalize production or distribution of child sexual abuse material$/);
  assert.equal(p.facets[2]?.claim, 'countries criminalize possession');
});

test('a claim is checked whole and in its clauses', () => {
  const p = planInput('Ruritania criminalizes possession of banned images, but Freedonia punishes only their distribution');
  assert.equal(p.kind, 'claim');
  assert.deepEqual(p.facets.map((f) => f.role), ['claim', 'part', 'part']);
  assert.equal(p.facets[2]?.claim, 'Freedonia punishes only their distribution');
});

test('a yes/no question is checked as the statement it asks about', () => {
  const p = planInput('Does the Optional Protocol require States to criminalise simple possession?');
  assert.equal(p.kind, 'question');
  assert.deepEqual(p.facets.map((f) => [f.role, f.claim]), [['claim', 'the Optional Protocol require States to criminalise simple possession']]);
});

test('an alternative that names its own act is planned as written, against the whole of A', () => {
  const p = planInput('Which towns ban private cars from their centres versus only restrict parking there?');
  const b = p.facets.find((f) => f.role === 'does-b-only');
  assert.equal(b?.claim, 'towns do not ban private cars from their centres, only restrict parking there');
  assert.equal(b?.label, 'Which towns only restrict parking there, and do not ban private cars from their centres');
  // A noun of action after "only" still borrows A's verb.
  const q = planInput('Which countries criminalize mere possession of images versus only production or distribution?');
  assert.match(q.facets.find((f) => f.role === 'does-b-only')?.claim ?? '', /only criminalize production or distribution of images$/);
});
