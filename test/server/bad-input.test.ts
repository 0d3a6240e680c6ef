// Every bad request gets a clear JSON error {error: {code, component, problem, fix}} with the
// right status, on a real server: empty and too long input, an oversized body (declared and
// streamed), wrong content types, malformed JSON, unknown jobs, routes and methods, reports
// not ready, a full queue, a foreign Host or Origin, a public bind without tokens or --no-auth.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createInProcessQueue } from '../../src/jobs/index.js';
import { startServer } from '../../src/server/index.js';
import type { VerityJobResult } from '../../src/server/index.js';
import { VerityError } from '../../src/errors.js';
import { MAX_INPUT_CHARS } from '../../src/check/index.js';
import { postJson, raw, testServer } from './helpers.js';
import type { ErrorJson, RawResponse, TestServer } from './helpers.js';

let t: TestServer;
before(async () => {
  t = await testServer({ maxBodyBytes: 64 * 1024 });
});
after(async () => {
  await t.close();
});

function errorOf(res: RawResponse): ErrorJson['error'] {
  assert.match(String(res.headers['content-type']), /^application\/json/);
  const body = JSON.parse(res.body) as ErrorJson;
  assert.deepEqual(Object.keys(body), ['error']);
  for (const k of ['code', 'component', 'problem', 'fix'] as const) assert.ok(k in body.error, `error has ${k}`);
  assert.ok(body.error.problem.length > 0 && (body.error.fix ?? '').length > 0, 'problem and fix are stated');
  return body.error;
}

async function expectError(res: RawResponse, status: number, code: string, problem: RegExp): Promise<ErrorJson['error']> {
  assert.equal(res.status, status, res.body);
  const e = errorOf(res);
  assert.equal(e.code, code, res.body);
  assert.match(e.problem, problem);
  return e;
}

const json = (url: string, body: string, type = 'application/json'): Promise<RawResponse> => raw(url, { method: 'POST', headers: { 'content-type': type }, chunks: [body] });

test('empty input: 400 BAD_INPUT, for a check and for an audit', async () => {
  await expectError(await json(`${t.url}/api/checks`, JSON.stringify({ input: '' })), 400, 'BAD_INPUT', /the question or claim is empty/);
  await expectError(await json(`${t.url}/api/checks`, JSON.stringify({ input: '  \n\t ' })), 400, 'BAD_INPUT', /empty/);
  await expectError(await json(`${t.url}/api/audits`, '   \n', 'text/markdown'), 400, 'BAD_INPUT', /the article is empty/);
  await expectError(await raw(`${t.url}/api/audits`, { method: 'POST', headers: { 'content-type': 'text/plain' } }), 400, 'BAD_INPUT', /the article is empty/);
});

test('too long input: 413 TOO_LARGE naming the length and the limit', async () => {
  const long = 'Ruritania criminalizes possession. '.repeat(100);
  assert.ok(long.trim().length > MAX_INPUT_CHARS);
  const e = await expectError(await json(`${t.url}/api/checks`, JSON.stringify({ input: long })), 413, 'TOO_LARGE', new RegExp(`is ${long.trim().length} characters long \\(the limit is ${MAX_INPUT_CHARS}\\)`));
  assert.match(e.fix ?? '', /POST \/api\/audits/);
  // Exactly at the limit is accepted.
  const ok = await postJson(`${t.url}/api/checks`, { input: 'a'.repeat(MAX_INPUT_CHARS) });
  assert.equal(ok.status, 202);
});

test('a body over the limit: 413, whether declared by Content-Length or only counted as it streams', async () => {
  const big = 'x'.repeat(70 * 1024);
  const declared = await raw(`${t.url}/api/audits`, { method: 'POST', headers: { 'content-type': 'text/plain', 'content-length': String(big.length) }, chunks: [big] });
  await expectError(declared, 413, 'TOO_LARGE', /more than the 65536 bytes this server reads/);
  // Chunked: no Content-Length, so the server must count while reading.
  const chunks = Array.from({ length: 20 }, () => 'y'.repeat(8 * 1024));
  const streamed = await raw(`${t.url}/api/checks`, { method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' }, chunks });
  await expectError(streamed, 413, 'TOO_LARGE', /over 65536 bytes/);
  // The server is still healthy afterwards.
  assert.equal((await fetch(`${t.url}/api/health`)).status, 200);
});

test('the default body limit is 2 MiB', async () => {
  const s = await testServer();
  try {
    const body = 'z'.repeat(2 * 1024 * 1024 + 1);
    await expectError(await raw(`${s.url}/api/audits`, { method: 'POST', headers: { 'content-type': 'text/plain' }, chunks: [body] }), 413, 'TOO_LARGE', /2097152 bytes/);
  } finally {
    await s.close();
  }
});

test('wrong content type: 415 UNSUPPORTED naming the type and what is accepted', async () => {
  let e = await expectError(await json(`${t.url}/api/checks`, '{"input":"x"}', 'text/plain'), 415, 'UNSUPPORTED', /the Content-Type "text\/plain" is not accepted here/);
  assert.match(e.fix ?? '', /application\/json/);
  e = await expectError(await json(`${t.url}/api/audits`, '{"input":"x"}', 'application/json'), 415, 'UNSUPPORTED', /"application\/json" is not accepted/);
  assert.match(e.fix ?? '', /text\/markdown, text\/x-markdown, text\/html, text\/plain/);
  await expectError(await raw(`${t.url}/api/checks`, { method: 'POST', chunks: ['{"input":"x"}'] }), 415, 'UNSUPPORTED', /no Content-Type/);
  await expectError(await json(`${t.url}/api/audits`, 'caf\xe9', 'text/plain; charset=iso-8859-1'), 415, 'UNSUPPORTED', /the charset "iso-8859-1" is not supported/);
});

test('malformed JSON, a body that is not an object, a missing or non-string input: 400 BAD_INPUT', async () => {
  await expectError(await json(`${t.url}/api/checks`, '{"input": "x"'), 400, 'BAD_INPUT', /the request body is not valid JSON/);
  await expectError(await json(`${t.url}/api/checks`, '["x"]'), 400, 'BAD_INPUT', /is an array, not an object/);
  await expectError(await json(`${t.url}/api/checks`, 'null'), 400, 'BAD_INPUT', /is null, not an object/);
  await expectError(await json(`${t.url}/api/checks`, '{"question":"x"}'), 400, 'BAD_INPUT', /has no "input" field/);
  await expectError(await json(`${t.url}/api/checks`, '{"input":42}'), 400, 'BAD_INPUT', /"input" is a number, not a string/);
  await expectError(await raw(`${t.url}/api/audits`, { method: 'POST', headers: { 'content-type': 'text/plain' }, chunks: [Buffer.from([0x66, 0xff, 0xfe, 0x6f])] }), 400, 'BAD_INPUT', /not valid UTF-8/);
});

test('unknown job: 404 NOT_FOUND on the job, its events, its report and its cancellation', async () => {
  for (const [method, path] of [
    ['GET', '/api/jobs/no-such-job'],
    ['GET', '/api/jobs/no-such-job/events'],
    ['GET', '/api/jobs/no-such-job/report?format=md'],
    ['DELETE', '/api/jobs/no-such-job'],
  ] as const) {
    const e = await expectError(await raw(`${t.url}${path}`, { method }), 404, 'NOT_FOUND', /no job with id "no-such-job"/);
    assert.match(e.fix ?? '', /submit it again/);
  }
});

test('unknown route: 404; wrong method: 405 with Allow; unknown report format: 400', async () => {
  await expectError(await raw(`${t.url}/api/nothing`), 404, 'NOT_FOUND', /no route "\/api\/nothing"/);
  const res = await raw(`${t.url}/api/checks`);
  await expectError(res, 405, 'USAGE', /GET is not allowed on \/api\/checks/);
  assert.equal(res.headers.allow, 'POST');
  assert.equal((await raw(`${t.url}/`, { method: 'POST' })).status, 405);
  const id = ((await (await postJson(`${t.url}/api/checks`, { input: 'Ruritania criminalizes possession of banned images' })).json()) as { id: string }).id;
  await expectError(await raw(`${t.url}/api/jobs/${id}/report?format=pdf`), 400, 'BAD_INPUT', /unknown report format "pdf"/);
});

test('a foreign Host header (DNS rebinding) or a cross-site Origin on a write: 403', async () => {
  await expectError(await raw(`${t.url}/api/health`, { headers: { host: 'evil.example:80' } }), 403, 'FORBIDDEN', /the Host header "evil.example:80" is not this server's/);
  const cross = await raw(`${t.url}/api/audits`, { method: 'POST', headers: { 'content-type': 'text/plain', origin: 'https://evil.example' }, chunks: ['Some article text here.'] });
  await expectError(cross, 403, 'FORBIDDEN', /the origin "https:\/\/evil.example" may not submit jobs here/);
  const port = new URL(t.url).port;
  const same = await raw(`${t.url}/api/audits`, { method: 'POST', headers: { 'content-type': 'text/plain', origin: `http://127.0.0.1:${port}` }, chunks: ['Freedonia punishes only the production of banned images.'] });
  assert.equal(same.status, 202, same.body);
  assert.equal((await raw(`${t.url}/api/health`, { headers: { host: `localhost:${port}` } })).status, 200);
});

/** A server whose jobs never finish on their own (they end when cancelled). */
async function stalledServer(maxQueued = 100) {
  const started: string[] = [];
  const queue = createInProcessQueue<VerityJobResult>({
    maxQueued,
    run: (spec, ctx) =>
      new Promise((_resolve, reject) => {
        started.push(spec.input);
        ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason));
      }),
  });
  const s = await testServer({ queue });
  return { s, started };
}

test('a report asked for before the job is done: 409 NOT_READY; DELETE cancels it, and a second DELETE is 409', async () => {
  const { s } = await stalledServer();
  try {
    const { id } = (await (await postJson(`${s.url}/api/checks`, { input: 'Ruritania criminalizes possession' })).json()) as { id: string };
    const e = await expectError(await raw(`${s.url}/api/jobs/${id}/report?format=md`), 409, 'NOT_READY', /has no report: it is still (queued|running)/);
    assert.match(e.fix ?? '', /wait for the "done" event/);
    const del = await raw(`${s.url}/api/jobs/${id}`, { method: 'DELETE' });
    assert.equal(del.status, 202, del.body);
    for (let i = 0; i < 50 && (JSON.parse((await raw(`${s.url}/api/jobs/${id}`)).body) as { status: string }).status !== 'cancelled'; i++) await new Promise((r) => setTimeout(r, 10));
    const job = JSON.parse((await raw(`${s.url}/api/jobs/${id}`)).body) as ErrorJson & { status: string };
    assert.equal(job.status, 'cancelled');
    assert.equal(job.error.code, 'CANCELLED');
    await expectError(await raw(`${s.url}/api/jobs/${id}`, { method: 'DELETE' }), 409, 'CONFLICT', /has already ended \(cancelled\)/);
    await expectError(await raw(`${s.url}/api/jobs/${id}/report?format=md`), 409, 'JOB_FAILED', /it is cancelled/);
  } finally {
    await s.close();
  }
});

test('a full queue: 503 BUSY with Retry-After', async () => {
  const { s } = await stalledServer(1);
  try {
    assert.equal((await postJson(`${s.url}/api/checks`, { input: 'one' })).status, 202);
    await new Promise((r) => setImmediate(r));
    const second = await postJson(`${s.url}/api/checks`, { input: 'two' });
    assert.equal(second.status, 202);
    assert.deepEqual(((await second.json()) as { status: string; position: number }).position, 0, 'next in line');
    const res = await json(`${s.url}/api/checks`, JSON.stringify({ input: 'three' }));
    const e = await expectError(res, 503, 'BUSY', /1 jobs are already waiting \(the limit is 1\)/);
    assert.match(e.fix ?? '', /retry/);
    assert.equal(res.headers['retry-after'], '5');
  } finally {
    await s.close();
  }
});

test('SSE for a running job streams until the terminal event, and closing the server ends open streams', async () => {
  const { s, started } = await stalledServer();
  const { id } = (await (await postJson(`${s.url}/api/checks`, { input: 'stalled' })).json()) as { id: string };
  const res = await fetch(`${s.url}/api/jobs/${id}/events`);
  assert.equal(res.headers.get('content-type'), 'text/event-stream; charset=utf-8');
  const reader = res.body!.getReader();
  const first = new TextDecoder().decode((await reader.read()).value);
  assert.match(first, /retry: 2000/);
  assert.deepEqual(started, ['stalled']);
  await s.close();
  let rest = '';
  for (;;) {
    const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
    if (done) break;
    rest += new TextDecoder().decode(value);
  }
  assert.match(first + rest, /event: status/);
});

test('binding a non-loopback address is refused unless asked for explicitly', async () => {
  const { smallStore } = await import('../check/helpers.js');
  const store = await smallStore();
  try {
    await assert.rejects(
      () => startServer({ store, host: '0.0.0.0', port: 0, log: () => undefined }),
      (e: unknown) => e instanceof VerityError && e.code === 'USAGE' && /refusing to bind "0.0.0.0": it is not a loopback address/.test(e.message) && /pass --token-file FILE/.test(e.message) && /or --no-auth/.test(e.message),
    );
    const open = await startServer({ store, host: '0.0.0.0', port: 0, allowPublic: true, log: () => undefined });
    assert.equal(open.loopback, false);
    assert.equal((await fetch(`http://127.0.0.1:${open.port}/api/health`, { headers: { host: 'any.name.example' } })).status, 200, 'a public bind accepts any Host');
    await open.close();
    await assert.rejects(() => startServer({ store, port: 70000, log: () => undefined }), /the port "70000" is not a whole number from 0 to 65535/);
  } finally {
    await store.close();
  }
});

test('a port already in use is an IO error with a fix', async () => {
  await assert.rejects(
    () => startServer({ store: t.store, port: t.server.port, log: () => undefined }),
    (e: unknown) => e instanceof VerityError && e.code === 'IO' && new RegExp(`port ${t.server.port} is already in use`).test(e.message) && /choose another --port/.test(e.message),
  );
});

test('a client that leaves an event stream is unsubscribed from the job', async () => {
  let active = 0;
  const inner = createInProcessQueue<VerityJobResult>({ run: (_spec, ctx) => new Promise((_resolve, reject) => ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason))) });
  const counting: typeof inner = {
    engine: inner.engine,
    submit: (spec) => inner.submit(spec),
    get: (id) => inner.get(id),
    cancel: (id) => inner.cancel(id),
    stats: () => inner.stats(),
    close: () => inner.close(),
    async subscribe(id, listener) {
      const stop = await inner.subscribe(id, listener);
      active++;
      return () => {
        active--;
        stop();
      };
    },
  };
  const s = await testServer({ queue: counting });
  try {
    const { id } = (await (await postJson(`${s.url}/api/checks`, { input: 'stalled' })).json()) as { id: string };
    const controller = new AbortController();
    const res = await fetch(`${s.url}/api/jobs/${id}/events`, { signal: controller.signal });
    await res.body!.getReader().read();
    assert.equal(active, 1);
    controller.abort();
    for (let i = 0; i < 100 && active > 0; i++) await new Promise((r) => setTimeout(r, 10));
    assert.equal(active, 0, 'the listener was removed when the client left');
    assert.equal((JSON.parse((await raw(`${s.url}/api/jobs/${id}`)).body) as { status: string }).status, 'running', 'the job goes on');
  } finally {
    await s.close();
  }
});
