import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { ChatClient, chatEndpoint } from '../../src/analyst/llm/chat-client.js';
import { VerityError } from '../../src/errors.js';
import { answer, startReplayServer } from './replay-server.js';

const MESSAGES = [{ role: 'user' as const, content: 'Say hi.' }];

/** A client that does not really sleep between attempts, and records the waits it asked for. */
function fastClient(baseUrl: string, extra: Partial<ConstructorParameters<typeof ChatClient>[0]> = {}): { client: ChatClient; waits: number[] } {
  const waits: number[] = [];
  const client = new ChatClient({ baseUrl, model: 'm', sleep: async (ms) => void waits.push(ms), ...extra });
  return { client, waits };
}

async function rejection(p: Promise<unknown>): Promise<VerityError> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof VerityError, `not a VerityError: ${String(e)}`);
    return e;
  }
  assert.fail('expected a rejection');
}

test('sends model, messages, temperature 0, the seed and the bearer key to {baseUrl}/chat/completions', async () => {
  const srv = await startReplayServer([answer('hi')]);
  try {
    const { client } = fastClient(`${srv.baseUrl}/`, { apiKey: 'sk-test-secret-1234', seed: 7 });
    const got = await client.complete(MESSAGES);
    assert.equal(got.content, 'hi');
    assert.equal(got.attempts, 1);
    assert.equal(got.finishReason, 'stop');
    const [req] = srv.requests;
    assert.ok(req);
    assert.equal(req.method, 'POST');
    assert.equal(req.url, '/v1/chat/completions');
    assert.equal(req.headers.authorization, 'Bearer sk-test-secret-1234');
    assert.deepEqual(req.body, { model: 'm', messages: MESSAGES, temperature: 0, seed: 7, stream: false });
  } finally {
    await srv.close();
  }
});

test('no key, no seed: neither is sent', async () => {
  const srv = await startReplayServer([answer('hi')]);
  try {
    await fastClient(srv.baseUrl).client.complete(MESSAGES);
    const req = srv.requests[0];
    assert.equal(req?.headers.authorization, undefined);
    assert.equal((req?.body as { seed?: number }).seed, undefined);
  } finally {
    await srv.close();
  }
});

test('429 then success: retried, waiting what Retry-After asks (seconds, and an HTTP date)', async () => {
  const srv = await startReplayServer([
    { status: 429, headers: { 'retry-after': '2' }, body: { error: { message: 'rate limited' } } },
    { status: 429, headers: { 'retry-after': new Date(Date.UTC(2026, 0, 1, 0, 0, 5)).toUTCString() }, body: { error: 'slow down' } },
    answer('done'),
  ]);
  try {
    const { client, waits } = fastClient(srv.baseUrl, { now: () => Date.UTC(2026, 0, 1, 0, 0, 0) });
    const got = await client.complete(MESSAGES);
    assert.equal(got.content, 'done');
    assert.equal(got.attempts, 3);
    assert.deepEqual(waits, [2000, 5000]);
    assert.equal(srv.requests.length, 3);
  } finally {
    await srv.close();
  }
});

test('without Retry-After the wait doubles; a long Retry-After is capped', async () => {
  const srv = await startReplayServer([{ status: 503 }, { status: 502 }, { status: 429, headers: { 'retry-after': '3600' } }, answer('ok')]);
  try {
    const { client, waits } = fastClient(srv.baseUrl, { baseDelayMs: 100, maxDelayMs: 10_000 });
    await client.complete(MESSAGES);
    assert.deepEqual(waits, [100, 200, 10_000]);
  } finally {
    await srv.close();
  }
});

test('500 forever: a clear error after N attempts naming the URL, the model, the status and the fix', async () => {
  const srv = await startReplayServer(() => ({ status: 500, body: { error: { message: 'model failed to load' } } }));
  try {
    const { client, waits } = fastClient(srv.baseUrl, { maxAttempts: 3 });
    const e = await rejection(client.complete(MESSAGES));
    assert.equal(srv.requests.length, 3);
    assert.equal(waits.length, 2);
    assert.equal(e.component, 'llm');
    assert.equal(e.code, 'LLM_HTTP');
    assert.match(e.message, /^verity: \[llm\] the LLM server at "http:\/\/127\.0\.0\.1:\d+\/v1\/chat\/completions" \(model "m"\) answered HTTP 500: "model failed to load" \(gave up after 3 attempts\)\. Fix: check the server log/);
  } finally {
    await srv.close();
  }
});

test('4xx other than 429 is not retried; 404 says how to fix the URL or pull the model', async () => {
  const srv = await startReplayServer(() => ({ status: 404, body: { error: { message: 'model "m" not found, try pulling it first' } } }));
  try {
    const e = await rejection(fastClient(srv.baseUrl).client.complete(MESSAGES));
    assert.equal(srv.requests.length, 1);
    assert.match(e.message, /answered HTTP 404: "model \\"m\\" not found, try pulling it first"\. Fix: check that --llm-url is the OpenAI-compatible base \(ending in \/v1; Verity adds \/chat\/completions\) and that the server has the model "m" \(for Ollama: ollama pull m\)/);
  } finally {
    await srv.close();
  }
});

test('the API key is redacted from errors, even when the server echoes it', async () => {
  const key = 'sk-live-abcdef0123456789';
  const srv = await startReplayServer((req) => ({ status: 401, body: { error: { message: `invalid key in header: ${String(req.headers.authorization)}` } } }));
  try {
    const e = await rejection(fastClient(srv.baseUrl, { apiKey: key }).client.complete(MESSAGES));
    assert.ok(!e.message.includes(key), e.message);
    assert.ok(!e.message.includes('abcdef0123'), e.message);
    assert.match(e.message, /HTTP 401: "invalid key in header: Bearer \*\*\*"\. Fix: set VERITY_LLM_API_KEY/);
  } finally {
    await srv.close();
  }
});

test('credentials in the URL are sent as Basic auth and never printed', async () => {
  const srv = await startReplayServer((req) => ({ status: 400, body: `bad request from ${String(req.headers.authorization)}` }));
  try {
    const url = srv.baseUrl.replace('http://', 'http://user:hunter22@');
    const e = await rejection(fastClient(url).client.complete(MESSAGES));
    assert.equal(srv.requests[0]?.headers.authorization, `Basic ${Buffer.from('user:hunter22').toString('base64')}`);
    assert.ok(!e.message.includes('hunter22'), e.message);
    assert.ok(!e.message.includes(Buffer.from('user:hunter22').toString('base64')), e.message);
    assert.match(e.message, /at "http:\/\/127\.0\.0\.1:\d+\/v1\/chat\/completions" \(model "m"\) answered HTTP 400: "bad request from Basic \*\*\*"/);
  } finally {
    await srv.close();
  }
});

test('a server that never answers: TIMEOUT after the deadline, not retried', async () => {
  const srv = await startReplayServer(() => ({ hang: true }));
  try {
    const t0 = Date.now();
    const e = await rejection(fastClient(srv.baseUrl, { timeoutMs: 150 }).client.complete(MESSAGES));
    assert.ok(Date.now() - t0 < 5000);
    assert.equal(e.code, 'TIMEOUT');
    assert.equal(srv.requests.length, 1);
    assert.match(e.message, /gave no answer within 0\.2 s\. Fix: use a faster or smaller model, .* VERITY_LLM_TIMEOUT/);
  } finally {
    await srv.close();
  }
});

test('an unreachable server: retried, then an IO error saying to start the server', async () => {
  // A port that was free a moment ago: nothing listens there.
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  const port = (probe.address() as { port: number }).port;
  await new Promise<void>((r) => probe.close(() => r()));
  const { client, waits } = fastClient(`http://127.0.0.1:${port}/v1`, { maxAttempts: 2 });
  const e = await rejection(client.complete(MESSAGES));
  assert.equal(waits.length, 1);
  assert.equal(e.code, 'IO');
  assert.equal(e.retryable, true);
  assert.match(e.message, new RegExp(`cannot reach the LLM server at "http://127\\.0\\.0\\.1:${port}/v1/chat/completions" \\(model "m"\\): ECONNREFUSED \\(gave up after 2 attempts\\)\\. Fix: start the server`));
});

test('a port fetch refuses is a usage error at once, not retried', async () => {
  const { client, waits } = fastClient('http://127.0.0.1:9/v1');
  const e = await rejection(client.complete(MESSAGES));
  assert.equal(e.code, 'USAGE');
  assert.equal(waits.length, 0);
  assert.match(e.message, /uses a port that fetch refuses \(a blocked port\)\. Fix: run the server on another port/);
});

test('bad URLs and an empty model are usage errors before any request', () => {
  for (const url of ['not a url', 'ftp://example.org/v1', '', 'http://']) {
    assert.throws(() => new ChatClient({ baseUrl: url, model: 'm' }), (e: unknown) => e instanceof VerityError && e.code === 'USAGE' && /\[llm\] the LLM server URL ".*" is not an http\(s\) URL\. Fix: pass --llm-url/.test(e.message));
  }
  assert.throws(() => new ChatClient({ baseUrl: 'http://127.0.0.1:1/v1', model: ' ' }), /the LLM model name is empty\. Fix: pass --llm-model/);
  assert.equal(chatEndpoint('http://h:1/v1/'), 'http://h:1/v1/chat/completions');
  assert.equal(chatEndpoint('https://api.example.com/v1/chat/completions'), 'https://api.example.com/v1/chat/completions');
});

test('a 200 that is not a chat completion is refused, not cast through', async () => {
  const srv = await startReplayServer([{ status: 200, body: '<html>hello</html>' }, { status: 200, body: { choices: [] } }]);
  try {
    const { client } = fastClient(srv.baseUrl);
    const a = await rejection(client.complete(MESSAGES));
    assert.equal(a.code, 'BAD_RESPONSE');
    assert.match(a.message, /answered HTTP 200 with a body that is not JSON \("<html>hello<\/html>"\)/);
    const b = await rejection(client.complete(MESSAGES));
    assert.match(b.message, /answered without choices\[0\]\.message\.content/);
  } finally {
    await srv.close();
  }
});

test('a response larger than the cap is refused', async () => {
  const srv = await startReplayServer([answer('x'.repeat(5000))]);
  try {
    const e = await rejection(fastClient(srv.baseUrl, { maxResponseBytes: 1000 }).client.complete(MESSAGES));
    assert.equal(e.code, 'TOO_LARGE');
  } finally {
    await srv.close();
  }
});
