import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CALIBRATION_SCHEMA_VERSION, applyIsotonic, calibrateVerdict, checkCalibration, fitIsotonic, verdictCalibration } from '../../src/evidence/verdict/calibration.js';
import type { CalibrationFile } from '../../src/evidence/verdict/calibration.js';
import { confidenceFeatures } from '../../src/evidence/verdict/confidence.js';

test('isotonic fit: non-decreasing, pools violators, reproduces observed rates', () => {
  // Raw 0.9 right 1 time in 4, raw 0.3 right 3 times in 4: the violators are pooled to 0.5.
  const conf = [0.3, 0.3, 0.3, 0.3, 0.9, 0.9, 0.9, 0.9];
  const right = [true, true, true, false, true, false, false, false];
  const m = fitIsotonic(conf, right, 1);
  assert.deepEqual(m.y, [0.5]);
  const g = fitIsotonic([0.1, 0.2, 0.6, 0.7, 0.8], [false, false, true, false, true], 1);
  for (let i = 1; i < g.y.length; i++) assert.ok(g.y[i]! >= g.y[i - 1]!);
  // Rule of succession: two wrong of two → 1/4, one right of two → 2/4, one right of one → 2/3.
  assert.deepEqual(g.y, [0.25, 0.5, 0.6667]);
  assert.equal(applyIsotonic(g, 0.05), 0.25);
  assert.equal(applyIsotonic(g, 0.95), g.y[g.y.length - 1]);
  const mid = applyIsotonic(g, 0.4);
  assert.ok(mid > 0 && mid < 1);
  assert.equal(applyIsotonic({ x: [], y: [] }, 0.7), 0.7);
  assert.equal(applyIsotonic(g, Number.NaN), 0);
});

test('isotonic steps resting on few predictions are merged: three right answers at the top do not map to 1', () => {
  const conf = [...Array.from({ length: 20 }, (_, i) => 0.3 + i * 0.01), 0.95, 0.95, 0.95];
  const right = [...Array.from({ length: 20 }, (_, i) => i % 2 === 0), true, true, true];
  // One step per right answer at the top: three of three, smoothed to 4/5.
  const loose = fitIsotonic(conf, right, 1);
  assert.equal(loose.y[loose.y.length - 1], 0.8);
  const m = fitIsotonic(conf, right, 10);
  assert.ok(m.y.every((y) => y < 1), JSON.stringify(m));
  for (let i = 1; i < m.y.length; i++) assert.ok(m.y[i]! >= m.y[i - 1]!);
  assert.ok(applyIsotonic(m, 0.95) < 0.7);
});

test('no step of a map is 0 or 1: thirty verdicts all wrong at the bottom give 1/32, not a confidence of 0', () => {
  const conf = Array.from({ length: 60 }, (_, i) => i / 60);
  const right = conf.map((_, i) => i >= 30);
  const m = fitIsotonic(conf, right);
  assert.equal(m.y[0], Math.round((1 / 32) * 1e4) / 1e4);
  assert.equal(m.y[m.y.length - 1], Math.round((31 / 32) * 1e4) / 1e4);
  assert.ok(applyIsotonic(m, 0) > 0 && applyIsotonic(m, 1) < 1);
  // A label given by a map fitted where every such verdict was wrong still has a confidence above 0.
  const cal: CalibrationFile = { schemaVersion: CALIBRATION_SCHEMA_VERSION, kind: 'isotonic', maps: { decided: m, unproven: m, downgraded: m }, trainedWith: { command: 'test', predictions: {} } };
  assert.ok(calibrateVerdict(cal, 'mixed', 0.01, ['supported', 'refuted', 'mixed', 'unproven']).confidence > 0);
  // A map (an older file, say) with a step at 0: the label given is still shown above 0.00.
  const zero: CalibrationFile = { ...cal, maps: { decided: { x: [0.4, 0.6], y: [0, 0.7] }, unproven: { x: [0.5], y: [0] }, downgraded: { x: [0.5], y: [0] } } };
  for (const label of ['mixed', 'unproven', 'refuted'] as const) assert.equal(calibrateVerdict(zero, label, 0.3, ['supported', 'refuted', 'mixed', 'unproven']).confidence, 0.01);
});

const file = (decided: number[], downgraded = [0.6]): CalibrationFile => ({
  schemaVersion: CALIBRATION_SCHEMA_VERSION,
  kind: 'isotonic',
  maps: { decided: { x: [0.2, 0.9], y: decided }, unproven: { x: [0.5], y: [0.55] }, downgraded: { x: [0.5], y: downgraded } },
  trainedWith: { command: 'test', predictions: {} },
});

test('a supported lean less likely right than wrong is shown as unproven when that is likelier right', () => {
  const cal = file([0.3, 0.8]);
  const weak = calibrateVerdict(cal, 'supported', 0.3, ['supported', 'refuted', 'unproven']);
  assert.equal(weak.label, 'unproven');
  assert.equal(weak.leaning, 'supported');
  assert.equal(weak.confidence, 0.6);
  const strong = calibrateVerdict(cal, 'supported', 0.9, ['supported', 'refuted', 'unproven']);
  assert.deepEqual(strong, { label: 'supported', confidence: 0.8, leaning: null });
  // Without "unproven" among the answers the label stays, with its honest confidence.
  assert.equal(calibrateVerdict(cal, 'refuted', 0.3, ['supported', 'refuted']).label, 'refuted');
  assert.equal(calibrateVerdict(cal, 'mixed', 0.3, ['supported', 'refuted', 'mixed', 'unproven']).label, 'mixed');
  assert.equal(calibrateVerdict(cal, 'unproven', 0.9, ['unproven']).confidence, 0.55);
  // A benchmark's restricted labels: a lean that unproven would not beat keeps its label (with its confidence below one half).
  assert.deepEqual(calibrateVerdict(file([0.3, 0.8], [0.2]), 'supported', 0.2, ['supported', 'unproven']), { label: 'supported', confidence: 0.3, leaning: null });
});

test('supported and refuted leans are treated alike: each stays when unproven is even less likely right', () => {
  const cal = file([0.3, 0.8], [0.2]);
  const all = ['supported', 'refuted', 'mixed', 'unproven'] as const;
  assert.deepEqual(calibrateVerdict(cal, 'supported', 0.2, all), { label: 'supported', confidence: 0.3, leaning: null });
  assert.deepEqual(calibrateVerdict(cal, 'refuted', 0.2, all), { label: 'refuted', confidence: 0.3, leaning: null });
  for (const label of ['supported', 'refuted'] as const) assert.equal(calibrateVerdict(cal, label, 0.9, all).label, label);
});

test('an isotonic calibration is valid: a lean below one half stays only when unproven is less likely right', () => {
  const cal = file([0.3, 0.8], [0.45]);
  if (cal.kind !== 'isotonic') throw new Error('isotonic file expected');
  for (let raw = 0; raw <= 1.0001; raw += 0.05) {
    for (const label of ['supported', 'refuted'] as const) {
      const c = calibrateVerdict(cal, label, raw, ['supported', 'refuted', 'mixed', 'unproven']);
      const lean = applyIsotonic(cal.maps.decided, raw);
      const unproven = applyIsotonic(cal.maps.downgraded, raw);
      if (c.label === label) assert.ok(c.confidence >= 0.5 || unproven <= lean, `${label} at raw ${raw.toFixed(2)} shown with ${c.confidence}`);
      else assert.ok(c.label === 'unproven' && lean < 0.5 && c.confidence === unproven && unproven > lean);
      assert.ok(c.confidence >= 0 && c.confidence <= 1);
    }
  }
  assert.throws(() => checkCalibration({ schemaVersion: 1, kind: 'isotonic', maps: { decided: { x: [2], y: [0.5] } } }, 'x'), /isotonic calibration/);
});

const ALL = ['supported', 'refuted', 'mixed', 'unproven'] as const;
const probs = (s: number, r: number, m: number, u: number): Record<'supported' | 'refuted' | 'mixed' | 'unproven', number> => ({ supported: s, refuted: r, mixed: m, unproven: u });
const judged = (stance: 'supports' | 'refutes' | 'neutral', p: [number, number, number], coverage: number) => ({ stance, strength: Math.max(...p), probabilities: { supports: p[0], refutes: p[1], neutral: p[2] }, coverage });

test('confidence features read how firmly the evidence backs the label, not which label it is', () => {
  const evidence = [judged('supports', [0.7, 0.1, 0.2], 0.9), judged('supports', [0.6, 0.2, 0.2], 0.5)];
  const [raw, margin, agreement, coverage] = confidenceFeatures('supported', 0.6, probs(0.6, 0.2, 0.1, 0.1), ALL, evidence);
  assert.equal(raw, 0.6);
  assert.ok(Math.abs(margin! - 0.4) < 1e-9);
  assert.ok(Math.abs(agreement! - 1.3 / 1.6) < 1e-9);
  assert.equal(coverage, 0.9);
  // The same evidence read the other way round gives a refuted verdict the same features.
  const mirrored = evidence.map((j) => judged('refutes', [j.probabilities.refutes, j.probabilities.supports, j.probabilities.neutral], j.coverage));
  assert.deepEqual(confidenceFeatures('refuted', 0.6, probs(0.2, 0.6, 0.1, 0.1), ALL, mirrored), [raw, margin, agreement, coverage]);
  // A supported label against refuting evidence has little agreement; no evidence and NaN read as nothing.
  assert.ok(confidenceFeatures('supported', 0.5, probs(0.5, 0.3, 0.1, 0.1), ALL, mirrored)[2]! < 0.2);
  assert.deepEqual(confidenceFeatures('unproven', Number.NaN, probs(0, 0, 0, 1), ALL, []), [0, 0, 1, 0]);
});

const model = (wAgreement: number): CalibrationFile => ({
  schemaVersion: CALIBRATION_SCHEMA_VERSION,
  kind: 'confidence-model',
  model: { classes: ['wrong', 'right'], features: ['margin', 'agreement'], mean: [0.2, 0.5], scale: [0.1, 0.2], weights: [[0, 0, 0], [-0.2, 0.3, wAgreement]] },
  trainedWith: { command: 'test', predictions: {} },
});

test('a confidence-model calibration keeps the label and gives the same confidence to the same features whatever the label', () => {
  const cal = model(0.8);
  const x = [0.6, 0.3, 0.9, 0.8];
  const s = calibrateVerdict(cal, 'supported', 0.6, ALL, x);
  const r = calibrateVerdict(cal, 'refuted', 0.6, ALL, x);
  assert.equal(s.label, 'supported');
  assert.equal(r.label, 'refuted');
  assert.equal(s.confidence, r.confidence);
  assert.equal(s.leaning, null);
  // More agreement, more confidence (a positive weight); the confidence stays within [0.01, 0.99].
  assert.ok(calibrateVerdict(cal, 'supported', 0.6, ALL, [0.6, 0.3, 0.3, 0.8]).confidence < s.confidence);
  const extreme = calibrateVerdict(model(400), 'supported', 0.6, ALL, x).confidence;
  assert.ok(extreme <= 0.99 && extreme > 0.9);
  assert.throws(() => calibrateVerdict(cal, 'supported', 0.6, ALL), /confidence features/);
  assert.throws(() => checkCalibration({ ...cal, model: { ...(cal.kind === 'confidence-model' ? cal.model : {}), features: ['margin', 'votes'] } }, 'x'), /confidence model/);
});

test('the shipped calibration loads and gives every label a confidence within [0.01, 0.99]', () => {
  const cal = verdictCalibration();
  for (const label of ALL) for (const a of [0, 0.5, 1]) {
    const c = calibrateVerdict(cal, label, 0.5, ALL, [0.5, 0.2, a, 0.7]);
    assert.equal(c.label, label);
    assert.ok(c.confidence >= 0.01 && c.confidence <= 0.99);
  }
});
