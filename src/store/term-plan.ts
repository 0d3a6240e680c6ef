// The candidate stage of a search on a large corpus, the same on every engine. A query's terms
// are OR-ed, so on a million passages one common word ("new", "people") makes the engine score
// half the corpus. Below BOUNDS.fromPassages nothing changes. Above it, each term's passage
// count is read (SQLite: exactly, a walk of the term's doclist that reads no row; PostgreSQL:
// capped at the common threshold, then estimated; cached until the corpus changes), and:
// - terms in more than `commonShare` of the passages (at least `minCommonDocs`) are common: they
//   do not select candidates (the claim's rare words and names do), but the rarest of them, at
//   most `maxRankTerms`, still count in the engine's rank of those candidates, so a passage that
//   holds the rare word *and* the claim's common words ranks above one that holds the rare word
//   alone (the engine walks the rare terms' postings and only looks the common ones up in them);
// - the rare terms are kept rarest first, at most `maxTerms`, while their passage counts add up
//   to at most `postingBudget` (the rarest is always kept), so the work per query is bounded;
// - when every term is common, the passages holding all of them (AND) are the candidates; when
//   none does, the query falls back to the plain OR of its terms (unbounded; rare).
// Terms found in no passage are dropped (they match nothing either way). SQLite counts each term
// exactly (FTS5 walks the term's doclist without reading rows); PostgreSQL reads a common term's
// count no further than the threshold and estimates it past it from its statistics
// (estimatedCount), so a word in half the passages weighs as little as it should in the rescore,
// not as much as one at the threshold.
// The candidates are then ranked again with every query term (rescore: BM25 over the candidate
// passages, each term weighted by its passage count), so a common word the claim uses still
// lifts the passages that hold it; the engine fetches CANDIDATES_PER_HIT times the hits asked
// for, at most MAX_CANDIDATES, and keeps the best after the rescore.
import { stem, tokenize } from '../text/tokens.js';

export const BOUNDS = {
  fromPassages: 20_000,
  commonShare: 0.03,
  minCommonDocs: 2_000,
  maxTerms: 16,
  postingBudget: 20_000,
  maxRankTerms: 4,
};

/** Candidates fetched per hit asked for, and at most (unless more hits are asked for), before the rescore. */
export const CANDIDATES_PER_HIT = 5;
export const MAX_CANDIDATES = 400;

/** How many candidates to fetch for `limit` hits. */
export function candidateCount(limit: number): number {
  return Math.max(limit, Math.min(MAX_CANDIDATES, limit * CANDIDATES_PER_HIT));
}

const K1 = 1.2;
const B = 0.75;

/**
 * BM25 of each candidate text for every query term: idf from the term's passage count
 * (`counts`, capped: a common term counts as the cap, so it weighs at most what a term at the cap
 * would) in a corpus of `total` passages; lengths against the candidates' mean. Terms and words
 * are compared by stem (text/tokens.ts), as the engines compare them by their own stemmers.
 */
export function rescore(texts: readonly string[], terms: readonly string[], counts: ReadonlyMap<string, number>, total: number): number[] {
  const weight = new Map<string, number>();
  for (const t of terms) {
    const df = Math.max(1, counts.get(t) ?? 1);
    const s = stem(t);
    weight.set(s, Math.max(weight.get(s) ?? 0, Math.max(1e-6, Math.log((total - df + 0.5) / (df + 0.5)))));
  }
  const docs = texts.map((text) => tokenize(text).map((w) => stem(w.lower)));
  const mean = docs.reduce((n, d) => n + d.length, 0) / Math.max(1, docs.length) || 1;
  return docs.map((words) => {
    const tf = new Map<string, number>();
    for (const w of words) if (weight.has(w)) tf.set(w, (tf.get(w) ?? 0) + 1);
    let score = 0;
    for (const [w, n] of tf) score += ((weight.get(w) ?? 0) * n * (K1 + 1)) / (n + K1 * (1 - B + (B * words.length) / mean));
    return score;
  });
}

export interface TermPlan {
  /** The terms to search, and how: any of them (OR) or all of them (AND). */
  terms: string[];
  mode: 'any' | 'all';
  /** Common terms that count in the rank of the candidates `terms` select (mode 'any'), without selecting any. */
  rankAlso: string[];
  /** Terms left out (common, over the budget, or in no passage); `rankAlso` is among them. */
  dropped: string[];
}

/** A plan with what the rescore needs: every term's (capped) count and the corpus size. */
export interface BoundedSearch {
  plan: TermPlan;
  counts: Map<string, number>;
  total: number;
}

/** The best `limit` of `rows` after the rescore, each with its new score (ties keep the engine's order). */
export function rescored<T extends { text: string }>(rows: readonly T[], terms: readonly string[], b: BoundedSearch, limit: number): { row: T; score: number }[] {
  const scores = rescore(rows.map((r) => r.text), terms, b.counts, b.total);
  return rows
    .map((row, i) => ({ row, score: scores[i] ?? 0, i }))
    .sort((x, y) => y.score - x.score || x.i - y.i)
    .slice(0, limit)
    .map(({ row, score }) => ({ row, score }));
}

/** The count above which a term is common in a corpus of `passages` passages. */
export function commonThreshold(passages: number): number {
  return Math.max(BOUNDS.minCommonDocs, Math.ceil(BOUNDS.commonShare * passages));
}

/** Whether a corpus is large enough for the candidate stage. */
export function isBounded(passages: number): boolean {
  return passages >= BOUNDS.fromPassages;
}

/**
 * The plan for `terms` given each term's passage count (`counts`, capped at `threshold`: a
 * count equal to it means "common").
 */
export function planTerms(terms: readonly string[], counts: ReadonlyMap<string, number>, threshold: number): TermPlan {
  const df = (t: string): number => counts.get(t) ?? 0;
  const rare = terms.filter((t) => df(t) > 0 && df(t) < threshold).sort((a, b) => df(a) - df(b));
  const common = terms.filter((t) => df(t) >= threshold);
  const kept: string[] = [];
  let postings = 0;
  for (const t of rare) {
    if (kept.length >= BOUNDS.maxTerms || (kept.length > 0 && postings + df(t) > BOUNDS.postingBudget)) break;
    kept.push(t);
    postings += df(t);
  }
  if (kept.length > 0) {
    const rankAlso = [...common].sort((a, b) => df(a) - df(b)).slice(0, BOUNDS.maxRankTerms);
    return { terms: kept, mode: 'any', rankAlso, dropped: terms.filter((t) => !kept.includes(t)) };
  }
  const all = common.slice(0, BOUNDS.maxTerms);
  return { terms: all, mode: 'all', rankAlso: [], dropped: terms.filter((t) => !all.includes(t)) };
}

/**
 * A term's passage count from a scan that stopped at `cap` matches: the count itself below the
 * cap; at the cap, the engine's `estimate` of the full count (SQLite: matches in a sample of
 * the corpus scaled up; PostgreSQL: its statistics), never below the cap nor above `total`;
 * the cap when there is no estimate.
 */
export function estimatedCount(found: number, cap: number, estimate: number | null, total: number): number {
  if (found < cap) return found;
  if (estimate === null || !Number.isFinite(estimate)) return cap;
  return Math.min(Math.max(total, cap), Math.max(cap, Math.round(estimate)));
}

/**
 * Passage counts of terms (exact on SQLite, estimated past the cap on PostgreSQL), cached per corpus state: a new `version` (the corpus digest)
 * clears the cache. An engine asks which terms are missing, counts those, adds them, then reads.
 */
export class TermCounts {
  private version = '';
  private readonly cache = new Map<string, number>();

  /** The terms whose counts are not known for this corpus state. */
  missing(version: string, terms: readonly string[]): string[] {
    if (version !== this.version) {
      this.cache.clear();
      this.version = version;
    }
    return terms.filter((t) => !this.cache.has(t));
  }

  add(counts: ReadonlyMap<string, number>): void {
    if (this.cache.size + counts.size > 100_000) this.cache.clear();
    for (const [t, n] of counts) this.cache.set(t, n);
  }

  counts(terms: readonly string[]): Map<string, number> {
    return new Map(terms.map((t) => [t, this.cache.get(t) ?? 0]));
  }
}
