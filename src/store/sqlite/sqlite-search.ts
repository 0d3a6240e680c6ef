// The SQLite engine's ranked search: FTS5 BM25, with the candidate stage of term-plan.ts on a
// large corpus (the plan's terms select the candidates, the rarest common ones rank them too,
// the rescore ranks them with every term).
import type { SearchOptions } from '../../contracts.js';
import type { SearchHit } from '../../model.js';
import { TermCounts, candidateCount, commonThreshold, isBounded, planTerms, rescored, type BoundedSearch } from '../term-plan.js';
import { CandidateCache } from '../candidate-cache.js';
import { planExpression, termsExpression } from './fts-query.js';
import { hitSource, toPassage, toSource, type CorpusRow, type HitRow, type PassageRow, type SourceRow } from './sqlite-rows.js';
import type { Statements } from './sqlite-statements.js';

export class SqliteSearch {
  private readonly stmts: Statements;
  private readonly termCounts = new TermCounts();
  private readonly candidates = new CandidateCache<PassageRow & { source_rowid: number; score: number }>();

  constructor(stmts: Statements) {
    this.stmts = stmts;
  }

  /** The hits for a query's terms (from queryTerms; limit already checked); runs inside the store's guard. */
  search(terms: string[], options: SearchOptions, limit: number): SearchHit[] {
    if (options.sourceIds) {
      // Restricted to a few sources: every term counts, and the sources bound the work.
      const rows = this.stmts.searchIn.all(termsExpression(terms, 'any'), JSON.stringify(options.sourceIds), limit) as HitRow[];
      return rows.map((r) => ({ score: -r.score, passage: toPassage(r.s_id, r, { passage_first: r.s_passage_first, passage_offsets: r.s_passage_offsets }), source: hitSource(r) }));
    }
    const bounded = options.exhaustive ? null : this.termPlan(terms);
    const plan = bounded?.plan;
    if (plan && plan.terms.length === 0) return [];
    if (bounded && options.requireRare && plan?.mode === 'all' && this.conjunctionIsCommon(bounded)) return [];
    type Row = PassageRow & { source_rowid: number; score: number };
    // The candidate search is kept per corpus state (candidate-cache.ts); the exhaustive one is not.
    let rows = bounded ? this.candidates.get(bounded.digest, planExpression(bounded.plan), candidateCount(limit), () => this.stmts.search.all(planExpression(bounded.plan), candidateCount(limit)) as Row[]) : (this.stmts.search.all(termsExpression(terms, 'any'), limit) as Row[]);
    // Every term common and no passage holds them all: the plain query (term-plan.ts).
    if (plan?.mode === 'all' && rows.length === 0) rows = this.stmts.search.all(termsExpression(terms, 'any'), limit) as Row[];
    // Bounded: the candidates ranked again with every term; scores stay "higher is better".
    else if (bounded) rows = rescored(rows, terms, bounded, limit).map(({ row, score }) => ({ ...row, score: -score }));
    const sources = new Map<number, SourceRow & { passage_offsets: string }>();
    const hits: SearchHit[] = [];
    for (const r of rows) {
      let src = sources.get(r.source_rowid);
      if (!src) {
        src = this.stmts.sourceByRowid.get(r.source_rowid) as (SourceRow & { passage_offsets: string }) | undefined;
        if (!src) continue; // unreachable in a sound database (checkIntegrity reports it)
        sources.set(r.source_rowid, src);
      }
      hits.push({ score: -r.score, passage: toPassage(src.id, r, src), source: toSource(src) });
    }
    return hits;
  }

  /** The candidate stage's plan for `terms` (term-plan.ts), or null on a corpus too small to need one. */
  private termPlan(terms: string[]): (BoundedSearch & { digest: string }) | null {
    const corpus = this.corpus();
    if (!isBounded(corpus.passages)) return null;
    const counts = this.passageCounts(terms, corpus);
    return { plan: planTerms(terms, counts, commonThreshold(corpus.passages)), counts, total: corpus.passages, digest: corpus.digest };
  }

  /**
   * Each term's passage count, exact, cached until the corpus changes. FTS5 counts a term's
   * matches by walking its doclist without reading a row (about 10 ms per 100,000 passages), which
   * measured cheaper than a count stopped at the threshold and far cheaper than counting in rowid
   * windows (FTS5 does not seek to a rowid range: each window walked the doclist from its start).
   */
  passageCounts(terms: readonly string[], corpus: CorpusRow = this.corpus()): Map<string, number> {
    const missing = this.termCounts.missing(corpus.digest, terms);
    if (missing.length > 0) this.termCounts.add(new Map(missing.map((t) => [t, (this.stmts.termCount.get(termsExpression([t], 'any')) as { n: number }).n])));
    return this.termCounts.counts(terms);
  }

  /** Whether the passages holding every term of an all-common plan are common themselves (term-plan.ts), or none holds them all. */
  private conjunctionIsCommon(b: BoundedSearch): boolean {
    const threshold = commonThreshold(b.total);
    if (b.plan.terms.length === 1) return true;
    const n = (this.stmts.termCount.get(termsExpression(b.plan.terms, 'all')) as { n: number }).n;
    return n === 0 || n >= threshold;
  }

  /** The corpus row (schema.ts: kept by triggers, so this is one row read at any size). */
  corpus(): CorpusRow {
    return this.stmts.corpus.get() as CorpusRow;
  }
}
