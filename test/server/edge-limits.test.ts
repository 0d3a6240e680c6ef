// Slow and unwanted clients on a real server (loopback): an early 401 closes the connection
// instead of waiting for a trickled body, slow headers and slow bodies are cut by short
// timeouts, connections past the cap are refused, `Expect: 100-continue` with an oversized
// Content-Length gets 413 (never "100 Continue" then a reset), and repeated wrong tokens get 429
// with Retry-After, doubling, counted and logged.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import type { Socket } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { storeOfDocs } from '../check/helpers.js';
import { SMALL_CORPUS } from '../fixtures/check/small-corpus.js';
import { runCli } from '../helpers/run-cli.js';
import { testServer } from './helpers.js';
import { spawnServe } from './serve-process.js';

const TOKEN = 'tok_' + 'A1b2C3d4E5f6G7h8I9j0K1l2M3';
const WRONG = 'tok_' + 'wrongwrongwrongwrongwrongwr';

interface Conversation {
  socket: Socket;
  /** Everything received so far. */
  text: () => string;
  /** Resolves with the time (ms after open) the server closed the connection. */
  closed: Promise<number>;
}

/** A raw TCP connection to the server that records what it receives and when it is closed. */
function open(url: string): Promise<Conversation> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = connect(Number(port), hostname);
    let received = '';
    socket.on('data', (c: Buffer) => (received += c.toString('utf8')));
    socket.on('error', () => undefined);
    const closed = new Promise<number>((done) => socket.on('close', () => done(Date.now() - started)));
    socket.once('connect', () => resolve({ socket, text: () => received, closed }));
    socket.once('error', reject);
  });
}

/** Waits for `ms`, or for the promise, whichever comes first (null on time-out). */
function within<T>(promise: Promise<T>, ms: number): Promise<T | null> {
  return Promise.race([promise, new Promise<null>((r) => setTimeout(() => r(null), ms).unref())]);
}

async function waitFor(predicate: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (predicate()) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return predicate();
}

test('a 401 sent before the body is read closes the connection instead of waiting for a trickled body', async () => {
  const t = await testServer({ tokens: [TOKEN] });
  try {
    const c = await open(t.url);
    c.socket.write(`POST /api/checks HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"input": "`);
    const trickle = setInterval(() => c.socket.write('a'), 200);
    try {
      const closedAt = await within(c.closed, 5_000);
      assert.match(c.text(), /^HTTP\/1\.1 401 /);
      assert.match(c.text(), /connection: close/i);
      assert.notEqual(closedAt, null, 'the server kept the connection of a refused request open while the client trickled its body');
    } finally {
      clearInterval(trickle);
      c.socket.destroy();
    }
  } finally {
    await t.close();
  }
});

test('slow headers and slow bodies are cut by the header and request timeouts', async () => {
  const t = await testServer({ limits: { headersTimeoutMs: 500, requestTimeoutMs: 1_000 } });
  try {
    const headers = await open(t.url);
    headers.socket.write('POST /api/checks HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    const body = await open(t.url);
    body.socket.write(`POST /api/checks HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"input": "`);
    const trickle = setInterval(() => body.socket.write('a'), 100);
    try {
      const [h, b] = await Promise.all([within(headers.closed, 4_000), within(body.closed, 4_000)]);
      assert.notEqual(h, null, 'a client that never finished its headers kept its connection');
      assert.notEqual(b, null, 'a client that trickled its body kept its connection');
      assert.match(headers.text(), /^HTTP\/1\.1 408 /);
      // Meanwhile the server answers others.
      assert.equal((await fetch(`${t.url}/api/health`)).status, 200);
    } finally {
      clearInterval(trickle);
      headers.socket.destroy();
      body.socket.destroy();
    }
  } finally {
    await t.close();
  }
});

test('connections past the cap are closed at once; the server answers again when one ends', async () => {
  const t = await testServer({ limits: { maxConnections: 2 } });
  try {
    const a = await open(t.url);
    const b = await open(t.url);
    const extra = await open(t.url);
    assert.notEqual(await within(extra.closed, 2_000), null, 'a third connection was kept with a cap of 2');
    a.socket.destroy();
    b.socket.destroy();
    await Promise.all([a.closed, b.closed]);
    assert.ok(await waitFor(() => true, 50));
    assert.equal((await fetch(`${t.url}/api/health`)).status, 200);
  } finally {
    await t.close();
  }
});

test('Expect: 100-continue with a Content-Length over the cap gets 413 and never "100 Continue"; under the cap it continues', async () => {
  const t = await testServer({ maxBodyBytes: 1024 });
  try {
    const big = await open(t.url);
    big.socket.write('POST /api/audits HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\nContent-Length: 5000000\r\nExpect: 100-continue\r\n\r\n');
    assert.ok(await waitFor(() => /\r\n\r\n/.test(big.text()), 3_000), 'no answer to the headers');
    assert.match(big.text(), /^HTTP\/1\.1 413 /, `first answer: ${big.text().slice(0, 40)}`);
    assert.doesNotMatch(big.text(), /100 Continue/);
    assert.notEqual(await within(big.closed, 3_000), null);
    assert.match(big.text(), /"code": "TOO_LARGE"/);

    const small = await open(t.url);
    const article = 'An article about nothing in particular.';
    small.socket.write(`POST /api/audits HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\nContent-Length: ${article.length}\r\nExpect: 100-continue\r\n\r\n`);
    assert.ok(await waitFor(() => /^HTTP\/1\.1 100 Continue/.test(small.text()), 3_000), `no 100 Continue: ${small.text()}`);
    small.socket.write(article);
    assert.ok(await waitFor(() => /HTTP\/1\.1 202 /.test(small.text()), 3_000), small.text());
    small.socket.destroy();
  } finally {
    await t.close();
  }
});

test('Expect: 100-continue without a token gets 401 and the body is never asked for', async () => {
  const t = await testServer({ tokens: [TOKEN] });
  try {
    const c = await open(t.url);
    c.socket.write('POST /api/audits HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\nContent-Length: 100\r\nExpect: 100-continue\r\n\r\n');
    assert.ok(await waitFor(() => /\r\n\r\n/.test(c.text()), 3_000));
    assert.match(c.text(), /^HTTP\/1\.1 401 /);
    assert.notEqual(await within(c.closed, 3_000), null);
  } finally {
    await t.close();
  }
});

test('repeated wrong tokens: 429 with Retry-After after 10, the wait doubles, a right token is refused meanwhile, failures counted and logged', async () => {
  let clock = 1_000_000;
  const logged: string[] = [];
  const t = await testServer({ tokens: [TOKEN], authBackoff: { now: () => clock }, log: (l) => logged.push(l) });
  const get = (token: string): Promise<Response> => fetch(`${t.url}/api/capabilities`, { headers: { authorization: `Bearer ${token}` } });
  try {
    for (let i = 1; i <= 9; i++) assert.equal((await get(WRONG)).status, 401, `attempt ${i}`);
    const tenth = await get(WRONG);
    assert.equal(tenth.status, 401, 'the tenth wrong token is still answered 401 (and starts the block)');
    const blocked = await get(WRONG);
    assert.equal(blocked.status, 429);
    assert.equal(blocked.headers.get('retry-after'), '1');
    const body = (await blocked.json()) as { error: { code: string; problem: string } };
    assert.equal(body.error.code, 'TOO_MANY_REQUESTS');
    assert.match(body.error.problem, /too many wrong access tokens/);
    assert.equal((await get(TOKEN)).status, 429, 'a blocked client may not guess on with any token');
    // A token-free health check is not a guess: it still answers.
    assert.equal((await fetch(`${t.url}/api/health`)).status, 200);

    clock += 1_001;
    assert.equal((await get(WRONG)).status, 401, 'after the wait, the next wrong token is answered again');
    const second = await get(WRONG);
    assert.equal(second.status, 429);
    assert.equal(second.headers.get('retry-after'), '2', 'the wait doubles');
    clock += 2_001;
    assert.equal((await get(TOKEN)).status, 200, 'a right token after the wait works and clears the count');
    assert.equal((await get(WRONG)).status, 401);
    assert.equal((await get(WRONG)).status, 401, 'the count starts again from zero');

    assert.ok(logged.some((l) => /a wrong access token or ticket from 127\.0\.0\.1/.test(l)), logged.join('\n'));
    assert.ok(logged.some((l) => /10 wrong access tokens or tickets from 127\.0\.0\.1: refused \(429\) for 1 s \(10 refused since start\)/.test(l)), logged.join('\n'));
    assert.ok(logged.every((l) => !l.includes(WRONG) && !l.includes(TOKEN)), 'a token appeared in the log');
    const health = (await (await fetch(`${t.url}/api/health`, { headers: { authorization: `Bearer ${TOKEN}` } })).json()) as { auth: { failures: number } };
    assert.equal(health.auth.failures, 13);
  } finally {
    await t.close();
  }
});

test('verity serve takes the limits as flags: --headers-timeout cuts slow headers; a bad value is a usage error', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'verity-edge-'));
  try {
    const db = join(dir, 'corpus.db');
    await (await storeOfDocs(SMALL_CORPUS, db)).close();
    const s = await spawnServe(['--db', db, '--headers-timeout', '1', '--request-timeout', '2', '--max-connections', '50', '--threads', '0']);
    try {
      const c = await open(s.url);
      c.socket.write('GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n');
      assert.notEqual(await within(c.closed, 5_000), null, 'slow headers were not cut after 1 s');
      assert.equal((await fetch(`${s.url}/api/health`)).status, 200);
    } finally {
      await s.stop();
    }
    const bad = await runCli(['serve', '--db', db, '--headers-timeout', 'soon']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--headers-timeout/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
