// Documents into the store: chunk each into passages and upsert it atomically. ingestTexts
// batches many documents into one transaction (much faster with FTS5).
import type { DocumentInput, Store, UpsertResult } from '../contracts.js';
import type { SourceMeta } from '../model.js';
import { VerityError, quote } from '../errors.js';
import { chunkPassages } from './chunk.js';
import { completeMeta } from './load/metadata.js';

export interface TextDocument {
  text: string;
  meta: Partial<SourceMeta> & { uri: string; title: string };
  /** When it was read (ISO timestamp); defaults to now. */
  retrievedAt?: string;
}

function prepare(doc: TextDocument): DocumentInput {
  if (doc.text.trim() === '') {
    throw new VerityError({ code: 'BAD_INPUT', component: 'ingest', problem: `cannot ingest ${quote(doc.meta.uri)}: it has no text`, fix: 'pass a document with text' });
  }
  const meta = completeMeta(doc.meta, { uri: doc.meta.uri, title: doc.meta.title, kind: doc.meta.kind ?? 'unknown' });
  return { meta, text: doc.text, passages: chunkPassages(doc.text), retrievedAt: doc.retrievedAt ?? new Date().toISOString() };
}

export async function ingestText(store: Store, doc: TextDocument): Promise<UpsertResult> {
  return store.upsertDocument(prepare(doc));
}

/**
 * Ingests many documents in one transaction (each document still all-or-nothing). Returns a result or an error for each document, in order; never half a document.
 */
export async function ingestTexts(store: Store, docs: readonly TextDocument[]): Promise<(UpsertResult | VerityError)[]> {
  const prepared = docs.map((d) => {
    try {
      return prepare(d);
    } catch (e) {
      if (e instanceof VerityError) return e;
      throw e;
    }
  });
  const ready = prepared.filter((p): p is DocumentInput => !(p instanceof VerityError));
  const results = await store.upsertDocuments(ready);
  let k = 0;
  return prepared.map((p) => (p instanceof VerityError ? p : (results[k++] as UpsertResult | VerityError)));
}
