// Fit the verdict calibration (models/calibration.json) on leave-one-dataset-out predictions, and
// measure it honestly: each suite's reliability table and ECE use a calibration fitted on the
// other suites' LODO predictions only.
//
// The shipped kind is a confidence model (P(the label is right) over label-agnostic features,
// src/evidence/verdict/confidence.ts), its features and L2 chosen among CONFIDENCE_CANDIDATES by
// the worst per-suite LODO ECE (then the mean). The isotonic maps of the raw confidence it
// replaces are still fitted for comparison (`isotonicEce` in the report).
import { CALIBRATION_SCHEMA_VERSION, DEFINITE_AT, applyIsotonic, calibrateVerdict, fitIsotonic, modelConfidence } from '../../src/evidence/verdict/calibration.js';
import type { ConfidenceModelCalibration, IsotonicCalibration } from '../../src/evidence/verdict/calibration.js';
import { CONFIDENCE_FEATURES } from '../../src/evidence/verdict/confidence.js';
import { fitLogistic } from '../../src/evidence/stance/logistic.js';
import type { LogisticModel } from '../../src/evidence/stance/logistic.js';
import { classify, expectedCalibrationError, reliability, rocAuc } from '../../src/eval/metrics.js';
import { SUITE_LABELS, VERDICT_SUITES } from './verdict-sets.js';
import type { VerdictSuite } from './verdict-sets.js';
import type { VerdictPrediction } from './verdict-train.js';

export const BINS = 10;

/** The confidence models tried: feature sets of CONFIDENCE_FEATURES and their L2. */
export const CONFIDENCE_CANDIDATES: ReadonlyArray<{ features: ReadonlyArray<(typeof CONFIDENCE_FEATURES)[number]>; l2: number }> = [0.1, 1].flatMap((l2) =>
  [['margin', 'agreement', 'coverage'], ['margin', 'agreement'], ['agreement', 'coverage'], ['raw', 'margin', 'agreement', 'coverage']].map((features) => ({ features: features as Array<(typeof CONFIDENCE_FEATURES)[number]>, l2 })),
);
type Candidate = (typeof CONFIDENCE_CANDIDATES)[number];

function counts(preds: readonly VerdictPrediction[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of preds) out[p.set] = (out[p.set] ?? 0) + 1;
  return out;
}

/** The isotonic maps of the raw confidence (the calibration shipped before the confidence model). */
export function fitIsotonicCalibration(preds: readonly VerdictPrediction[], command: string): IsotonicCalibration {
  const decided = preds.filter((p) => p.label !== 'unproven');
  const unproven = preds.filter((p) => p.label === 'unproven');
  const decidedMap = fitIsotonic(decided.map((p) => p.raw), decided.map((p) => p.label === p.gold));
  const leaning = decided.filter((p) => p.label !== 'mixed' && applyIsotonic(decidedMap, p.raw) < DEFINITE_AT);
  return {
    schemaVersion: CALIBRATION_SCHEMA_VERSION,
    kind: 'isotonic',
    maps: {
      decided: decidedMap,
      unproven: fitIsotonic(unproven.map((p) => p.raw), unproven.map((p) => p.gold === 'unproven')),
      downgraded: fitIsotonic(leaning.map((p) => p.raw), leaning.map((p) => p.gold === 'unproven')),
    },
    trainedWith: { command, predictions: counts(preds) },
  };
}

/** A logistic model of "the label is right" over the candidate's features (classes wrong, right). */
export function fitConfidenceModel(preds: readonly VerdictPrediction[], candidate: Candidate): LogisticModel {
  const cols = candidate.features.map((f) => CONFIDENCE_FEATURES.indexOf(f));
  return fitLogistic(
    preds.map((p) => cols.map((c) => p.features[c] ?? 0)),
    preds.map((p) => (p.label === p.gold ? 1 : 0)),
    ['wrong', 'right'],
    [...candidate.features],
    { l2: candidate.l2, balance: false, iterations: 800, learningRate: 0.5 },
  );
}

const right = (p: VerdictPrediction): boolean => p.label === p.gold;
const ece = (conf: number[], own: readonly VerdictPrediction[]): number => expectedCalibrationError(reliability(conf, own.map(right), BINS));

/** Each candidate's per-suite ECE, each suite's confidences from the model fitted on the other suites. */
export function selectConfidence(preds: readonly VerdictPrediction[]): { chosen: Candidate; tried: Array<{ features: string[]; l2: number; ece: Record<string, number>; worst: number; mean: number }> } {
  const tried = CONFIDENCE_CANDIDATES.map((candidate) => {
    const e = VERDICT_SUITES.map((suite) => {
      const own = preds.filter((p) => p.set === suite);
      const m = fitConfidenceModel(preds.filter((p) => p.set !== suite), candidate);
      return ece(own.map((p) => modelConfidence(m, p.features)), own);
    });
    return { candidate, features: [...candidate.features], l2: candidate.l2, ece: Object.fromEntries(VERDICT_SUITES.map((s, i) => [s, e[i]!])), worst: Math.max(...e), mean: Math.round((e.reduce((a, b) => a + b, 0) / e.length) * 1e4) / 1e4 };
  });
  let best = tried[0]!;
  for (const t of tried) if (t.worst < best.worst - 1e-9 || (Math.abs(t.worst - best.worst) <= 1e-9 && t.mean < best.mean - 1e-9)) best = t;
  return { chosen: best.candidate, tried: tried.map(({ candidate: _c, ...rest }) => rest) };
}

/** The shipped calibration: the selected confidence model fitted on every suite's LODO predictions. */
export function fitCalibration(preds: readonly VerdictPrediction[], command: string, chosen: Candidate = selectConfidence(preds).chosen): ConfidenceModelCalibration {
  return { schemaVersion: CALIBRATION_SCHEMA_VERSION, kind: 'confidence-model', model: fitConfidenceModel(preds, chosen), trainedWith: { command, predictions: counts(preds) } };
}

export interface SuiteCalibration {
  n: number;
  rawEce: number;
  /** The isotonic maps of the raw confidence fitted on the other suites, with their lean rule (the calibration before). */
  isotonicEce: number;
  ece: number;
  /** How well the calibrated confidence tells right verdicts from wrong (ROC-AUC; 0.5 for a constant). */
  auc: number;
  /** The suite's score (accuracy or macro-F1) of the raw labels, and of the labels after the isotonic lean rule (the confidence model keeps them). */
  scoreRaw: number;
  scoreIsotonic: number;
  metric: 'accuracy' | 'macro-F1';
  rawTable: ReturnType<typeof reliability>;
  table: ReturnType<typeof reliability>;
}

export function measureCalibration(preds: readonly VerdictPrediction[], chosen: Candidate): Record<VerdictSuite, SuiteCalibration> {
  const out = {} as Record<VerdictSuite, SuiteCalibration>;
  for (const suite of VERDICT_SUITES) {
    const own = preds.filter((p) => p.set === suite);
    const others = preds.filter((p) => p.set !== suite);
    const model = fitConfidenceModel(others, chosen);
    const conf = own.map((p) => modelConfidence(model, p.features));
    const iso = fitIsotonicCalibration(others, 'nested');
    const isoAfter = own.map((p) => calibrateVerdict(iso, p.label, p.raw, SUITE_LABELS[suite]));
    const rawTable = reliability(own.map((p) => p.raw), own.map(right), BINS);
    const table = reliability(conf, own.map(right), BINS);
    const metric = suite === 'climate-fever' ? 'accuracy' : 'macro-F1';
    const score = (labels: string[]): number => {
      const r = classify(own.map((p) => p.gold), labels, SUITE_LABELS[suite]);
      return metric === 'accuracy' ? r.accuracy : r.macroF1;
    };
    out[suite] = {
      n: own.length,
      rawEce: expectedCalibrationError(rawTable),
      isotonicEce: expectedCalibrationError(reliability(isoAfter.map((a) => a.confidence), isoAfter.map((a, i) => a.label === own[i]!.gold), BINS)),
      ece: expectedCalibrationError(table),
      auc: Math.round(rocAuc(own.map(right), conf) * 1e4) / 1e4,
      scoreRaw: score(own.map((p) => p.label)),
      scoreIsotonic: score(isoAfter.map((a) => a.label)),
      metric,
      rawTable,
      table,
    };
  }
  return out;
}
