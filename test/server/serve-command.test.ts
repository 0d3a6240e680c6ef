// `verity serve` as a user runs it: a child process on a free port that says where it listens
// and that it is loopback-only, answers, and stops cleanly on SIGTERM; usage errors exit 2.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { storeOfDocs } from '../check/helpers.js';
import { SMALL_CORPUS } from '../fixtures/check/small-corpus.js';
import { runCli } from '../helpers/run-cli.js';
import { spawnServe, type Served } from './serve-process.js';

let dir: string;
let db: string;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'verity-serve-'));
  db = join(dir, 'corpus.db');
  const store = await storeOfDocs(SMALL_CORPUS, db);
  await store.close();
});
after(() => rmSync(dir, { recursive: true, force: true }));

/** Spawns `verity serve --db <corpus> …` and resolves once it prints its address. */
function serve(args: string[]): Promise<Served> {
  return spawnServe(['--db', db, ...args]);
}

test('verity serve binds loopback by default, says so, serves the page and the API, and stops on SIGTERM', async () => {
  const s = await serve([]);
  assert.match(s.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  assert.match(s.stdout, /corpus .*corpus\.db: 5 sources, \d+ passages/);
  assert.match(s.stdout, /bound to 127\.0\.0\.1, so only this machine can connect; to serve others, pass --host 0\.0\.0\.0 --token-file FILE \(verity serve --new-token makes a token\)/);
  const health = (await (await fetch(`${s.url}/api/health`)).json()) as { store: { sources: number } };
  assert.equal(health.store.sources, 5);
  const page = await fetch(`${s.url}/`);
  assert.equal(page.status, 200);
  assert.match(await page.text(), /<label for="input">Question, claim or article<\/label>/);
  assert.equal(await s.stop(), 0);
  assert.match(s.stderr, /stopping/);
});

test('a public address with --no-auth is served, with a warning', async () => {
  const s = await serve(['--host', '0.0.0.0', '--no-auth']);
  assert.match(s.stdout, /warning: bound to 0\.0\.0\.0, reachable from other machines, with no authentication \(--no-auth\)/);
  assert.equal(await s.stop(), 0);
});

test('--json prints the address as JSON', async () => {
  const s = await serve(['--json']);
  const info = JSON.parse(s.stdout) as { url: string; loopback: boolean; sources: number };
  assert.equal(info.loopback, true);
  assert.equal(info.sources, 5);
  assert.equal(await s.stop(), 0);
});

test('usage errors exit 2 with the fix; a missing corpus exits 1', async () => {
  let r = await runCli(['serve', '--db', db, '--port', 'eighty']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /verity: \[serve\] --port "eighty" is not a whole number from 0 to 65535\. Fix: pass --port N/);
  r = await runCli(['serve', '--db', db, '--concurrency', '0']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--concurrency "0" is not a whole number from 1 to 64/);
  r = await runCli(['serve', '--db', db, 'extra']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /unexpected argument "extra"/);
  r = await runCli(['serve', '--db', join(dir, 'missing.db')]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /missing\.db/);
  r = await runCli(['serve', '--help']);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /Usage: verity serve/);
});
