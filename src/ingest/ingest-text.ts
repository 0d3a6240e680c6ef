// Documents into the store: chunk each into passages and upsert it atomically. ingestTexts
// batches many documents into one transaction when the store can (much faster with FTS5).
import type { DocumentInput, Store, UpsertResult } from '../contracts.js';
import type { SourceMeta } from '../model.js';
import { VerityError, quote } from '../errors.js';
import { chunkPassages } from './chunk.js';
import { completeMeta } from './metadata.js';

export interface TextDocument {
  text: string;
  meta: Partial<SourceMeta> & { uri: string; title: string };
  /** When it was read (ISO timestamp); defaults to now. */
  retrievedAt?: string;
}

/**
 * A store that can upsert many documents in one transaction, each still all-or-nothing
 * (SqliteStore does). Failed documents come back as errors in their slots.
 */
export interface BatchUpsertStore extends Store {
  upsertDocuments(docs: readonly DocumentInput[]): Promise<(UpsertResult | VerityError)[]>;
}

export function canBatch(store: Store): store is BatchUpsertStore {
  return typeof (store as Partial<BatchUpsertStore>).upsertDocuments === 'function';
}

function prepare(doc: TextDocument): DocumentInput {
  if (doc.text.trim() === '') {
    throw new VerityError({ code: 'BAD_INPUT', component: 'ingest', problem: `cannot ingest ${quote(doc.meta.uri)}: it has no text`, fix: 'pass a document with text' });
  }
  const meta = completeMeta(doc.meta, { uri: doc.meta.uri, title: doc.meta.title, kind: doc.meta.kind ?? 'other' });
  return { meta, text: doc.text, passages: chunkPassages(doc.text), retrievedAt: doc.retrievedAt ?? new Date().toISOString() };
}

export async function ingestText(store: Store, doc: TextDocument): Promise<UpsertResult> {
  return store.upsertDocument(prepare(doc));
}

/**
 * Ingests many documents: one transaction for all when the store supports batches, else one
 * per document. Returns a result or an error for each document, in order; never half a document.
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
  let results: (UpsertResult | VerityError)[];
  if (canBatch(store)) results = await store.upsertDocuments(ready);
  else {
    results = [];
    for (const d of ready) {
      try {
        results.push(await store.upsertDocument(d));
      } catch (e) {
        if (e instanceof VerityError && (e.code === 'BAD_INPUT' || e.code === 'INTERNAL')) results.push(e);
        else throw e;
      }
    }
  }
  let k = 0;
  return prepared.map((p) => (p instanceof VerityError ? p : (results[k++] as UpsertResult | VerityError)));
}
