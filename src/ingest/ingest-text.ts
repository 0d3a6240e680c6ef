// One document into the store: chunk it into passages and upsert it in one transaction.
import type { Store, UpsertResult } from '../contracts.js';
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

export async function ingestText(store: Store, doc: TextDocument): Promise<UpsertResult> {
  if (doc.text.trim() === '') {
    throw new VerityError({ code: 'BAD_INPUT', component: 'ingest', problem: `cannot ingest ${quote(doc.meta.uri)}: it has no text`, fix: 'pass a document with text' });
  }
  const meta = completeMeta(doc.meta, { uri: doc.meta.uri, title: doc.meta.title, kind: doc.meta.kind ?? 'other' });
  return store.upsertDocument({ meta, text: doc.text, passages: chunkPassages(doc.text), retrievedAt: doc.retrievedAt ?? new Date().toISOString() });
}
