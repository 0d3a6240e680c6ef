// Leave-one-dataset-out validation of the stance weights: for each suite, fit on the training
// parts of every other suite and score the held-out suite's scoring part. Hyper-parameters
// (regularisation, feature set) are chosen by the mean LODO score, never by a suite's own dev score.
import { decidePair } from '../../src/evidence/stance/judge.js';
import { fitLogistic } from '../../src/evidence/stance/logistic.js';
import type { LogisticModel } from '../../src/evidence/stance/logistic.js';
import { FEATURE_NAMES } from '../../src/evidence/stance/pair-features.js';
import { STANCE_CLASSES } from '../../src/evidence/stance/stance-model.js';
import { classify, rocAuc } from '../../src/eval/metrics.js';
import { LODO_SUITES, S } from './stance-sets.js';
import type { LodoSuite, PairItem, StanceData } from './stance-sets.js';

export interface StanceConfig {
  name: string;
  l2: number;
  /** Features the fit may use; the others get zero weight (the model file lists every name). */
  features: readonly string[];
}

export interface SuiteScore {
  /** The selection score: macro-F1 (pairs) or ROC-AUC (WiCE, supported vs rest). */
  score: number;
  metric: 'macro-F1' | 'ROC-AUC';
  accuracy: number | null;
  n: number;
}

export const FIT = { iterations: 12, batchSize: 64, learningRate: 0.2, momentum: 0.5, balance: true } as const;

/** Fit on the given pairs using only the config's features; excluded features get zero weight. */
export function fitStance(items: readonly PairItem[], config: StanceConfig): LogisticModel {
  const cols = FEATURE_NAMES.map((n, j) => (config.features.includes(n) ? j : -1)).filter((j) => j >= 0);
  const x = items.map((it) => cols.map((j) => it.reading.features.values[j]!));
  const m = fitLogistic(x, items.map((it) => it.label), [...STANCE_CLASSES], cols.map((j) => FEATURE_NAMES[j]!), { ...FIT, l2: config.l2 });
  const mean = new Array<number>(FEATURE_NAMES.length).fill(0);
  const scale = new Array<number>(FEATURE_NAMES.length).fill(1);
  const weights = m.weights.map(() => new Array<number>(FEATURE_NAMES.length + 1).fill(0));
  cols.forEach((j, k) => {
    mean[j] = m.mean[k]!;
    scale[j] = m.scale[k]!;
    m.weights.forEach((w, c) => (weights[c]![j + 1] = w[k + 1]!));
  });
  m.weights.forEach((w, c) => (weights[c]![0] = w[0]!));
  return { classes: m.classes, features: [...FEATURE_NAMES], mean, scale, weights };
}

const TWO_WAY = new Set<string>(['covid-fact', 'scifact', 'fever-symmetric']);

/** Score one suite's scoring part with the given weights, as its eval reads the stance. */
export function scoreSuite(suite: LodoSuite, model: LogisticModel, data: StanceData): SuiteScore {
  if (suite === 'wice') {
    const items = data.wice.filter((w) => w.part === 'score');
    const scores = items.map((w) => Math.max(0, ...w.chunks.map((c) => (1 - decidePair(c.reading, model).probabilities.neutral) * c.factor)));
    return { score: rocAuc(items.map((w) => w.supported), scores), metric: 'ROC-AUC', accuracy: null, n: items.length };
  }
  const items = data.pairs.filter((p) => p.set === suite && p.part === 'score');
  const gold: string[] = [];
  const predicted: string[] = [];
  for (const it of items) {
    const p = decidePair(it.reading, model).probabilities;
    if (TWO_WAY.has(suite)) {
      gold.push(it.label === S.supports ? 'supports' : 'other');
      predicted.push(p.supports >= Math.max(p.refutes, p.neutral) ? 'supports' : 'other');
    } else {
      gold.push(STANCE_CLASSES[it.label]!);
      predicted.push(p.supports >= Math.max(p.refutes, p.neutral) ? 'supports' : p.refutes >= p.neutral ? 'refutes' : 'neutral');
    }
  }
  const labels = TWO_WAY.has(suite) ? ['supports', 'other'] : [...STANCE_CLASSES];
  const r = classify(gold, predicted, labels);
  return { score: r.macroF1, metric: 'macro-F1', accuracy: r.accuracy, n: r.n };
}

/** The training pairs with one suite left out (all of it, both parts). */
export function trainingPairs(data: StanceData, leaveOut?: string): PairItem[] {
  return data.pairs.filter((p) => p.part === 'train' && p.set !== leaveOut);
}

export interface LodoResult {
  config: StanceConfig;
  perSuite: Record<LodoSuite, SuiteScore>;
  mean: number;
  /** The fold models, by held-out suite (for the verdict and calibration folds). */
  folds: Record<LodoSuite, LogisticModel>;
}

export function runLodo(data: StanceData, config: StanceConfig): LodoResult {
  const perSuite = {} as Record<LodoSuite, SuiteScore>;
  const folds = {} as Record<LodoSuite, LogisticModel>;
  for (const suite of LODO_SUITES) {
    const model = fitStance(trainingPairs(data, suite), config);
    folds[suite] = model;
    perSuite[suite] = scoreSuite(suite, model, data);
  }
  const mean = LODO_SUITES.reduce((a, s) => a + perSuite[s].score, 0) / LODO_SUITES.length;
  return { config, perSuite, mean, folds };
}
