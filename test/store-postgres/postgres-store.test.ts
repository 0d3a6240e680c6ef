// PostgreSQL engine specifics: opening, the schema version table, refusals, connection errors
// (password masked, retryable), the query text fed to PostgreSQL, and a killed writer. The
// contract itself is tested by test/conformance/postgres.test.ts.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { openPostgresStore } from '../../src/store/postgres/postgres-store.js';
import { maskUrl } from '../../src/store/postgres/postgres-errors.js';
import { indexText, searchTerms } from '../../src/store/postgres/postgres-search-text.js';
import { PG_SCHEMA_VERSION } from '../../src/store/postgres/postgres-schema.js';
import { statisticsCount } from '../../src/store/postgres/postgres-search.js';
import { isVerityError, type VerityError } from '../../src/errors.js';
import { doc } from '../conformance/store-conformance.js';
import { PG_URL, adminPool, freshSchema, pgAvailable } from './pg-test-server.js';

function expectError(code: string, pattern: RegExp, extra: (e: VerityError) => void = () => undefined) {
  return (e: unknown): boolean => {
    assert.ok(isVerityError(e), `expected a VerityError, got ${String(e)}`);
    assert.equal(e.code, code, e.message);
    assert.match(e.message, pattern);
    extra(e);
    return true;
  };
}

describe('postgres: term counts taken from the statistics (no server needed)', () => {
  test('a listed one-lexeme term at or past the common threshold is not counted; the rest are', () => {
    const passages = 1_000_000;
    const cap = 30_000;
    assert.equal(statisticsCount({ share: 0.0315, lexemes: 1 }, passages, cap), 31_500, 'a common word: its share of the passages');
    assert.equal(statisticsCount({ share: 0.03, lexemes: 1 }, passages, cap), cap, 'at the threshold');
    assert.equal(statisticsCount({ share: 0.0299, lexemes: 1 }, passages, cap), null, 'below it (rare terms select the candidates): counted exactly');
    assert.equal(statisticsCount({ share: null, lexemes: 1 }, passages, cap), null, 'not listed (or no ANALYZE yet): counted');
    assert.equal(statisticsCount({ share: 0.1, lexemes: 2 }, passages, cap), null, 'several lexemes ("covid 19"): rarer than its rarest by an unknown margin, counted');
    assert.equal(statisticsCount({ share: 0.5, lexemes: 0 }, passages, cap), null, 'no lexeme (a stop word): counted (none)');
    assert.equal(statisticsCount({ share: 1.2, lexemes: 1 }, 10_000, 2_000), 10_000, 'never more than the passages');
  });
});

describe('postgres: text PostgreSQL sees (no server needed)', () => {
  test('indexText keeps letters and digits only, lower-cased, without diacritics', () => {
    assert.equal(indexText('COVID-19 Émoji 🎉 “quotes” café (cafe\u0301) e-mail: a@b.org ﬁne'), 'covid 19 emoji quotes cafe cafe e mail a b org fine');
    assert.equal(indexText('!!! ... ???'), '');
    assert.equal(indexText('a\u0000b'), 'a b');
  });

  test('searchTerms: operator characters never survive, stop words dropped unless alone, 64 terms at most', () => {
    assert.deepEqual(searchTerms("possession & !distribution | border <-> 'value':* NEAR(x)"), ['possession', 'distribution', 'border', 'value', 'near', 'x']);
    assert.deepEqual(searchTerms('the it is'), ['the', 'it', 'is']);
    assert.deepEqual(searchTerms('The COVID-19 deaths'), ['covid 19', 'deaths']);
    assert.deepEqual(searchTerms('🎉 ... '), []);
    assert.equal(searchTerms(Array.from({ length: 500 }, (_, i) => `w${i}`).join(' ')).length, 64);
    for (const t of searchTerms('\'";:*&|!()<->\\$1 %s DROP TABLE')) assert.match(t, /^[\p{L}\p{N}]+( [\p{L}\p{N}]+)*$/u);
  });

  test('maskUrl hides passwords in the authority and in parameters', () => {
    assert.equal(maskUrl('postgres://u:s3cret@127.0.0.1:5432/db'), 'postgres://u:***@127.0.0.1:5432/db');
    assert.equal(maskUrl('postgres://u@127.0.0.1/db?password=s3cret&schema=x'), 'postgres://u@127.0.0.1/db?password=***&schema=x');
    assert.equal(maskUrl('postgres://127.0.0.1/db'), 'postgres://127.0.0.1/db');
    assert.doesNotMatch(maskUrl('postgres://u:s3c ret@host name/db'), /s3c/);
  });
});

describe('postgres: opening refuses bad arguments and unreachable servers clearly (no server needed)', () => {
  test('a URL that is not postgres:// and a bad schema name are usage errors', async () => {
    await assert.rejects(openPostgresStore('mysql://u:pw@127.0.0.1/db'), expectError('USAGE', /"mysql:\/\/u:\*\*\*@127\.0\.0\.1\/db" is not a PostgreSQL URL\. Fix: pass postgres:\/\//));
    await assert.rejects(openPostgresStore('postgres://u:pw@127.0.0.1/db', { schema: 'Bad-Name; DROP' }), expectError('USAGE', /schema name "Bad-Name; DROP" .* is not a plain lower-case identifier/));
  });

  test('connection refused names the URL with the password masked and is retryable', async () => {
    // Port 1 on loopback: nothing listens there.
    await assert.rejects(
      openPostgresStore('postgres://verity:topsecret@127.0.0.1:1/corpus', { connectTimeoutMs: 3000 }),
      expectError('DB_UNAVAILABLE', /cannot open the corpus: cannot reach the PostgreSQL server at "postgres:\/\/verity:\*\*\*@127\.0\.0\.1:1\/corpus\?schema=verity" \(ECONNREFUSED.*Fix: start the server/, (e) => {
        assert.equal(e.retryable, true);
        assert.equal(e.component, 'store');
        assert.doesNotMatch(e.message, /topsecret/);
      }),
    );
  });
});

if (pgAvailable('postgres store')) {
  const url = new URL(PG_URL);

  describe('postgres: schema version, migrations and refusals', () => {
    test('a new schema records its version; reopening keeps the data; ?schema= in the URL picks the schema', async () => {
      const schema = freshSchema();
      const s1 = await openPostgresStore(PG_URL, { schema });
      assert.equal(s1.engine, 'postgres');
      assert.match(s1.location, new RegExp(`\\?schema=${schema}$`));
      assert.doesNotMatch(s1.location, new RegExp(url.password || 'no-password-set'));
      const r = await s1.upsertDocument(doc('file:///p.txt', 'Persisted text. Second sentence.'));
      await s1.close();
      const row = (await adminPool().query(`SELECT application, version FROM "${schema}".schema_version`)).rows;
      assert.deepEqual(row, [{ application: 'verity', version: PG_SCHEMA_VERSION }]);
      const withParam = new URL(PG_URL);
      withParam.searchParams.set('schema', schema);
      const s2 = await openPostgresStore(withParam.toString());
      try {
        assert.equal(s2.schema, schema);
        assert.equal((await s2.getPassages(r.sourceId)).length, 2);
        assert.equal((await s2.search('persisted'))[0]?.source.id, r.sourceId);
        assert.deepEqual(await s2.checkIntegrity(), { ok: true, problems: [] });
      } finally {
        await s2.close();
      }
      const s3 = await openPostgresStore(withParam.toString().replace(/^postgres:/, 'postgresql:'), { readonly: true });
      try {
        assert.deepEqual(await s3.stats(), { sources: 1, passages: 2 });
      } finally {
        await s3.close();
      }
    });

    test('readonly: a missing corpus is NOT_FOUND and nothing is created; writes are refused', async () => {
      const schema = freshSchema();
      await assert.rejects(openPostgresStore(PG_URL, { schema, readonly: true }), expectError('NOT_FOUND', new RegExp(`no Verity corpus in schema "${schema}" at ".*\\*\\*\\*.*"\\. Fix: run "verity ingest`)));
      assert.equal((await adminPool().query('SELECT count(*)::int AS n FROM pg_namespace WHERE nspname = $1', [schema])).rows[0]?.n, 0);
      const w = await openPostgresStore(PG_URL, { schema });
      const r = await w.upsertDocument(doc('ro', 'Read only text.'));
      await w.close();
      const ro = await openPostgresStore(PG_URL, { schema, readonly: true });
      try {
        assert.equal((await ro.search('read only'))[0]?.source.id, r.sourceId);
        await assert.rejects(ro.upsertDocument(doc('ro2', 'Another.')), expectError('DB_READONLY', /opened read-only/));
        await assert.rejects(ro.removeSource(r.sourceId), expectError('DB_READONLY', /opened read-only/));
        assert.deepEqual(await ro.stats(), { sources: 1, passages: 1 });
      } finally {
        await ro.close();
      }
    });

    test('workers opening a new schema at once migrate it once', async () => {
      const schema = freshSchema();
      const stores = await Promise.all(Array.from({ length: 4 }, () => openPostgresStore(PG_URL, { schema, poolSize: 1 })));
      try {
        await Promise.all(stores.map((s, i) => s.upsertDocument(doc(`w${i}`, `Worker ${i} text.`))));
        assert.deepEqual(await stores[0]?.stats(), { sources: 4, passages: 4 });
      } finally {
        await Promise.all(stores.map((s) => s.close()));
      }
    });

    test('a schema made by a newer Verity is refused and left untouched', async () => {
      const schema = freshSchema();
      await (await openPostgresStore(PG_URL, { schema })).close();
      await adminPool().query(`UPDATE "${schema}".schema_version SET version = 99`);
      await assert.rejects(
        openPostgresStore(PG_URL, { schema }),
        expectError('DB_VERSION', new RegExp(`schema "${schema}" at ".*\\*\\*\\*.*" has schema version 99, made by a newer Verity; this build \\(.*\\) reads up to version ${PG_SCHEMA_VERSION}\\. Fix: upgrade Verity`)),
      );
      assert.equal((await adminPool().query(`SELECT version FROM "${schema}".schema_version`)).rows[0]?.version, 99);
    });

    test('a schema holding tables that are not Verity\'s is refused, not written into', async () => {
      const schema = freshSchema();
      await adminPool().query(`CREATE SCHEMA "${schema}"; CREATE TABLE "${schema}".customers (id int)`);
      await assert.rejects(openPostgresStore(PG_URL, { schema }), expectError('DB_INVALID', new RegExp(`schema "${schema}" .* holds 1 tables but is not a Verity corpus`)));
      const tables = (await adminPool().query('SELECT tablename FROM pg_tables WHERE schemaname = $1', [schema])).rows;
      assert.deepEqual(tables, [{ tablename: 'customers' }]);
    });
  });

  describe('postgres: ranking', () => {
    test('once statistics are gathered, a rare query word outweighs a common one (idf)', async () => {
      const store = await openPostgresStore(PG_URL, { schema: freshSchema() });
      try {
        const docs = [doc('rare', 'Possession noted here today.')];
        for (let i = 0; i < 59; i++) docs.push(doc(`c${i}`, `Crime number ${i} noted here.`));
        await store.upsertDocuments(docs);
        await store.refreshStatistics();
        const hits = await store.search('crime possession', { limit: 5 });
        assert.equal(hits[0]?.passage.text, 'Possession noted here today.');
        assert.ok((hits[0]?.score ?? 0) > 2 * (hits[1]?.score ?? 0), `rare-word hit far ahead: ${hits.map((h) => h.score).join(', ')}`);
        // Without statistics every word weighs the same: the common word's passages fill the list.
        const fresh = await openPostgresStore(PG_URL, { schema: freshSchema() });
        try {
          await fresh.upsertDocuments(docs);
          const flat = await fresh.search('crime possession', { limit: 60 });
          assert.equal(new Set(flat.map((h) => h.score.toFixed(6))).size <= 2, true, 'two passage lengths, two scores');
        } finally {
          await fresh.close();
        }
      } finally {
        await store.close();
      }
    });
  });

  describe('postgres: server errors', () => {
    test('a wrong password is a login error naming the masked URL, not retryable', async () => {
      const bad = new URL(PG_URL);
      bad.password = 'definitely-wrong-pw';
      await assert.rejects(openPostgresStore(bad.toString()), expectError('DB_AUTH', /refused the login .*Fix: check the user name and password/, (e) => {
        assert.equal(e.retryable, false);
        assert.doesNotMatch(e.message, /definitely-wrong-pw/);
        assert.match(e.message, /\*\*\*@/);
      }));
    });

    test('connections the server drops are replaced: the next call works', async () => {
      const app = `verity-test-${process.pid}-drop`;
      const store = await openPostgresStore(PG_URL, { schema: freshSchema(), applicationName: app });
      try {
        await store.upsertDocument(doc('d', 'Survives a dropped connection.'));
        const killed = (await adminPool().query('SELECT count(*)::int AS n FROM pg_stat_activity, pg_terminate_backend(pid) WHERE application_name = $1', [app])).rows[0]?.n;
        assert.ok((killed ?? 0) >= 1, 'the store had a connection to drop');
        // Straight away (the pool may still hold the dead connection: the read is retried) …
        assert.equal((await store.search('survives')).length, 1);
        // … and after the pool has noticed.
        await new Promise((r) => setTimeout(r, 200));
        assert.equal((await store.search('survives')).length, 1);
        assert.deepEqual(await store.stats(), { sources: 1, passages: 1 });
      } finally {
        await store.close();
      }
    });

    test('a database that does not exist is NOT_FOUND with the fix', async () => {
      const bad = new URL(PG_URL);
      bad.pathname = '/no_such_verity_db';
      await assert.rejects(openPostgresStore(bad.toString()), expectError('NOT_FOUND', /the database named in ".*no_such_verity_db.*" does not exist.*Fix: create it/));
    });
  });

  describe('postgres: a writer killed mid-transaction', () => {
    test('leaves each document whole or absent', async () => {
      const schema = freshSchema();
      const seed = await openPostgresStore(PG_URL, { schema });
      await seed.upsertDocument(doc('file:///big.txt', 'Seed version. Small.'));
      await seed.close();
      const script = fileURLToPath(new URL('./fixtures/killed-writer.ts', import.meta.url));
      const child = spawn(process.execPath, ['--import', 'tsx', script, PG_URL, schema], { stdio: ['ignore', 'pipe', 'inherit'] });
      // The child prints "writing" just before each upsert of a large document; kill it during one.
      await new Promise<void>((resolve, reject) => {
        let seen = 0;
        child.stdout.on('data', (chunk: Buffer) => {
          seen += (chunk.toString().match(/writing/g) ?? []).length;
          if (seen >= 3) {
            setTimeout(() => {
              child.kill('SIGKILL');
              resolve();
            }, 40);
          }
        });
        child.on('error', reject);
        child.on('exit', (code) => (code === 0 ? undefined : seen < 3 ? reject(new Error(`writer exited early with code ${code}`)) : undefined));
      });
      await new Promise((r) => child.once('close', r));
      const store = await openPostgresStore(PG_URL, { schema });
      try {
        const report = await store.checkIntegrity();
        assert.deepEqual(report.problems, []);
        const sources = await store.listSources();
        assert.equal(sources.length, 1, 'one source for the one uri');
        const stats = await store.stats();
        assert.equal(stats.passages, (await store.getPassages(sources[0]?.id ?? '')).length);
      } finally {
        await store.close();
      }
    });
  });
}
