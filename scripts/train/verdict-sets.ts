// The verdict data of `npm run train`: claims of the three suites with claim-level labels
// (Climate-FEVER, Check-COVID with retrieval from its corpus, Citation-Integrity), each with its
// evidence read once. `judged` turns the readings into judgements under any stance weights, so
// the verdict can be validated leave-one-dataset-out with stance weights that never saw the suite.
import type { Passage, Source, VerdictLabel } from '../../src/model.js';
import { profileClaim } from '../../src/evidence/stance/claim-profile.js';
import { decidePair, readPair } from '../../src/evidence/stance/judge.js';
import type { JudgementDetail, PairReading } from '../../src/evidence/stance/judge.js';
import type { LogisticModel } from '../../src/evidence/stance/logistic.js';
import { retrieve } from '../../src/evidence/retrieve.js';
import { wholeSource } from '../../src/eval/suites/check-covid.js';
import { citingFeatures } from '../../src/eval/citing-sentence.js';
import { textEvidence } from '../../src/eval/synthetic-evidence.js';
import { abstractText } from '../../src/eval/upstream-formats.js';
import { ingestText } from '../../src/ingest/index.js';
import { openStore } from '../../src/store/index.js';
import type { Part, StanceData } from './stance-sets.js';

export const VERDICT_SUITES = ['climate-fever', 'check-covid', 'citation-integrity'] as const;
export type VerdictSuite = (typeof VERDICT_SUITES)[number];

/** Labels each suite's eval may answer (check-covid and citation-integrity have no "mixed"). */
export const SUITE_LABELS: Record<VerdictSuite, readonly VerdictLabel[]> = {
  'climate-fever': ['supported', 'refuted', 'mixed', 'unproven'],
  'check-covid': ['supported', 'refuted', 'unproven'],
  'citation-integrity': ['supported', 'refuted', 'unproven'],
};

export interface VerdictItem {
  set: VerdictSuite;
  part: Part;
  claim: string;
  gold: VerdictLabel;
  evidence: Array<{ reading: PairReading; passage: Passage; source: Source; relevance: number }>;
  /** The claim's own features for a suite's own weights (Citation-Integrity: citing markers). */
  extra: number[];
}

/** Judgements of an item's evidence under the given stance weights. */
export function judged(item: VerdictItem, model: LogisticModel): JudgementDetail[] {
  return item.evidence.map((e) => {
    const j = decidePair(e.reading, model);
    return { claim: item.claim, passage: e.passage, source: e.source, stance: j.stance, strength: j.strength, relevance: e.relevance, reasons: j.reasons, probabilities: j.probabilities, coverage: j.coverage, missingRare: j.missingRare };
  });
}

export async function readVerdictData(data: StanceData, dataDir: string, files: string[]): Promise<VerdictItem[]> {
  const items: VerdictItem[] = [];
  const fromText = (id: string, text: string, title: string | undefined, profile: ReturnType<typeof profileClaim>): VerdictItem['evidence'][number] => {
    const { passage, source } = textEvidence(id, text, title);
    return { reading: readPair(profile, text, { context: source.title }), passage, source, relevance: 0 };
  };
  files.push('climate-fever/climate-fever-dev.jsonl (claims: even-numbered learned from, odd-numbered scored)');
  const CF: Record<string, VerdictLabel> = { SUPPORTS: 'supported', REFUTES: 'refuted', DISPUTED: 'mixed', NOT_ENOUGH_INFO: 'unproven' };
  data.cf.forEach((c, i) => {
    const profile = profileClaim(c.claim);
    const evidence = c.evidences.map((e, k) => fromText(`${c.id}:${k}`, e.text, undefined, profile));
    items.push({ set: 'climate-fever', part: i % 2 === 0 ? 'train' : 'score', claim: c.claim, gold: CF[c.gold] ?? 'unproven', evidence, extra: [] });
  });

  const CC: Record<string, VerdictLabel> = { SUPPORT: 'supported', REFUTE: 'refuted', NOTENOUGHINFO: 'unproven' };
  const store = await openStore(':memory:');
  try {
    for (const d of data.ccCorpus.values()) {
      const text = abstractText(d);
      if (text.trim() !== '') await ingestText(store, { text, meta: { uri: `cord:${d.id}`, title: d.title || d.id, kind: 'academic' }, retrievedAt: '1970-01-01T00:00:00.000Z' });
    }
    files.push('check-covid/Check-COVID/train (learned from) and dev (scored), evidence retrieved from corpus.json');
    for (const part of ['train', 'score'] as const) {
      for (const c of part === 'train' ? data.cc.train : data.cc.dev) {
        const profile = profileClaim(c.claim);
        const found = await retrieve(store, c.claim, { limit: 5, perSource: 1 });
        const evidence = await Promise.all(
          found.map(async (e) => {
            const whole = await wholeSource(store, e);
            return { reading: readPair(profile, whole.passage.text, { context: whole.source.title }), passage: whole.passage, source: whole.source, relevance: whole.score };
          }),
        );
        items.push({ set: 'check-covid', part, claim: c.claim, gold: CC[c.gold] ?? 'unproven', evidence, extra: [] });
      }
    }
  } finally {
    await store.close();
  }

  files.push('citation-integrity/claims_train.jsonl (learned from) and claims_dev.jsonl (scored)');
  const CI: Record<string, VerdictLabel> = { SUPPORT: 'supported', REFUTE: 'refuted', NEI: 'unproven' };
  for (const part of ['train', 'score'] as const) {
    for (const c of part === 'train' ? data.ci.train : data.ci.dev) {
      const profile = profileClaim(c.claim);
      const evidence = c.docIds.flatMap((id) => {
        const doc = data.ciCorpus.get(id);
        return doc ? [fromText(id, doc.sentences.join(' '), doc.title, profile)] : [];
      });
      items.push({ set: 'citation-integrity', part, claim: c.claim, gold: CI[c.gold] ?? 'unproven', evidence, extra: citingFeatures(c.raw) });
    }
  }
  return items;
}

