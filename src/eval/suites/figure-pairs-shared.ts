// figure-pairs-shared: claim–evidence pairs of the shared benchmarks (Check-COVID, SciFact RTE,
// CLIMATE-FEVER, HealthVer dev files, read where they lie under --data) in which the claim and
// its evidence both carry a digit figure. compareFigureStatements answers for the claim and the
// evidence sentence; the answer counts as "supportive" when it is same or paraphrase.
//
// What the gold label can say: SUPPORT / entailment says the evidence as a whole bears out the
// claim, not that it does so through the figure; REFUTE says the claim is wrong somewhere, not
// necessarily in its figure; NEI / Neutral says the evidence does not settle the claim. So:
//   supportive      gold SUPPORT and a claim figure's value is in the evidence sentence
//   not supportive  gold REFUTE (whatever the figures), or gold NEI with a corresponding value
//                   (the same number said of something the annotators found did not bear it out)
//   left out        gold SUPPORT without a corresponding value (the support may lie elsewhere, or
//                   in a rounding the plain reader here does not see), and NEI without one
// The evidence sentence: of the evidence's sentences carrying a figure, those holding a value of
// the claim first, then the one sharing most words with the claim.
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { VerityError, quote } from '../../errors.js';
import { compareFigureStatements, relationSupports } from '../../evidence/figures/figure-meaning.js';
import type { MeaningRelation } from '../../evidence/figures/figure-meaning.js';
import type { EvalOptions, EvalResult } from '../eval-result.js';
import { classify } from '../metrics.js';
import type { ClassificationReport } from '../metrics.js';
import { readCheckCovid, readCheckCovidCorpus, readClimateFever, readPairs } from '../upstream-formats.js';
import { scoredResult } from './figure-pairs.js';
import type { CompareFigures } from './figure-pairs.js';
import { figureValues, figuresCorrespond } from './figure-values.js';

export const SHARED_LABELS = ['supportive', 'not-supportive'] as const;

/** Where each corpus's dev file lies under the shared data root. */
export const SHARED_FILES = {
  'check-covid': { claims: 'check-covid/Check-COVID', corpus: 'check-covid/Check-COVID/corpus.json' },
  scifact: { claims: 'scifact/rte-scifact-oracle' },
  'climate-fever': { claims: 'climate-fever/climate-fever-dev.jsonl' },
  healthver: { claims: 'healthver' },
} as const;
type SharedCorpus = keyof typeof SHARED_FILES;

type GoldKind = 'support' | 'refute' | 'neutral';

const GOLD: Record<string, GoldKind> = {
  SUPPORT: 'support',
  SUPPORTS: 'support',
  Supports: 'support',
  entailment: 'support',
  REFUTE: 'refute',
  REFUTES: 'refute',
  Refutes: 'refute',
  not_entailment: 'refute',
  NOT_ENOUGH_INFO: 'neutral',
  NOTENOUGHINFO: 'neutral',
  Neutral: 'neutral',
};

/** One claim with one evidence text and its gold label, as read from a corpus. */
interface RawPair {
  id: string;
  claim: string;
  evidence: string[];
  gold: string;
}

export interface SharedFigurePair {
  corpus: SharedCorpus;
  id: string;
  claim: string;
  source: string;
  gold: (typeof SHARED_LABELS)[number];
  /** The upstream label. */
  label: string;
  correspond: boolean;
}

export interface SharedSelection {
  pairs: SharedFigurePair[];
  /** Per corpus: pairs read, pairs with figures on both sides, and those left out by the rules above. */
  counts: Record<string, { read: number; withFigures: number; supportWithoutMatch: number; neutralWithoutMatch: number; unknownLabel: number }>;
  missing: string[];
}

function sentencesOf(text: string): string[] {
  return text.split(/(?<=[.!?])\s+(?=[\p{Lu}(\d])/u).map((s) => s.trim()).filter((s) => s !== '');
}

const words = (s: string): Set<string> => new Set(s.toLowerCase().match(/\p{L}{4,}/gu) ?? []);

/** The evidence sentence to compare with the claim, and whether it holds a value of the claim. */
export function evidenceSentence(claim: string, evidence: readonly string[]): { sentence: string; correspond: boolean } | null {
  const claimValues = figureValues(claim);
  const candidates = evidence.flatMap(sentencesOf).filter((s) => figureValues(s).length > 0);
  if (claimValues.length === 0 || candidates.length === 0) return null;
  const matching = candidates.filter((s) => figuresCorrespond(claimValues, figureValues(s)));
  const pool = matching.length > 0 ? matching : candidates;
  const claimWords = words(claim);
  let best = pool[0]!;
  let bestShared = -1;
  for (const s of pool) {
    const shared = [...words(s)].filter((w) => claimWords.has(w)).length;
    if (shared > bestShared) {
      best = s;
      bestShared = shared;
    }
  }
  return { sentence: best, correspond: matching.length > 0 };
}

function readCorpus(corpus: SharedCorpus, root: string): RawPair[] {
  if (corpus === 'check-covid') {
    const docs = new Map(readCheckCovidCorpus(join(root, SHARED_FILES['check-covid'].corpus)).map((d) => [d.id, d]));
    return readCheckCovid(join(root, SHARED_FILES['check-covid'].claims)).map((c) => ({
      id: c.id,
      claim: c.claim,
      evidence: c.evidence.map((i) => docs.get(c.cordId)?.sentences[i] ?? '').filter((s) => s !== ''),
      gold: c.gold,
    }));
  }
  if (corpus === 'climate-fever') {
    return readClimateFever(join(root, SHARED_FILES['climate-fever'].claims)).flatMap((c) => c.evidences.map((e) => ({ id: `${c.id}/${e.id}`, claim: c.claim, evidence: [e.text], gold: e.gold })));
  }
  return readPairs(corpus, join(root, SHARED_FILES[corpus].claims)).map((p) => ({ id: p.id, claim: p.claim, evidence: [p.evidence], gold: p.gold }));
}

/** The scored pairs of every corpus found under `root`, by the rules at the top of this file. */
export function selectSharedFigurePairs(root: string): SharedSelection {
  const pairs: SharedFigurePair[] = [];
  const counts: SharedSelection['counts'] = {};
  const missing: string[] = [];
  for (const corpus of Object.keys(SHARED_FILES) as SharedCorpus[]) {
    const files = Object.values(SHARED_FILES[corpus]).map((f: string) => join(root, f));
    if (!files.every((f) => existsSync(f))) {
      missing.push(corpus);
      continue;
    }
    const c = { read: 0, withFigures: 0, supportWithoutMatch: 0, neutralWithoutMatch: 0, unknownLabel: 0 };
    counts[corpus] = c;
    for (const raw of readCorpus(corpus, root)) {
      c.read++;
      const kind = GOLD[raw.gold];
      const chosen = evidenceSentence(raw.claim, raw.evidence);
      if (chosen === null) continue;
      c.withFigures++;
      if (kind === undefined) c.unknownLabel++;
      else if (kind === 'support' && !chosen.correspond) c.supportWithoutMatch++;
      else if (kind === 'neutral' && !chosen.correspond) c.neutralWithoutMatch++;
      else pairs.push({ corpus, id: raw.id, claim: raw.claim, source: chosen.sentence, gold: kind === 'support' ? 'supportive' : 'not-supportive', label: raw.gold, correspond: chosen.correspond });
    }
  }
  if (missing.length === Object.keys(SHARED_FILES).length) {
    throw new VerityError({ code: 'NOT_FOUND', component: 'eval', problem: `none of the shared benchmarks is under ${quote(root)} (looked for ${Object.values(SHARED_FILES).map((f) => f.claims).join(', ')})`, fix: 'pass --data ../shared/data (the folder holding check-covid/, scifact/, climate-fever/ and healthver/)' });
  }
  return { pairs, counts, missing };
}

export function runFigurePairsShared(options: EvalOptions, compare: CompareFigures = compareFigureStatements): EvalResult {
  const selection = selectSharedFigurePairs(options.data);
  const pairs = selection.pairs.slice(0, options.limit ?? Infinity);
  const predicted: string[] = [];
  const relations: Record<string, number> = {};
  const t0 = performance.now();
  pairs.forEach((p, i) => {
    const relation: MeaningRelation = compare({ sentence: p.claim }, { sentence: p.source }).relation;
    relations[relation] = (relations[relation] ?? 0) + 1;
    predicted.push(relationSupports(relation) ? 'supportive' : 'not-supportive');
    if (i % 50 === 0 || i === pairs.length - 1) options.onProgress?.({ stage: 'figure-pairs-shared', done: i + 1, total: pairs.length });
  });
  const gold = pairs.map((p) => p.gold);
  const byCorpus: Record<string, ClassificationReport> = {};
  for (const corpus of Object.keys(selection.counts)) {
    const idx = pairs.map((p, i) => (p.corpus === corpus ? i : -1)).filter((i) => i >= 0);
    byCorpus[corpus] = classify(idx.map((i) => gold[i]!), idx.map((i) => predicted[i]!), SHARED_LABELS);
  }
  const summary = [
    `  answers: ${Object.entries(relations).map(([r, n]) => `${r} ${n}`).join(', ')}`,
    ...Object.entries(byCorpus).map(([c, r]) => `  ${c}: ${r.n} pairs (of ${selection.counts[c]!.withFigures} with figures on both sides), accuracy ${(r.accuracy * 100).toFixed(1)}%, supportive P ${r.perClass.supportive!.precision.toFixed(3)} R ${r.perClass.supportive!.recall.toFixed(3)}`),
    ...(selection.missing.length > 0 ? [`  not found under the data root: ${selection.missing.join(', ')}`] : []),
  ];
  return scoredResult('figure-pairs-shared', { gold, predicted, labels: SHARED_LABELS, t0 }, { counts: selection.counts, missing: selection.missing, relations, byCorpus, summary });
}
