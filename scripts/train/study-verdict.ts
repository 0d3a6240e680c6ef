// Leave-one-dataset-out study of the verdict weights without a whole `npm run train`: for each
// claim-level suite, verdict weights fitted on the other suites' training claims (judged by the
// stance weights of the suite's fold) decide its scored claims; variants of the fit side by side.
//
//   node --import tsx scripts/train/study-verdict.ts --items FILE   (FILE: VERITY_TRAIN_DUMP_ITEMS of a run)
import { parseArgs } from 'node:util';
import type { JudgementDetail } from '../../src/evidence/stance/judge.js';
import type { VerdictLabel } from '../../src/model.js';
import { readJudgementDump } from './judgement-dump.js';
import { VERDICT_SUITES } from './verdict-sets.js';
import { VERDICT_FEATURES } from '../../src/evidence/verdict/verdict.js';
import { GENERAL_FEATURE_SETS, fitGeneral, predict, rows, scoreVerdicts } from './verdict-train.js';
import type { VerdictPrediction } from './verdict-train.js';

const { values } = parseArgs({ options: { items: { type: 'string' } } });
const dump = readJudgementDump(values.items ?? '/tmp/items.json');
const LABEL: Record<string, VerdictLabel> = { supports: 'supported', refutes: 'refuted', neutral: 'unproven' };
/** No weights: the strongest passage that takes a side decides; none → unproven. */
function strongest(js: JudgementDetail[]): VerdictLabel {
  let best: JudgementDetail | undefined;
  for (const j of js) if (j.stance !== 'neutral' && (!best || j.strength > best.strength)) best = j;
  return best ? LABEL[best.stance]! : 'unproven';
}
type Variant = (suite: (typeof VERDICT_SUITES)[number]) => VerdictPrediction[];
const scored = (suite: string) => dump.items.filter((c) => c.set === suite && c.part === 'score');
const trained = (suite: string) => dump.items.filter((c) => c.part === 'train' && c.set !== suite);
/** The weights fitted with only the named features. */
const only = (keep: readonly string[], balance: boolean): Variant => (suite) => predict(scored(suite), dump.judge(suite), fitGeneral(rows(trained(suite), dump.judge(suite)), keep, balance));
const SIDES = GENERAL_FEATURE_SETS.sides!;
const variants: Record<string, Variant> = {
  'weights, label priors of the other suites (shipped)': (suite) => predict(scored(suite), dump.judge(suite), fitGeneral(rows(trained(suite), dump.judge(suite)))),
  'weights, classes balanced': (suite) => predict(scored(suite), dump.judge(suite), fitGeneral(rows(trained(suite), dump.judge(suite)), VERDICT_FEATURES, true)),
  'weights on the support and refute features only': only(SIDES, false),
  'weights on the support and refute features only, classes balanced': only(SIDES, true),
  'sides and the mean neutral probability': only([...SIDES, 'mean_n'], false),
  'sides, mean neutral and best coverage': only([...SIDES, 'mean_n', 'max_coverage'], false),
  'sides, mean neutral, best coverage and what it lacks': only([...SIDES, 'mean_n', 'max_coverage', 'missing_rare'], false),
  'weights on the strongest passage each way only, classes balanced': only(['max_s', 'max_r', 'min_sr'], true),
  'no weights: the strongest passage taking a side': (suite) =>
    scored(suite).map((c) => ({ set: c.set, gold: c.gold, label: strongest(dump.judge(suite)(c)), raw: 0, probabilities: { supported: 0, refuted: 0, mixed: 0, unproven: 0 }, features: [] })),
};
console.log(`| verdict | ${VERDICT_SUITES.join(' | ')} |`);
console.log(`| --- | ${VERDICT_SUITES.map(() => '---').join(' | ')} |`);
for (const [name, run] of Object.entries(variants)) console.log(`| ${name} | ${VERDICT_SUITES.map((s) => scoreVerdicts(s, run(s)).score.toFixed(3)).join(' | ')} |`);
