import { test } from 'node:test';
import assert from 'node:assert/strict';
import { profileClaim } from '../../src/evidence/index.js';
import { FEATURE_NAMES, pairFeatures } from '../../src/evidence/stance/pair-features.js';

const f = (claim: string, passage: string, name: string): number => pairFeatures(profileClaim(claim), passage).values[FEATURE_NAMES.indexOf(name as (typeof FEATURE_NAMES)[number])]!;

test('negation is read in its scope: the negated word, not the sentence', () => {
  const claim = 'The vaccine reduces hospital admissions.';
  assert.ok(f(claim, 'The vaccine does not reduce hospital admissions.', 'neg_scope') > 0);
  assert.equal(f(claim, 'The vaccine reduces hospital admissions.', 'neg_scope'), 0);
  // "X, not Y" is a contrast, not a denial of the predicate.
  assert.equal(f('It counts the sufficient laws, not the countries where possession is illegal.', 'It is a count of sufficient laws, not a count of countries where possession is illegal.', 'neg_scope'), 0);
  // A negator in another clause governs nothing the claim says.
  assert.equal(f(claim, 'Not everyone agreed at first, but the vaccine reduces hospital admissions.', 'neg_scope'), 0);
});

test('quantifiers: "all" against "some" is a mismatch, the same quantifier is not', () => {
  const claim = 'All patients recovered within a week.';
  assert.equal(f(claim, 'Some patients recovered within a week.', 'quant_mismatch'), 1);
  assert.equal(f(claim, 'All patients recovered within a week.', 'quant_mismatch'), 0);
  assert.equal(f('Some patients recovered within a week.', 'All patients recovered within a week.', 'quant_mismatch'), 1);
});

test('quantifiers on the alignment: a word both share, quantified differently on each side', () => {
  const claim = 'All patients recovered within a week.';
  assert.equal(f(claim, 'Some patients recovered within a week.', 'quant_aligned'), 1);
  assert.equal(f(claim, 'No patients recovered within a week.', 'quant_aligned'), 1);
  assert.equal(f(claim, 'All patients recovered within a week.', 'quant_aligned'), 0);
  // "Some" of another word is no clash of the claim's "all patients" (the passage-wide cue reads one).
  const other = 'Some doctors agreed that patients recovered within a week.';
  assert.equal(f(claim, other, 'quant_mismatch'), 1);
  assert.equal(f(claim, other, 'quant_aligned'), 0);
});

test('modality: an expectation in the claim against a plain statement, and the other way round', () => {
  assert.equal(f('Sea levels are expected to rise by a metre.', 'Sea levels rose by a metre.', 'modal_claim_only'), 1);
  assert.equal(f('Sea levels rose by a metre.', 'Sea levels rose by a metre.', 'modal_claim_only'), 0);
  assert.ok(f('Sea levels rose by a metre.', 'Sea levels may rise by a metre.', 'modal_ev_only_cov') > 0);
});

test('who did what to whom: swapped roles lower the order agreement', () => {
  const claim = 'Wolves hunt deer in the northern forests.';
  assert.equal(f(claim, 'Wolves hunt deer in the northern forests.', 'order_agree'), 1);
  assert.equal(f(claim, 'Deer hunt wolves in the northern forests.', 'role_swap'), 1);
  assert.ok(f(claim, 'Deer hunt wolves in the northern forests.', 'order_agree') < 1);
  assert.ok(f(claim, 'In the northern forests deer are hunted by wolves.', 'order_agree') < 1);
  assert.equal(f(claim, 'In the northern forests deer are hunted by wolves.', 'role_swap'), 1);
});
