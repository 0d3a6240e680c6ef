import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openStore } from '../../src/store/sqlite/open.js';
import { APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION } from '../../src/store/sqlite/schema.js';
import type { SqliteSearch } from '../../src/store/sqlite/sqlite-search.js';
import { isVerityError, type VerityError } from '../../src/errors.js';
import { doc } from '../conformance/store-conformance.js';

// SQLite-specific behaviour (files, WAL, schema versions and migrations, rowid layout, integrity
// checks). The Store contract itself is tested on every engine in test/conformance/.
const dir = mkdtempSync(join(tmpdir(), 'verity-store-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const fresh = (): string => join(dir, `db-${n++}`, 'verity.db');

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
  // Passage 1 starts one character later than it does.
  const { passage_offsets: offsets } = raw.prepare('SELECT passage_offsets FROM sources').get() as { passage_offsets: string };
  const shifted = offsets.split(',').map((x, k) => (k === 2 ? Number(x) + 1 : Number(x)));
  raw.prepare('UPDATE sources SET passage_offsets = ?').run(shifted.join(','));
  raw.close();
  const again = await openStore(path);
  const report = await again.checkIntegrity();
  assert.equal(report.ok, false);
  assert.match(report.problems.join('\n'), /passage 1 of [0-9a-f]{64} does not slice back onto its source text/);
  await again.close();
});

test('checkIntegrity reports a passage row no source owns (a half-written document)', async () => {
  const path = fresh();
  const s = await openStore(path);
  await s.upsertDocument(doc('h', 'Whole one. Whole two.'));
  await s.close();
  const raw = new Database(path);
  raw.exec("INSERT INTO passages (rowid, text, source_rowid) VALUES (99, 'Stray passage.', 42)");
  raw.close();
  const again = await openStore(path);
  const report = await again.checkIntegrity();
  assert.deepEqual(report.problems, ['3 passage rows but sources account for 2']);
  await again.close();
});

test('a version-1 database is migrated to the current schema, keeping its sources, passages and search', async () => {
  const path = fresh();
  const { mkdirSync: mk } = await import('node:fs');
  const { dirname } = await import('node:path');
  mk(dirname(path), { recursive: true });
  const raw = new Database(path);
  raw.exec(MIGRATIONS[0] ?? '');
  raw.pragma(`application_id = ${APPLICATION_ID}`);
  raw.pragma('user_version = 1');
  const { createHash } = await import('node:crypto');
  const texts = ['Old first document. It talks about fines.', 'Another old one. Possession is covered here.'];
  texts.forEach((text, i) => {
    const id = createHash('sha256').update(text).digest('hex');
    const src = raw
      .prepare("INSERT INTO sources (id, uri, title, retrieved_at, kind, text_length, text) VALUES (?, ?, ?, '2025-01-01T00:00:00.000Z', 'news', ?, ?)")
      .run(id, `old-${i}`, `Old ${i}`, text.length, text).lastInsertRowid;
    const cut = text.indexOf('.') + 1;
    for (const [ordinal, [a, b]] of [[0, cut], [cut + 1, text.length]].entries()) {
      const prow = raw.prepare('INSERT INTO passages (source_rowid, ordinal, start, "end", text) VALUES (?, ?, ?, ?, ?)').run(src, ordinal, a, b, text.slice(a, b)).lastInsertRowid;
      raw.prepare('INSERT INTO passages_fts (rowid, text) VALUES (?, ?)').run(prow, text.slice(a, b));
    }
  });
  raw.close();
  const s = await openStore(path);
  assert.deepEqual(await s.stats(), { sources: 2, passages: 4 });
  assert.deepEqual((await s.checkIntegrity()).problems, []);
  const hit = (await s.search('possession'))[0];
  assert.equal(hit?.passage.text, 'Possession is covered here.');
  assert.equal(hit?.source.title, 'Old 1');
  assert.equal(await s.getSourceText(hit?.source.id ?? ''), texts[1]);
  const r = await s.upsertDocument(doc('new', 'A new document after the migration.'));
  assert.equal(r.status, 'added');
  assert.deepEqual((await s.checkIntegrity()).problems, []);
  await s.close();
  const check = new Database(path, { readonly: true });
  assert.equal(check.pragma('user_version', { simple: true }), SCHEMA_VERSION);
  check.close();
});

test('a version-2 database is migrated: offsets and gaps move to the source row, texts, passages and search unchanged', async () => {
  const path = fresh();
  mkdirSync(join(path, '..'), { recursive: true });
  const raw = new Database(path);
  raw.exec(MIGRATIONS[0] ?? '');
  raw.exec(MIGRATIONS[1] ?? '');
  raw.pragma(`application_id = ${APPLICATION_ID}`);
  raw.pragma('user_version = 2');
  const { createHash } = await import('node:crypto');
  // A text kept as passages and gaps, and one kept whole (its passages overlap).
  const gapped = '  Fines rose sharply.\n\nPossession is covered here. Tail words';
  const whole = 'Overlapping passages about penalties.';
  const spansOf = (text: string, parts: string[]): [number, number][] => parts.map((x) => [text.indexOf(x), text.indexOf(x) + x.length]);
  let next = 1;
  for (const [i, text, mode, spans] of [
    [0, gapped, 'passages', spansOf(gapped, ['Fines rose sharply.', 'Possession is covered here.'])],
    [1, whole, 'full', [[0, 20], [12, 37]]],
  ] as const) {
    const id = createHash('sha256').update(text).digest('hex');
    const last = spans[spans.length - 1]?.[1] ?? 0;
    const src = raw
      .prepare("INSERT INTO sources (id, uri, title, retrieved_at, kind, text_length, text, text_mode, tail, passage_first, passage_count) VALUES (?, ?, ?, '2025-01-01T00:00:00.000Z', 'news', ?, ?, ?, ?, ?, ?)")
      .run(id, `v2-${i}`, `V2 ${i}`, text.length, mode === 'full' ? text : '', mode, mode === 'full' ? null : text.slice(last), next, spans.length).lastInsertRowid;
    let prevEnd = 0;
    for (const [ordinal, [a, b]] of spans.entries()) {
      raw.prepare('INSERT INTO passages (rowid, text, source_rowid, ordinal, pstart, pend, gap) VALUES (?, ?, ?, ?, ?, ?, ?)').run(next++, text.slice(a, b), src, ordinal, a, b, mode === 'full' ? null : text.slice(prevEnd, a));
      prevEnd = b;
    }
  }
  raw.close();
  const s = await openStore(path);
  assert.deepEqual(await s.stats(), { sources: 2, passages: 4 });
  assert.deepEqual((await s.checkIntegrity()).problems, []);
  const hit = (await s.search('possession'))[0];
  assert.equal(hit?.passage.text, 'Possession is covered here.');
  assert.equal(gapped.slice(hit?.passage.start, hit?.passage.end), hit?.passage.text);
  assert.equal(hit?.passage.ordinal, 1);
  assert.equal(await s.getSourceText(hit?.source.id ?? ''), gapped);
  const wholeId = createHash('sha256').update(whole).digest('hex');
  assert.equal(await s.getSourceText(wholeId), whole);
  assert.deepEqual(
    (await s.getPassages(wholeId)).map((p) => [p.ordinal, p.start, p.end, p.text]),
    [
      [0, 0, 20, whole.slice(0, 20)],
      [1, 12, 37, whole.slice(12, 37)],
    ],
  );
  assert.equal((await s.getPassage(`${wholeId.slice(0, 16)}:1`))?.start, 12);
  const r = await s.upsertDocument(doc('new', 'A new document after the migration.'));
  assert.equal(r.status, 'added');
  assert.deepEqual((await s.checkIntegrity()).problems, []);
  await s.close();
  const check = new Database(path, { readonly: true });
  assert.equal(check.pragma('user_version', { simple: true }), SCHEMA_VERSION);
  assert.deepEqual(
    (check.prepare('SELECT name FROM pragma_table_info(?) ORDER BY cid').all('passages') as { name: string }[]).map((c) => c.name),
    ['text', 'source_rowid'],
  );
  check.close();
});

test('a source replaced at the end of the table within a batch: the next passages still get consecutive rowids', async () => {
  const s = await openStore(':memory:');
  await s.upsertDocument(doc('keep', 'Kept text one. Kept text two.'));
  // "last" is replaced twice in one batch, each time freeing the highest rowids, then a new source follows.
  const results = await s.upsertDocuments([doc('last', 'Old alpha. Old beta. Old gamma.'), doc('last', 'New delta. New epsilon.'), doc('after', 'After zeta. After eta. After theta.')]);
  assert.deepEqual(
    results.map((r) => (isVerityError(r) ? r.code : r.status)),
    ['added', 'replaced', 'added'],
  );
  await s.upsertDocuments([doc('after', 'After iota.'), doc('tail', 'Tail kappa. Tail lambda.')]);
  assert.deepEqual((await s.checkIntegrity()).problems, []);
  assert.deepEqual(await s.stats(), { sources: 4, passages: 2 + 2 + 1 + 2 });
  const expected: [string, string][] = [
    ['epsilon', 'New epsilon.'],
    ['iota', 'After iota.'],
    ['lambda', 'Tail lambda.'],
  ];
  for (const [word, text] of expected) {
    const hit = (await s.search(word))[0];
    assert.equal(hit?.passage.text, text);
    assert.equal((await s.getPassage(hit?.passage.id ?? ''))?.text, text);
  }
  assert.deepEqual(await s.search('gamma'), []);
  assert.deepEqual(await s.search('theta'), []);
  await s.close();
});

test("the candidate stage reads each term's exact passage count, however the term is spread over the rowids", async () => {
  // 2,600 passages; "quay" only in the first 2,100 (one block of rowids, past the 2,000 at which
  // a term is common), "harbour" in every passage, "basalt" in five. A count in sampled rowid
  // windows would put "quay" at about 2,560; the plan's weights need the real count.
  const path = fresh();
  const s = await openStore(path);
  const docs = Array.from({ length: 26 }, (_, d) =>
    doc(`file:///harbour-${d}.txt`, Array.from({ length: 100 }, (_, k) => `Harbour note ${k} in part ${d}${d * 100 + k < 2100 ? ' by the quay' : ''}${d === 25 && k < 5 ? ' on basalt' : ''}.`).join(' ')),
  );
  await s.upsertDocuments(docs);
  assert.equal((await s.stats()).passages, 2600);
  // The store's own search stage (a private field: the counts are not part of the Store contract).
  const search = (s as unknown as { searcher: SqliteSearch }).searcher;
  assert.deepEqual([...search.passageCounts(['quay', 'harbour', 'basalt', 'granite'])], [['quay', 2100], ['harbour', 2600], ['basalt', 5], ['granite', 0]]);
  await s.close();
});
