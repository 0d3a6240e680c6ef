// Study of a confidence model over label-agnostic features (src/evidence/verdict/confidence.ts)
// against the isotonic maps of the raw confidence, on the LODO verdict predictions of a run: each
// suite's confidences come from a map or model fitted on the other suites' predictions only.
// ECE over 10 bins; the labels are kept, so each suite's score is its raw score.
//
//   node --import tsx scripts/train/study-confidence.ts --predictions LODO.json --items ITEMS.json [--tables] [--write FILE]
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { expectedCalibrationError, reliability, rocAuc } from '../../src/eval/metrics.js';
import { applyIsotonic, fitIsotonic } from '../../src/evidence/verdict/calibration.js';
import { CONFIDENCE_FEATURES, confidenceFeatures } from '../../src/evidence/verdict/confidence.js';
import { independentJudgements } from '../../src/evidence/verdict/verdict.js';
import { fitLogistic, predictProba } from '../../src/evidence/stance/logistic.js';
import { fitIsotonicCalibration } from './calibrate.js';
import { readJudgementDump } from './judgement-dump.js';
import { SUITE_LABELS, VERDICT_SUITES } from './verdict-sets.js';
import type { VerdictSuite } from './verdict-sets.js';
import type { VerdictPrediction } from './verdict-train.js';

const { values } = parseArgs({ options: { predictions: { type: 'string' }, items: { type: 'string' }, tables: { type: 'boolean' }, write: { type: 'string' } } });
if (!values.predictions || !values.items) {
  console.error('verity: [train] study-confidence needs --predictions (VERITY_TRAIN_DUMP) and --items (VERITY_TRAIN_DUMP_ITEMS) of one run. Fix: pass both files');
  process.exit(2);
}
const preds = JSON.parse(readFileSync(values.predictions, 'utf8')) as VerdictPrediction[];
const dump = readJudgementDump(values.items);
const feats = new Map<VerdictPrediction, number[]>();
for (const suite of VERDICT_SUITES) {
  const scored = dump.items.filter((c) => c.set === suite && c.part === 'score');
  preds.filter((p) => p.set === suite).forEach((p, i) => feats.set(p, confidenceFeatures(p.label, p.raw, p.probabilities, SUITE_LABELS[suite], independentJudgements(dump.judge(suite)(scored[i]!)))));
}
// --write FILE: the predictions with their confidence features (for "npm run train -- --only calibration --predictions FILE" on a dump written before them).
if (values.write) writeFileSync(values.write, `${JSON.stringify(preds.map((p) => ({ ...p, features: feats.get(p)! })), null, 1)}\n`);
const right = (p: VerdictPrediction): boolean => p.label === p.gold;
type Method = (own: VerdictPrediction[], others: VerdictPrediction[], suite: VerdictSuite) => number[];
// (The isotonic maps with their lean rule change labels; models/calibration.report.json measures them, as isotonicEce.)

const model = (names: readonly string[], l2: number): Method => (own, others) => {
  const cols = names.map((n) => CONFIDENCE_FEATURES.indexOf(n as (typeof CONFIDENCE_FEATURES)[number]));
  const row = (p: VerdictPrediction): number[] => cols.map((c) => feats.get(p)![c]!);
  const m = fitLogistic(others.map(row), others.map((p) => (right(p) ? 1 : 0)), ['wrong', 'right'], [...names], { l2, balance: false, iterations: 800, learningRate: 0.5 });
  return own.map((p) => predictProba(m, row(p))[1]!);
};
const logit = (v: number): number => Math.log(Math.max(1e-4, Math.min(1 - 1e-4, v)) / (1 - Math.max(1e-4, Math.min(1 - 1e-4, v))));

const methods: Record<string, Method> = {
  raw: (own) => own.map((p) => p.raw),
  'isotonic maps of the raw confidence (shipped), label kept': (own, others) => {
    const cal = fitIsotonicCalibration(others, 'study');
    return own.map((p) => applyIsotonic(p.label === 'unproven' ? cal.maps.unproven : cal.maps.decided, p.raw));
  },
  'one constant: share right on the other suites': (own, others) => own.map(() => others.filter(right).length / others.length),
  'Platt on the raw confidence (logistic on its logit)': (own, others) => {
    const m = fitLogistic(others.map((p) => [logit(p.raw)]), others.map((p) => (right(p) ? 1 : 0)), ['wrong', 'right'], ['logit_raw'], { l2: 1e-3, balance: false, iterations: 800, learningRate: 0.5 });
    return own.map((p) => predictProba(m, [logit(p.raw)])[1]!);
  },
  'isotonic on the margin': (own, others) => {
    const m = fitIsotonic(others.map((p) => feats.get(p)![1]!), others.map(right));
    return own.map((p) => applyIsotonic(m, feats.get(p)![1]!));
  },
  'isotonic on the agreement': (own, others) => {
    const m = fitIsotonic(others.map((p) => feats.get(p)![2]!), others.map(right));
    return own.map((p) => applyIsotonic(m, feats.get(p)![2]!));
  },
};
for (const l2 of [1e-1, 1, 3]) {
  methods[`model: raw, margin, agreement, coverage (L2 ${l2})`] = model(CONFIDENCE_FEATURES, l2);
  methods[`model: margin, agreement, coverage (L2 ${l2})`] = model(['margin', 'agreement', 'coverage'], l2);
  methods[`model: agreement, coverage (L2 ${l2})`] = model(['agreement', 'coverage'], l2);
  methods[`model: raw, agreement (L2 ${l2})`] = model(['raw', 'agreement'], l2);
  methods[`model: margin, agreement (L2 ${l2})`] = model(['margin', 'agreement'], l2);
}

const tables: string[] = [];
console.log(`| confidence | ${VERDICT_SUITES.join(' ECE / AUC | ')} ECE / AUC | worst ECE | mean ECE |`);
console.log(`| --- | ${VERDICT_SUITES.map(() => '---').join(' | ')} | --- | --- |`);
for (const [name, method] of Object.entries(methods)) {
  const aucs: number[] = [];
  const eces = VERDICT_SUITES.map((suite) => {
    const own = preds.filter((p) => p.set === suite);
    const conf = method(own, preds.filter((p) => p.set !== suite), suite);
    const table = reliability(conf, own.map(right), 10);
    aucs.push(rocAuc(own.map(right), conf));
    if (values.tables) tables.push(`\n${name} — ${suite}\n| confidence | n | mean confidence | share right |\n| --- | --- | --- | --- |\n${table.filter((b) => b.n > 0).map((b) => `| ${b.from.toFixed(1)}–${b.to.toFixed(1)} | ${b.n} | ${b.meanConfidence.toFixed(3)} | ${b.accuracy.toFixed(3)} |`).join('\n')}`);
    return expectedCalibrationError(table);
  });
  console.log(`| ${name} | ${eces.map((e, i) => `${e.toFixed(3)} / ${aucs[i]!.toFixed(2)}`).join(' | ')} | ${Math.max(...eces).toFixed(3)} | ${(eces.reduce((a, b) => a + b, 0) / eces.length).toFixed(3)} |`);
}
console.log(`\nshare right per suite: ${VERDICT_SUITES.map((s) => `${s} ${(preds.filter((p) => p.set === s && right(p)).length / preds.filter((p) => p.set === s).length).toFixed(3)}`).join(', ')}`);
if (values.tables) console.log(tables.join('\n'));
