// Study of a counting rule for the verdict (Climate-FEVER's five evidence sentences per claim): a
// passage counts for a side when its stance probability for that side reaches a threshold; both
// sides counted → mixed (or, without mixed, the side of the stronger passage), one side → that
// side, none → unproven. The thresholds are learned leave-one-dataset-out: for each suite, on the
// other suites' training claims judged by the stance weights of the suite's fold, by their mean
// score; then scored on the suite. Compared with the LODO verdict weights (the dump's run).
//
//   node --import tsx scripts/train/study-aggregation.ts --items ITEMS.json [--predictions LODO.json]
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { JudgementDetail } from '../../src/evidence/stance/judge.js';
import type { VerdictLabel } from '../../src/model.js';
import { independentJudgements } from '../../src/evidence/verdict/verdict.js';
import { readJudgementDump } from './judgement-dump.js';
import { SUITE_LABELS, VERDICT_SUITES } from './verdict-sets.js';
import type { VerdictSuite } from './verdict-sets.js';
import { scoreVerdicts } from './verdict-train.js';
import type { VerdictPrediction } from './verdict-train.js';

const { values } = parseArgs({ options: { items: { type: 'string' }, predictions: { type: 'string' } } });
if (!values.items) {
  console.error('verity: [train] study-aggregation needs --items (VERITY_TRAIN_DUMP_ITEMS of a run). Fix: pass the file');
  process.exit(2);
}
const dump = readJudgementDump(values.items);

interface Rule {
  /** P(supports) a passage needs to count as supporting; P(refutes) to count as refuting. */
  ts: number;
  tr: number;
  /** Passages needed on a side (both sides counted: mixed). */
  k: number;
}
const cache = new WeakMap<object, Map<string, JudgementDetail['probabilities'][]>>();
/** The stance probabilities of a claim's independent passages under the named fold's weights (read once). */
function stances(c: (typeof dump.items)[number], fold: string): Array<JudgementDetail['probabilities']> {
  let byFold = cache.get(c);
  if (!byFold) cache.set(c, (byFold = new Map()));
  let ps = byFold.get(fold);
  if (!ps) byFold.set(fold, (ps = independentJudgements(dump.judge(fold)(c)).map((j) => j.probabilities)));
  return ps;
}
function decide(ps: Array<JudgementDetail['probabilities']>, rule: Rule, allowed: readonly VerdictLabel[]): VerdictLabel {
  const s = ps.filter((p) => p.supports >= rule.ts).length;
  const r = ps.filter((p) => p.refutes >= rule.tr).length;
  const maxS = Math.max(0, ...ps.map((p) => p.supports));
  const maxR = Math.max(0, ...ps.map((p) => p.refutes));
  if (s >= rule.k && r >= rule.k) return allowed.includes('mixed') ? 'mixed' : maxS >= maxR ? 'supported' : 'refuted';
  if (s >= rule.k) return 'supported';
  if (r >= rule.k) return 'refuted';
  return 'unproven';
}
const GRID: Rule[] = [];
for (let ts = 0.3; ts <= 0.9001; ts += 0.05) for (let tr = 0.2; tr <= 0.9001; tr += 0.05) for (const k of [1, 2]) GRID.push({ ts: Math.round(ts * 100) / 100, tr: Math.round(tr * 100) / 100, k });

const predsOf = (suite: VerdictSuite, part: 'train' | 'score', fold: string, rule: Rule, only: VerdictSuite = suite): VerdictPrediction[] =>
  dump.items
    .filter((c) => c.set === only && c.part === part)
    .map((c) => ({ set: c.set as VerdictSuite, gold: c.gold, label: decide(stances(c, fold), rule, SUITE_LABELS[c.set as VerdictSuite]), raw: 0, probabilities: { supported: 0, refuted: 0, mixed: 0, unproven: 0 }, features: [] }));

console.log('| held out | rule learned on the others (ts, tr, k) | their mean score | held-out score | LODO verdict weights |');
console.log('| --- | --- | --- | --- | --- |');
const weights = values.predictions ? (JSON.parse(readFileSync(values.predictions, 'utf8')) as VerdictPrediction[]) : [];
for (const suite of VERDICT_SUITES) {
  const others = VERDICT_SUITES.filter((s) => s !== suite);
  let best = { rule: GRID[0]!, mean: -1 };
  for (const rule of GRID) {
    const mean = others.reduce((a, o) => a + scoreVerdicts(o, predsOf(suite, 'train', suite, rule, o)).score, 0) / others.length;
    if (mean > best.mean + 1e-9) best = { rule, mean };
  }
  const held = scoreVerdicts(suite, predsOf(suite, 'score', suite, best.rule));
  const w = weights.filter((p) => p.set === suite);
  const labels = (ps: VerdictPrediction[]): string => VERDICT_SUITES.length && ['supported', 'refuted', 'mixed', 'unproven'].map((l) => `${l[0]}${ps.filter((p) => p.label === l).length}`).join(' ');
  console.log(`| ${suite} | ${best.rule.ts}, ${best.rule.tr}, ${best.rule.k} | ${best.mean.toFixed(3)} | ${held.score.toFixed(3)} (${labels(predsOf(suite, 'score', suite, best.rule))}) | ${w.length > 0 ? `${scoreVerdicts(suite, w).score.toFixed(3)} (${labels(w)})` : '—'} |`);
}
// Climate-FEVER with the rule learned on the others, both sides counted read as the stronger side instead of mixed.
{
  const noMixed = SUITE_LABELS['climate-fever'].filter((l) => l !== 'mixed');
  const rule = ((): Rule => {
    let best = { rule: GRID[0]!, mean: -1 };
    for (const r of GRID) {
      const mean = (['check-covid', 'citation-integrity'] as const).reduce((a, o) => a + scoreVerdicts(o, predsOf('climate-fever', 'train', 'climate-fever', r, o)).score, 0) / 2;
      if (mean > best.mean + 1e-9) best = { rule: r, mean };
    }
    return best.rule;
  })();
  const ps = dump.items
    .filter((c) => c.set === 'climate-fever' && c.part === 'score')
    .map((c) => ({ set: 'climate-fever' as const, gold: c.gold, label: decide(stances(c, 'climate-fever'), rule, noMixed), raw: 0, probabilities: { supported: 0, refuted: 0, mixed: 0, unproven: 0 }, features: [] }));
  console.log(`| climate-fever, both sides → the stronger (no mixed) | ${rule.ts}, ${rule.tr}, ${rule.k} | — | ${scoreVerdicts('climate-fever', ps).score.toFixed(3)} | — |`);
}
const cf = dump.items.filter((c) => c.set === 'climate-fever' && c.part === 'score');
console.log(`\nclimate-fever gold (scored claims): ${['supported', 'refuted', 'mixed', 'unproven'].map((l) => `${l} ${cf.filter((c) => c.gold === l).length}`).join(', ')}`);
