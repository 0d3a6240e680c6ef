// Opens an in-memory store holding the small fixture corpus.
import { openStore } from '../../src/store/open.js';
import { ingestText } from '../../src/ingest/index.js';
import type { Store } from '../../src/contracts.js';
import { SMALL_CORPUS } from '../fixtures/check/small-corpus.js';

export const FIXED_NOW = (): Date => new Date('2026-01-15T12:00:00.000Z');

export async function smallStore(): Promise<Store> {
  const store = await openStore(':memory:');
  for (const d of SMALL_CORPUS) {
    await ingestText(store, {
      text: d.text,
      meta: { uri: d.uri, title: d.title, publisher: d.publisher, publishedAt: d.publishedAt, kind: d.kind },
      retrievedAt: '2026-01-01T00:00:00.000Z',
    });
  }
  return store;
}
