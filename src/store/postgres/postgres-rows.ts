// The PostgreSQL engine's rows and how they become Sources and Passages.
import { sourceFromRow, type SourceColumns } from '../source-row.js';
import type { Passage, Source } from '../../model.js';
import { passageId } from '../content-hash.js';
import { decodeText } from './postgres-document-checks.js';

export interface SourceRow extends SourceColumns {
  passage_count: number;
}

export interface PassageRow {
  source_id: string;
  ordinal: number;
  pstart: number;
  pend: number;
  text: string;
  text_json: boolean;
}

export type HitRow = PassageRow & SourceRow & { score: number };

export const SOURCE_COLUMNS = ['id', 'uri', 'title', 'publisher', 'author', 'published_at', 'retrieved_at', 'kind', 'language', 'license', 'text_length', 'passage_count'];
export const PASSAGE_COLUMNS = 'source_id, ordinal, pstart, pend, text, text_json';

export const toSource = (r: SourceRow): Source => sourceFromRow(r);

export function toPassage(r: PassageRow): Passage {
  return { id: passageId(r.source_id, r.ordinal), sourceId: r.source_id, ordinal: r.ordinal, text: decodeText(r.text, r.text_json), start: r.pstart, end: r.pend };
}

/** Ids are sha256 hex; anything else (NUL, other text) cannot name a stored source. */
export const SOURCE_ID = /^[0-9a-f]{64}$/;

/** A bit(256) as PostgreSQL prints it ("0101…") in 64 hex digits. */
export function bitsToHex(bits: string): string {
  return BigInt(`0b${bits}`).toString(16).padStart(64, '0');
}

/** A source with its aliases when it has some. */
export function withAliasList(source: Source, aliases: string[] | undefined): Source {
  return aliases && aliases.length > 0 ? { ...source, aliases } : source;
}
