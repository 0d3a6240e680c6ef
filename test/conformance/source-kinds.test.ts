// Every source kind (src/model.ts SOURCE_KINDS, including company, blog and unknown) is stored
// and read back as written, on SQLite and on a real PostgreSQL server (VERITY_TEST_PG_URL).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPostgresStore } from '../../src/store/postgres/postgres-store.js';
import { openStore } from '../../src/store/sqlite/open.js';
import type { Store } from '../../src/contracts.js';
import { SOURCE_KINDS } from '../../src/model.js';
import { doc } from './store-conformance.js';
import { PG_URL, freshSchema, pgAvailable } from '../store-postgres/pg-test-server.js';

async function roundTrip(store: Store): Promise<void> {
  try {
    for (const kind of SOURCE_KINDS) await store.upsertDocument(doc(`file:///kind-${kind}.txt`, `A page of kind ${kind}. It has two sentences.`, { kind }));
    const stored = new Map((await store.listSources()).map((s) => [s.uri, s.kind]));
    for (const kind of SOURCE_KINDS) assert.equal(stored.get(`file:///kind-${kind}.txt`), kind);
    assert.ok(SOURCE_KINDS.includes('company') && SOURCE_KINDS.includes('blog') && SOURCE_KINDS.includes('unknown'));
  } finally {
    await store.close();
  }
}

test('SQLite stores every source kind', async () => {
  await roundTrip(await openStore(':memory:'));
});

if (pgAvailable('source kinds: postgres')) {
  test('PostgreSQL stores every source kind', async () => {
    await roundTrip(await openPostgresStore(PG_URL, { schema: freshSchema('vtk') }));
  });
}
