// The stance data of `npm run train`, read once: every pair of every shared suite, each with its
// set (the suite it belongs to) and its part — "train" (may be learned from) or "score" (only
// scored: a suite's dev split, or the odd half of a suite released with a dev split alone). The
// features of each pair are computed here once, so leave-one-dataset-out refits are cheap.
import { join } from 'node:path';
import { contentStems, profileClaim } from '../../src/evidence/stance/claim-profile.js';
import { idfFromCounts, useIdf } from '../../src/evidence/stance/idf.js';
import type { IdfFile } from '../../src/evidence/stance/idf.js';
import { readPair } from '../../src/evidence/stance/judge.js';
import type { PairReading } from '../../src/evidence/stance/judge.js';
import { coverageByBestSentences, statedFigures, statedNames } from '../../src/evidence/index.js';
import { splitSentences } from '../../src/text/index.js';
import { readJsonl } from '../../src/eval/records.js';
import { readCheckCovid, readCheckCovidCorpus, readCitationClaims, readCitationCorpus, readClimateFever, readPairs, readWice } from '../../src/eval/upstream-formats.js';
import type { CheckCovidClaim, CitationClaim, ClimateFeverClaim, CorpusDoc } from '../../src/eval/upstream-formats.js';
import { WICE_SENTENCES } from '../../src/eval/suites/wice.js';

export const S = { supports: 0, refutes: 1, neutral: 2 } as const;
export type Part = 'train' | 'score';

export interface PairItem {
  set: string;
  part: Part;
  label: number;
  reading: PairReading;
}

/** A WiCE claim: every chunk read, with the model-free factor of the suite's score (wice.ts). */
export interface WiceItem {
  part: Part;
  supported: boolean;
  /** Labelled partially_supported: neither learned as support nor as silence. */
  partial: boolean;
  chunks: Array<{ reading: PairReading; factor: number }>;
}

export interface StanceData {
  pairs: PairItem[];
  wice: WiceItem[];
  idf: IdfFile;
  files: string[];
  /** The shared corpora, reused by the verdict data. */
  ccCorpus: Map<string, CorpusDoc>;
  ciCorpus: Map<string, CorpusDoc>;
  cf: ClimateFeverClaim[];
  cc: { train: CheckCovidClaim[]; dev: CheckCovidClaim[] };
  ci: { train: CitationClaim[]; dev: CitationClaim[] };
}

/** Suites scored by leave-one-dataset-out (Factcheck-GPT has no split and is only learned from). */
export const LODO_SUITES = ['covid-fact', 'scifact', 'climate-fever', 'check-covid', 'citation-integrity', 'healthver', 'fever-symmetric', 'wice'] as const;
export type LodoSuite = (typeof LODO_SUITES)[number];

/** At most `cap` items, taken at an even stride so every part of a file is represented. */
export function spread<T>(items: T[], cap: number): T[] {
  if (items.length <= cap) return items;
  const step = items.length / cap;
  return Array.from({ length: cap }, (_, i) => items[Math.floor(i * step)]!);
}

/** Halves of a suite released with a dev split only: by claim, in order of first appearance. */
function halfOf(claims: Map<string, number>, claim: string): Part {
  if (!claims.has(claim)) claims.set(claim, claims.size);
  return claims.get(claim)! % 2 === 0 ? 'train' : 'score';
}

export function readStanceData(dataDir: string): StanceData {
  const files: string[] = [];
  const use = (rel: string): string => {
    files.push(rel);
    return join(dataDir, rel);
  };
  // Word rarity: one document per sentence of the training corpora (built first: features use it).
  const df = new Map<string, number>();
  let documents = 0;
  const count = (text: string): void => {
    documents++;
    for (const s of new Set(contentStems(text).map((c) => c.stem))) df.set(s, (df.get(s) ?? 0) + 1);
  };
  const ccCorpus = new Map(readCheckCovidCorpus(use('check-covid/Check-COVID/corpus.json')).map((d) => [d.id, d]));
  const ciCorpus = readCitationCorpus(use('citation-integrity/corpus.jsonl'));
  for (const d of [...ccCorpus.values(), ...ciCorpus.values()]) for (const s of d.sentences) count(s);
  const fcgRows = readJsonl(use('factcheck-gpt/subtasks/subtask3_claim_evidence_stance.jsonl'));
  for (const r of fcgRows) for (const s of splitSentences(String(r.evidence ?? ''))) count(s.text);
  const idf = idfFromCounts(df, documents, 3);
  useIdf(idf);

  const pairs: PairItem[] = [];
  const add = (set: string, part: Part, claim: string, evidence: string | string[], label: number): void => {
    pairs.push({ set, part, label, reading: readPair(profileClaim(claim), evidence) });
  };
  const rte = (g: string): number => (g === 'entailment' ? S.supports : S.refutes);
  for (const [set, dir, cap] of [['covid-fact', 'covid-fact/RTE-covidfact', 1500], ['scifact', 'scifact/rte-scifact-oracle', 1500]] as const) {
    for (const p of spread(readPairs(set, use(`${dir}/train.tsv`)), cap)) add(set, 'train', p.claim, p.evidence, rte(p.gold));
    for (const p of readPairs(set, use(`${dir}/dev.tsv`))) add(set, 'score', p.claim, p.evidence, rte(p.gold));
  }
  const FCG: Record<string, number> = { 'completely-support': S.supports, refute: S.refutes, irrelevant: S.neutral };
  for (const r of spread(fcgRows, 2500)) {
    const label = FCG[String(r.stance ?? '')];
    if (label !== undefined) add('factcheck-gpt', 'train', String(r.claim ?? ''), String(r.evidence ?? ''), label);
  }
  const cf = readClimateFever(use('climate-fever/climate-fever-dev.jsonl'));
  const CFS: Record<string, number> = { SUPPORTS: S.supports, REFUTES: S.refutes, NOT_ENOUGH_INFO: S.neutral };
  cf.forEach((c, i) => {
    for (const e of c.evidences) if (e.gold in CFS) add('climate-fever', i % 2 === 0 ? 'train' : 'score', c.claim, e.text, CFS[e.gold]!);
  });
  const cc = {
    train: readCheckCovid(use('check-covid/Check-COVID/train/covidCheck_train_composed+extracted.json')),
    dev: readCheckCovid(use('check-covid/Check-COVID/dev/covidCheck_dev_composed+extracted.json')),
  };
  for (const part of ['train', 'score'] as const) {
    for (const c of part === 'train' ? cc.train : cc.dev) {
      const doc = ccCorpus.get(c.cordId);
      if (!doc) continue;
      const rationale = c.evidence.map((i) => doc.sentences[i]).filter((s): s is string => s !== undefined);
      add('check-covid', part, c.claim, rationale.length > 0 ? rationale : doc.sentences, c.gold === 'SUPPORT' ? S.supports : c.gold === 'REFUTE' ? S.refutes : S.neutral);
    }
  }
  const ci = { train: readCitationClaims(use('citation-integrity/claims_train.jsonl')), dev: readCitationClaims(use('citation-integrity/claims_dev.jsonl')) };
  for (const part of ['train', 'score'] as const) {
    for (const c of part === 'train' ? spread(ci.train, 1500) : ci.dev) {
      for (const id of c.docIds) {
        const doc = ciCorpus.get(id);
        if (!doc) continue;
        const rationale = (c.rationale[id] ?? []).map((i) => doc.sentences[i]).filter((s): s is string => s !== undefined);
        if (c.gold === 'NEI') add('citation-integrity', part, c.claim, doc.sentences, S.neutral);
        else if (rationale.length > 0) add('citation-integrity', part, c.claim, rationale, c.gold === 'SUPPORT' ? S.supports : S.refutes);
      }
    }
  }
  const HV: Record<string, number> = { Supports: S.supports, Refutes: S.refutes, Neutral: S.neutral };
  const hvClaims = new Map<string, number>();
  for (const p of readPairs('healthver', use('healthver/healthver_dev.csv'))) {
    const label = HV[p.gold];
    if (label !== undefined) add('healthver', halfOf(hvClaims, p.claim), p.claim, p.evidence, label);
  }
  const fsClaims = new Map<string, number>();
  for (const p of readPairs('fever-symmetric', use('fever-symmetric/symmetric_v0.2/fever_symmetric_dev.jsonl'))) {
    add('fever-symmetric', halfOf(fsClaims, p.claim), p.claim, p.evidence, p.gold === 'SUPPORTS' ? S.supports : S.refutes);
  }
  const wice: WiceItem[] = readWice(use('wice/entailment_retrieval/claim/dev.jsonl')).map((c, i) => {
    const profile = profileClaim(c.claim);
    const part: Part = i % 2 === 0 ? 'train' : 'score';
    const chunks = c.chunks.map((chunk) => {
      const text = chunk.join(' ');
      const factor = coverageByBestSentences(profile, chunk, WICE_SENTENCES).coverage * statedFigures(profile, text).share * statedNames(c.claim, text).share;
      return { reading: readPair(profile, chunk), factor };
    });
    return { part, supported: c.gold === 'supported', partial: c.gold === 'partially_supported', chunks };
  });
  // WiCE learns as pairs: the whole article supports the claim, or does not speak to it.
  for (const w of wice) {
    const chunk = w.chunks[0];
    if (w.part === 'train' && !w.partial && chunk) pairs.push({ set: 'wice', part: 'train', label: w.supported ? S.supports : S.neutral, reading: chunk.reading });
  }
  return { pairs, wice, idf, files, ccCorpus, ciCorpus, cf, cc, ci };
}
