// The candidate stage's results, kept per corpus state. A claim's queries often reduce to the
// same candidate search: the claim and its key terms keep the same rare terms once the common
// ones are dropped (term-plan.ts), and a batch or a server checks the same claim again. The
// engine's ranked search is the costly step of a check on a large corpus (it scores every
// passage holding a selected term), so the same expression with the same limit is run once while
// the corpus is unchanged; the rescore, which depends on every term of the query, still runs
// each time. A new `version` (the corpus digest) empties the cache.

/** Searches kept, least recently used first out. */
export const CANDIDATE_CACHE_SIZE = 64;

export class CandidateCache<Row> {
  private version = '';
  private readonly rows = new Map<string, readonly Row[]>();

  /** The kept rows of `expression` at `limit` for this corpus state (a copy), or undefined. */
  find(version: string, expression: string, limit: number): Row[] | undefined {
    if (version !== this.version) {
      this.rows.clear();
      this.version = version;
    }
    const key = `${limit}\u0000${expression}`;
    const kept = this.rows.get(key);
    if (!kept) return undefined;
    this.rows.delete(key);
    this.rows.set(key, kept);
    return [...kept];
  }

  /** Keeps the rows of `expression` at `limit` for the corpus state of the last find(). */
  keep(expression: string, limit: number, rows: readonly Row[]): void {
    this.rows.set(`${limit}\u0000${expression}`, [...rows]);
    if (this.rows.size > CANDIDATE_CACHE_SIZE) this.rows.delete(this.rows.keys().next().value as string);
  }

  /** The rows of `expression` at `limit` for this corpus state: kept ones, else `run()`'s (then kept). */
  get(version: string, expression: string, limit: number, run: () => Row[]): Row[] {
    const kept = this.find(version, expression, limit);
    if (kept) return kept;
    const fresh = run();
    this.keep(expression, limit, fresh);
    return fresh;
  }
}
