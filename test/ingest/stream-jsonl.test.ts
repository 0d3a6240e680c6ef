// Streaming JSONL ingest: the same documents as reading the file whole, lines cut across the
// stream's chunks, bad lines (JSON, UTF-8, NUL, over the per-record limit) failing on their own,
// and a file larger than the size limit ingested because the limit is per record.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadFile, type LoadResult } from '../../src/ingest/load/load-document.js';
import { streamJsonlFile } from '../../src/ingest/load/stream-jsonl.js';
import { ingestPaths } from '../../src/ingest/index.js';
import { openStore } from '../../src/store/sqlite/open.js';

const dir = mkdtempSync(join(tmpdir(), 'verity-stream-jsonl-'));
after(() => rmSync(dir, { recursive: true, force: true }));

async function all(path: string, maxBytes?: number): Promise<LoadResult> {
  const out: LoadResult = { documents: [], failures: [] };
  for await (const part of streamJsonlFile(path, maxBytes === undefined ? {} : { maxBytes })) {
    out.documents.push(...part.documents);
    out.failures.push(...part.failures);
  }
  return out;
}

test('streamed documents equal the whole-file reading, across 1 MB chunk boundaries', async () => {
  const path = join(dir, 'many.jsonl');
  // ~2.6 MB: lines of varied length, so many straddle a chunk boundary; CRLF on some; no final newline.
  const lines = Array.from({ length: 3000 }, (_, i) => JSON.stringify({ title: `Record ${i}`, text: `Record ${i} says ${'word '.repeat(100 + (i % 170))}é.`, kind: 'news' }) + (i % 3 === 0 ? '\r' : ''));
  writeFileSync(join(dir, 'many.jsonl.meta.json'), JSON.stringify({ publisher: 'Shared Publisher' }));
  writeFileSync(path, lines.join('\n'));
  const whole = await loadFile(path);
  const streamed = await all(path);
  assert.equal(streamed.documents.length, 3000);
  assert.deepEqual(streamed, whole);
  assert.equal(streamed.documents[2999]?.meta.publisher, 'Shared Publisher');
});

test('bad lines fail on their own, with their line numbers; the others load', async () => {
  const path = join(dir, 'bad.jsonl');
  const good = (n: number): string => JSON.stringify({ text: `Good line ${n}.` });
  writeFileSync(
    path,
    Buffer.concat([
      Buffer.from(`${good(1)}\n{not json\n`),
      Buffer.from('{"text": "bad \xff byte"}\n', 'latin1'),
      Buffer.from(`{"text": "nul \u0000 here"}\n`.replace('\\u0000', '\u0000')),
      Buffer.from(`${JSON.stringify({ text: 'x'.repeat(500) })}\n\n${good(7)}\n`),
    ]),
  );
  const r = await all(path, 300);
  assert.deepEqual(r.documents.map((d) => [d.origin.replace(dir, ''), d.text]), [['/bad.jsonl:1', 'Good line 1.'], ['/bad.jsonl:7', 'Good line 7.']]);
  assert.deepEqual(r.failures.map((f) => [f.origin.replace(dir, ''), f.error.message.replace(/".*?bad\.jsonl/, '"bad.jsonl').replace(/invalid JSON \(.*\)\. Fix/, 'invalid JSON (…). Fix')]), [
    ['/bad.jsonl:2', 'verity: [ingest] cannot read "bad.jsonl:2": invalid JSON (…). Fix: write one JSON object per line'],
    ['/bad.jsonl:3', 'verity: [ingest] cannot read "bad.jsonl:3": it is not valid UTF-8. Fix: convert the file to UTF-8, e.g. iconv -f latin1 -t utf-8'],
    ['/bad.jsonl:4', 'verity: [ingest] cannot read "bad.jsonl:4": it holds a NUL byte (binary data). Fix: write text, one JSON object per line'],
    ['/bad.jsonl:5', 'verity: [ingest] cannot read "bad.jsonl:5": the line is over the 300 bytes limit. Fix: raise the limit with --max-bytes (or maxBytes), or split the record'],
  ]);
});

test('ingestPaths streams JSONL: a file over the size limit goes in when each record is within it', async () => {
  const path = join(dir, 'big.jsonl');
  writeFileSync(path, Array.from({ length: 50 }, (_, i) => JSON.stringify({ title: `Doc ${i}`, text: `Document ${i} holds ${'text '.repeat(60)}.` })).join('\n'));
  const store = await openStore(':memory:');
  try {
    const summary = await ingestPaths(store, [path], { maxBytes: 1000 });
    assert.deepEqual([summary.added, summary.failures.length], [50, 0]);
    const tooSmall = await ingestPaths(store, [path], { maxBytes: 100 });
    assert.equal(tooSmall.failures.length, 50);
    assert.match(tooSmall.failures[0]?.message ?? '', /big\.jsonl:1": the line is over the 100 bytes limit/);
  } finally {
    await store.close();
  }
});
