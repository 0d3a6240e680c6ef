// Checks a document before the PostgreSQL engine writes anything, with the same messages as the
// SQLite engine, plus the one limit PostgreSQL adds: metadata cannot hold U+0000. (Source and
// passage text can: the engine stores such text JSON-encoded.)
import type { DocumentInput } from '../contracts.js';
import { VerityError, quote } from '../errors.js';

const META_FIELDS = ['uri', 'title', 'publisher', 'author', 'publishedAt', 'kind', 'language', 'license'] as const;

export function checkDocument(doc: DocumentInput): void {
  const bad = (problem: string, fix: string): VerityError => new VerityError({ code: 'BAD_INPUT', component: 'store', problem, fix });
  if (typeof doc.text !== 'string' || doc.text.length === 0) throw bad(`document ${quote(doc.meta.uri)} has no text`, 'pass the document text');
  if (!doc.meta.uri) throw bad('document has an empty uri', 'give every document a uri (file path or URL)');
  for (const [i, p] of doc.passages.entries()) {
    if (!Number.isInteger(p.start) || !Number.isInteger(p.end) || p.start < 0 || p.end <= p.start || p.end > doc.text.length) {
      throw bad(`passage ${i} of ${quote(doc.meta.uri)} has offsets ${p.start}..${p.end} outside the text (length ${doc.text.length})`, 'pass spans with 0 <= start < end <= text.length');
    }
  }
  for (const field of META_FIELDS) {
    const v = doc.meta[field];
    if (typeof v === 'string' && v.includes('\u0000')) {
      throw bad(`the ${field} of document ${quote(doc.meta.uri.replaceAll('\u0000', '\\0'))} contains a NUL character (U+0000), which PostgreSQL cannot store`, 'remove NUL characters from the document metadata');
    }
  }
  if (doc.retrievedAt.includes('\u0000')) throw bad(`the retrievedAt of document ${quote(doc.meta.uri)} contains a NUL character`, 'pass an ISO timestamp');
}

/** Text as stored: as is, or JSON-encoded when PostgreSQL text cannot hold it (NUL, lone surrogates). */
export function encodeText(text: string): { text: string; json: boolean } {
  return /\u0000|\p{Surrogate}/u.test(text) ? { text: JSON.stringify(text), json: true } : { text, json: false };
}

export function decodeText(text: string, json: boolean): string {
  return json ? (JSON.parse(text) as string) : text;
}
