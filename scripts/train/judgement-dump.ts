// A dump of the verdict data for studies that need no rerun of `npm run train`
// (VERITY_TRAIN_DUMP_ITEMS=FILE): every claim with its evidence text, and its evidence judged under
// the shipped stance weights and under each verdict suite's LODO fold weights. Check-COVID's dev
// claims are dumped a second time with their gold rationale as the evidence, to tell a loss of
// retrieval from a loss of stance.
import { readFileSync } from 'node:fs';
import type { Passage, Source } from '../../src/model.js';
import { profileClaim } from '../../src/evidence/stance/claim-profile.js';
import { readPair } from '../../src/evidence/stance/judge.js';
import type { JudgementDetail } from '../../src/evidence/stance/judge.js';
import type { LogisticModel } from '../../src/evidence/stance/logistic.js';
import { textEvidence } from '../../src/eval/synthetic-evidence.js';
import { VERDICT_SUITES, judged } from './verdict-sets.js';
import type { VerdictItem, VerdictSuite } from './verdict-sets.js';
import type { StanceData } from './stance-sets.js';
import type { VerdictClaim } from './verdict-train.js';

type Judged = Omit<JudgementDetail, 'claim' | 'passage' | 'source'>;
interface DumpedClaim extends VerdictClaim {
  evidence: Array<{ passage: Passage; source: Source }>;
  /** Judgements by stance weights: "final" (shipped) and each verdict suite's fold. */
  judged: Record<string, Judged[]>;
}
export interface JudgementDump {
  items: DumpedClaim[];
  /** Check-COVID dev claims with their gold rationale as the only evidence. */
  gold: DumpedClaim[];
}

/** Check-COVID's scored (dev) claims with the gold rationale sentences (or the whole abstract when none) as one passage. */
export function goldCheckCovid(data: StanceData): VerdictItem[] {
  const CC = { SUPPORT: 'supported', REFUTE: 'refuted', NOTENOUGHINFO: 'unproven' } as const;
  return data.cc.dev.flatMap((c) => {
    const doc = data.ccCorpus.get(c.cordId);
    if (!doc) return [];
    const rationale = c.evidence.map((i) => doc.sentences[i]).filter((s): s is string => s !== undefined);
    const sentences = rationale.length > 0 ? rationale : doc.sentences;
    const { passage, source } = textEvidence(c.cordId, sentences.join(' '), doc.title);
    const item: VerdictItem = { set: 'check-covid', part: 'score', claim: c.claim, gold: CC[c.gold as keyof typeof CC] ?? 'unproven', evidence: [{ reading: readPair(profileClaim(c.claim), sentences, { context: doc.title }), passage, source, relevance: 1 }], extra: [] };
    return [item];
  });
}

export function dumpJudgements(items: VerdictItem[], gold: VerdictItem[], final: LogisticModel, folds: Record<VerdictSuite, LogisticModel>): JudgementDump {
  const models: Array<[string, LogisticModel]> = [['final', final], ...VERDICT_SUITES.map((s) => [s, folds[s]] as [string, LogisticModel])];
  const dump = (it: VerdictItem): DumpedClaim => ({
    set: it.set,
    part: it.part,
    claim: it.claim,
    gold: it.gold,
    extra: it.extra,
    evidence: it.evidence.map((e) => ({ passage: e.passage, source: e.source })),
    judged: Object.fromEntries(models.map(([name, m]) => [name, judged(it, m).map(({ claim: _c, passage: _p, source: _s, ...rest }) => rest)])),
  });
  return { items: items.map(dump), gold: gold.map(dump) };
}

/** Read a dump back; `judge(name)` gives the judgements under the named stance weights. */
export function readJudgementDump(file: string): JudgementDump & { judge: (name: string) => (c: DumpedClaim) => JudgementDetail[] } {
  const d = JSON.parse(readFileSync(file, 'utf8')) as JudgementDump;
  const judge = (name: string) => (c: DumpedClaim): JudgementDetail[] => (c.judged[name] ?? []).map((j, k) => ({ ...j, claim: c.claim, passage: c.evidence[k]!.passage, source: c.evidence[k]!.source }));
  return { ...d, judge };
}
