// Shared set-up for audit tests: a small in-memory corpus built from strings.
import { openStore } from '../../src/store/sqlite/open.js';
import { ingestText } from '../../src/ingest/index.js';
import type { Store } from '../../src/contracts.js';
import type { SourceKind } from '../../src/model.js';

export interface CorpusDoc {
  uri: string;
  title: string;
  text: string;
  publisher?: string;
  kind?: SourceKind;
}

export async function corpus(docs: readonly CorpusDoc[]): Promise<Store> {
  const store = await openStore(':memory:');
  for (const d of docs) {
    await ingestText(store, {
      text: d.text,
      meta: { uri: d.uri, title: d.title, publisher: d.publisher ?? null, kind: d.kind ?? 'ngo' },
      retrievedAt: '2026-01-01T00:00:00.000Z',
    });
  }
  return store;
}
