// Opens stores holding fixture corpora: the small check corpus, or any list of fixture documents.
import { after, before } from 'node:test';
import { openStore } from '../../src/store/sqlite/open.js';
import { ingestText } from '../../src/ingest/index.js';
import type { Store } from '../../src/contracts.js';
import { SMALL_CORPUS, type FixtureDoc } from '../fixtures/check/small-corpus.js';

export const FIXED_NOW = (): Date => new Date('2026-01-15T12:00:00.000Z');

/** A store at `path` (in memory by default) with every document ingested, retrieved 2026-01-01. */
export async function storeOfDocs(docs: readonly FixtureDoc[], path = ':memory:'): Promise<Store> {
  const store = await openStore(path);
  for (const d of docs) {
    await ingestText(store, {
      text: d.text,
      meta: { uri: d.uri, title: d.title, publisher: d.publisher, publishedAt: d.publishedAt, kind: d.kind },
      retrievedAt: '2026-01-01T00:00:00.000Z',
    });
  }
  return store;
}

export const smallStore = (): Promise<Store> => storeOfDocs(SMALL_CORPUS);

/** A store of these documents for one test file: opened before its tests, closed after them. */
export function storeForTests(docs: readonly FixtureDoc[]): () => Store {
  let store: Store | undefined;
  before(async () => {
    store = await storeOfDocs(docs);
  });
  after(async () => {
    await store?.close();
  });
  return () => {
    if (!store) throw new Error('verity: [test] the store is opened before the tests run. Fix: call storeForTests at the top level of the test file');
    return store;
  };
}
