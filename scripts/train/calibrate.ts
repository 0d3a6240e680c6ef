// Fit the verdict calibration (models/calibration.json) on leave-one-dataset-out predictions, and
// measure it honestly: each suite's reliability table and ECE use a calibration fitted on the
// other suites' LODO predictions only.
import { CALIBRATION_SCHEMA_VERSION, DEFINITE_AT, applyIsotonic, calibrateVerdict, fitIsotonic } from '../../src/evidence/verdict/calibration.js';
import type { CalibrationFile } from '../../src/evidence/verdict/calibration.js';
import { classify, expectedCalibrationError, reliability } from '../../src/eval/metrics.js';
import { SUITE_LABELS, VERDICT_SUITES } from './verdict-sets.js';
import type { VerdictSuite } from './verdict-sets.js';
import type { VerdictPrediction } from './verdict-train.js';

export const BINS = 10;

export function fitCalibration(preds: readonly VerdictPrediction[], command: string): CalibrationFile {
  const decided = preds.filter((p) => p.label !== 'unproven');
  const unproven = preds.filter((p) => p.label === 'unproven');
  const decidedMap = fitIsotonic(decided.map((p) => p.raw), decided.map((p) => p.label === p.gold));
  const leaning = decided.filter((p) => p.label !== 'mixed' && applyIsotonic(decidedMap, p.raw) < DEFINITE_AT);
  const predictions: Record<string, number> = {};
  for (const p of preds) predictions[p.set] = (predictions[p.set] ?? 0) + 1;
  return {
    schemaVersion: CALIBRATION_SCHEMA_VERSION,
    kind: 'isotonic',
    maps: {
      decided: decidedMap,
      unproven: fitIsotonic(unproven.map((p) => p.raw), unproven.map((p) => p.gold === 'unproven')),
      downgraded: fitIsotonic(leaning.map((p) => p.raw), leaning.map((p) => p.gold === 'unproven')),
    },
    trainedWith: { command, predictions },
  };
}

export interface SuiteCalibration {
  n: number;
  rawEce: number;
  ece: number;
  /** The suite's score (accuracy or macro-F1) before and after the calibrated labels (a weak lean shown as unproven). */
  scoreRaw: number;
  scoreCalibrated: number;
  metric: 'accuracy' | 'macro-F1';
  downgraded: number;
  table: ReturnType<typeof reliability>;
}

export function measureCalibration(preds: readonly VerdictPrediction[]): Record<VerdictSuite, SuiteCalibration> {
  const out = {} as Record<VerdictSuite, SuiteCalibration>;
  for (const suite of VERDICT_SUITES) {
    const own = preds.filter((p) => p.set === suite);
    const cal = fitCalibration(preds.filter((p) => p.set !== suite), 'nested');
    const after = own.map((p) => calibrateVerdict(cal, p.label, p.raw, SUITE_LABELS[suite]));
    const rawTable = reliability(own.map((p) => p.raw), own.map((p) => p.label === p.gold), BINS);
    const table = reliability(after.map((a) => a.confidence), after.map((a, i) => a.label === own[i]!.gold), BINS);
    const metric = suite === 'climate-fever' ? 'accuracy' : 'macro-F1';
    const score = (labels: string[]): number => {
      const r = classify(own.map((p) => p.gold), labels, SUITE_LABELS[suite]);
      return metric === 'accuracy' ? r.accuracy : r.macroF1;
    };
    out[suite] = {
      n: own.length,
      rawEce: expectedCalibrationError(rawTable),
      ece: expectedCalibrationError(table),
      scoreRaw: score(own.map((p) => p.label)),
      scoreCalibrated: score(after.map((a) => a.label)),
      metric,
      downgraded: after.filter((a) => a.leaning !== null).length,
      table,
    };
  }
  return out;
}
