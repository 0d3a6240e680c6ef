// The checks every engine makes on a document before writing it: some text, a uri, and passage
// spans inside the text. Engines add their own limits on top (postgres-document-checks.ts).
import type { DocumentInput } from '../contracts.js';
import { VerityError, quote } from '../errors.js';

/** Throws VerityError BAD_INPUT naming the document and the offending value; returns when the document can be stored. */
export function checkDocumentInput(doc: DocumentInput): void {
  const bad = (problem: string, fix: string): VerityError => new VerityError({ code: 'BAD_INPUT', component: 'store', problem, fix });
  if (typeof doc.text !== 'string' || doc.text.length === 0) throw bad(`document ${quote(doc.meta.uri)} has no text`, 'pass the document text');
  if (!doc.meta.uri) throw bad('document has an empty uri', 'give every document a uri (file path or URL)');
  for (const [i, p] of doc.passages.entries()) {
    if (!Number.isInteger(p.start) || !Number.isInteger(p.end) || p.start < 0 || p.end <= p.start || p.end > doc.text.length) {
      throw bad(`passage ${i} of ${quote(doc.meta.uri)} has offsets ${p.start}..${p.end} outside the text (length ${doc.text.length})`, 'pass spans with 0 <= start < end <= text.length');
    }
  }
}
