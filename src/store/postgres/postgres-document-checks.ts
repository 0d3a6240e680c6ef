// Checks a document before the PostgreSQL engine writes anything: the checks every engine makes
// (document-checks.ts), plus the one limit PostgreSQL adds: metadata cannot hold U+0000. (Source and
// passage text can: the engine stores such text JSON-encoded.)
import type { DocumentInput } from '../../contracts.js';
import { VerityError, quote } from '../../errors.js';
import { checkDocumentInput } from '../document-checks.js';

const META_FIELDS = ['uri', 'title', 'publisher', 'author', 'publishedAt', 'kind', 'language', 'license'] as const;

export function checkDocument(doc: DocumentInput): void {
  checkDocumentInput(doc);
  const bad = (problem: string, fix: string): VerityError => new VerityError({ code: 'BAD_INPUT', component: 'store', problem, fix });
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
