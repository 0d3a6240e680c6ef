// Bearer-token access on a real server: every /api route refuses a request without a token or
// with a wrong one (401, WWW-Authenticate: Bearer, the JSON error, never the token echoed), the
// right token works, tickets open a job's event stream and report only for that job and only
// until they expire, the health check says only "ok" without a token, and the comparison is
// crypto.timingSafeEqual on digests.
import { test, before, after, mock } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { VerityError } from '../../src/errors.js';
import { createTicketIssuer, createTokenCheck, startServer } from '../../src/server/index.js';
import { smallStore } from '../check/helpers.js';
import { raw, readEvents, testServer } from './helpers.js';
import type { ErrorJson, RawResponse, TestServer } from './helpers.js';

const TOKEN = 'tok_' + 'A1b2C3d4E5f6G7h8I9j0K1l2M3';
const OTHER = 'tok_' + 'Z9y8X7w6V5u4T3s2R1q0P9o8N7';
const WRONG = 'tok_' + 'wrongwrongwrongwrongwrongwr';
const CLAIM = 'Ruritania criminalizes possession of banned images';

let t: TestServer;
let jobId: string;
before(async () => {
  // This file sends many wrong tokens on purpose; the back-off has its own test (edge-limits.test.ts).
  t = await testServer({ tokens: [TOKEN, OTHER], authBackoff: { threshold: 1_000 } });
  const res = await fetch(`${t.url}/api/checks`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` }, body: JSON.stringify({ input: CLAIM }) });
  assert.equal(res.status, 202);
  jobId = ((await res.json()) as { id: string }).id;
  await waitFor(jobId);
});
after(async () => {
  await t.close();
});

const bearer = (token: string): Record<string, string> => ({ authorization: `Bearer ${token}` });

async function waitFor(id: string): Promise<void> {
  for (let i = 0; i < 400; i++) {
    const job = (await (await fetch(`${t.url}/api/jobs/${id}`, { headers: bearer(TOKEN) })).json()) as { status: string };
    if (job.status === 'done' || job.status === 'failed') return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('job did not finish');
}

function routes(): Array<{ method: string; path: string; headers?: Record<string, string>; body?: string }> {
  return [
    { method: 'GET', path: '/api/capabilities' },
    { method: 'POST', path: '/api/checks', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ input: CLAIM }) },
    { method: 'POST', path: '/api/audits', headers: { 'content-type': 'text/plain' }, body: 'An article.' },
    { method: 'GET', path: `/api/jobs/${jobId}` },
    { method: 'GET', path: `/api/jobs/${jobId}/events` },
    { method: 'GET', path: `/api/jobs/${jobId}/report?format=html` },
    { method: 'GET', path: `/api/jobs/${jobId}/report?format=json` },
    { method: 'POST', path: `/api/jobs/${jobId}/ticket` },
    { method: 'DELETE', path: `/api/jobs/${jobId}` },
    { method: 'GET', path: '/api/no-such-route' },
    { method: 'PUT', path: '/api/checks' },
  ];
}

async function call(r: { method: string; path: string; headers?: Record<string, string>; body?: string }, extra: Record<string, string> = {}): Promise<RawResponse> {
  return raw(`${t.url}${r.path}`, { method: r.method, headers: { ...(r.headers ?? {}), ...extra }, chunks: r.body !== undefined ? [r.body] : [] });
}

function assertUnauthorized(res: RawResponse, what: string, secret?: string): void {
  assert.equal(res.status, 401, `${what}: ${res.body}`);
  assert.match(String(res.headers['www-authenticate']), /^Bearer realm="verity"/, what);
  const body = JSON.parse(res.body) as ErrorJson;
  assert.equal(body.error.code, 'UNAUTHORIZED', what);
  assert.equal(body.error.component, 'serve', what);
  assert.ok(body.error.problem.length > 0 && (body.error.fix ?? '').length > 0, what);
  for (const s of [TOKEN, OTHER, secret].filter((x): x is string => x !== undefined)) assert.ok(!res.body.includes(s), `${what} echoes a token`);
}

test('without a token every API route answers 401 with WWW-Authenticate: Bearer and a JSON error, and nothing happens', async () => {
  for (const r of routes()) assertUnauthorized(await call(r), `${r.method} ${r.path}`);
  // The DELETE was refused, not performed; nor was a job queued.
  const job = (await (await fetch(`${t.url}/api/jobs/${jobId}`, { headers: bearer(TOKEN) })).json()) as { status: string };
  assert.equal(job.status, 'done');
  const health = (await (await fetch(`${t.url}/api/health`, { headers: bearer(TOKEN) })).json()) as { queue: { queued: number; running: number; finished: number } };
  assert.deepEqual([health.queue.queued, health.queue.running, health.queue.finished], [0, 0, 1]);
});

test('a wrong token, or another scheme, is 401 invalid_token on every route, the health check included, and is never echoed', async () => {
  for (const r of [...routes(), { method: 'GET', path: '/api/health' }]) {
    const res = await call(r, bearer(WRONG));
    assertUnauthorized(res, `${r.method} ${r.path}`, WRONG);
    assert.match(String(res.headers['www-authenticate']), /error="invalid_token"/);
  }
  assertUnauthorized(await call({ method: 'GET', path: '/api/capabilities' }, { authorization: `Basic ${Buffer.from(`u:${TOKEN}`).toString('base64')}` }), 'Basic');
  assertUnauthorized(await call({ method: 'GET', path: '/api/capabilities' }, { authorization: `Bearer ${TOKEN.slice(0, -1)}` }), 'a prefix of a token');
  assertUnauthorized(await call({ method: 'GET', path: '/api/capabilities' }, { authorization: `Bearer ${TOKEN}x` }), 'a token with more');
});

test('the right token (either of two) works: capabilities, a check, its events and its report', async () => {
  for (const token of [TOKEN, OTHER]) {
    const caps = await fetch(`${t.url}/api/capabilities`, { headers: bearer(token) });
    assert.equal(caps.status, 200);
  }
  const res = await fetch(`${t.url}/api/checks`, { method: 'POST', headers: { 'content-type': 'application/json', ...bearer(OTHER) }, body: JSON.stringify({ input: CLAIM }) });
  assert.equal(res.status, 202);
  const { id, links } = (await res.json()) as { id: string; links: Record<string, string> };
  const events = await readEvents(`${t.url}${links.events}`, bearer(OTHER));
  assert.equal(events.at(-1)?.event, 'done');
  const report = await fetch(`${t.url}${links.html}`, { headers: bearer(TOKEN) });
  assert.equal(report.status, 200);
  assert.match(await report.text(), /Ruritania/);
  const job = (await (await fetch(`${t.url}/api/jobs/${id}`, { headers: bearer(TOKEN) })).json()) as { status: string };
  assert.equal(job.status, 'done');
});

test('GET /api/health without a token says only ok; with one, the corpus and queue details', async () => {
  const anon = await raw(`${t.url}/api/health`);
  assert.equal(anon.status, 200);
  assert.deepEqual(JSON.parse(anon.body), { ok: true });
  const full = (await (await fetch(`${t.url}/api/health`, { headers: bearer(TOKEN) })).json()) as { ok: boolean; store: { sources: number } };
  assert.equal(full.ok, true);
  assert.equal(full.store.sources, 5);
});

test('the page is served without a token and asks for one; the page of a server without tokens does not', async () => {
  const page = await (await fetch(`${t.url}/`)).text();
  assert.match(page, /<body data-auth="bearer">/);
  assert.match(page, /<label for="token">Access token<\/label>\s*<input type="password" id="token"/);
  assert.ok(!page.includes(TOKEN));
  const open = await testServer();
  try {
    const plain = await (await fetch(`${open.url}/`)).text();
    assert.ok(!plain.includes('data-auth'));
    assert.ok(!plain.includes('id="login"'));
    // No tokens, no tickets.
    const res = await fetch(`${open.url}/api/jobs/x/ticket`, { method: 'POST' });
    assert.equal(res.status, 404);
  } finally {
    await open.close();
  }
});

interface TicketAnswer {
  id: string;
  ticket: string;
  expiresAt: string;
  links: Record<string, string>;
}

async function ticketFor(id: string, base = t.url): Promise<TicketAnswer> {
  const res = await fetch(`${base}/api/jobs/${encodeURIComponent(id)}/ticket`, { method: 'POST', headers: bearer(TOKEN) });
  assert.equal(res.status, 200);
  return (await res.json()) as TicketAnswer;
}

test('a ticket opens the job\'s event stream and report (no header), for 10 minutes, and holds no token', async () => {
  const before = Date.now();
  const answer = await ticketFor(jobId);
  const expires = Date.parse(answer.expiresAt);
  assert.ok(expires >= before + 10 * 60_000 - 1000 && expires <= Date.now() + 10 * 60_000 + 1000, answer.expiresAt);
  for (const s of [TOKEN, OTHER]) assert.ok(!JSON.stringify(answer).includes(s));
  const events = await readEvents(`${t.url}${answer.links.events}`);
  assert.equal(events.at(-1)?.event, 'done');
  for (const f of ['html', 'md', 'json', 'claimreview']) {
    const res = await fetch(`${t.url}${answer.links[f]}`);
    assert.equal(res.status, 200, `${f}: ${await res.clone().text()}`);
  }
  // A ticket is not a token: the job itself, its cancellation and the rest of the API still need the header.
  const q = `ticket=${encodeURIComponent(answer.ticket)}`;
  assertUnauthorized(await raw(`${t.url}/api/jobs/${jobId}?${q}`), 'GET job with ticket');
  assertUnauthorized(await raw(`${t.url}/api/jobs/${jobId}?${q}`, { method: 'DELETE' }), 'DELETE with ticket');
  assertUnauthorized(await raw(`${t.url}/api/capabilities?${q}`), 'capabilities with ticket');
  assertUnauthorized(await raw(`${t.url}/api/jobs/${jobId}/ticket?${q}`, { method: 'POST' }), 'a ticket for a ticket');
  assert.equal((await fetch(`${t.url}/api/jobs/no-such-job/ticket`, { method: 'POST', headers: bearer(TOKEN) })).status, 404);
});

test('a tampered ticket, one for another job, or one from another server process is 401', async () => {
  const { ticket } = await ticketFor(jobId);
  const [expiry, mac] = ticket.split('.') as [string, string];
  const flipped = mac.slice(0, 10) + (mac[10] === 'A' ? 'B' : 'A') + mac.slice(11);
  const bad = [
    `${expiry}.${flipped}`,
    `${Number(expiry) + 3_600_000}.${mac}`,
    `${expiry}.${mac.slice(0, -1)}`,
    `${expiry}.${mac}x`,
    mac,
    '',
    TOKEN,
  ];
  for (const b of bad) {
    assertUnauthorized(await raw(`${t.url}/api/jobs/${jobId}/report?format=html&ticket=${encodeURIComponent(b)}`), `ticket ${b}`);
    assertUnauthorized(await raw(`${t.url}/api/jobs/${jobId}/events?ticket=${encodeURIComponent(b)}`), `events ticket ${b}`);
  }
  // Another job's ticket does not open this job.
  const res = await fetch(`${t.url}/api/checks`, { method: 'POST', headers: { 'content-type': 'application/json', ...bearer(TOKEN) }, body: JSON.stringify({ input: CLAIM }) });
  const other = ((await res.json()) as { id: string }).id;
  await waitFor(other);
  const otherTicket = (await ticketFor(other)).ticket;
  assertUnauthorized(await raw(`${t.url}/api/jobs/${jobId}/report?format=html&ticket=${encodeURIComponent(otherTicket)}`), 'another job');
  assert.equal((await raw(`${t.url}/api/jobs/${other}/report?format=html&ticket=${encodeURIComponent(otherTicket)}`)).status, 200);
  // A second server with the same token has its own secret.
  const second = await testServer({ tokens: [TOKEN] });
  try {
    const r = await fetch(`${second.url}/api/checks`, { method: 'POST', headers: { 'content-type': 'application/json', ...bearer(TOKEN) }, body: JSON.stringify({ input: CLAIM }) });
    const id2 = ((await r.json()) as { id: string }).id;
    const forged = createTicketIssuer().issue(id2).ticket;
    assertUnauthorized(await raw(`${second.url}/api/jobs/${id2}/report?format=json&ticket=${encodeURIComponent(forged)}`), 'a ticket signed with another secret');
  } finally {
    await second.close();
  }
});

test('an expired ticket is 401', async () => {
  const short = await testServer({ tokens: [TOKEN], ticketTtlMs: 150 });
  try {
    const r = await fetch(`${short.url}/api/checks`, { method: 'POST', headers: { 'content-type': 'application/json', ...bearer(TOKEN) }, body: JSON.stringify({ input: CLAIM }) });
    const id = ((await r.json()) as { id: string }).id;
    // The job runs in the request thread (an in-memory corpus): let it finish first, so that the
    // fresh read below is not held past the ticket's 150 ms by the check.
    for (let i = 0; i < 400 && !['done', 'failed'].includes(((await (await fetch(`${short.url}/api/jobs/${id}`, { headers: bearer(TOKEN) })).json()) as { status: string }).status); i++) await new Promise((res) => setTimeout(res, 25));
    const answer = await ticketFor(id, short.url);
    assert.equal((await raw(`${short.url}${answer.links.json}`)).status, 200, 'fresh');
    await new Promise((res) => setTimeout(res, 250));
    assertUnauthorized(await raw(`${short.url}${answer.links.json}`), 'expired report');
    assertUnauthorized(await raw(`${short.url}${answer.links.events}`), 'expired events');
  } finally {
    await short.close();
  }
  // The issuer on its own, with a clock.
  let now = 1_000_000;
  const issuer = createTicketIssuer({ ttlMs: 600_000, now: () => now });
  const { ticket, expiresAt } = issuer.issue('job-1');
  assert.equal(expiresAt, 1_600_000);
  assert.equal(issuer.verify('job-1', ticket), true);
  assert.equal(issuer.verify('job-2', ticket), false);
  now = 1_599_999;
  assert.equal(issuer.verify('job-1', ticket), true);
  now = 1_600_000;
  assert.equal(issuer.verify('job-1', ticket), false);
});

test('tokens are compared with crypto.timingSafeEqual on equal-length digests, against every token', async () => {
  const spy = mock.method(crypto, 'timingSafeEqual');
  try {
    const check = createTokenCheck([TOKEN, OTHER, WRONG + 'x']);
    assert.equal(check.matches(TOKEN), true);
    assert.equal(spy.mock.callCount(), 3, 'no early exit at the first match');
    for (const call of spy.mock.calls) {
      const [a, b] = call.arguments as [Buffer, Buffer];
      assert.equal(a.length, 32);
      assert.equal(b.length, 32);
    }
    spy.mock.resetCalls();
    assert.equal(check.matches('short'), false);
    assert.equal(check.matches(''), false);
    assert.equal(check.matches(TOKEN + ' '), false);
    assert.equal(spy.mock.callCount(), 9);
    // And the server uses it.
    spy.mock.resetCalls();
    assert.equal((await fetch(`${t.url}/api/capabilities`, { headers: bearer(WRONG) })).status, 401);
    assert.ok(spy.mock.callCount() >= 2, `timingSafeEqual called ${spy.mock.callCount()} times`);
  } finally {
    spy.mock.restore();
  }
});

test('a non-loopback bind needs tokens or allowPublic (--no-auth), and a short token is refused', async () => {
  const store = await smallStore();
  try {
    await assert.rejects(
      () => startServer({ store, host: '0.0.0.0', port: 0, log: () => undefined }),
      (e: unknown) => e instanceof VerityError && e.code === 'USAGE' && /refusing to bind "0\.0\.0\.0": it is not a loopback address, and no access tokens are configured/.test(e.message) && /--token-file/.test(e.message) && /--no-auth/.test(e.message),
    );
    await assert.rejects(
      () => startServer({ store, port: 0, tokens: ['too-short-a-token'], log: () => undefined }),
      (e: unknown) => e instanceof VerityError && e.code === 'USAGE' && /17 characters, shorter than 24/.test(e.message) && !e.message.includes('too-short-a-token'),
    );
    const open = await startServer({ store, host: '0.0.0.0', port: 0, tokens: [TOKEN], log: () => undefined });
    try {
      assert.equal(open.auth, true);
      assert.equal((await fetch(`http://127.0.0.1:${open.port}/api/capabilities`)).status, 401);
      assert.equal((await fetch(`http://127.0.0.1:${open.port}/api/capabilities`, { headers: bearer(TOKEN) })).status, 200);
    } finally {
      await open.close();
    }
  } finally {
    await store.close();
  }
});
