// A full disk or a closed pipe on standard output: the usual one-line error (or a quiet stop for a
// closed pipe), never a Node stack trace. Real child processes writing to /dev/full and to a pipe.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store/sqlite/open.js';
import { ingestPaths } from '../../src/ingest/index.js';

const STACK = /^\s+at /m;

function run(args: string[], stdout: 'pipe' | number, closeAfterFirstChunk = false): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { stdio: ['ignore', stdout, 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    child.stderr?.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    if (closeAfterFirstChunk) child.stdout?.once('data', () => child.stdout?.destroy());
    child.once('exit', (code) => resolve({ code, stderr }));
  });
}

async function corpus(): Promise<{ dir: string; db: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'verity-out-'));
  const db = join(dir, 'corpus.db');
  const store = await openStore(db);
  try {
    await ingestPaths(store, ['test/fixtures/ingest/corpus']);
  } finally {
    await store.close();
  }
  return { dir, db };
}

test('stdout on a full disk (/dev/full): one line naming ENOSPC, exit 1, no stack trace', { skip: !existsSync('/dev/full') }, async () => {
  const { dir, db } = await corpus();
  const fd = openSync('/dev/full', 'w');
  try {
    for (const args of [['sources', '--db', db], ['sources', '--db', db, '--json'], ['--help']]) {
      const r = await run(args, fd);
      assert.equal(r.code, 1, args.join(' '));
      assert.equal(r.stderr, 'verity: [cli] cannot write the output: no space left on the device (ENOSPC). Fix: free space where the output goes, or send it elsewhere (--out FILE where the command has it)\n');
      assert.doesNotMatch(r.stderr, STACK);
    }
  } finally {
    closeSync(fd);
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the reader closes the pipe after the first bytes (`verity … | head -c1`): a quiet stop, no stack trace', async () => {
  const { dir, db } = await corpus();
  try {
    const r = await run(['search', 'possession', '--db', db, '--json', '--limit', '50'], 'pipe', true);
    assert.doesNotMatch(r.stderr, STACK);
    assert.ok(r.code === 0 || r.code === 1, `exit ${r.code}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
