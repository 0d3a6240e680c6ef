// The one comparison behind the stance features: fig_match and fig_conflict are read by meaning
// (evidence/figures/figure-signals.ts), so the same value said of something else is no match, and
// another value said of the same thing is a conflict.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FEATURE_NAMES, pairFeatures } from '../../../src/evidence/stance/pair-features.js';
import { profileClaim } from '../../../src/evidence/index.js';
import { figureSignals } from '../../../src/evidence/figures/figure-signals.js';
import { STANCE_MODEL_PATH } from '../../../src/evidence/stance/stance-model.js';
import { readFileSync } from 'node:fs';

const feature = (claim: string, evidence: string, name: (typeof FEATURE_NAMES)[number]): number => pairFeatures(profileClaim(claim), evidence).values[FEATURE_NAMES.indexOf(name)]!;

test('the feature vector keeps its names and length (the stance model reads it by name)', () => {
  // The shipped weights name every feature the vector holds, in order; the figure features are among them.
  assert.deepEqual([...(JSON.parse(readFileSync(STANCE_MODEL_PATH, 'utf8')) as { features: string[] }).features], [...FEATURE_NAMES]);
  assert.ok(FEATURE_NAMES.includes('fig_match') && FEATURE_NAMES.includes('fig_conflict'));
  assert.equal(pairFeatures(profileClaim('64 measles cases were reported in 2024'), 'In 2024, 64 measles cases were reported.').values.length, FEATURE_NAMES.length);
});

test('same meaning, same value: a match', () => {
  const claim = '64 measles cases were reported in the U.S. in 2024';
  const ev = 'In 2024, 64 measles cases were reported by 20 jurisdictions.';
  assert.equal(feature(claim, ev, 'fig_match'), 1);
  assert.equal(feature(claim, ev, 'fig_conflict'), 0);
});

test('same meaning, another value: a conflict, even though no unit is written after the number', () => {
  const claim = '97 measles cases were reported in the U.S. in all of 2024';
  const ev = 'In 2024, 64 measles cases were reported by 20 jurisdictions. In all of 2023, 59 cases were reported.';
  assert.equal(feature(claim, ev, 'fig_match'), 0);
  assert.equal(feature(claim, ev, 'fig_conflict'), 1);
  const [signal] = figureSignals(claim, ev);
  assert.equal(signal?.conflict?.source.figure.value, 64, 'the conflict is with the count of the same year, not 2023\'s');
});

test('the same value with another predicate is neither a match nor a conflict, and says why', () => {
  const claim = '1,200 clinics in Northvale offer the vaccine';
  const ev = 'The health authority inspected 1,200 clinics in Northvale in 2023. Of those, 310 offered the new vaccine.';
  assert.equal(feature(claim, ev, 'fig_match'), 0);
  assert.equal(feature(claim, ev, 'fig_conflict'), 0);
  const [signal] = figureSignals(claim, ev);
  assert.equal(signal?.mismatch?.comparison.relation, 'different-predicate');
  assert.match(signal?.mismatch?.comparison.reason ?? '', /inspected/);
});

test('another period or another counted thing is no conflict: 59 cases in 2023, 20 jurisdictions', () => {
  const claim = '97 measles cases were reported in 2023';
  const ev = 'Officials counted 20 jurisdictions with cases. In all of 2024, 59 measles cases were reported.';
  assert.equal(feature(claim, ev, 'fig_conflict'), 0);
});

test('a number equal to the claim\'s whole restates the whole, it is no rival count', () => {
  const claim = '26 of Calder\'s 40 districts ban e-scooters';
  const ev = 'Of Calder\'s 40 districts, 26 ban e-scooters, the transport office said.';
  assert.equal(feature(claim, ev, 'fig_conflict'), 0);
  assert.equal(feature(claim, ev, 'fig_match'), 1);
});

test('the complement said the other way is no conflict: "56 of 196 do not" for "140 of 196 do"', () => {
  const [signal] = figureSignals('140 of 196 countries criminalise simple possession', '56 of the 196 countries do not criminalise simple possession.');
  assert.equal(signal?.conflict, null);
});
