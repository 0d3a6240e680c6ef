// The candidate stage of a search on a large corpus, the same on every engine. A query's terms
// are OR-ed, so on a million passages one common word ("new", "people") makes the engine score
// half the corpus. Below BOUNDS.fromPassages nothing changes. Above it, each term's passage
// count is read (capped at the common threshold, so a common term costs a bounded scan, and
// cached until the corpus changes), and:
// - terms in more than `commonShare` of the passages (at least `minCommonDocs`) are common and
//   are dropped from the query: the claim's rare words and names find the candidates, and the
//   engine's BM25 ranks them by those words (the retrieval rerank still counts every claim term);
// - the rare terms are kept rarest first, at most `maxTerms`, while their passage counts add up
//   to at most `postingBudget` (the rarest is always kept), so the work per query is bounded;
// - when every term is common, the passages holding all of them (AND) are the candidates; when
//   none does, the query falls back to the plain OR of its terms (unbounded; rare).
// Terms found in no passage are dropped (they match nothing either way).

export const BOUNDS = {
  fromPassages: 20_000,
  commonShare: 0.01,
  minCommonDocs: 2_000,
  maxTerms: 16,
  postingBudget: 40_000,
};

export interface TermPlan {
  /** The terms to search, and how: any of them (OR) or all of them (AND). */
  terms: string[];
  mode: 'any' | 'all';
  /** Terms left out (common, over the budget, or in no passage). */
  dropped: string[];
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
  if (kept.length > 0) return { terms: kept, mode: 'any', dropped: terms.filter((t) => !kept.includes(t)) };
  const all = common.slice(0, BOUNDS.maxTerms);
  return { terms: all, mode: 'all', dropped: terms.filter((t) => !all.includes(t)) };
}

/**
 * Passage counts of terms, capped, cached per corpus state: a new `version` (the corpus digest)
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
