// PostgreSQL schema version 2 (addresses): a version-1 schema made by the old migration is
// upgraded on open (uri keys computed in JavaScript, the aliases table added idempotently).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { openPostgresStore } from '../../src/store/postgres/postgres-store.js';
import { PG_MIGRATIONS, PG_SCHEMA_VERSION } from '../../src/store/postgres/postgres-schema.js';
import { doc } from '../conformance/store-conformance.js';
import { PG_URL, adminPool, freshSchema, pgAvailable } from './pg-test-server.js';

const sha256 = (s: string): string => createHash('sha256').update(s, 'utf8').digest('hex');

if (pgAvailable('PostgreSQL address migration')) {
  describe('PostgreSQL schema version 2: addresses', () => {
    test('a version-1 schema is upgraded on open; the step is idempotent; lookups by a variant of the uri work', async () => {
      assert.ok(PG_SCHEMA_VERSION >= 2);
      const schema = freshSchema('vta');
      const S = `"${schema}"`;
      const text = 'Water access rose to 80 percent.';
      const admin = adminPool();
      const first = PG_MIGRATIONS[0];
      assert.ok(first);
      await admin.query(first(S));
      await admin.query(`INSERT INTO ${S}.schema_version (singleton, application, version) VALUES (true, 'verity', 1)`);
      await admin.query(
        `INSERT INTO ${S}.sources (id, uri, title, retrieved_at, kind, text_length, text, passage_count) VALUES ($1, 'https://www.Example.org/Reports/Water/', 'Water', '2025-01-01T00:00:00.000Z', 'reference', $2, $3, 1)`,
        [sha256(text), text.length, text],
      );
      await admin.query(`INSERT INTO ${S}.passages (source_id, ordinal, pstart, pend, text, tsv) VALUES ($1, 0, 0, $2, $3, to_tsvector('english', $3))`, [sha256(text), text.length, text]);
      const store = await openPostgresStore(PG_URL, { schema });
      try {
        assert.equal((await admin.query(`SELECT version FROM ${S}.schema_version`)).rows[0]?.version, PG_SCHEMA_VERSION);
        assert.deepEqual((await admin.query(`SELECT uri_key FROM ${S}.sources`)).rows, [{ uri_key: 'example.org/reports/water' }]);
        // Running the step again changes nothing (IF NOT EXISTS throughout).
        const second = PG_MIGRATIONS[1];
        assert.ok(second);
        await admin.query(second(S));
        const found = await store.findSourcesByUri(['http://example.org/reports/water?utm_source=x']);
        assert.equal(found.get('http://example.org/reports/water?utm_source=x')?.id, sha256(text));
        const r = await store.upsertDocument(doc('https://mirror.example.net/water', text));
        assert.deepEqual(r, { sourceId: sha256(text), status: 'unchanged', passages: 1, aliasesAdded: 1 });
        assert.deepEqual((await store.getSource(sha256(text)))?.aliases, ['https://mirror.example.net/water']);
        assert.deepEqual((await store.checkIntegrity()).problems, []);
      } finally {
        await store.close();
      }
      // Opening again (already at version 2) leaves it as it is.
      const again = await openPostgresStore(PG_URL, { schema });
      assert.deepEqual((await again.getSource(sha256(text)))?.aliases, ['https://mirror.example.net/water']);
      await again.close();
    });
  });
}
