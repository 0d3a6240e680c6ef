// Ingesting a URL that redirects: the source's uri is the final URL and the requested URL and
// every hop before it are its aliases, shown by `verity sources --json`; reading the same page
// through another address adds that address instead of a second source. A file's front matter
// can name other addresses too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/run-cli.js';
import { send, startServer } from '../web/local-server.js';
import { loadUrl } from '../../src/ingest/load/load-url.js';
import { openStore } from '../../src/store/sqlite/open.js';

const ALLOW = { VERITY_WEB_ALLOW_PRIVATE: '1' };
const PAGE = '<!doctype html><html><head><title>Water accounts 2024</title></head><body><article><h1>Water accounts 2024</h1><p>The national water programme cost 41 million euros in 2024. Most of it paid for wells.</p></article></body></html>';

interface JsonSources {
  sources: Array<{ id: string; uri: string; aliases?: string[] }>;
  snapshot: string;
}

async function redirectingServer() {
  const server = await startServer();
  server.route('/old', (_req, res) => void res.writeHead(302, { location: '/hop?utm_source=feed' }).end());
  server.route('/hop', (_req, res) => void res.writeHead(301, { location: `${server.origin}/final` }).end());
  server.route('/short', (_req, res) => void res.writeHead(307, { location: '/final' }).end());
  server.route('/final', send(PAGE, 'text/html; charset=utf-8'));
  return server;
}

test('loadUrl: the requested URL and the redirect hops are the document\'s aliases; no redirect, no aliases', async () => {
  const server = await redirectingServer();
  try {
    const web = { allowPrivate: true };
    const [redirected] = (await loadUrl(`${server.origin}/old`, { web })).documents;
    assert.equal(redirected?.meta.uri, `${server.origin}/final`);
    assert.deepEqual(redirected?.meta.aliases, [`${server.origin}/old`, `${server.origin}/hop?utm_source=feed`]);
    const [direct] = (await loadUrl(`${server.origin}/final`, { web })).documents;
    assert.equal(direct?.meta.uri, `${server.origin}/final`);
    assert.equal(direct?.meta.aliases, undefined);
  } finally {
    await server.close();
  }
});

test('verity ingest <redirecting url>: one source with its aliases in "verity sources --json"; another address of the same page is added to it', async () => {
  const server = await redirectingServer();
  const dir = mkdtempSync(join(tmpdir(), 'verity-ingest-alias-'));
  try {
    const first = await runCli(['ingest', `${server.origin}/old`, '--db', 'c.db', '--json'], { cwd: dir, env: ALLOW });
    assert.equal(first.code, 0, first.stderr);
    const listed = await runCli(['sources', '--db', 'c.db', '--json'], { cwd: dir });
    assert.equal(listed.code, 0, listed.stderr);
    const one = JSON.parse(listed.stdout) as JsonSources;
    assert.equal(one.sources.length, 1);
    assert.equal(one.sources[0]?.uri, `${server.origin}/final`);
    assert.deepEqual(one.sources[0]?.aliases, [`${server.origin}/hop?utm_source=feed`, `${server.origin}/old`]);

    const second = await runCli(['ingest', `${server.origin}/short`, '--db', 'c.db', '--json'], { cwd: dir, env: ALLOW });
    assert.equal(second.code, 0, second.stderr);
    const two = JSON.parse((await runCli(['sources', '--db', 'c.db', '--json'], { cwd: dir })).stdout) as JsonSources;
    assert.equal(two.sources.length, 1);
    assert.deepEqual(two.sources[0]?.aliases, [`${server.origin}/hop?utm_source=feed`, `${server.origin}/old`, `${server.origin}/short`]);
    // Aliases do not change the content, so the snapshot id stays.
    assert.equal(two.snapshot, one.snapshot);

    const store = await openStore(join(dir, 'c.db'), { readonly: true });
    try {
      const found = await store.findSourcesByUri([`${server.origin}/hop`, `${server.origin}/OLD/`]);
      assert.equal(found.size, 2);
      assert.ok([...found.values()].every((s) => s.id === one.sources[0]?.id));
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await server.close();
  }
});

test('verity ingest <file>: front matter names the canonical URL (uri) and other known addresses (aliases)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'verity-ingest-alias-'));
  try {
    writeFileSync(
      join(dir, 'accounts.md'),
      '---\ntitle: Water accounts 2024\nurl: https://water.example.org/accounts-2024\naliases:\n  - https://example.org/r/acc24\n  - https://water.example.org/accounts-2024/\ncanonical: https://archive.example.net/water/2024\n---\nThe national water programme cost 41 million euros in 2024.\n',
    );
    const r = await runCli(['ingest', 'accounts.md', '--db', 'f.db'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    const doc = JSON.parse((await runCli(['sources', '--db', 'f.db', '--json'], { cwd: dir })).stdout) as JsonSources;
    assert.equal(doc.sources[0]?.uri, 'https://water.example.org/accounts-2024');
    // The trailing-slash variant of the uri is the uri itself, so it is not an alias.
    assert.deepEqual(doc.sources[0]?.aliases, ['https://archive.example.net/water/2024', 'https://example.org/r/acc24']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
