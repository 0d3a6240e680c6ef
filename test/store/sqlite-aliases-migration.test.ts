// SQLite schema version 4 (addresses): a version-3 file made by the old schema code is upgraded
// on open (each source's uri key computed, an empty aliases table), and a newer file is refused.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openStore } from '../../src/store/sqlite/open.js';
import { APPLICATION_ID, CREATE_SCHEMA, MIGRATIONS, SCHEMA_VERSION } from '../../src/store/sqlite/schema.js';
import { isVerityError } from '../../src/errors.js';
import { doc } from '../conformance/store-conformance.js';

const dir = mkdtempSync(join(tmpdir(), 'verity-alias-migration-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const sha256 = (s: string): string => createHash('sha256').update(s, 'utf8').digest('hex');

/** A version-3 corpus: the three old migrations, then one web source and one file source written as version 3 wrote them. */
function versionThreeFile(): string {
  const path = join(dir, `v3-${n++}.db`);
  const raw = new Database(path);
  for (const sql of MIGRATIONS.slice(0, 3)) raw.exec(sql);
  raw.pragma(`application_id = ${APPLICATION_ID}`);
  raw.pragma('user_version = 3');
  let next = 1;
  for (const [uri, text] of [
    ['https://www.Example.org/Reports/Water/', 'Water access rose to 80 percent. The survey covered 520 towns.'],
    ['file:///corpus/notes.md', 'Local notes about budgets.'],
  ] as const) {
    const spans = [...text.matchAll(/[^.]+\./g)].map((m) => {
      const start = (m.index ?? 0) + (m[0].length - m[0].trimStart().length);
      return [start, (m.index ?? 0) + m[0].length] as const;
    });
    const src = raw
      .prepare("INSERT INTO sources (id, uri, title, retrieved_at, kind, text_length, text, text_mode, passage_first, passage_count, passage_offsets) VALUES (?, ?, ?, '2025-01-01T00:00:00.000Z', 'reference', ?, ?, 'full', ?, ?, ?)")
      .run(sha256(text), uri, `Title of ${uri}`, text.length, text, next, spans.length, spans.flat().join(',')).lastInsertRowid;
    for (const [a, b] of spans) raw.prepare('INSERT INTO passages (rowid, text, source_rowid) VALUES (?, ?, ?)').run(next++, text.slice(a, b), src);
  }
  raw.close();
  return path;
}

test('schema version 4 or later is what this build writes, and a new file has the address tables', async () => {
  assert.ok(SCHEMA_VERSION >= 4);
  assert.match(CREATE_SCHEMA, /uri_key/);
  const path = join(dir, `new-${n++}.db`);
  const s = await openStore(path);
  await s.close();
  const check = new Database(path, { readonly: true });
  assert.equal(check.pragma('user_version', { simple: true }), SCHEMA_VERSION);
  assert.deepEqual((check.prepare('SELECT name FROM pragma_table_info(?) ORDER BY cid').all('source_aliases') as { name: string }[]).map((c) => c.name), ['source_rowid', 'uri', 'uri_key']);
  check.close();
});

test('a version-3 file is upgraded on open: uri keys are filled, lookups by a variant of the uri work, aliases can be added', async () => {
  const path = versionThreeFile();
  const s = await openStore(path);
  try {
    assert.deepEqual(await s.stats(), { sources: 2, passages: 3 });
    assert.deepEqual((await s.checkIntegrity()).problems, []);
    const found = await s.findSourcesByUri(['http://example.org/reports/water?utm_campaign=x', 'file:///corpus/notes.md', 'https://example.org/other']);
    assert.equal(found.get('http://example.org/reports/water?utm_campaign=x')?.uri, 'https://www.Example.org/Reports/Water/');
    assert.equal(found.get('file:///corpus/notes.md')?.title, 'Title of file:///corpus/notes.md');
    assert.equal(found.size, 2);
    // Migrated sources have no aliases until a document brings some.
    assert.ok((await s.listSources()).every((x) => x.aliases === undefined));
    const r = await s.upsertDocument(doc('https://mirror.example.net/water', 'Water access rose to 80 percent. The survey covered 520 towns.'));
    assert.deepEqual(r, { sourceId: sha256('Water access rose to 80 percent. The survey covered 520 towns.'), status: 'unchanged', passages: 2, aliasesAdded: 1 });
    assert.equal((await s.findSourcesByUri(['mirror.example.net/water'])).get('mirror.example.net/water')?.id, r.sourceId);
    assert.equal((await s.search('survey towns'))[0]?.source.id, r.sourceId);
  } finally {
    await s.close();
  }
  const check = new Database(path, { readonly: true });
  assert.equal(check.pragma('user_version', { simple: true }), SCHEMA_VERSION);
  assert.deepEqual(
    (check.prepare('SELECT uri_key FROM sources ORDER BY rowid').all() as { uri_key: string }[]).map((r) => r.uri_key),
    ['example.org/reports/water', 'file:///corpus/notes.md'],
  );
  check.close();
});

test('a version-3 file opened read-only is refused with the fix; a file of a later version is refused as made by a newer Verity', async () => {
  const path = versionThreeFile();
  await assert.rejects(openStore(path, { readonly: true }), (e: unknown) => isVerityError(e) && e.code === 'DB_VERSION' && new RegExp(`has schema version 3 and needs migrating to ${SCHEMA_VERSION}`).test(e.message));
  const newer = join(dir, `v5-${n++}.db`);
  await (await openStore(newer)).close();
  const raw = new Database(newer);
  raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
  raw.close();
  await assert.rejects(openStore(newer), (e: unknown) => isVerityError(e) && e.code === 'DB_VERSION' && new RegExp(`has schema version ${SCHEMA_VERSION + 1}, made by a newer Verity; this build \\(.*\\) reads up to version ${SCHEMA_VERSION}`).test(e.message));
});
