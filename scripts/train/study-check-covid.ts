// Where Check-COVID's verdict F1 goes: the same LODO verdict weights (fitted on the other suites,
// under stance weights that never saw Check-COVID) on its dev claims with the evidence retrieved
// from its corpus against the gold rationale; and the shipped (dev) weights the same way.
//
//   node --import tsx scripts/train/study-check-covid.ts --items FILE   (FILE: VERITY_TRAIN_DUMP_ITEMS of a run)
import { parseArgs } from 'node:util';
import { classify } from '../../src/eval/metrics.js';
import { readJudgementDump } from './judgement-dump.js';
import { SUITE_LABELS } from './verdict-sets.js';
import { fitGeneral, predict, rows } from './verdict-train.js';
import type { VerdictPrediction } from './verdict-train.js';

const { values } = parseArgs({ options: { items: { type: 'string' } } });
const dump = readJudgementDump(values.items ?? '/tmp/items.json');
const labels = SUITE_LABELS['check-covid'];
const line = (name: string, preds: VerdictPrediction[]): void => {
  const r = classify(preds.map((p) => p.gold), preds.map((p) => p.label), labels);
  const share = (l: string): string => `${((100 * preds.filter((p) => p.label === l).length) / preds.length).toFixed(0)} %`;
  console.log(`| ${name} | ${preds.length} | ${r.macroF1.toFixed(3)} | ${(100 * r.accuracy).toFixed(1)} % | ${labels.map(share).join(' / ')} |`);
};
console.log('| evidence, weights | n | macro-F1 | accuracy | answered supported / refuted / unproven |');
console.log('| --- | --- | --- | --- | --- |');
const retrieved = dump.items.filter((c) => c.set === 'check-covid' && c.part === 'score');
for (const [name, stance, trainOn] of [['LODO', 'check-covid', (s: string) => s !== 'check-covid'], ['dev (every suite)', 'final', () => true]] as const) {
  const judge = dump.judge(stance);
  const model = fitGeneral(rows(dump.items.filter((c) => c.part === 'train' && trainOn(c.set)), judge));
  line(`retrieved (top 5 abstracts), ${name}`, predict(retrieved, judge, model));
  line(`gold rationale, ${name}`, predict(dump.gold, judge, model));
}
