import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/run-cli.js';

const FIX = join(process.cwd(), 'test/fixtures/ingest/corpus');
const dir = mkdtempSync(join(tmpdir(), 'verity-cli-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

const run = (argv: string[], env: NodeJS.ProcessEnv = {}, cwd = dir) => runCli(argv, { env, cwd });

test('ingest a folder, list the sources, search them — text and JSON', async () => {
  const db = join(dir, 'a.db');
  const ing = await run(['ingest', FIX, '--db', db]);
  assert.equal(ing.code, 0, ing.stderr);
  assert.match(ing.stdout, /^added +Statute on Material Offences \(\d+ passages?, .*statute\.md\)$/m);
  assert.match(ing.stdout, /5 files read: 6 added, 0 replaced, 0 unchanged, 0 failed, 1 skipped; \d+ passages written\./);
  assert.match(ing.stderr, /skipped ".*table\.csv": no loader for this file type/);
  assert.match(ing.stderr, /^ingest: 5\/5/m, 'plain progress lines when not on a terminal');

  const again = await run(['ingest', FIX, '--db', db, '--json']);
  assert.equal(again.code, 0);
  const summary = JSON.parse(again.stdout) as { added: number; unchanged: number; corpus: { sources: number } };
  assert.deepEqual([summary.added, summary.unchanged, summary.corpus.sources], [0, 6, 6]);

  const src = await run(['sources', '--db', db]);
  assert.equal(src.code, 0);
  assert.match(src.stdout, /^[0-9a-f]{12} +legislation +2021-07-15 +Statute on Material Offences — Ministry of Justice of Examplestan$/m);
  assert.match(src.stdout, /6 sources, \d+ passages in .*a\.db; snapshot [0-9a-f]{16}\./);
  const srcJson = JSON.parse((await run(['sources', '--db', db, '--json'])).stdout) as { sources: { title: string }[]; snapshot: string; stats: { sources: number } };
  assert.equal(srcJson.sources.length, 6);
  assert.match(srcJson.snapshot, /^[0-9a-f]{64}$/);

  const s = await run(['search', 'penalty for possession', '--db', db, '--limit', '2']);
  assert.equal(s.code, 0, s.stderr);
  // No kind in the file: the publisher "Daily Planet" names a newspaper (ingest/infer-kind.ts).
  assert.match(s.stdout, /^1\. Parliament tightens possession law \(Daily Planet, 2022-03-09, news\) {2}score \d/m);
  assert.match(s.stdout, /passage [0-9a-f]{16}:\d+, characters \d+–\d+/);
  assert.ok(!/^3\./m.test(s.stdout), 'limit respected');

  const j = await run(['search', 'penalty for possession', '--db', db, '--json']);
  const body = JSON.parse(j.stdout) as { results: { score: number; passageId: string; sourceId: string; text: string; start: number; end: number; source: { title: string; kind: string } }[] };
  const top = body.results[0];
  assert.ok(top);
  assert.deepEqual(Object.keys(top).sort(), ['end', 'passageId', 'score', 'source', 'sourceId', 'start', 'text']);
  assert.equal(top.source.title, 'Parliament tightens possession law');
  assert.match(top.text, /possession/);
  assert.ok(top.end - top.start === top.text.length);
});

test('search highlights matching words on a colour terminal', async () => {
  const db = join(dir, 'h.db');
  await run(['ingest', join(FIX, 'overview.txt'), '--db', db]);
  const { code, stdout } = await runCli(['search', 'countries', '--db', db], { cwd: dir, colourTerminal: true });
  assert.equal(code, 0);
  assert.match(stdout, /between \u001b\[33mcountries\u001b\[0m\./);
});

test('any search text works: operators, SQL, emoji, nothing searchable', async () => {
  const db = join(dir, 'q.db');
  await run(['ingest', FIX, '--db', db]);
  for (const q of ['"unbalanced AND (NEAR', "'; DROP TABLE sources; --", '🎉', 'x'.repeat(10_000)]) {
    const r = await run(['search', q, '--db', db, '--json']);
    assert.equal(r.code, 0, `${q.slice(0, 20)}: ${r.stdout}`);
    assert.ok(Array.isArray((JSON.parse(r.stdout) as { results: unknown[] }).results));
  }
  const none = await run(['search', '?!...', '--db', db]);
  assert.equal(none.code, 0);
  assert.match(none.stdout, /No results for "\?!\.\.\.": the query has no words to search for\./);
  const miss = await run(['search', 'zebra', '--db', db]);
  assert.match(miss.stdout, /No results for "zebra": no passage contains any of its words\./);
});

test('the database comes from --db, else VERITY_DB, else .verity/verity.db in the working folder', async () => {
  const work = mkdtempSync(join(dir, 'work-'));
  writeFileSync(join(work, 'note.txt'), 'A note about fines.');
  assert.equal((await run(['ingest', 'note.txt'], {}, work)).code, 0);
  assert.match((await run(['sources'], {}, work)).stdout, /1 sources, 1 passages in .*work-.*\/\.verity\/verity\.db/);
  assert.equal((await run(['ingest', 'note.txt'], { VERITY_DB: 'env.db' }, work)).code, 0);
  assert.match((await run(['sources', '--json'], { VERITY_DB: 'env.db' }, work)).stdout, /"db": ".*work-.*\/env\.db"/);
});

test('failures: exit 1 and a message naming the file; usage errors exit 2', async () => {
  const db = join(dir, 'f.db');
  writeFileSync(join(dir, 'bin.txt'), Buffer.from([1, 2, 0, 3]));
  const r = await run(['ingest', join(dir, 'bin.txt'), join(FIX, 'overview.txt'), '--db', db]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /verity: \[ingest\] cannot read ".*bin\.txt": it looks binary \(a NUL byte at offset 2\)/);
  assert.match(r.stdout, /1 added/);
  const big = await run(['ingest', join(FIX, 'overview.txt'), '--db', db, '--max-bytes', '100']);
  assert.equal(big.code, 1);
  assert.match(big.stderr, /over the 100 bytes limit\. Fix: raise the limit with --max-bytes/);
  assert.equal((await run(['ingest', '--db', db])).code, 2);
  const kind = await run(['ingest', FIX, '--kind', 'podcast', '--db', db]);
  assert.equal(kind.code, 2);
  assert.match(kind.stderr, /\[ingest\] --kind: unknown source kind "podcast"\. Fix: use one of: legislation/);
  assert.match((await run(['ingest', FIX, '--max-bytes', 'lots', '--db', db])).stderr, /--max-bytes "lots" is not a size/);
  assert.equal((await run(['search', '', '--db', db])).code, 2);
  const lim = await run(['search', 'x', '--limit', '0', '--db', db]);
  assert.equal(lim.code, 2);
  assert.match(lim.stderr, /--limit "0" is not a whole number from 1 to 10000/);
  const missing = await run(['search', 'x', '--db', join(dir, 'none.db')]);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /\[store\] no corpus database at ".*none\.db"\. Fix: run "verity ingest <files>" first/);
  writeFileSync(join(dir, 'fake.db'), 'not a database, just text');
  const fake = await run(['sources', '--db', join(dir, 'fake.db'), '--json']);
  assert.equal(fake.code, 1);
  assert.equal((JSON.parse(fake.stdout) as { error: { code: string } }).error.code, 'DB_INVALID');
});

test('every store command has a --help that teaches usage, options and examples', async () => {
  for (const cmd of ['ingest', 'sources', 'search']) {
    const r = await run([cmd, '--help']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, new RegExp(`^Usage: verity ${cmd}`));
    assert.match(r.stdout, /\nOptions:\n/);
    assert.match(r.stdout, /\nExamples:\n/);
    assert.match(r.stdout, /--db FILE/);
  }
});
