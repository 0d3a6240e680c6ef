import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fitLogistic, predictProba } from '../../src/evidence/stance/logistic.js';
import { monotoneBreach, monotoneConstraints } from '../../src/evidence/stance/monotone.js';
import { VERDICT_FEATURES, VERDICT_LABELS, VERDICT_MONOTONE, checkVerdictModel, verdictModel } from '../../src/evidence/verdict/verdict.js';
import { VerityError } from '../../src/errors.js';

// Data in which "more refuting" (feature r) goes with class A more often than B: an unconstrained
// fit learns that r raises P(A); constrained to "r never raises P(A)" it cannot.
function misleading(): { x: number[][]; y: number[] } {
  const x: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < 200; i++) {
    const s = (i % 10) / 10;
    const r = ((i * 7) % 10) / 10;
    x.push([s, r]);
    y.push(s + 0.8 * r > 0.8 ? 0 : 1);
  }
  return { x, y };
}

const rise = (x: number[], j: number, by: number): number[] => x.map((v, i) => (i === j ? v + by : v));

test('a constrained fit cannot learn that a feature raises a class it must never raise; unconstrained it does', () => {
  const { x, y } = misleading();
  const classes = ['A', 'B', 'C'];
  const features = ['s', 'r'];
  const free = fitLogistic(x, y, classes, features, { iterations: 20, batchSize: 16, learningRate: 0.2, momentum: 0.5 });
  const constraints = monotoneConstraints(classes, features, [{ label: 'A', sign: -1, rise: { r: 1 } }, { label: 'A', sign: 1, rise: { s: 1 } }]);
  const fitted = fitLogistic(x, y, classes, features, { iterations: 20, batchSize: 16, learningRate: 0.2, momentum: 0.5, monotone: constraints });
  assert.ok(monotoneBreach(free, constraints) < -0.1, 'the unconstrained fit learns the misleading direction');
  assert.ok(monotoneBreach(fitted, constraints) >= 0);
  for (const base of [[0, 0], [0.5, 0.2], [0.9, 0.9], [0.1, 0.7]]) {
    assert.ok(predictProba(fitted, rise(base, 1, 0.3))[0]! <= predictProba(fitted, base)[0]! + 1e-12);
    assert.ok(predictProba(fitted, rise(base, 0, 0.3))[0]! >= predictProba(fitted, base)[0]! - 1e-12);
  }
  // The constraint costs little where the data agree with it: s still raises A.
  assert.ok(predictProba(fitted, [0.9, 0])[0]! > predictProba(fitted, [0.1, 0])[0]! + 0.2);
});

test('the shipped verdict weights: more support never lowers P(supported) nor raises P(refuted), more refutation the reverse', () => {
  const model = verdictModel();
  const at = (name: string): number => VERDICT_FEATURES.indexOf(name as (typeof VERDICT_FEATURES)[number]);
  const S = VERDICT_LABELS.indexOf('supported');
  const R = VERDICT_LABELS.indexOf('refuted');
  let seed = 7;
  const rand = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let trial = 0; trial < 300; trial++) {
    const maxS = rand();
    const maxR = rand();
    const x = [maxS, maxR, maxS + rand() * 1.5, maxR + rand() * 1.5, Math.min(maxS, maxR), Math.log1p(Math.floor(rand() * 4)), Math.log1p(Math.floor(rand() * 4)), rand(), Math.log1p(1 + Math.floor(rand() * 8)), rand(), rand(), rand()];
    const before = predictProba(model, x);
    for (const side of ['s', 'r'] as const) {
      const more = [...x];
      const by = 0.2 * rand();
      more[at(`max_${side}`)]! += by;
      more[at(`top3_${side}`)]! += by;
      more[at('min_sr')] = Math.min(more[at('max_s')]!, more[at('max_r')]!);
      more[at(`n_${side}`)]! += rand() < 0.5 ? 0 : Math.log1p(1);
      const after = predictProba(model, more);
      const [up, down] = side === 's' ? [S, R] : [R, S];
      assert.ok(after[up]! >= before[up]! - 1e-9, `more ${side} lowered P(${VERDICT_LABELS[up]}) at ${JSON.stringify(x)}`);
      assert.ok(after[down]! <= before[down]! + 1e-9, `more ${side} raised P(${VERDICT_LABELS[down]}) at ${JSON.stringify(x)}`);
    }
  }
});

test('a verdict model by which refuting evidence raises P(supported) is refused on loading, naming the fix', () => {
  const shipped = verdictModel();
  const weights = shipped.weights.map((w) => [...w]);
  const S = VERDICT_LABELS.indexOf('supported');
  weights[S]![1 + VERDICT_FEATURES.indexOf('max_r')] = 5;
  const bad = { ...shipped, weights, suites: {} };
  assert.equal(monotoneBreach(bad, monotoneConstraints(VERDICT_LABELS, VERDICT_FEATURES, VERDICT_MONOTONE)) < 0, true);
  assert.throws(
    () => checkVerdictModel(bad, '"x.json"'),
    (e: unknown) => e instanceof VerityError && e.code === 'BAD_INPUT' && /more evidence one way can lower that verdict's probability/.test(e.message) && /Fix: retrain it with "npm run train"/.test(e.message),
  );
  // Coverage may tell decided from unproven, never supported from refuted.
  const tilted = shipped.weights.map((w) => [...w]);
  tilted[S]![1 + VERDICT_FEATURES.indexOf('max_coverage')]! += 1;
  assert.throws(() => checkVerdictModel({ ...shipped, weights: tilted, suites: {} }, '"x.json"'), /favours one side/);
  assert.equal(checkVerdictModel(shipped, '"models/verdict.json"'), shipped);
});
