// What PostgreSQL's text search parser is allowed to see. Passage text and query terms are both
// reduced to lower-case letters and digits separated by single spaces (diacritics removed), so
// the parser never meets URLs, e-mail addresses, signs or operators, and a word splits the same
// way as SQLite's unicode61 tokenizer splits it ("COVID-19" → "covid 19", "Émoji" → "emoji").
import { queryTerms } from '../sqlite/fts-query.js';

/** The text fed to to_tsvector for a passage. */
export function indexText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .toLowerCase();
}

/**
 * The search terms of any user text, each already reduced by indexText: at most
 * MAX_QUERY_TERMS distinct words, stop words dropped unless nothing else is left (as the
 * SQLite engine does). Each term goes to plainto_tsquery as a bound parameter; raw user text
 * never reaches a tsquery parser. Empty when nothing searchable is left.
 */
export function searchTerms(query: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const term of queryTerms(query)) {
    const t = indexText(term);
    if (t === '' || seen.has(t)) continue;
    seen.add(t);
    out.push(t);
  }
  return out;
}
