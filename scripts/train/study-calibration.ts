// Study of the verdict confidence across suites (docs/training.md, "Calibration per suite"):
// for each claim-level suite, ways of mapping the LODO verdict predictions to a probability of
// being right, each fitted on the other suites' predictions only, scored by ECE (10 bins) and the
// suite's metric.
//
//   node --import tsx scripts/train/study-calibration.ts --predictions FILE   (FILE: VERITY_TRAIN_DUMP of a run)
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { VerdictLabel } from '../../src/model.js';
import { classify, expectedCalibrationError, reliability } from '../../src/eval/metrics.js';
import { applyIsotonic, calibrateVerdict, fitIsotonic } from '../../src/evidence/verdict/calibration.js';
import { fitIsotonicCalibration } from './calibrate.js';
import { readJudgementDump } from './judgement-dump.js';
import { VERDICT_FEATURES, independentJudgements, verdictFeatures } from '../../src/evidence/verdict/verdict.js';
import { fitLogistic, predictProba } from '../../src/evidence/stance/logistic.js';
import { SUITE_LABELS, VERDICT_SUITES } from './verdict-sets.js';
import type { VerdictSuite } from './verdict-sets.js';
import type { VerdictPrediction } from './verdict-train.js';

const { values } = parseArgs({ options: { predictions: { type: 'string' }, items: { type: 'string' } } });
const preds = JSON.parse(readFileSync(values.predictions ?? '/tmp/lodo.json', 'utf8')) as VerdictPrediction[];
// With --items (VERITY_TRAIN_DUMP_ITEMS of the same run): each prediction's verdict features, under its fold's stance weights.
const features = new Map<VerdictPrediction, number[]>();
if (values.items) {
  const dump = readJudgementDump(values.items);
  for (const suite of VERDICT_SUITES) {
    const scored = dump.items.filter((c) => c.set === suite && c.part === 'score');
    const own = preds.filter((p) => p.set === suite);
    own.forEach((p, i) => features.set(p, verdictFeatures(independentJudgements(dump.judge(suite)(scored[i]!)))));
  }
}

interface Shown {
  label: VerdictLabel;
  confidence: number;
}
type Method = (own: VerdictPrediction[], others: VerdictPrediction[], suite: VerdictSuite) => Shown[];

const r3 = (v: number): string => v.toFixed(3);
const score = (suite: VerdictSuite, own: VerdictPrediction[], labels: VerdictLabel[]): number => {
  const r = classify(own.map((p) => p.gold), labels, SUITE_LABELS[suite]);
  return suite === 'climate-fever' ? r.accuracy : r.macroF1;
};
const ece = (own: VerdictPrediction[], shown: Shown[]): number =>
  expectedCalibrationError(reliability(shown.map((s) => s.confidence), shown.map((s, i) => s.label === own[i]!.gold), 10));

/** Was the label the weights' own most likely one (not a rule's)? */
function byWeights(p: VerdictPrediction): boolean {
  const allowed = SUITE_LABELS[p.set];
  const mass = allowed.reduce((a, l) => a + p.probabilities[l], 0) || 1;
  return Math.abs(p.probabilities[p.label] / mass - p.raw) < 1e-9 && allowed.every((l) => p.probabilities[l] <= p.probabilities[p.label]);
}

/** Label shift by EM (Saerens et al. 2002): the suite's label prior estimated from its own predictions, no gold read. */
function emPrior(ps: VerdictPrediction[], source: Record<VerdictLabel, number>, allowed: readonly VerdictLabel[]): Record<VerdictLabel, number> {
  let prior = { ...source };
  for (let it = 0; it < 100; it++) {
    const next = Object.fromEntries(allowed.map((l) => [l, 0])) as Record<VerdictLabel, number>;
    for (const p of ps) {
      const adj = adjusted(p, source, prior, allowed);
      for (const l of allowed) next[l] += adj[l] / ps.length;
    }
    prior = next;
  }
  return prior;
}
function adjusted(p: VerdictPrediction, source: Record<VerdictLabel, number>, target: Record<VerdictLabel, number>, allowed: readonly VerdictLabel[]): Record<VerdictLabel, number> {
  const w = allowed.map((l) => (p.probabilities[l] * (target[l] ?? 0)) / Math.max(1e-9, source[l] ?? 0));
  const z = w.reduce((a, b) => a + b, 0) || 1;
  return Object.fromEntries(allowed.map((l, i) => [l, w[i]! / z])) as Record<VerdictLabel, number>;
}
/** The source prior: the mean of the weights' probabilities on the suites they were fitted on (restricted to the labels allowed). */
function meanProbs(ps: VerdictPrediction[], allowed: readonly VerdictLabel[]): Record<VerdictLabel, number> {
  const out = Object.fromEntries(allowed.map((l) => [l, 0])) as Record<VerdictLabel, number>;
  for (const p of ps) {
    const mass = allowed.reduce((a, l) => a + p.probabilities[l], 0) || 1;
    for (const l of allowed) out[l] += p.probabilities[l] / mass / ps.length;
  }
  return out;
}
function emShown(own: VerdictPrediction[], suite: VerdictSuite, source: Record<VerdictLabel, number>, relabel: boolean): Shown[] {
  const allowed = SUITE_LABELS[suite];
  const prior = emPrior(own, source, allowed);
  return own.map((p) => {
    if (!byWeights(p)) return { label: p.label, confidence: p.raw };
    const adj = adjusted(p, source, prior, allowed);
    const label = relabel ? allowed.reduce((b, l) => (adj[l] > adj[b] ? l : b), allowed[0]!) : p.label;
    return { label, confidence: adj[label] };
  });
}

/** What a correctness model reads of a prediction: its confidence, margin, label and the evidence's aggregate features. */
function correctnessRow(p: VerdictPrediction): number[] {
  const sorted = Object.values(p.probabilities).sort((a, b) => b - a);
  return [p.raw, p.raw - (sorted[1] ?? 0), ...(['supported', 'refuted', 'mixed', 'unproven'] as const).map((l) => (p.label === l ? 1 : 0)), ...(features.get(p) ?? VERDICT_FEATURES.map(() => 0))];
}
const CORRECTNESS_NAMES = ['raw', 'margin', 'is_supported', 'is_refuted', 'is_mixed', 'is_unproven', ...VERDICT_FEATURES];

const methods: Record<string, Method> = {
  raw: (own) => own.map((p) => ({ label: p.label, confidence: p.raw })),
  'isotonic (shipped rule)': (own, others, suite) => {
    const cal = fitIsotonicCalibration(others, 'study');
    return own.map((p) => calibrateVerdict(cal, p.label, p.raw, SUITE_LABELS[suite]));
  },
  'isotonic, label kept': (own, others) => {
    const cal = fitIsotonicCalibration(others, 'study');
    return own.map((p) => ({ label: p.label, confidence: applyIsotonic(p.label === 'unproven' ? cal.maps.unproven : cal.maps.decided, p.raw) }));
  },
  'isotonic, every supported lean below one half shown as unproven': (own, others, suite) => {
    const cal = fitIsotonicCalibration(others, 'study');
    return own.map((p) => {
      const c = calibrateVerdict(cal, p.label, p.raw, SUITE_LABELS[suite]);
      if (c.label !== 'supported' || c.confidence >= 0.5 || !SUITE_LABELS[suite].includes('unproven')) return c;
      return { label: 'unproven', confidence: applyIsotonic(cal.maps.downgraded, p.raw) };
    });
  },
  'margin over the runner-up, isotonic': (own, others) => {
    const margin = (p: VerdictPrediction): number => {
      const sorted = Object.values(p.probabilities).sort((a, b) => b - a);
      return p.raw - (sorted[1] ?? 0) + 0.5;
    };
    const m = fitIsotonic(others.map(margin), others.map((p) => p.label === p.gold));
    return own.map((p) => ({ label: p.label, confidence: applyIsotonic(m, margin(p)) }));
  },
  'correctness model (logistic on confidence, label and evidence features)': (own, others) => {
    const m = fitLogistic(others.map(correctnessRow), others.map((p) => (p.label === p.gold ? 1 : 0)), ['wrong', 'right'], CORRECTNESS_NAMES, { l2: 1e-2, balance: false, iterations: 30, batchSize: 32, learningRate: 0.1, momentum: 0.5 });
    return own.map((p) => ({ label: p.label, confidence: predictProba(m, correctnessRow(p))[1]! }));
  },
  'EM prior, label kept': (own, others, suite) => emShown(own, suite, meanProbs(others.filter((p) => p.set !== suite), SUITE_LABELS[suite]), false),
  'EM prior, relabelled': (own, others, suite) => emShown(own, suite, meanProbs(others, SUITE_LABELS[suite]), true),
  'EM prior, label kept, then isotonic': (own, others, suite) => {
    // The map is fitted on the other suites' EM-adjusted confidences (each adjusted by its own estimated prior).
    const src: Array<{ c: number; right: boolean }> = [];
    for (const s of VERDICT_SUITES.filter((x) => x !== suite)) {
      const theirs = others.filter((p) => p.set === s);
      const rest = others.filter((p) => p.set !== s);
      emShown(theirs, s, meanProbs(rest, SUITE_LABELS[s]), false).forEach((sh, i) => src.push({ c: sh.confidence, right: sh.label === theirs[i]!.gold }));
    }
    const m = fitIsotonic(src.map((x) => x.c), src.map((x) => x.right));
    return emShown(own, suite, meanProbs(others, SUITE_LABELS[suite]), false).map((sh) => ({ label: sh.label, confidence: applyIsotonic(m, sh.confidence) }));
  },
};

console.log(`| method | ${VERDICT_SUITES.map((s) => `${s} ECE / score`).join(' | ')} |`);
console.log(`| --- | ${VERDICT_SUITES.map(() => '---').join(' | ')} |`);
for (const [name, method] of Object.entries(methods)) {
  const cells = VERDICT_SUITES.map((suite) => {
    const own = preds.filter((p) => p.set === suite);
    const shown = method(own, preds.filter((p) => p.set !== suite), suite);
    return `${r3(ece(own, shown))} / ${r3(score(suite, own, shown.map((s) => s.label)))}`;
  });
  console.log(`| ${name} | ${cells.join(' | ')} |`);
}
