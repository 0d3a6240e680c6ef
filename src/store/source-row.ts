// The sources table's columns, shared by the SQLite and PostgreSQL engines, and their mapping to
// the Source type.
import type { Source, SourceKind } from '../model.js';

/** The columns both engines keep for a source (each engine's row type extends this). */
export interface SourceColumns {
  id: string;
  uri: string;
  title: string;
  publisher: string | null;
  author: string | null;
  published_at: string | null;
  retrieved_at: string;
  kind: string;
  language: string | null;
  license: string | null;
  text_length: number;
}

export function sourceFromRow(r: SourceColumns): Source {
  return {
    id: r.id,
    uri: r.uri,
    title: r.title,
    publisher: r.publisher,
    author: r.author,
    publishedAt: r.published_at,
    retrievedAt: r.retrieved_at,
    kind: r.kind as SourceKind,
    language: r.language,
    license: r.license,
    textLength: r.text_length,
  };
}

/**
 * Whether match `a` beats `b` for the same address: a uri match beats an alias match, then the
 * later retrievedAt, then the smaller id.
 */
export function preferMatch(a: { primary_match: number; retrieved_at: string; id: string }, b: { primary_match: number; retrieved_at: string; id: string }): boolean {
  if (a.primary_match !== b.primary_match) return a.primary_match > b.primary_match;
  if (a.retrieved_at !== b.retrieved_at) return a.retrieved_at > b.retrieved_at;
  return a.id < b.id;
}

type Match = { k: string; primary_match: number; retrieved_at: string; id: string };

/** The preferred row for each address key among rows matched by key (see `preferMatch`). */
export function bestMatchByKey<R extends Match>(rows: Iterable<R>): Map<string, R> {
  const best = new Map<string, R>();
  for (const r of rows) {
    const b = best.get(r.k);
    if (!b || preferMatch(r, b)) best.set(r.k, r);
  }
  return best;
}
