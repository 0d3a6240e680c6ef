// Calibrated verdict confidence (models/calibration.json): the probability that the verdict's
// label is right, fitted by `npm run train` on leave-one-dataset-out predictions (the stance and
// verdict weights behind each prediction never saw the suite it was made on). Two kinds:
//
// - "confidence-model" (shipped): a logistic model of "the label is right" over label-agnostic
//   features of the verdict (confidence.ts: the weights' margin over the runner-up label, how much
//   of the evidence taking a side takes the label's side, the best passage's coverage). It never
//   reads which label was given, so it does not carry the label priors of the suites it was
//   fitted on to another corpus; the label is kept.
// - "isotonic" (before): maps from the raw confidence (the verdict weights' probability, or a
//   rule's strength) to the share of verdicts observed right; a supported or refuted verdict below
//   one half became "unproven" (the evidence leans one way, not enough to call it) when
//   "unproven" was, on such leans, more likely right than the lean.
import { fileURLToPath } from 'node:url';
import type { VerdictLabel } from '../../model.js';
import { VerityError } from '../../errors.js';
import { retrainFix, shippedModelLoader } from '../../text/read-model-file.js';
import { predictProba } from '../stance/logistic.js';
import type { LogisticModel } from '../stance/logistic.js';
import { CONFIDENCE_FEATURES } from './confidence.js';

export const CALIBRATION_SCHEMA_VERSION = 1;
export const CALIBRATION_PATH = fileURLToPath(new URL('../../../models/calibration.json', import.meta.url));
/** A definite label needs at least this calibrated probability of being right. */
export const DEFINITE_AT = 0.5;

/** A monotone step map: raw confidence `x[i]` (increasing) maps to `y[i]`; linear between points. */
export interface IsotonicMap {
  x: number[];
  y: number[];
}

export interface IsotonicCalibration {
  schemaVersion: number;
  kind: 'isotonic';
  /** decided: supported/refuted/mixed; unproven: answered unproven; downgraded: a supported/refuted lean shown as unproven. */
  maps: { decided: IsotonicMap; unproven: IsotonicMap; downgraded: IsotonicMap };
  trainedWith: { command: string; predictions: Record<string, number> };
}

/** P(the label is right) from some of CONFIDENCE_FEATURES (model.features, in that order; classes wrong, right). */
export interface ConfidenceModelCalibration {
  schemaVersion: number;
  kind: 'confidence-model';
  model: LogisticModel;
  trainedWith: { command: string; predictions: Record<string, number> };
}

export type CalibrationFile = IsotonicCalibration | ConfidenceModelCalibration;

/** The probability that a verdict's label is right by a confidence model, from its CONFIDENCE_FEATURES vector. */
export function modelConfidence(model: LogisticModel, features: readonly number[]): number {
  const x = model.features.map((f) => features[CONFIDENCE_FEATURES.indexOf(f as (typeof CONFIDENCE_FEATURES)[number])] ?? 0);
  const p = predictProba(model, x)[model.classes.indexOf('right')] ?? 0;
  return Math.min(1 - MIN_CONFIDENCE, Math.max(MIN_CONFIDENCE, p));
}

/**
 * The least confidence a given label is shown with: a step of a map rests on a sample (its rate
 * smoothed to (right + 1) / (n + 2)), and a label shown as "0.00" would read as impossible.
 */
export const MIN_CONFIDENCE = 0.01;

/** Fewest predictions behind one step of a shipped map: a smaller step is merged with its neighbour. */
export const MIN_BLOCK = 10;

/**
 * Pool-adjacent-violators: the non-decreasing fit of `correct` (0/1) against `confidence`. Steps
 * resting on fewer than `minBlock` predictions are then merged into a neighbour (the lower one,
 * the first into the next), so a handful of predictions at the ends does not decide a step, and
 * each step's rate is smoothed by the rule of succession, so no step maps to 0 or 1.
 */
export function fitIsotonic(confidence: readonly number[], correct: readonly boolean[], minBlock = MIN_BLOCK): IsotonicMap {
  const order = confidence.map((c, i) => i).sort((a, b) => confidence[a]! - confidence[b]! || a - b);
  type Block = { sx: number; sy: number; n: number };
  const rate = (b: Block): number => b.sy / b.n;
  const blocks: Block[] = [];
  for (const i of order) {
    blocks.push({ sx: confidence[i]!, sy: correct[i] ? 1 : 0, n: 1 });
    while (blocks.length > 1 && rate(blocks[blocks.length - 2]!) >= rate(blocks[blocks.length - 1]!)) merge(blocks, blocks.length - 2);
  }
  for (let k = blocks.findIndex((b) => b.n < minBlock); k >= 0 && blocks.length > 1; k = blocks.findIndex((b) => b.n < minBlock)) merge(blocks, k === 0 ? 0 : k - 1);
  const r = (v: number): number => Math.round(v * 1e4) / 1e4;
  // Each step's rate by the rule of succession ((right + 1) / (n + 2)), held non-decreasing: a step
  // of verdicts all wrong (or all right) is an estimate from a sample, never a certainty, so no
  // label given is shown with confidence 0 (or 1).
  let floor = 0;
  const y = blocks.map((b) => (floor = Math.max(floor, (b.sy + 1) / (b.n + 2))));
  return { x: blocks.map((b) => r(b.sx / b.n)), y: y.map(r) };
}

/** Merge block k+1 into block k (adjacent blocks of a monotone fit stay monotone). */
function merge(blocks: Array<{ sx: number; sy: number; n: number }>, k: number): void {
  const a = blocks[k]!;
  const b = blocks[k + 1]!;
  a.sx += b.sx;
  a.sy += b.sy;
  a.n += b.n;
  blocks.splice(k + 1, 1);
}

/** The calibrated value of a raw confidence (ends held flat; an empty map returns the input). */
export function applyIsotonic(map: IsotonicMap, raw: number): number {
  const { x, y } = map;
  if (x.length === 0 || !Number.isFinite(raw)) return Number.isFinite(raw) ? raw : 0;
  if (raw <= x[0]!) return y[0]!;
  for (let i = 1; i < x.length; i++) {
    if (raw <= x[i]!) {
      const t = (raw - x[i - 1]!) / (x[i]! - x[i - 1]! || 1);
      return y[i - 1]! + t * (y[i]! - y[i - 1]!);
    }
  }
  return y[y.length - 1]!;
}

export interface CalibratedVerdict {
  label: VerdictLabel;
  confidence: number;
  /** The definite label the evidence leaned to when it was shown as unproven. */
  leaning: VerdictLabel | null;
}

/**
 * Calibrate a verdict; a definite label less likely right than wrong becomes unproven when that is
 * more likely right than the lean itself, and keeps its label, with its confidence below one half,
 * when not. Supported and refuted are treated alike: always showing a weak supported lean as
 * unproven (tried) cost Climate-FEVER dev accuracy 47.1 → 36.7 %, below the majority label. A
 * check's report never shows Supported below one half all the same: its verdict discipline
 * (check/verdict-discipline.ts) decides Supported by the best source's coverage, with a floor.
 */
export function calibrateVerdict(file: CalibrationFile, label: VerdictLabel, raw: number, allowed: readonly VerdictLabel[], features?: readonly number[]): CalibratedVerdict {
  if (file.kind === 'confidence-model') {
    if (!features || features.length !== CONFIDENCE_FEATURES.length) {
      throw new VerityError({
        code: 'BAD_INPUT',
        component: 'evidence',
        problem: `a confidence-model calibration needs the verdict's ${CONFIDENCE_FEATURES.length} confidence features (${CONFIDENCE_FEATURES.join(', ')}), got ${features ? features.length : 'none'}`,
        fix: 'pass confidenceFeatures(…) of the verdict (src/evidence/verdict/confidence.ts)',
      });
    }
    return { label, confidence: modelConfidence(file.model, features), leaning: null };
  }
  const map = (m: IsotonicMap): number => Math.max(MIN_CONFIDENCE, applyIsotonic(m, raw));
  if (label === 'unproven') return { label, confidence: map(file.maps.unproven), leaning: null };
  const p = map(file.maps.decided);
  // "mixed" already says the evidence goes both ways: it keeps its label.
  if (p >= DEFINITE_AT || label === 'mixed' || !allowed.includes('unproven')) return { label, confidence: p, leaning: null };
  // A weak lean: shown as unproven when that is more likely right than the lean itself.
  const q = map(file.maps.downgraded);
  return q > p ? { label: 'unproven', confidence: q, leaning: label } : { label, confidence: p, leaning: null };
}

function isMap(m: unknown): m is IsotonicMap {
  const v = m as Partial<IsotonicMap> | null;
  return !!v && Array.isArray(v.x) && Array.isArray(v.y) && v.x.length === v.y.length && [...v.x, ...v.y].every((n) => typeof n === 'number' && Number.isFinite(n) && n >= 0 && n <= 1);
}

/** Validate a parsed calibration file. */
export function checkCalibration(value: unknown, where: string): CalibrationFile {
  const c = value as Partial<ConfidenceModelCalibration> | null;
  if (c && c.kind === 'confidence-model') {
    const model = c.model;
    const ok =
      c.schemaVersion === CALIBRATION_SCHEMA_VERSION &&
      !!model &&
      Array.isArray(model.features) &&
      model.features.every((f) => (CONFIDENCE_FEATURES as readonly string[]).includes(f)) &&
      Array.isArray(model.classes) &&
      model.classes.includes('right') &&
      Array.isArray(model.weights) &&
      model.weights.length === model.classes.length &&
      model.weights.every((w) => Array.isArray(w) && w.length === model.features.length + 1 && w.every(Number.isFinite)) &&
      Array.isArray(model.mean) &&
      model.mean.length === model.features.length &&
      Array.isArray(model.scale) &&
      model.scale.length === model.features.length;
    if (!ok) {
      throw new VerityError({
        code: 'BAD_INPUT',
        component: 'evidence',
        problem: `calibration ${where} is not a confidence model of schemaVersion ${CALIBRATION_SCHEMA_VERSION} over ${CONFIDENCE_FEATURES.join(', ')} (classes wrong, right)`,
        fix: retrainFix('models/calibration.json'),
      });
    }
    return c as ConfidenceModelCalibration;
  }
  const m = value as Partial<IsotonicCalibration> | null;
  if (!m || m.schemaVersion !== CALIBRATION_SCHEMA_VERSION || m.kind !== 'isotonic' || !m.maps || !isMap(m.maps.decided) || !isMap(m.maps.unproven) || !isMap(m.maps.downgraded)) {
    throw new VerityError({
      code: 'BAD_INPUT',
      component: 'evidence',
      problem: `calibration ${where} is neither a confidence model nor an isotonic calibration of schemaVersion ${CALIBRATION_SCHEMA_VERSION} with maps decided, unproven and downgraded (x and y in [0,1])`,
      fix: retrainFix('models/calibration.json'),
    });
  }
  return m as IsotonicCalibration;
}

/** The shipped calibration (read on first use). */
export const verdictCalibration: () => CalibrationFile = shippedModelLoader({ component: 'evidence', model: 'calibration', path: CALIBRATION_PATH, file: 'models/calibration.json', check: checkCalibration });
