import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store/sqlite/open.js';
import { ingestPaths, ingestText } from '../../src/ingest/index.js';
import type { ProgressEvent } from '../../src/model.js';

const FIX = 'test/fixtures/ingest/corpus';
const now = (): Date => new Date('2026-03-04T05:06:07.000Z');

function copyCorpus(): string {
  const dir = mkdtempSync(join(tmpdir(), 'verity-ingest-'));
  cpSync(FIX, join(dir, 'corpus'), { recursive: true });
  return dir;
}

test('a folder is walked recursively: supported files in, others skipped with a notice, hidden ignored', async () => {
  const dir = copyCorpus();
  const store = await openStore(':memory:');
  try {
    const notices: string[] = [];
    const progress: ProgressEvent[] = [];
    const s = await ingestPaths(store, [join(dir, 'corpus')], { now, onNotice: (m) => notices.push(m), onProgress: (e) => progress.push(e) });
    assert.equal(s.files, 5);
    assert.equal(s.added, 6, 'five files, one of them JSONL with two lines');
    assert.deepEqual(s.failures, []);
    assert.deepEqual(s.skipped, [join(dir, 'corpus', 'table.csv')]);
    assert.equal(notices.length, 1);
    assert.match(notices[0] ?? '', /skipped ".*table\.csv": no loader for this file type/);
    assert.deepEqual(
      (await store.listSources()).map((x) => [x.title, x.kind, x.retrievedAt]).sort(),
      [
        ['Commentary on intent', 'legal-commentary', now().toISOString()],
        // No kind stated: its publisher, the "Daily Planet", names a newspaper (ingest/infer-kind.ts).
        ['Parliament tightens possession law', 'news', now().toISOString()],
        ['Review of enforcement', 'academic', now().toISOString()],
        ['Statute on Material Offences', 'legislation', now().toISOString()],
        ['Treaty summary', 'intergovernmental', now().toISOString()],
        ['overview', 'unknown', now().toISOString()],
      ],
    );
    assert.ok(!(await store.listSources()).some((x) => x.title === 'secret'));
    assert.deepEqual(progress.at(-1), { stage: 'ingest', done: 5, total: 5, detail: join(dir, 'corpus', 'records.jsonl') });
    const stats = await store.stats();
    assert.equal(s.passages, stats.passages);
    assert.equal((await store.search('possession penalty eight years'))[0]?.source.title, 'Parliament tightens possession law');
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('re-ingesting changes nothing; a changed file replaces its passages; --kind fills unstated kinds', async () => {
  const dir = copyCorpus();
  const store = await openStore(':memory:');
  try {
    const first = await ingestPaths(store, [join(dir, 'corpus')], { now, kind: 'reference' });
    const snap = await store.snapshotId();
    const again = await ingestPaths(store, [join(dir, 'corpus')], { now });
    assert.deepEqual([again.added, again.replaced, again.unchanged, again.passages], [0, 0, 6, 0]);
    assert.equal(await store.snapshotId(), snap);
    assert.equal((await store.listSources()).find((x) => x.title === 'overview')?.kind, 'reference');
    writeFileSync(join(dir, 'corpus', 'overview.txt'), 'Completely new text about fines. Nothing else.');
    const changed = await ingestPaths(store, [join(dir, 'corpus', 'overview.txt')], { now });
    assert.equal(changed.replaced, 1);
    assert.deepEqual(await store.search('widely differ'), []);
    assert.equal((await store.search('fines'))[0]?.source.title, 'overview');
    assert.equal((await store.stats()).sources, first.added);
    assert.notEqual(await store.snapshotId(), snap);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a failure in one file is reported and the rest go on; a missing path is a failure', async () => {
  const dir = copyCorpus();
  const store = await openStore(':memory:');
  try {
    writeFileSync(join(dir, 'corpus', 'broken.txt'), Buffer.from([0x41, 0x00, 0x42]));
    writeFileSync(join(dir, 'corpus', 'lines.jsonl'), '{"text":"Fine line."}\n{bad\n');
    const s = await ingestPaths(store, [join(dir, 'corpus'), join(dir, 'missing.md')], { now });
    assert.equal(s.added, 7);
    assert.deepEqual(
      s.failures.map((f) => [f.origin.replace(dir, ''), f.code]),
      [
        ['/missing.md', 'NOT_FOUND'],
        ['/corpus/broken.txt', 'BAD_INPUT'],
        ['/corpus/lines.jsonl:2', 'BAD_INPUT'],
      ],
    );
    assert.match(s.failures[0]?.message ?? '', /\[ingest\] cannot read ".*missing\.md": no such file or folder\. Fix: check the path/);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('globs expand relative to their fixed prefix, with ** across folders', async () => {
  const dir = copyCorpus();
  const store = await openStore(':memory:');
  try {
    const md = await ingestPaths(store, [join(dir, 'corpus', '**', '*.md')], { now });
    assert.deepEqual(md.documents.map((d) => d.title), ['Statute on Material Offences']);
    const txt = await ingestPaths(store, [join(dir, 'corpus', '*.t?t')], { now });
    assert.deepEqual(txt.documents.map((d) => d.title).sort(), ['Commentary on intent', 'overview']);
    const none = await ingestPaths(store, [join(dir, 'corpus', '*.docx')], { now });
    assert.match(none.failures[0]?.message ?? '', /the pattern ".*\*\.docx" matched no files/);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('ingestText chunks and stores one document, defaulting kind to unknown when nothing tells', async () => {
  const store = await openStore(':memory:');
  try {
    const r = await ingestText(store, { text: 'One sentence. Two sentences.', meta: { uri: 'mem://1', title: 'Mem' }, retrievedAt: now().toISOString() });
    assert.equal(r.status, 'added');
    const src = await store.getSource(r.sourceId);
    assert.equal(src?.kind, 'unknown');
    assert.equal(src?.retrievedAt, '2026-03-04T05:06:07.000Z');
    await assert.rejects(ingestText(store, { text: '  ', meta: { uri: 'mem://2', title: 'Blank' } }), /\[ingest\] cannot ingest "mem:\/\/2": it has no text/);
  } finally {
    await store.close();
  }
});
