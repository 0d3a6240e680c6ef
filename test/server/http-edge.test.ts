// The hono edge on a real server (loopback): an answer that takes too long is a 503 JSON error
// (hono/timeout), the security headers of hono/secure-headers on data and error answers, a
// request node-server cannot parse gets the usual JSON 400, and HEAD on an event stream
// subscribes to nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { createInProcessQueue } from '../../src/jobs/index.js';
import type { VerityJobResult } from '../../src/server/index.js';
import { VerityError } from '../../src/errors.js';
import { postJson, raw, testServer } from './helpers.js';

/** An in-process queue whose jobs never end on their own, counting live subscriptions; `stall` makes get() hang. */
function testQueue() {
  const inner = createInProcessQueue<VerityJobResult>({ run: (_spec, ctx) => new Promise((_resolve, reject) => ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason))) });
  const state = { stall: false, subscribed: 0 };
  const queue: typeof inner = {
    engine: inner.engine,
    submit: (spec) => inner.submit(spec),
    get: (id) => (state.stall ? new Promise(() => undefined) : inner.get(id)),
    cancel: (id) => inner.cancel(id),
    stats: () => inner.stats(),
    close: () => inner.close(),
    async subscribe(id, listener) {
      const stop = await inner.subscribe(id, listener);
      state.subscribed++;
      return () => {
        state.subscribed--;
        stop();
      };
    },
  };
  return { queue, state };
}

test('an answer that takes longer than the answer timeout is a 503 UNAVAILABLE with Retry-After; the server answers others meanwhile', async () => {
  const { queue, state } = testQueue();
  const t = await testServer({ queue, limits: { answerTimeoutMs: 300 } });
  try {
    state.stall = true;
    const started = Date.now();
    const res = await raw(`${t.url}/api/jobs/some-job`);
    assert.equal(res.status, 503, res.body);
    assert.ok(Date.now() - started < 3_000, 'answered after the timeout, not never');
    const body = JSON.parse(res.body) as { error: { code: string; problem: string; retryable: boolean } };
    assert.equal(body.error.code, 'UNAVAILABLE');
    assert.match(body.error.problem, /the answer took longer than 300 ms/);
    assert.equal(body.error.retryable, true);
    assert.equal(res.headers['retry-after'], '5');
    assert.equal((await fetch(`${t.url}/api/capabilities`)).status, 200);
  } finally {
    await t.close();
  }
  await assert.rejects(() => testServer({ limits: { answerTimeoutMs: 5 } }), (e: unknown) => e instanceof VerityError && e.code === 'USAGE' && /answerTimeoutMs must be a whole number of at least 100/.test(e.message));
});

test('data and error answers carry the secure headers (no HSTS on plain HTTP); the page and an HTML report keep their own', async () => {
  const t = await testServer();
  try {
    for (const res of [await fetch(`${t.url}/api/capabilities`), await fetch(`${t.url}/api/no-such-route`)]) {
      assert.equal(res.headers.get('content-security-policy'), "default-src 'none'; frame-ancestors 'none'");
      assert.equal(res.headers.get('x-frame-options'), 'DENY');
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(res.headers.get('referrer-policy'), 'no-referrer');
      assert.equal(res.headers.get('cross-origin-resource-policy'), 'same-origin');
      assert.equal(res.headers.get('cross-origin-opener-policy'), 'same-origin');
      assert.equal(res.headers.get('x-dns-prefetch-control'), 'off');
      assert.equal(res.headers.get('cache-control'), 'no-store');
      assert.equal(res.headers.get('strict-transport-security'), null);
    }
    const page = await fetch(`${t.url}/`);
    assert.match(page.headers.get('content-security-policy') ?? '', /^default-src 'none'; script-src 'nonce-/);
    assert.equal(page.headers.get('x-frame-options'), 'DENY');
  } finally {
    await t.close();
  }
});

test('a request with a malformed Host header gets the usual JSON error, 400', async () => {
  const t = await testServer();
  try {
    const { hostname, port } = new URL(t.url);
    const text = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), hostname, () => socket.write('GET /api/health HTTP/1.1\r\nHost: bad host\r\nConnection: close\r\n\r\n'));
      let received = '';
      socket.on('data', (c: Buffer) => (received += c.toString('utf8')));
      socket.on('end', () => resolve(received));
      socket.on('error', reject);
    });
    assert.match(text, /^HTTP\/1\.1 400 /);
    assert.match(text, /"code": "BAD_INPUT"/);
    assert.match(text, /the request is malformed/);
  } finally {
    await t.close();
  }
});

test('HEAD on a job\'s event stream answers its headers and subscribes to nothing', async () => {
  const { queue, state } = testQueue();
  const t = await testServer({ queue });
  try {
    const { id } = (await (await postJson(`${t.url}/api/checks`, { input: 'stalled' })).json()) as { id: string };
    const head = await raw(`${t.url}/api/jobs/${id}/events`, { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(head.headers['content-type'], 'text/event-stream; charset=utf-8');
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(state.subscribed, 0);
  } finally {
    await t.close();
  }
});
