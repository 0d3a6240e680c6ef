// PostgreSQL schema version 3 (the corpus row): a version-2 schema is upgraded on open (counts
// and the XOR digest of its source ids computed once in SQL), after which statement triggers keep
// the row; the snapshot id then equals SQLite's for the same documents.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { openPostgresStore } from '../../src/store/postgres/postgres-store.js';
import { PG_SCHEMA_VERSION } from '../../src/store/postgres/postgres-schema.js';
import { doc, expectedSnapshotId } from '../conformance/store-conformance.js';
import { PG_URL, adminPool, freshSchema, pgAvailable } from './pg-test-server.js';

const texts = ['Rainfall fell by 12 percent. The dry season grew longer.', 'The dam holds 4 billion cubic metres. It opened in 1998.', 'Notes without figures.'];

if (pgAvailable('PostgreSQL corpus row migration')) {
  describe('PostgreSQL schema version 3: the corpus row', () => {
    test('a version-2 schema is migrated: counts and snapshot id computed once, then kept by writes', async () => {
      assert.ok(PG_SCHEMA_VERSION >= 3);
      const schema = freshSchema('vtm');
      const S = `"${schema}"`;
      const seed = await openPostgresStore(PG_URL, { schema });
      for (const [i, t] of texts.entries()) await seed.upsertDocument(doc(`file:///d${i}.txt`, t));
      await seed.close();
      const admin = adminPool();
      // Back to version 2: the corpus row, its triggers and their function did not exist.
      await admin.query(`DROP TABLE ${S}.corpus_meta; DROP FUNCTION ${S}.corpus_counted() CASCADE; UPDATE ${S}.schema_version SET version = 2`);
      const store = await openPostgresStore(PG_URL, { schema });
      try {
        assert.equal((await admin.query(`SELECT version FROM ${S}.schema_version`)).rows[0]?.version, PG_SCHEMA_VERSION);
        assert.deepEqual(await store.stats(), { sources: 3, passages: 5 });
        assert.equal(await store.snapshotId(), expectedSnapshotId(texts));
        await store.upsertDocuments([doc('file:///d2.txt', 'Notes changed. Now two.'), doc('file:///d3.txt', 'A fourth text.')]);
        assert.equal(await store.removeSource((await store.listSources()).find((x) => x.uri === 'file:///d0.txt')?.id ?? ''), true);
        assert.deepEqual(await store.stats(), { sources: 3, passages: 5 });
        assert.equal(await store.snapshotId(), expectedSnapshotId([texts[1] ?? '', 'Notes changed. Now two.', 'A fourth text.']));
        assert.deepEqual((await store.checkIntegrity()).problems, []);
        // A row that disagrees with the tables is reported.
        await admin.query(`UPDATE ${S}.corpus_meta SET passages = 99`);
        assert.match((await store.checkIntegrity()).problems.join('\n'), /corpus_meta says 3 sources, 99 passages/);
      } finally {
        await store.close();
      }
    });
  });
}
