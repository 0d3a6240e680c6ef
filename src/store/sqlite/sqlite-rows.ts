// The SQLite engine's rows and how they become Sources and Passages: a source row keeps its
// passages' offsets encoded in one column ("s0,e0,s1,e1,…"), its passages are rowids
// passage_first … passage_first + passage_count - 1 (schema.ts).
import type Database from 'better-sqlite3';
import { sourceFromRow, type SourceColumns } from '../source-row.js';
import type { Passage, Source } from '../../model.js';
import { passageId } from '../content-hash.js';

export interface SourceRow extends SourceColumns {
  rowid: number;
  passage_first: number;
  passage_count: number;
}

export interface CorpusRow {
  sources: number;
  passages: number;
  digest: string;
}

export interface PassageRow {
  rowid: number;
  text: string;
}

/** Where a source's passages are: its first passage rowid and its offsets ("s0,e0,s1,e1,…"). */
export interface PassageLayout {
  passage_first: number;
  passage_offsets: string;
}

export type HitRow = PassageRow & { score: number; s_passage_offsets: string } & { [K in keyof SourceRow as `s_${K}`]: SourceRow[K] };

export const SOURCE_COLUMNS = 'rowid, id, uri, title, publisher, author, published_at, retrieved_at, kind, language, license, text_length, passage_first, passage_count';
export const PASSAGE_COLUMNS = 'rowid, text';

export const toSource = (r: SourceRow): Source => sourceFromRow(r);

/** A passage row of a source, its ordinal from its rowid and its offsets from the source's layout. */
export function toPassage(sourceId: string, r: PassageRow, layout: PassageLayout, offsets?: readonly number[]): Passage {
  const ordinal = r.rowid - layout.passage_first;
  const [start, end] = offsets ? [offsets[2 * ordinal] ?? 0, offsets[2 * ordinal + 1] ?? 0] : offsetsAt(layout.passage_offsets, ordinal);
  return { id: passageId(sourceId, ordinal), sourceId, ordinal, text: r.text, start, end };
}

/** "s0,e0,s1,e1,…" for spans. */
export function encodeOffsets(spans: readonly { start: number; end: number }[]): string {
  let out = '';
  for (const p of spans) out += out === '' ? `${p.start},${p.end}` : `,${p.start},${p.end}`;
  return out;
}

export function decodeOffsets(encoded: string): number[] {
  return encoded === '' ? [] : encoded.split(',').map(Number);
}

/** The start and end of passage `ordinal` in encoded offsets, without decoding the others. */
export function offsetsAt(encoded: string, ordinal: number): [number, number] {
  let at = 0;
  for (let k = 0; k < 2 * ordinal && at >= 0; k++) at = encoded.indexOf(',', at) + 1 || -1;
  const comma = at >= 0 ? encoded.indexOf(',', at) : -1;
  if (comma < 0) return [0, 0];
  const next = encoded.indexOf(',', comma + 1);
  return [Number(encoded.slice(at, comma)), Number(encoded.slice(comma + 1, next < 0 ? encoded.length : next))];
}

export function hitSource(r: HitRow): Source {
  return toSource({
    rowid: r.s_rowid,
    id: r.s_id,
    uri: r.s_uri,
    title: r.s_title,
    publisher: r.s_publisher,
    author: r.s_author,
    published_at: r.s_published_at,
    retrieved_at: r.s_retrieved_at,
    kind: r.s_kind,
    language: r.s_language,
    license: r.s_license,
    text_length: r.s_text_length,
    passage_first: r.s_passage_first,
    passage_count: r.s_passage_count,
  });
}

/** The rows `first` … `first + count − 1` of the passages table, in order, read one rowid at a time. */
export function rowsOf(byRowid: Database.Statement, first: number, count: number): unknown[] {
  const out: unknown[] = [];
  for (let r = first; r < first + count; r++) {
    const row = byRowid.get(r);
    if (row !== undefined) out.push(row);
  }
  return out;
}
