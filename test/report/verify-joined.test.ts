// A sentence that joins several cited statements ("… [1], but … [2] and … [2], which …") is
// checked for negation part by part: each part against the passage sentence it follows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { verifySentence } from '../../src/report/verify.js';

const SURVEY = { text: '80 of the 120 towns ban private cars from their centres.' };
const SUMMARY = { text: '10 of the 120 towns still have no rules on private cars in their centres. 28 of those 42 towns do not ban private cars from their centres at any hour.' };

test('a joined sentence whose parts keep their negations passes', () => {
  const s =
    'The figures disagree: 10 of the 120 towns still have no rules on private cars in their centres [2] and 28 of those 42 towns do not ban private cars from their centres at any hour [2] together make 10 + 28 = 38 towns, but 120 − 80 = 40 towns are outside the 80 that ban private cars from their centres [1].';
  const r = verifySentence(s, [SURVEY, SUMMARY]);
  assert.ok(r.verified, r.why);
});

test('a joined sentence that drops one part\'s negation fails', () => {
  const s =
    'The figures disagree: 10 of the 120 towns still have no rules on private cars in their centres [2] and 28 of those 42 towns ban private cars from their centres at any hour [2] together make 10 + 28 = 38 towns, but 120 − 80 = 40 towns are outside the 80 that ban private cars from their centres [1].';
  const r = verifySentence(s, [SURVEY, SUMMARY]);
  assert.equal(r.verified, false);
  assert.match(r.why, /negation conflict/);
});

test('a joined sentence with wrong arithmetic fails', () => {
  const s =
    'The figures disagree: 10 of the 120 towns still have no rules on private cars in their centres [2] and 28 of those 42 towns do not ban private cars from their centres at any hour [2] together make 10 + 28 = 39 towns [1].';
  const r = verifySentence(s, [SURVEY, SUMMARY]);
  assert.equal(r.verified, false);
  assert.match(r.why, /it comes to 38/);
});
