// `verity serve` access tokens as a user meets them: --new-token prints one, --token-file and
// $VERITY_SERVE_TOKENS configure them (comments and blank lines skipped), a loose file mode or a
// short token is refused with the fix, a public --host needs tokens or --no-auth, and a served
// process with tokens refuses the API without one.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VerityError } from '../../src/errors.js';
import { parseTokenText, readTokenFile, tokensFromEnv } from '../../src/server/index.js';
import { storeOfDocs } from '../check/helpers.js';
import { SMALL_CORPUS } from '../fixtures/check/small-corpus.js';
import { runCli } from '../helpers/run-cli.js';
import { spawnServe } from './serve-process.js';

const TOKEN = 'k7Qp2vXr9LmZ4sWb8NcT3yHd6FgJ1aE5uRoI0eKw';
const SECOND = 'second-token-0123456789-abcdefghij';

let dir: string;
let db: string;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'verity-serve-auth-'));
  db = join(dir, 'corpus.db');
  const store = await storeOfDocs(SMALL_CORPUS, db);
  await store.close();
});
after(() => rmSync(dir, { recursive: true, force: true }));

function tokenFile(name: string, text: string, mode: number): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  chmodSync(path, mode);
  return path;
}

test('--new-token prints one fresh 32-byte base64url token and exits 0 without a corpus', async () => {
  const a = await runCli(['serve', '--new-token', '--db', join(dir, 'absent.db')]);
  const b = await runCli(['serve', '--new-token']);
  assert.equal(a.code, 0, a.stderr);
  assert.match(a.stdout, /^[A-Za-z0-9_-]{43}\n$/);
  assert.match(b.stdout, /^[A-Za-z0-9_-]{43}\n$/);
  assert.notEqual(a.stdout, b.stdout);
  assert.equal(Buffer.from(a.stdout.trim(), 'base64url').length, 32);
  // What it prints is accepted as a token.
  assert.deepEqual(parseTokenText(`# ops team\n${a.stdout}`, 'f'), [a.stdout.trim()]);
});

test('a token file: one token per line, # comments and blank lines skipped, duplicates dropped', () => {
  const path = tokenFile('good.txt', `# Verity tokens\n\n  ${TOKEN}  \n# alice\n${SECOND}\r\n${TOKEN}\n`, 0o600);
  assert.deepEqual(readTokenFile(path), [TOKEN, SECOND]);
  assert.deepEqual(tokensFromEnv({ VERITY_SERVE_TOKENS: ` ${TOKEN}, ,${SECOND}` }), [TOKEN, SECOND]);
  assert.equal(tokensFromEnv({ VERITY_SERVE_TOKENS: '  ' }), null);
  assert.equal(tokensFromEnv({}), null);
});

test('a token file others may read, a short token, a token with a space, an empty file: refused with the fix, the token never shown', () => {
  const loose = tokenFile('loose.txt', `${TOKEN}\n`, 0o644);
  assert.throws(
    () => readTokenFile(loose),
    (e: unknown) => e instanceof VerityError && e.code === 'USAGE' && /may be read or written by other users \(mode 644\)/.test(e.message) && new RegExp(`chmod 600 ${loose}`).test(e.message),
  );
  const groupWritable = tokenFile('group.txt', `${TOKEN}\n`, 0o620);
  assert.throws(() => readTokenFile(groupWritable), /mode 620/);
  const short = tokenFile('short.txt', `# ok\n${TOKEN}\nshort-but-secret-23chrs\n`, 0o600);
  assert.throws(
    () => readTokenFile(short),
    (e: unknown) => e instanceof VerityError && /the token on line 3 of ".*short\.txt" is 23 characters, shorter than 24/.test(e.message) && !e.message.includes('short-but-secret') && /--new-token/.test(e.message),
  );
  assert.throws(() => parseTokenText(`${TOKEN.slice(0, 20)} ${TOKEN.slice(20)}`, 'f'), (e: unknown) => e instanceof VerityError && /a space, a control or a non-ASCII character/.test(e.message) && !e.message.includes(TOKEN.slice(0, 20)));
  assert.throws(() => parseTokenText('# nothing here\n\n', 'f'), /f holds no token/);
  assert.throws(() => tokensFromEnv({ VERITY_SERVE_TOKENS: `${TOKEN},tiny` }), /item 2 of \$VERITY_SERVE_TOKENS is 4 characters/);
  assert.throws(() => readTokenFile(join(dir, 'none.txt')), /cannot read the token file .*none\.txt.*ENOENT/);
});

test('the CLI: a public --host without tokens and without --no-auth exits 2 naming both; loose or short token files exit 2', async () => {
  let r = await runCli(['serve', '--db', db, '--port', '0', '--host', '0.0.0.0']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /refusing to bind "0\.0\.0\.0": it is not a loopback address, and no access tokens are configured/);
  assert.match(r.stderr, /--token-file FILE/);
  assert.match(r.stderr, /--no-auth/);
  r = await runCli(['serve', '--db', db, '--port', '0', '--token-file', tokenFile('cli-loose.txt', `${TOKEN}\n`, 0o640)]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /chmod 600/);
  r = await runCli(['serve', '--db', db, '--port', '0', '--token-file', tokenFile('cli-short.txt', 'abc\n', 0o600)]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /3 characters, shorter than 24/);
  r = await runCli(['serve', '--db', db, '--port', '0', '--no-auth', '--token-file', tokenFile('cli-both.txt', `${TOKEN}\n`, 0o600)]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--no-auth contradicts the access tokens of --token-file/);
  r = await runCli(['serve', '--help']);
  assert.match(r.stdout, /--token-file FILE/);
  assert.match(r.stdout, /--no-auth/);
  assert.match(r.stdout, /--new-token/);
  assert.match(r.stdout, /POST \/api\/jobs\/:id\/ticket/);
});

test('a served process with --token-file and $VERITY_SERVE_TOKENS: 401 without a token, health says ok, either token works', async () => {
  const file = tokenFile('serve.txt', `# one\n${TOKEN}\n`, 0o600);
  const s = await spawnServe(['--db', db, '--token-file', file, '--host', '0.0.0.0'], { VERITY_SERVE_TOKENS: SECOND });
  try {
    assert.match(s.stdout, /every API request needs one of the 2 access tokens/);
    assert.ok(!s.stdout.includes(TOKEN) && !s.stderr.includes(TOKEN) && !s.stdout.includes(SECOND));
    const port = new URL(s.url).port;
    const base = `http://127.0.0.1:${port}`;
    const anon = await fetch(`${base}/api/health`);
    assert.deepEqual(await anon.json(), { ok: true });
    const denied = await fetch(`${base}/api/capabilities`);
    assert.equal(denied.status, 401);
    assert.equal(denied.headers.get('www-authenticate'), 'Bearer realm="verity"');
    for (const token of [TOKEN, SECOND]) {
      const health = (await (await fetch(`${base}/api/health`, { headers: { authorization: `Bearer ${token}` } })).json()) as { store: { sources: number } };
      assert.equal(health.store.sources, 5);
    }
  } finally {
    assert.equal(await s.stop(), 0);
  }
});
