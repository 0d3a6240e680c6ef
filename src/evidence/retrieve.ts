// Claim retrieval: several queries built from the claim, merged, reranked with claim-aware
// features, then diversified (MMR, at most N passages per source).
import type { Store } from '../contracts.js';
import type { Passage, Reason, Source, SourceKind } from '../model.js';
import { STOPWORDS, extractFigures, synonymsOf, tokenize } from '../text/index.js';
import { contentStems, profileClaim } from './stance/claim-profile.js';
import type { ClaimProfile } from './stance/claim-profile.js';
import { compareFigures } from './figures/figure-compare.js';
import { readYears } from './figures/years.js';

/** A passage retrieved for a claim, with its rerank score and why it ranked where it did. */
export interface Evidence {
  passage: Passage;
  source: Source;
  score: number;
  reasons: Reason[];
}

export interface RetrieveOptions {
  /** Passages to return (default 8). */
  limit?: number;
  /** At most this many passages per source (default 2). */
  perSource?: number;
  /** Candidates fetched per query before reranking (default 40). */
  candidates?: number;
  /** MMR trade-off between relevance (1) and diversity (0); default 0.75. */
  lambda?: number;
  /**
   * Time budget of the candidate stage in ms (default RETRIEVE_BUDGET_MS): the claim's own query
   * always runs; a derived query (key terms, names, synonyms) starts only while the budget
   * lasts, and the rerank then uses the candidates found so far.
   */
  budgetMs?: number;
  /** Passed to Store.search: skip the engine's candidate stage (for measuring it). */
  exhaustive?: boolean;
  /**
   * What the claim is about, when the reader knows it (`check --about`): when the claim does not
   * name it, one more query joins the topic to the claim's key words, so pages about the topic
   * are found. It adds candidates only; the rerank reads the claim's own words.
   */
  subject?: string;
}

/** The default time budget of retrieval's candidate stage (see RetrieveOptions.budgetMs). */
export const RETRIEVE_BUDGET_MS = 700;

const KIND_PRIOR: Partial<Record<SourceKind, number>> = {
  legislation: 0.06,
  government: 0.05,
  intergovernmental: 0.05,
  academic: 0.05,
  reference: 0.03,
  dataset: 0.03,
  'legal-commentary': 0.02,
  ngo: 0.02,
  news: 0,
  other: 0,
};

/**
 * The queries for a claim: the claim itself, its key terms, its names and figures, its key terms
 * with WordNet synonyms, and — given the claim's subject and the claim not naming it — the subject
 * with the key terms.
 */
export function claimQueries(claim: string, subject?: string): string[] {
  const words = tokenize(claim).filter((t) => !STOPWORDS.has(t.lower) && t.text.length > 1);
  const key = words.filter((t) => t.text.length > 3 || /\d/.test(t.text) || /^\p{Lu}/u.test(t.text)).map((t) => t.text);
  const names = words.filter((t, i) => (i > 0 && /^\p{Lu}/u.test(t.text)) || /\d/.test(t.text)).map((t) => t.text);
  const expanded: string[] = [];
  for (const t of words) {
    if (/^\p{Lu}/u.test(t.text) || /\d/.test(t.text)) continue;
    for (const s of synonymsOf(t.lower).slice(0, SYNONYMS_PER_WORD)) if (!s.includes(' ')) expanded.push(s);
  }
  const out = [claim, key.join(' '), names.join(' '), expanded.length > 0 ? [...key, ...expanded].join(' ') : ''];
  if (subject !== undefined && !namesSubject(words, subject)) out.push(`${subject} ${key.join(' ')}`);
  return [...new Set(out.map((q) => q.trim()).filter((q) => q.length > 0))];
}

/** Does the claim already hold every content word of the subject? */
function namesSubject(words: ReadonlyArray<{ lower: string }>, subject: string): boolean {
  const have = new Set(words.map((t) => t.lower));
  const want = tokenize(subject).filter((t) => !STOPWORDS.has(t.lower) && /\p{L}/u.test(t.text));
  return want.length > 0 && want.every((t) => have.has(t.lower));
}

/** WordNet synonyms added per claim word in the expanded query. */
const SYNONYMS_PER_WORD = 2;

interface Candidate {
  passage: Passage;
  source: Source;
  bm25: number;
  stems: Set<string>;
}

// Rerank weights, chosen on the Check-COVID *train* claims (abstract recall@5): the engine's BM25
// leads; claim-term coverage, names, figures, dates and the source kind adjust it.
const W = { bm25: 0.75, coverage: 0.15, entities: 0.05, derivedQuery: 0.5, sameSource: 0.3 };
function rerank(profile: ClaimProfile, c: Candidate): { score: number; reasons: Reason[] } {
  const nTerms = Math.max(1, profile.terms.length);
  const hit = profile.terms.filter((t) => c.stems.has(t)).length;
  const coverage = hit / nTerms;
  const entHit = profile.entities.filter((e) => c.stems.has(e)).length;
  const entCov = profile.entities.length > 0 ? entHit / profile.entities.length : 1;
  const reasons: Reason[] = [{ kind: 'term-coverage', detail: `${hit} of ${nTerms} claim terms` }];
  let figure = 0;
  if (profile.figures.length > 0) {
    const found = extractFigures(c.passage.text);
    if (profile.figures.some((cf) => found.some((f) => compareFigures(cf, f) === 'match'))) {
      figure = 1;
      reasons.push({ kind: 'figure-match', detail: 'states a figure the claim states' });
    }
  }
  let date = 0;
  if (profile.years.length > 0) {
    const years = new Set(readYears(c.passage.text));
    if (profile.years.some((y) => years.has(y))) date = 1;
  }
  const prior = KIND_PRIOR[c.source.kind] ?? 0;
  if (prior > 0) reasons.push({ kind: 'source-kind', detail: `${c.source.kind} source` });
  const score = W.bm25 * c.bm25 + W.coverage * coverage + W.entities * entCov + 0.05 * figure + 0.03 * date + prior;
  return { score, reasons };
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  const union = a.size + b.size - inter;
  return union === 0 ? 0 : inter / union;
}

/** Retrieve ranked, diverse evidence for a claim from a store. */
export async function retrieve(store: Store, claim: string, options: RetrieveOptions = {}): Promise<Evidence[]> {
  const limit = options.limit ?? 8;
  const perSource = options.perSource ?? 2;
  const candidates = options.candidates ?? 40;
  const lambda = options.lambda ?? 0.75;
  const profile = profileClaim(claim);
  const pool = new Map<string, Candidate>();
  const queries = claimQueries(claim, options.subject);
  const started = Date.now();
  const budget = options.budgetMs ?? RETRIEVE_BUDGET_MS;
  for (const [qi, q] of queries.entries()) {
    if (qi > 0 && Date.now() - started > budget) break;
    // The claim itself leads; the derived queries mostly add candidates.
    const weight = qi === 0 ? 1 : W.derivedQuery;
    // A derived query with nothing selective in it (a name every tenth passage holds) adds no hits.
    const hits = await store.search(q, { limit: candidates, ...(options.exhaustive ? { exhaustive: true } : {}), ...(qi > 0 ? { requireRare: true } : {}) });
    const top = hits.reduce((m, h) => Math.max(m, h.score), 0);
    hits.forEach((h, rank) => {
      // Normalise per query: share of the best score (rank when the engine gives no positive score).
      const norm = weight * (top > 0 ? h.score / top : 1 / (1 + rank));
      const cur = pool.get(h.passage.id);
      if (cur) cur.bm25 = Math.max(cur.bm25, norm);
      else pool.set(h.passage.id, { passage: h.passage, source: h.source, bm25: norm, stems: new Set(contentStems(h.passage.text).map((s) => s.stem)) });
    });
  }
  const scored = [...pool.values()].map((c) => ({ c, ...rerank(profile, c) }));
  // A source with several matching passages is more likely about the claim: each passage gets a
  // share of the next best passage score of its source.
  const bySource = new Map<string, number[]>();
  for (const x of scored) (bySource.get(x.c.source.id) ?? bySource.set(x.c.source.id, []).get(x.c.source.id)!).push(x.score);
  for (const x of scored) {
    const others = bySource.get(x.c.source.id)!.filter((v) => v !== x.score).sort((a, b) => b - a);
    x.score += W.sameSource * (others[0] ?? 0);
  }
  scored.sort((a, b) => b.score - a.score || a.c.passage.id.localeCompare(b.c.passage.id));

  // MMR with a per-source cap.
  const chosen: typeof scored = [];
  const perSourceCount = new Map<string, number>();
  const left = [...scored];
  while (chosen.length < limit && left.length > 0) {
    let bestI = -1;
    let bestV = -Infinity;
    for (let i = 0; i < left.length; i++) {
      const cand = left[i]!;
      if ((perSourceCount.get(cand.c.source.id) ?? 0) >= perSource) continue;
      const sim = chosen.reduce((m, x) => Math.max(m, jaccard(x.c.stems, cand.c.stems)), 0);
      const v = lambda * cand.score - (1 - lambda) * sim;
      if (v > bestV) {
        bestV = v;
        bestI = i;
      }
    }
    if (bestI < 0) break;
    const [pick] = left.splice(bestI, 1);
    chosen.push(pick!);
    perSourceCount.set(pick!.c.source.id, (perSourceCount.get(pick!.c.source.id) ?? 0) + 1);
  }
  return chosen.map((x) => ({ passage: x.c.passage, source: x.c.source, score: Math.round(x.score * 1e4) / 1e4, reasons: x.reasons }));
}
