import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classify, expectedCalibrationError, majorityBaseline, reliability, rocAuc } from '../../src/eval/index.js';

test('classify: accuracy, per-class precision/recall/F1, macro-F1 and confusion', () => {
  const gold = ['a', 'a', 'a', 'b', 'b', 'c'];
  const pred = ['a', 'a', 'b', 'b', 'c', 'c'];
  const r = classify(gold, pred, ['a', 'b', 'c']);
  assert.equal(r.n, 6);
  assert.equal(r.accuracy, 0.6667);
  assert.deepEqual(r.perClass.a, { precision: 1, recall: 0.6667, f1: 0.8, support: 3 });
  assert.deepEqual(r.perClass.b, { precision: 0.5, recall: 0.5, f1: 0.5, support: 2 });
  assert.deepEqual(r.perClass.c, { precision: 0.5, recall: 1, f1: 0.6667, support: 1 });
  assert.equal(r.macroF1, 0.6556);
  assert.deepEqual(r.confusion, { a: { a: 2, b: 1, c: 0 }, b: { a: 0, b: 1, c: 1 }, c: { a: 0, b: 0, c: 1 } });
});

test('a class never predicted has precision 0, not NaN', () => {
  const r = classify(['a', 'b'], ['a', 'a'], ['a', 'b']);
  assert.equal(r.perClass.b!.precision, 0);
  assert.equal(r.perClass.b!.f1, 0);
});

test('ROC-AUC: perfect, inverted, ties and a hand-computed case', () => {
  assert.equal(rocAuc([true, true, false, false], [0.9, 0.8, 0.2, 0.1]), 1);
  assert.equal(rocAuc([true, true, false, false], [0.1, 0.2, 0.8, 0.9]), 0);
  assert.equal(rocAuc([true, false], [0.5, 0.5]), 0.5);
  // pairs (pos, neg): (0.8,0.3)+ (0.8,0.9)- (0.4,0.3)+ (0.4,0.9)- → 2/4
  assert.equal(rocAuc([true, true, false, false], [0.8, 0.4, 0.3, 0.9]), 0.5);
  assert.ok(Number.isNaN(rocAuc([true, true], [0.1, 0.2])));
});

test('majority baseline and reliability table', () => {
  const m = majorityBaseline(['x', 'y', 'y'], ['x', 'y']);
  assert.deepEqual(m, { label: 'y', accuracy: 0.6667, macroF1: 0.4 });
  const t = reliability([0.1, 0.15, 0.9, 0.95], [false, true, true, true], 2);
  assert.deepEqual(t.map((b) => [b.n, b.meanConfidence, b.accuracy]), [[2, 0.125, 0.5], [2, 0.925, 1]]);
  assert.equal(expectedCalibrationError(t), 0.225); // (0.375 + 0.075) / 2
});
