// SQLite schema version 5 (the corpus row): a version-4 file is upgraded on open (counts and the
// XOR digest of its source ids computed once), after which writes keep the row and the snapshot
// id is read from it; a hand-broken row is reported by checkIntegrity.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openStore } from '../../src/store/sqlite/open.js';
import { SCHEMA_VERSION } from '../../src/store/sqlite/schema.js';
import { doc, expectedSnapshotId } from '../conformance/store-conformance.js';

const dir = mkdtempSync(join(tmpdir(), 'verity-corpus-meta-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const texts = ['Rainfall fell by 12 percent. The dry season grew longer.', 'The dam holds 4 billion cubic metres. It opened in 1998.', 'Notes without figures.'];

/** A version-4 file: written by this build, then its version-5 objects dropped, as version 4 had it. */
async function versionFourFile(name: string): Promise<string> {
  const path = join(dir, name);
  const s = await openStore(path);
  for (const [i, t] of texts.entries()) await s.upsertDocument(doc(`file:///d${i}.txt`, t));
  await s.close();
  const raw = new Database(path);
  raw.exec('DROP TRIGGER sources_counted_in; DROP TRIGGER sources_counted_out; DROP TRIGGER sources_recounted; DROP TABLE corpus_meta;');
  raw.pragma('user_version = 4');
  raw.close();
  return path;
}

test('schema version 5 keeps the corpus row: a new file has it, empty', async () => {
  assert.ok(SCHEMA_VERSION >= 5);
  const path = join(dir, 'new.db');
  await (await openStore(path)).close();
  const raw = new Database(path, { readonly: true });
  assert.deepEqual(raw.prepare('SELECT sources, passages, digest FROM corpus_meta').all(), [{ sources: 0, passages: 0, digest: '0'.repeat(64) }]);
  raw.close();
});

test('a version-4 file is migrated: counts and snapshot id computed once, then kept by writes', async () => {
  const path = await versionFourFile('v4.db');
  const s = await openStore(path);
  try {
    assert.deepEqual(await s.stats(), { sources: 3, passages: 5 });
    assert.equal(await s.snapshotId(), expectedSnapshotId(texts));
    await s.upsertDocument(doc('file:///d2.txt', 'Notes changed. Now two.'));
    await s.upsertDocument(doc('file:///d3.txt', 'A fourth text.'));
    assert.deepEqual(await s.stats(), { sources: 4, passages: 7 });
    assert.equal(await s.snapshotId(), expectedSnapshotId([texts[0] ?? '', texts[1] ?? '', 'Notes changed. Now two.', 'A fourth text.']));
    assert.deepEqual((await s.checkIntegrity()).problems, []);
  } finally {
    await s.close();
  }
  const raw = new Database(path, { readonly: true });
  assert.equal(raw.pragma('user_version', { simple: true }), SCHEMA_VERSION);
  raw.close();
});

test('a corpus row that disagrees with the tables is reported by checkIntegrity', async () => {
  const path = join(dir, 'broken.db');
  const s = await openStore(path);
  await s.upsertDocument(doc('file:///a.txt', texts[0] ?? ''));
  await s.close();
  const raw = new Database(path);
  raw.exec('UPDATE corpus_meta SET sources = 7');
  raw.close();
  const again = await openStore(path);
  try {
    const report = await again.checkIntegrity();
    assert.equal(report.ok, false);
    assert.match(report.problems.join('\n'), /corpus_meta says 7 sources, 2 passages, digest [0-9a-f]{12}; the tables hold 1, 2/);
  } finally {
    await again.close();
  }
});
