import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store/sqlite/open.js';
import { chunkPassages } from '../../src/ingest/index.js';
import { crashDoc } from '../fixtures/ingest/crash-child.js';

const CHILD = 'test/fixtures/ingest/crash-child.ts';
const COUNT = 400;

/** Runs the child; when killAfter is set, SIGKILLs it once that many documents are committed. */
function runChild(db: string, killAfter: number | null, mode: string): Promise<{ lines: string[]; signal: NodeJS.Signals | null; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, db, String(COUNT), mode], { stdio: ['ignore', 'pipe', 'inherit'] });
    const lines: string[] = [];
    let buf = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buf += chunk.toString();
      const parts = buf.split('\n');
      buf = parts.pop() ?? '';
      lines.push(...parts);
      if (killAfter !== null && lines.length >= killAfter && !child.killed) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ lines, signal, code }));
  });
}

for (const mode of ['single', 'batch']) {
  test(`kill -9 in the middle of an ingest (${mode}) leaves no half-written document; a re-run completes cleanly`, { timeout: 180_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'verity-crash-'));
    try {
      const db = join(dir, 'crash.db');
      const first = await runChild(db, 15, mode);
      assert.equal(first.signal, 'SIGKILL', 'the child was killed, not finished');
      assert.ok(first.lines.length < COUNT);

      const store = await openStore(db);
      const integrity = await store.checkIntegrity();
      assert.deepEqual(integrity.problems, []);
      const sources = await store.listSources();
      assert.ok(sources.length >= 15, `at least the ${first.lines.length} reported documents are there (found ${sources.length})`);
      if (mode === 'batch') assert.equal(sources.length % 8, 0, 'batches of 8 are committed whole or not at all');
      let passages = 0;
      for (const s of sources) {
        const i = Number(s.uri.replace('doc-', ''));
        const expected = chunkPassages(crashDoc(i)).length;
        const got = await store.getPassages(s.id);
        assert.equal(got.length, expected, `${s.uri} has all its passages`);
        assert.equal(await store.getSourceText(s.id), crashDoc(i));
        passages += got.length;
      }
      assert.deepEqual(await store.stats(), { sources: sources.length, passages });
      const hits = await store.search('possession', { limit: 10_000 });
      assert.ok(hits.every((h) => sources.some((s) => s.id === h.source.id)), 'the index holds no rows of a document that is not there');
      await store.close();

      const second = await runChild(db, null, mode);
      assert.equal(second.code, 0);
      assert.equal(second.lines.length, COUNT);
      const unchanged = second.lines.filter((l) => l.endsWith(' unchanged')).length;
      assert.equal(unchanged, sources.length, 'documents committed before the kill are unchanged on the re-run');
      const after = await openStore(db);
      assert.equal((await after.stats()).sources, COUNT);
      assert.deepEqual((await after.checkIntegrity()).problems, []);
      await after.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
