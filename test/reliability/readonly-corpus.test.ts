// A corpus in a folder the user cannot write: `search`, `sources`, `check` and `serve` open it
// read-only and work. Tests run as root in CI and root ignores permissions, so as root each command
// runs as the unprivileged user "nobody" (setpriv); as another user the folder's mode alone holds it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openStore } from '../../src/store/sqlite/open.js';
import { ingestPaths } from '../../src/ingest/index.js';

const isRoot = process.getuid?.() === 0;
const setpriv = ['/usr/bin/setpriv', '/bin/setpriv'].find((p) => existsSync(p));
const skip = process.platform !== 'linux' ? 'needs Linux permissions' : isRoot && !setpriv ? 'running as root without setpriv' : false;

/** `node --import tsx …nodeArgs`, dropped from root to "nobody" when run as root. */
function unprivilegedNode(nodeArgs: string[]): [string, string[]] {
  const node = ['--import', 'tsx', ...nodeArgs];
  return isRoot && setpriv ? [setpriv, ['--reuid=nobody', '--regid=nogroup', '--clear-groups', process.execPath, ...node]] : [process.execPath, node];
}

function asUnprivileged(args: string[]): [string, string[]] {
  return unprivilegedNode([resolve('src/cli/main.ts'), ...args]);
}

async function readOnlyCorpus(): Promise<{ base: string; db: string }> {
  const base = mkdtempSync(join(tmpdir(), 'verity-ro-'));
  chmodSync(base, 0o755);
  const folder = join(base, 'corpus');
  mkdirSync(folder);
  const db = join(folder, 'verity.db');
  const store = await openStore(db);
  try {
    await ingestPaths(store, ['test/fixtures/ingest/corpus']);
  } finally {
    await store.close();
  }
  chmodSync(db, 0o444);
  chmodSync(folder, 0o555);
  assert.ok(!existsSync(`${db}-shm`) && (statSync(folder).mode & 0o222) === 0);
  return { base, db };
}

test('search, sources and check work on a corpus in a folder that cannot be written, and leave no file there', { skip }, async () => {
  const { base, db } = await readOnlyCorpus();
  try {
    for (const args of [['search', 'possession', '--db', db, '--json'], ['sources', '--db', db, '--json'], ['check', 'Possession of the material is an offence', '--db', db, '--format', 'json']]) {
      const [cmd, argv] = asUnprivileged(args);
      const r = spawnSync(cmd, argv, { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 120_000 });
      assert.doesNotMatch(r.stderr, /SQLITE_READONLY|read-only or its folder/, `${args[0]}: ${r.stderr}`);
      assert.ok(r.stdout.trim().startsWith('{') || r.stdout.trim().startsWith('['), `${args[0]} printed JSON: ${r.stdout.slice(0, 200)} ${r.stderr}`);
    }
    assert.ok(!existsSync(`${db}-shm`) && !existsSync(`${db}-wal`));
  } finally {
    chmodSync(join(base, 'corpus'), 0o755);
    rmSync(base, { recursive: true, force: true });
  }
});

test('serve answers health and runs a check on a corpus in a folder that cannot be written', { skip }, async () => {
  const { base, db } = await readOnlyCorpus();
  const [cmd, argv] = asUnprivileged(['serve', '--port', '0', '--db', db]);
  const child = spawn(cmd, argv, { env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    let out = '';
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += String(c)));
    const url = await new Promise<string>((ok, fail) => {
      const timer = setTimeout(() => fail(new Error(`serve did not start: ${out} ${err}`)), 60_000);
      child.stdout.on('data', (c: Buffer) => {
        out += String(c);
        const m = /serving (http:\/\/[^\s/]+)\//.exec(out);
        if (m?.[1] && /press Ctrl\+C/.test(out)) {
          clearTimeout(timer);
          ok(m[1]);
        }
      });
      child.once('exit', (code) => fail(new Error(`serve exited with ${code}: ${out} ${err}`)));
    });
    const health = (await (await fetch(`${url}/api/health`)).json()) as { store: { sources: number } };
    assert.equal(health.store.sources, 6);
    const submitted = await fetch(`${url}/api/checks`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ input: 'Possession of the material is an offence' }) });
    assert.equal(submitted.status, 202);
    const { id } = (await submitted.json()) as { id: string };
    let status = '';
    for (let i = 0; i < 120 && !['done', 'failed', 'cancelled'].includes(status); i++) {
      await new Promise((r) => setTimeout(r, 250));
      status = ((await (await fetch(`${url}/api/jobs/${id}`)).json()) as { status: string }).status;
    }
    assert.equal(status, 'done', err);
  } finally {
    child.kill('SIGTERM');
    chmodSync(join(base, 'corpus'), 0o755);
    rmSync(base, { recursive: true, force: true });
  }
});

test('past the in-memory size the read-only open fails clearly, naming the size and the fix', { skip }, async () => {
  const { base, db } = await readOnlyCorpus();
  try {
    const script = `import('${resolve('src/store/sqlite/open.ts')}').then((m) => m.openStore(${JSON.stringify(db)}, { readonly: true, maxInMemoryBytes: 1024 })).then(() => console.log('opened'), (e) => console.log(e.message))`;
    const [cmd, argv] = unprivilegedNode(['-e', script]);
    const r = spawnSync(cmd, argv, { encoding: 'utf8', timeout: 60_000 });
    assert.match(r.stdout, /cannot open ".*verity\.db" read-only: its folder cannot be written, and at 1 MiB it is larger than the 0 MiB read into memory instead\. Fix: copy the database to a folder you can write/);
  } finally {
    chmodSync(join(base, 'corpus'), 0o755);
    rmSync(base, { recursive: true, force: true });
  }
});
