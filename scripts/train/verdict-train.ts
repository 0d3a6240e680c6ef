// The verdict weights of `npm run train`: the general weights (every suite's training part),
// each suite's own weights with their decision rule (as before), and leave-one-dataset-out
// validation — for each claim-level suite, stance weights that never saw it judge the evidence,
// verdict weights fitted on the other suites decide, and the raw predictions are kept for
// calibration (calibrate.ts).
import type { VerdictLabel } from '../../src/model.js';
import { fitLogistic, predictProba } from '../../src/evidence/stance/logistic.js';
import type { FitOptions, LogisticModel } from '../../src/evidence/stance/logistic.js';
import { VERDICT_FEATURES, VERDICT_LABELS, VERDICT_MONOTONE, VERDICT_SIDE_FREE, decideVerdict, independentJudgements, verdictFeatures } from '../../src/evidence/verdict/verdict.js';
import type { VerdictModelFile } from '../../src/evidence/verdict/verdict.js';
import { confidenceFeatures } from '../../src/evidence/verdict/confidence.js';
import { monotoneConstraints, tiedWeights } from '../../src/evidence/stance/monotone.js';
import { CITING_FEATURES } from '../../src/eval/citing-sentence.js';
import { classify } from '../../src/eval/metrics.js';
import { SUITE_LABELS, VERDICT_SUITES } from './verdict-sets.js';
import type { VerdictItem, VerdictSuite } from './verdict-sets.js';
import type { JudgementDetail } from '../../src/evidence/stance/judge.js';

/** What the verdict training reads of a claim (its evidence comes through a Judge). */
export type VerdictClaim = Pick<VerdictItem, 'set' | 'part' | 'claim' | 'gold' | 'extra'>;
/** A claim's evidence judged under some stance weights (verdict-sets.ts `judged`, or judgements read back from a dump). */
export type Judge<T extends VerdictClaim = VerdictClaim> = (item: T) => JudgementDetail[];

const V: Record<VerdictLabel, number> = { supported: 0, refuted: 1, mixed: 2, unproven: 3 };
const FIT = { iterations: 30, batchSize: 32, learningRate: 0.2, momentum: 0.5, l2: 1e-3 } as const;

/** One LODO (or dev) verdict prediction before calibration. */
export interface VerdictPrediction {
  set: VerdictSuite;
  gold: VerdictLabel;
  label: VerdictLabel;
  raw: number;
  /** The verdict weights' class probabilities (before the rules). */
  probabilities: Record<VerdictLabel, number>;
  /** The verdict's label-agnostic confidence features (src/evidence/verdict/confidence.ts, CONFIDENCE_FEATURES order). */
  features: number[];
}

export interface VerdictScore {
  metric: 'accuracy' | 'macro-F1';
  score: number;
  n: number;
}

/** Climate-FEVER is scored by claim accuracy (its eval's figure), the others by macro-F1. */
export function scoreVerdicts(suite: VerdictSuite, preds: readonly VerdictPrediction[]): VerdictScore {
  const r = classify(preds.map((p) => p.gold), preds.map((p) => p.label), SUITE_LABELS[suite]);
  return suite === 'climate-fever' ? { metric: 'accuracy', score: r.accuracy, n: r.n } : { metric: 'macro-F1', score: r.macroF1, n: r.n };
}

interface Rows<T extends VerdictClaim> {
  x: number[][];
  y: number[];
  items: T[];
}

export function rows<T extends VerdictClaim>(items: T[], judge: Judge<T>): Rows<T> {
  return { x: items.map((it) => verdictFeatures(independentJudgements(judge(it)))), y: items.map((it) => V[it.gold]), items };
}

/** VERDICT_MONOTONE and VERDICT_SIDE_FREE over a feature list (a suite's own weights add claim features, left free). */
const constrained = (features: readonly string[]): Pick<FitOptions, 'monotone' | 'ties'> => ({
  monotone: monotoneConstraints(VERDICT_LABELS, features, VERDICT_MONOTONE),
  ties: tiedWeights(VERDICT_LABELS, features, ['supported', 'refuted'], VERDICT_SIDE_FREE),
});

/**
 * The general weights over the given features (the others held at zero, so their weights stay
 * zero and the file keeps every name): the label priors of the training suites kept, or each
 * label's examples weighed by the inverse of its frequency (`balance`).
 */
export function fitGeneral(r: Rows<VerdictClaim>, features: readonly string[] = VERDICT_FEATURES, balance = false): LogisticModel {
  const used = VERDICT_FEATURES.map((f) => features.includes(f));
  const x = used.every(Boolean) ? r.x : r.x.map((row) => row.map((v, j) => (used[j] ? v : 0)));
  return fitLogistic(x, r.y, [...VERDICT_LABELS], [...VERDICT_FEATURES], { ...FIT, balance, ...constrained(VERDICT_FEATURES) });
}

/**
 * Feature sets the general weights are selected from, by mean LODO score over the claim-level
 * suites. "sides": only what the evidence says each way. "no passage count or retrieval score":
 * the number of passages and the retrieval score are left out — their level is set by how a
 * suite gives its evidence (five retrieved abstracts with a retrieval score, one or two cited
 * papers or five sentences without), so they told the suites apart and carried the training
 * suites' label priors to the held-out one.
 */
export const GENERAL_FEATURE_SETS: Record<string, readonly string[]> = {
  all: VERDICT_FEATURES,
  sides: ['max_s', 'max_r', 'top3_s', 'top3_r', 'min_sr', 'n_s', 'n_r'],
  'no passage count or retrieval score': VERDICT_FEATURES.filter((f) => f !== 'n_independent' && f !== 'max_relevance'),
};

export function predict<T extends VerdictClaim>(items: T[], judge: Judge<T>, model: LogisticModel): VerdictPrediction[] {
  return items.map((it) => {
    const js = judge(it);
    const v = decideVerdict(it.claim, js, { labels: SUITE_LABELS[it.set], model, calibration: false });
    const features = confidenceFeatures(v.label, v.confidence, v.probabilities, SUITE_LABELS[it.set], independentJudgements(js));
    return { set: it.set, gold: it.gold, label: v.label, raw: v.confidence, probabilities: v.probabilities, features };
  });
}

export interface VerdictTraining {
  file: Omit<VerdictModelFile, 'trainedWith'>;
  lodo: Record<VerdictSuite, VerdictScore>;
  dev: Record<VerdictSuite, VerdictScore>;
  lodoPredictions: VerdictPrediction[];
  /** LODO score of each feature set tried for the general weights, and the one chosen. */
  selection: Array<{ features: string; lodo: Record<string, number>; mean: number }>;
  chosen: string;
  log: string[];
}

export function trainVerdict<T extends VerdictClaim>(items: T[], finalStance: Judge<T>, foldStance: Record<VerdictSuite, Judge<T>>): VerdictTraining {
  const log: string[] = [];
  const train = items.filter((it) => it.part === 'train');
  const lodo = {} as Record<VerdictSuite, VerdictScore>;
  const dev = {} as Record<VerdictSuite, VerdictScore>;
  let lodoPredictions: VerdictPrediction[] = [];
  const selection: VerdictTraining['selection'] = [];
  let chosen = 'all';
  let bestMean = -Infinity;
  const folds = VERDICT_SUITES.map((suite) => ({ suite, train: rows(train.filter((it) => it.set !== suite), foldStance[suite]) }));
  for (const [name, features] of Object.entries(GENERAL_FEATURE_SETS)) {
    const preds: VerdictPrediction[] = [];
    const scores = {} as Record<VerdictSuite, VerdictScore>;
    for (const { suite, train: r } of folds) {
      const p = predict(items.filter((it) => it.set === suite && it.part === 'score'), foldStance[suite], fitGeneral(r, features));
      preds.push(...p);
      scores[suite] = scoreVerdicts(suite, p);
    }
    const mean = VERDICT_SUITES.reduce((a, s) => a + scores[s].score, 0) / VERDICT_SUITES.length;
    selection.push({ features: name, lodo: Object.fromEntries(VERDICT_SUITES.map((s) => [s, Math.round(scores[s].score * 1e4) / 1e4])), mean: Math.round(mean * 1e4) / 1e4 });
    log.push(`verdict features "${name}": LODO ${VERDICT_SUITES.map((s) => `${s} ${scores[s].score.toFixed(4)}`).join(', ')}; mean ${mean.toFixed(4)}`);
    if (mean > bestMean + 1e-9) {
      bestMean = mean;
      chosen = name;
      lodoPredictions = preds;
      Object.assign(lodo, scores);
    }
  }
  const all = rows(train, finalStance);
  const general = fitGeneral(all, GENERAL_FEATURE_SETS[chosen]);
  for (const suite of VERDICT_SUITES) dev[suite] = scoreVerdicts(suite, predict(items.filter((it) => it.set === suite && it.part === 'score'), finalStance, general));

  // Per-suite weights for the suites with a training split, balanced for their macro-F1, over the
  // aggregate features and the suite's own claim features; their decision rule: class weights on
  // the probabilities chosen for macro-F1 on out-of-fold predictions (5 folds by position) over
  // the same training split, from a small grid tried nearest 1 first.
  const SUITE_EXTRA: Record<string, readonly string[]> = { 'check-covid': [], 'citation-integrity': CITING_FEATURES };
  const suiteRow = (k: number): number[] => [...all.x[k]!, ...all.items[k]!.extra];
  const fitSuite = (suite: string, ks: number[]): LogisticModel =>
    fitLogistic(ks.map(suiteRow), ks.map((k) => all.y[k]!), [...VERDICT_LABELS], [...VERDICT_FEATURES, ...SUITE_EXTRA[suite]!], { ...FIT, balance: true, ...constrained([...VERDICT_FEATURES, ...SUITE_EXTRA[suite]!]) });
  const suites: Record<string, LogisticModel> = {};
  const decisions: NonNullable<VerdictModelFile['decisions']> = {};
  const FOLDS = 5;
  const GRID = [1, 0.85, 1.2, 0.7, 1.5, 0.5, 2, 0.3];
  for (const suite of ['check-covid', 'citation-integrity'] as const) {
    const ks = all.items.map((it, k) => (it.set === suite ? k : -1)).filter((k) => k >= 0);
    suites[suite] = fitSuite(suite, ks);
    const oof: number[][] = [];
    for (let f = 0; f < FOLDS; f++) {
      const m = fitSuite(suite, ks.filter((_, q) => q % FOLDS !== f));
      ks.forEach((k, q) => {
        if (q % FOLDS === f) oof[q] = predictProba(m, suiteRow(k));
      });
    }
    const allowed = [V.supported, V.refuted, V.unproven];
    const macroF1 = (w: number[]): number => {
      const pred = oof.map((p) => allowed.reduce((b, c) => ((p[c] ?? 0) * w[c]! > (p[b] ?? 0) * w[b]! ? c : b), allowed[0]!));
      const f1s = allowed.map((c) => {
        const tp = pred.filter((p, q) => p === c && all.y[ks[q]!] === c).length;
        const n = pred.filter((p) => p === c).length + ks.filter((k) => all.y[k] === c).length;
        return n > 0 ? (2 * tp) / n : 0;
      });
      return f1s.reduce((a, b) => a + b, 0) / f1s.length;
    };
    let best = { f1: macroF1([1, 1, 1, 1]), w: [1, 1, 1, 1] };
    const plain = best.f1;
    for (const r of GRID) for (const u of GRID) {
      const w = [1, r, 1, u];
      const f1 = macroF1(w);
      if (f1 > best.f1 + 1e-9) best = { f1, w };
    }
    decisions[suite] = { classWeights: { refuted: best.w[V.refuted]!, unproven: best.w[V.unproven]! } };
    log.push(`decision ${suite}: class weights refuted ${best.w[V.refuted]} unproven ${best.w[V.unproven]} (out-of-fold train macro-F1 ${plain.toFixed(3)} → ${best.f1.toFixed(3)})`);
  }
  return { file: { schemaVersion: 1, kind: 'multinomial-logistic', ...general, suites, decisions }, lodo, dev, lodoPredictions, selection, chosen, log };
}
