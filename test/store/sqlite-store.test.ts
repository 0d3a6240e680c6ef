import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openStore } from '../../src/store/open.js';
import { SCHEMA_VERSION } from '../../src/store/schema.js';
import { isVerityError, type VerityError } from '../../src/errors.js';
import { doc, runStoreConformance } from './store-conformance.js';

runStoreConformance('sqlite (:memory:)', () => openStore(':memory:'));

const dir = mkdtempSync(join(tmpdir(), 'verity-store-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const fresh = (): string => join(dir, `db-${n++}`, 'verity.db');
runStoreConformance('sqlite (file, WAL)', () => openStore(fresh()));

function expectError(code: string, pattern: RegExp) {
  return (e: unknown): boolean => {
    assert.ok(isVerityError(e), `expected a VerityError, got ${String(e)}`);
    assert.equal((e as VerityError).code, code);
    assert.match((e as VerityError).message, pattern);
    return true;
  };
}

test('a file database persists across opens, uses WAL and records the schema version', async () => {
  const path = fresh();
  const s = await openStore(path);
  const r = await s.upsertDocument(doc('file:///p.txt', 'Persisted text. Second sentence.'));
  await s.close();
  const raw = new Database(path, { readonly: true });
  assert.equal(raw.pragma('user_version', { simple: true }), SCHEMA_VERSION);
  assert.equal(raw.pragma('journal_mode', { simple: true }), 'wal');
  raw.close();
  const again = await openStore(path, { readonly: true });
  assert.equal((await again.getPassages(r.sourceId)).length, 2);
  assert.equal((await again.search('persisted'))[0]?.source.id, r.sourceId);
  assert.deepEqual((await again.checkIntegrity()).problems, []);
  await again.close();
});

test('a file that is not SQLite is refused, naming the file and how it starts', async () => {
  const path = join(dir, 'notes.db');
  writeFileSync(path, 'hello, these are my notes and not a database at all');
  await assert.rejects(openStore(path), expectError('DB_INVALID', /\[store\] ".*notes\.db" is not an SQLite database \(starts with "hello, t"\)\. Fix: point --db at a Verity database/));
});

test('an SQLite database of another application is refused, not written into', async () => {
  const path = join(dir, 'other.db');
  const raw = new Database(path);
  raw.exec('CREATE TABLE people (name TEXT)');
  raw.close();
  await assert.rejects(openStore(path), expectError('DB_INVALID', /is an SQLite database but not a Verity corpus \(application_id 0, 1 tables\)/));
});

test('a database made by a newer Verity is refused with the versions and the fix', async () => {
  const path = fresh();
  await (await openStore(path)).close();
  const raw = new Database(path);
  raw.pragma(`user_version = ${SCHEMA_VERSION + 5}`);
  raw.close();
  await assert.rejects(
    openStore(path),
    expectError('DB_VERSION', new RegExp(`has schema version ${SCHEMA_VERSION + 5}, made by a newer Verity; this build \\(.*\\) reads up to version ${SCHEMA_VERSION}\\. Fix: upgrade Verity`)),
  );
});

test('an older (version 0, empty) database is migrated on open', async () => {
  const path = join(dir, 'empty.db');
  new Database(path).close();
  const s = await openStore(path);
  assert.deepEqual(await s.stats(), { sources: 0, passages: 0 });
  await s.close();
});

test('a folder given as the database is refused', async () => {
  const folder = join(dir, 'a-folder');
  mkdirSync(folder);
  await assert.rejects(openStore(folder), expectError('DB_INVALID', /the database path ".*a-folder" is a folder\. Fix: pass a file name/));
});

test('opening read-only a database that does not exist says to ingest first', async () => {
  await assert.rejects(openStore(join(dir, 'missing', 'x.db'), { readonly: true }), expectError('NOT_FOUND', /no corpus database at ".*x\.db"\. Fix: run "verity ingest <files>" first/));
});

test('a read-only location is refused with DB_READONLY', async () => {
  // Root ignores file modes, so as root use a location the kernel refuses to anyone (/sys).
  let location: string;
  if (process.getuid?.() === 0) location = '/sys/verity-test/verity.db';
  else {
    const ro = join(dir, 'ro');
    mkdirSync(ro);
    chmodSync(ro, 0o500);
    location = join(ro, 'sub', 'verity.db');
  }
  await assert.rejects(openStore(location), expectError('DB_READONLY', /is read-only or its folder cannot be written .*Fix: choose a writable location with --db FILE or VERITY_DB/));
});

test('writing through a store opened read-only fails with DB_READONLY', async () => {
  const path = fresh();
  await (await openStore(path)).close();
  const s = await openStore(path, { readonly: true });
  await assert.rejects(s.upsertDocument(doc('w', 'Write me.')), expectError('DB_READONLY', /cannot store "w": the database ".*" is read-only/));
  await s.close();
});

test('checkIntegrity reports passages whose offsets no longer slice the source text', async () => {
  const path = fresh();
  const s = await openStore(path);
  await s.upsertDocument(doc('i', 'Intact one. Intact two.'));
  assert.deepEqual(await s.checkIntegrity(), { ok: true, problems: [] });
  await s.close();
  const raw = new Database(path);
  raw.exec('UPDATE passages SET start = start + 1 WHERE ordinal = 1');
  raw.close();
  const again = await openStore(path);
  const report = await again.checkIntegrity();
  assert.equal(report.ok, false);
  assert.match(report.problems.join('\n'), /passage 1 of [0-9a-f]{64} does not slice back onto its source text/);
  await again.close();
});
