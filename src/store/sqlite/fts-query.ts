// Turns any user text into a safe FTS5 MATCH expression. Raw text never reaches the engine:
// the query is cut into word tokens, each is quoted as an FTS5 string (so AND, NEAR, *, ^, :,
// parentheses and quotes are plain words), and the terms are OR-ed so BM25 ranks passages that
// contain more (and rarer) terms higher.
import { STOPWORDS, tokenize } from '../../text/tokens.js';

/** At most this many distinct terms are searched; a 10 kB query keeps its first terms. */
export const MAX_QUERY_TERMS = 64;

/** The distinct lower-cased search terms of a query: stop words dropped unless nothing else is left. */
export function queryTerms(query: string): string[] {
  const all: string[] = [];
  const seen = new Set<string>();
  for (const t of tokenize(query)) {
    if (seen.has(t.lower)) continue;
    seen.add(t.lower);
    all.push(t.lower);
  }
  const content = all.filter((w) => !STOPWORDS.has(w));
  return (content.length > 0 ? content : all).slice(0, MAX_QUERY_TERMS);
}

/** The MATCH expression for a query, or null when no searchable word is left (no hits, no error). */
export function buildMatchExpression(query: string): string | null {
  const terms = queryTerms(query);
  if (terms.length === 0) return null;
  return termsExpression(terms, 'any');
}

/** The MATCH expression for terms (from queryTerms): any of them (OR) or all of them (AND). */
export function termsExpression(terms: readonly string[], mode: 'any' | 'all'): string {
  return terms.map((t) => `"${t.replaceAll('"', '""')}"`).join(mode === 'any' ? ' OR ' : ' AND ');
}

/**
 * The MATCH expression of a candidate stage's plan (store/term-plan.ts). With common terms to
 * rank by, `(R) AND (R OR C)`: the rows are those holding a rare term (FTS5 walks the rare
 * terms' postings and seeks the common ones' at those rows only), and BM25 scores them with
 * the common terms too (the rare ones counted twice, which favours them).
 */
export function planExpression(plan: { terms: readonly string[]; mode: 'any' | 'all'; rankAlso: readonly string[] }): string {
  const selected = termsExpression(plan.terms, plan.mode);
  if (plan.mode === 'all' || plan.rankAlso.length === 0) return selected;
  return `(${selected}) AND (${selected} OR ${termsExpression(plan.rankAlso, 'any')})`;
}
