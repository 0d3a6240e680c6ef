// Calibrated verdict confidence (models/calibration.json): the probability that the verdict's
// label is right. Isotonic maps from the raw confidence (the verdict weights' probability, or a
// rule's strength) to the share of verdicts observed right, fitted by `npm run train` on
// leave-one-dataset-out predictions: the stance and verdict weights behind each prediction never
// saw the suite it was made on, so the map is not fitted on what it is scored on.
//
// A supported or refuted verdict less likely right than wrong (below one half) becomes "unproven"
// (the evidence leans one way, not enough to call it) when "unproven" is, on such leans, more
// likely right than the lean; its confidence is then the one fitted for such verdicts. So the
// label shown is the one most likely right, and its confidence says how likely.
import { fileURLToPath } from 'node:url';
import type { VerdictLabel } from '../../model.js';
import { VerityError } from '../../errors.js';
import { retrainFix, shippedModelLoader } from '../../text/read-model-file.js';

export const CALIBRATION_SCHEMA_VERSION = 1;
export const CALIBRATION_PATH = fileURLToPath(new URL('../../../models/calibration.json', import.meta.url));
/** A definite label needs at least this calibrated probability of being right. */
export const DEFINITE_AT = 0.5;

/** A monotone step map: raw confidence `x[i]` (increasing) maps to `y[i]`; linear between points. */
export interface IsotonicMap {
  x: number[];
  y: number[];
}

export interface CalibrationFile {
  schemaVersion: number;
  kind: 'isotonic';
  /** decided: supported/refuted/mixed; unproven: answered unproven; downgraded: a supported/refuted lean shown as unproven. */
  maps: { decided: IsotonicMap; unproven: IsotonicMap; downgraded: IsotonicMap };
  trainedWith: { command: string; predictions: Record<string, number> };
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
export function calibrateVerdict(file: CalibrationFile, label: VerdictLabel, raw: number, allowed: readonly VerdictLabel[]): CalibratedVerdict {
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
  const m = value as Partial<CalibrationFile> | null;
  if (!m || m.schemaVersion !== CALIBRATION_SCHEMA_VERSION || m.kind !== 'isotonic' || !m.maps || !isMap(m.maps.decided) || !isMap(m.maps.unproven) || !isMap(m.maps.downgraded)) {
    throw new VerityError({
      code: 'BAD_INPUT',
      component: 'evidence',
      problem: `calibration ${where} is not an isotonic calibration of schemaVersion ${CALIBRATION_SCHEMA_VERSION} with maps decided, unproven and downgraded (x and y in [0,1])`,
      fix: retrainFix('models/calibration.json'),
    });
  }
  return m as CalibrationFile;
}

/** The shipped calibration (read on first use). */
export const verdictCalibration: () => CalibrationFile = shippedModelLoader({ component: 'evidence', model: 'calibration', path: CALIBRATION_PATH, file: 'models/calibration.json', check: checkCalibration });
