// The PostgreSQL engine's ranked search: tsvector + GIN, BM25-style scores, with the candidate
// stage of term-plan.ts on a large corpus.
import type { Pool } from 'pg';
import type { SearchOptions } from '../../contracts.js';
import type { SearchHit } from '../../model.js';
import { TermCounts, candidateCount, commonThreshold, estimatedCount, isBounded, planTerms, rescored, type BoundedSearch } from '../term-plan.js';
import { CandidateCache } from '../candidate-cache.js';
import { decodeText } from './postgres-document-checks.js';
import { SOURCE_COLUMNS, toPassage, toSource, type HitRow } from './postgres-rows.js';

/** BM25 parameters (as SQLite FTS5 uses), and the average passage length assumed before any is stored. */
const BM25_K1 = 1.2;
const BM25_B = 0.75;
const DEFAULT_AVG_LEXEMES = 20;

/**
 * A term's passage count from PostgreSQL's statistics alone, or null when it must be counted: a
 * term of one lexeme that they list in at least `cap` passages (the common threshold). Such a
 * term selects no candidates, and its capped count would reach the cap and be replaced by this
 * same estimate (estimatedCount), so only the heap reads are saved. A term of several lexemes is
 * rarer than its rarest lexeme by an unknown margin; a rarer or unlisted one is counted exactly.
 */
export function statisticsCount(r: { share: number | null; lexemes: number }, passages: number, cap: number): number | null {
  if (r.lexemes !== 1 || r.share === null) return null;
  const n = Math.round(r.share * passages);
  return n >= cap ? Math.min(passages, n) : null;
}

/** The corpus row's counts and digest. */
export interface CorpusCounts {
  sources: number;
  passages: number;
  digest: string;
}

export class PostgresSearch {
  private readonly schema: string;
  /** The schema, quoted for SQL. */
  private readonly S: string;
  private readonly cfg: string;
  private readonly corpus: (q: Pool) => Promise<CorpusCounts>;
  private avgLexemes: { value: number; at: number } | null = null;
  private readonly termCounts = new TermCounts();
  private readonly candidates = new CandidateCache<HitRow>();

  constructor(schema: string, cfg: string, corpus: (q: Pool) => Promise<CorpusCounts>) {
    this.schema = schema;
    this.S = `"${schema}"`;
    this.cfg = cfg;
    this.corpus = corpus;
  }

  /**
   * Ranked search. The query is cut into word terms (searchTerms); each becomes a tsquery through
   * plainto_tsquery (a bound parameter, never parsed as tsquery syntax) and the terms are OR-ed;
   * the GIN index finds the passages holding any of them. Score (higher is better): BM25 with
   * term frequency taken as 1 — the sum of the matched terms' idf, from PostgreSQL's statistics
   * of the tsvector column, normalised by passage length (distinct lexemes) against the corpus
   * average. Ties by source id and ordinal, so results are reproducible.
   */
  async search(q: Pool, allTerms: string[], ids: string[] | undefined, options: SearchOptions, limit: number): Promise<SearchHit[]> {
    const S = this.S;
    const cfg = this.cfg;
    // terms: each word term as a tsquery and its lexemes. st: PostgreSQL's own statistics of the
    // tsvector column (most common lexemes and the fraction of passages holding each; present
    // once the table has been analysed). idf = -ln(fraction), a lexeme too rare to be listed
    // taken at half the rarest listed fraction, a term of several lexemes at its rarest one;
    // equal weights (1) while there are no statistics.
    const sql = (mode: 'any' | 'all'): string =>
      `WITH terms AS (SELECT plainto_tsquery(${cfg}, u.w) AS tq, tsvector_to_array(to_tsvector(${cfg}, u.w)) AS lex, u.o <= $4 AS sel FROM unnest($1::text[]) WITH ORDINALITY AS u(w, o)), ` +
      `st AS (SELECT s.most_common_elems::text::text[] AS e, s.most_common_elem_freqs AS f FROM pg_stats s WHERE s.schemaname = '${this.schema}' AND s.tablename = 'passages' AND s.attname = 'tsv'), ` +
      // most_common_elem_freqs holds one fraction per listed lexeme, then the minimum, maximum and null fraction.
      'w AS (SELECT t.tq, t.sel, CASE WHEN st.e IS NULL THEN 1.0::float8 ELSE -ln(greatest(1e-9, (SELECT min(coalesce(st.f[array_position(st.e, l.x)], st.f[cardinality(st.e) + 1] / 2)) FROM unnest(t.lex) AS l(x)))::float8) END AS idf ' +
      'FROM terms t LEFT JOIN st ON true WHERE numnode(t.tq) > 0), ' +
      `q AS (SELECT string_agg('(' || tq::text || ')', '${mode === 'any' ? ' | ' : ' & '}')::tsquery AS q FROM w WHERE w.sel), ` +
      `h AS (SELECT p.source_id, p.ordinal, p.pstart, p.pend, p.text, p.text_json, (SELECT sum(w.idf) FROM w WHERE p.tsv @@ w.tq) * ${BM25_K1 + 1} / (1 + ${BM25_K1} * (${1 - BM25_B} + ${BM25_B} * length(p.tsv) / $3::float8)) AS score FROM ${S}.passages p, q ` +
      `WHERE p.tsv @@ q.q${ids ? ' AND p.source_id = ANY($5::text[])' : ''} ORDER BY score DESC, p.source_id, p.ordinal LIMIT $2) ` +
      `SELECT h.*, ${SOURCE_COLUMNS.filter((c) => c !== 'id').map((c) => `s.${c}`).join(', ')}, s.id FROM h JOIN ${S}.sources s ON s.id = h.source_id ORDER BY h.score DESC, h.source_id, h.ordinal`;
    const avg = await this.averageLexemes(q);
    // The candidate stage (term-plan.ts) on a large corpus; not within given sources.
    const bounded = ids || options.exhaustive ? null : await this.termPlan(q, allTerms);
    const plan = bounded?.plan;
    if (plan && plan.terms.length === 0) return [];
    if (bounded && options.requireRare && plan?.mode === 'all' && (await this.conjunctionIsCommon(q, bounded))) return [];
    // The first `select` terms select the passages; the rest only count in their score.
    const run = async (terms: string[], mode: 'any' | 'all', n: number, select = terms.length): Promise<HitRow[]> => (await q.query<HitRow>(sql(mode), ids ? [terms, n, avg, select, ids] : [terms, n, avg, select])).rows;
    // The candidate search is kept per corpus state (candidate-cache.ts); the exhaustive one is not.
    let rows: HitRow[];
    if (bounded && plan) {
      const key = JSON.stringify([plan.mode, plan.terms, plan.rankAlso, avg]);
      const kept = this.candidates.find(bounded.digest, key, candidateCount(limit));
      rows = kept ?? (await run([...plan.terms, ...plan.rankAlso], plan.mode, candidateCount(limit), plan.terms.length));
      if (!kept) this.candidates.keep(key, candidateCount(limit), rows);
    } else rows = await run(allTerms, 'any', limit);
    if (plan?.mode === 'all' && rows.length === 0) rows = await run(allTerms, 'any', limit);
    else if (bounded) rows = rescored(rows.map((r) => ({ r, text: decodeText(r.text, r.text_json) })), allTerms, bounded, limit).map(({ row, score }) => ({ ...row.r, score }));
    return rows.map((r) => ({ score: r.score, passage: toPassage(r), source: toSource(r) }));
  }

  /** Whether the passages holding every term of an all-common plan are common themselves (term-plan.ts), or none holds them all. */
  private async conjunctionIsCommon(q: Pool, b: BoundedSearch): Promise<boolean> {
    const cap = commonThreshold(b.total);
    if (b.plan.terms.length === 1) return true;
    const all = `(SELECT string_agg('(' || plainto_tsquery(${this.cfg}, w)::text || ')', ' & ')::tsquery FROM unnest($1::text[]) AS w)`;
    const n = (await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM (SELECT 1 FROM ${this.S}.passages p WHERE p.tsv @@ ${all} LIMIT $2) x`, [b.plan.terms, cap])).rows[0]?.n ?? 0;
    return n === 0 || n >= cap;
  }

  /** Forgets the cached average passage length (after ANALYZE). */
  forgetAverage(): void {
    this.avgLexemes = null;
  }

  /** The candidate stage's plan for `terms` (term-plan.ts), or null on a corpus too small to need one. */
  private async termPlan(q: Pool, terms: string[]): Promise<(BoundedSearch & { digest: string }) | null> {
    const corpus = await this.corpus(q);
    if (!isBounded(corpus.passages)) return null;
    const cap = commonThreshold(corpus.passages);
    const missing = this.termCounts.missing(corpus.digest, terms);
    if (missing.length > 0) {
      // The share of passages PostgreSQL's statistics give each term's rarest lexeme (null when
      // not listed, or before ANALYZE). A one-lexeme term they put past the cap takes its count
      // from them (statisticsCount): counting it read a heap row per passage up to the cap for an
      // answer the estimate replaced anyway. Every other term is counted no further than the cap,
      // and estimated past it from its share.
      const shares = (
        await q.query<{ w: string; share: number | null; lexemes: number }>(
          `WITH st AS (SELECT s.most_common_elems::text::text[] AS e, s.most_common_elem_freqs AS f FROM pg_stats s WHERE s.schemaname = $2 AND s.tablename = 'passages' AND s.attname = 'tsv') ` +
            `SELECT w, (SELECT min(st.f[array_position(st.e, l.x)])::float8 FROM st, unnest(tsvector_to_array(to_tsvector(${this.cfg}, w))) AS l(x)) AS share, ` +
            `cardinality(tsvector_to_array(to_tsvector(${this.cfg}, w)))::int AS lexemes FROM unnest($1::text[]) AS w`,
          [missing, this.schema],
        )
      ).rows;
      const toCount = shares.filter((r) => statisticsCount(r, corpus.passages, cap) === null).map((r) => r.w);
      // One statement per term, sent together: PostgreSQL runs each on its own pooled connection, so
      // the heap reads of a claim's terms (a row per match, up to the cap) go on every core at once
      // instead of one term after another in one statement.
      const count = async (w: string): Promise<[string, number]> => [w, (await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM (SELECT 1 FROM ${this.S}.passages p WHERE p.tsv @@ plainto_tsquery(${this.cfg}, $1) LIMIT $2) x`, [w, cap])).rows[0]?.n ?? 0];
      const counted = new Map<string, number>(await Promise.all(toCount.map(count)));
      this.termCounts.add(new Map(shares.map((r) => [r.w, statisticsCount(r, corpus.passages, cap) ?? estimatedCount(counted.get(r.w) ?? 0, cap, r.share === null ? null : r.share * corpus.passages, corpus.passages)])));
    }
    const counts = this.termCounts.counts(terms);
    return { plan: planTerms(terms, counts, cap), counts, total: corpus.passages, digest: corpus.digest };
  }

  /** Average distinct lexemes per passage (BM25 length normalisation), from the first 10 000 passages; cached 10 minutes. */
  private async averageLexemes(q: Pool): Promise<number> {
    const now = Date.now();
    if (this.avgLexemes && now - this.avgLexemes.at < 600_000) return this.avgLexemes.value;
    const v = (await q.query<{ v: number | null }>(`SELECT avg(length(tsv))::float8 AS v FROM (SELECT tsv FROM ${this.S}.passages LIMIT 10000) x`)).rows[0]?.v;
    if (v === null || v === undefined || !(v > 0)) return DEFAULT_AVG_LEXEMES;
    this.avgLexemes = { value: v, at: now };
    return v;
  }
}
