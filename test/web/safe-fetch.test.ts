import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import type { LookupAddress } from 'node:dns';
import { VerityError } from '../../src/errors.js';
import { safeFetch, type SafeFetchOptions } from '../../src/web/safe-fetch.js';
import { startServer, send, type LocalServer } from './local-server.js';

let server: LocalServer;
const PAGE = '<!doctype html><html><head><title>T</title></head><body><p>Hello from the local server.</p></body></html>';

before(async () => {
  server = await startServer();
  server.route('/page', send(PAGE, 'text/html; charset=utf-8'));
  server.route('/hop1', send('', 'text/plain', 302, { location: '/hop2' }));
  server.route('/hop2', send('', 'text/plain', 301, { location: '/page' }));
  server.route('/loop', send('', 'text/plain', 302, { location: '/loop' }));
  server.route('/png', send(Buffer.from([0x89, 0x50, 0x4e, 0x47]), 'image/png'));
  server.route('/pdf-octet', send(Buffer.from('%PDF-1.4\n%fake\n'), 'application/octet-stream'));
  server.route('/blob', send(Buffer.from([1, 2, 3, 4]), 'application/octet-stream'));
  server.route('/gone', send('gone', 'text/plain', 410));
  server.route('/busy', send('busy', 'text/plain', 503));
  server.route('/big-declared', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(5000) });
    res.end('x'.repeat(5000));
  });
  server.route('/big-streamed', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' }); // chunked: no length to check up front
    for (let i = 0; i < 10; i++) res.write('y'.repeat(1000));
    res.end();
  });
  server.route('/bomb', send(gzipSync(Buffer.alloc(4_000_000, 0x61)), 'text/plain', 200, { 'content-encoding': 'gzip' }));
  server.route('/gz', send(gzipSync(Buffer.from('compressed text')), 'text/plain', 200, { 'content-encoding': 'gzip' }));
  server.route('/hang', () => undefined); // never answers
  server.route('/ua', (req, res) => void res.writeHead(200, { 'content-type': 'text/plain' }).end(String(req.headers['user-agent'])));
});
after(() => server.close());

async function refusal(url: string, options: SafeFetchOptions = {}): Promise<VerityError> {
  try {
    await safeFetch(url, options);
  } catch (e) {
    assert.ok(e instanceof VerityError, `a VerityError, not ${String(e)}`);
    assert.equal(e.component, 'web');
    return e;
  }
  assert.fail(`${url} was fetched`);
}

const fixedResolver = (answers: Record<string, string[]>) => {
  const calls: string[] = [];
  const resolve = async (host: string): Promise<LookupAddress[]> => {
    calls.push(host);
    const list = answers[host];
    if (!list) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
    return list.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
  return { resolve, calls };
};

test('by default 127.0.0.1 is refused before any connection, naming the URL, the address and the fix', async () => {
  const before = server.requests.length;
  const e = await refusal(`${server.origin}/page`);
  assert.equal(e.code, 'REFUSED');
  assert.match(e.message, /^verity: \[web\] cannot fetch "http:\/\/127\.0\.0\.1:\d+\/page": the address 127\.0\.0\.1 is loopback/);
  assert.match(e.message, /Fix: .*VERITY_WEB_ALLOW_PRIVATE=1/);
  assert.equal(server.requests.length, before, 'nothing reached the server');
});

test('every non-public address form is refused: IPv6 loopback, mapped, numeric and hex IPv4 forms, metadata, CGNAT', async () => {
  const cases: [string, RegExp][] = [
    ['http://[::1]/', /::1 is loopback/],
    ['http://[::ffff:127.0.0.1]/', /IPv4-mapped IPv6/],
    ['http://[::ffff:8.8.8.8]/', /IPv4-mapped IPv6/],
    ['http://2130706433/', /127\.0\.0\.1 is loopback/],
    ['http://0x7f.1/', /127\.0\.0\.1 is loopback/],
    ['http://169.254.169.254/latest/meta-data/', /link-local/],
    ['http://100.64.1.1/', /CGNAT/],
    ['http://10.1.2.3/', /private/],
    ['http://192.168.0.1/', /private/],
    ['http://0.0.0.0/', /unspecified/],
    ['http://224.0.0.1/', /multicast/],
    ['http://[fe80::1]/', /link-local/],
    ['http://[fd12::1]/', /unique-local/],
  ];
  for (const [url, why] of cases) {
    const e = await refusal(url, { timeoutMs: 2000 });
    assert.equal(e.code, 'REFUSED', url);
    assert.match(e.message, why, url);
  }
});

test('a host name is refused when any of its addresses is private', async () => {
  const { resolve } = fixedResolver({ 'mixed.example': ['93.184.216.34', '10.0.0.7'], 'inside.example': ['192.168.1.20'] });
  const e = await refusal('https://mixed.example/doc', { resolve });
  assert.match(e.message, /the address 10\.0\.0\.7 is private \("mixed\.example" resolves to 10\.0\.0\.7\)/);
  assert.equal((await refusal('http://inside.example/', { resolve })).code, 'REFUSED');
});

test('only http and https are fetched', async () => {
  for (const url of ['file:///etc/passwd', 'ftp://example.org/x', 'gopher://example.org/']) {
    const e = await refusal(url);
    assert.equal(e.code, 'UNSUPPORTED', url);
    assert.match(e.message, /is not fetched\. Fix: use an http:\/\/ or https:\/\/ URL/);
  }
  assert.equal((await refusal('not a url')).code, 'BAD_INPUT');
});

test('allowPrivate opts in (tests, intranets): the page, its type and the final URL come back', async () => {
  const r = await safeFetch(`${server.origin}/page`, { allowPrivate: true });
  assert.equal(r.status, 200);
  assert.equal(r.kind, 'html');
  assert.equal(r.charset, 'utf-8');
  assert.equal(r.body.toString('utf8'), PAGE);
  assert.equal(r.url, `${server.origin}/page`);
  assert.equal(r.address, '127.0.0.1');
});

test('the connection is pinned to the checked address: the name is resolved once per hop and never again', async () => {
  // The first answer is the local server; any later lookup would answer an unroutable address.
  let n = 0;
  const resolve = async (): Promise<LookupAddress[]> => [{ address: n++ === 0 ? '127.0.0.1' : '10.255.255.1', family: 4 }];
  const r = await safeFetch(`http://rebind.test:${server.port}/page`, { allowPrivate: true, resolve, timeoutMs: 3000 });
  assert.equal(r.status, 200);
  assert.equal(r.address, '127.0.0.1');
  assert.equal(n, 1, 'resolved exactly once');
  assert.equal(server.requests.at(-1)?.headers.host, `rebind.test:${server.port}`, 'the Host header keeps the name');
});

test('redirects are followed and listed; too many are refused', async () => {
  const r = await safeFetch(`${server.origin}/hop1`, { allowPrivate: true });
  assert.equal(r.url, `${server.origin}/page`);
  assert.deepEqual(r.redirects, [`${server.origin}/hop2`, `${server.origin}/page`]);
  const e = await refusal(`${server.origin}/hop1`, { allowPrivate: true, maxRedirects: 1 });
  assert.equal(e.code, 'REFUSED');
  assert.match(e.message, /more than 1 redirects/);
  assert.match((await refusal(`${server.origin}/loop`, { allowPrivate: true })).message, /more than 5 redirects/);
});

test('each redirect hop is checked again: a trusted host cannot bounce the fetch to another private host', async () => {
  server.route('/bounce', send('', 'text/plain', 302, { location: `http://intranet.test:${server.port}/page` }));
  const { resolve, calls } = fixedResolver({ 'intranet.test': ['127.0.0.1'] });
  const e = await refusal(`${server.origin}/bounce`, { trustedHosts: ['127.0.0.1'], resolve });
  assert.equal(e.code, 'REFUSED');
  assert.match(e.message, /cannot fetch "http:\/\/intranet\.test:\d+\/page": the address 127\.0\.0\.1 is loopback/);
  assert.deepEqual(calls, ['intranet.test']);
  // The trusted host itself is fetched.
  assert.equal((await safeFetch(`${server.origin}/page`, { trustedHosts: ['127.0.0.1'] })).status, 200);
});

test('bodies over the limit are refused: declared length, streamed, and decompressed (gzip bomb)', async () => {
  const declared = await refusal(`${server.origin}/big-declared`, { allowPrivate: true, maxBytes: 1000 });
  assert.equal(declared.code, 'TOO_LARGE');
  assert.match(declared.message, /it is 5000 bytes, over the 1000-byte limit/);
  const streamed = await refusal(`${server.origin}/big-streamed`, { allowPrivate: true, maxBytes: 4000 });
  assert.equal(streamed.code, 'TOO_LARGE');
  assert.match(streamed.message, /passed the 4000-byte limit while reading/);
  const bomb = await refusal(`${server.origin}/bomb`, { allowPrivate: true, maxBytes: 1_000_000 });
  assert.equal(bomb.code, 'TOO_LARGE');
  const gz = await safeFetch(`${server.origin}/gz`, { allowPrivate: true });
  assert.equal(gz.body.toString(), 'compressed text');
});

test('content types outside the allow-list are refused; a generic type is sniffed for PDF', async () => {
  const png = await refusal(`${server.origin}/png`, { allowPrivate: true });
  assert.equal(png.code, 'UNSUPPORTED');
  assert.match(png.message, /the content type "image\/png" is not read\. Fix: Verity reads html, text, markdown, pdf, json, jsonl/);
  assert.equal((await safeFetch(`${server.origin}/pdf-octet`, { allowPrivate: true })).kind, 'pdf');
  assert.equal((await refusal(`${server.origin}/blob`, { allowPrivate: true })).code, 'UNSUPPORTED');
  assert.equal((await refusal(`${server.origin}/page`, { allowPrivate: true, accept: ['json'] })).code, 'UNSUPPORTED');
});

test('HTTP errors: 404/410 are NOT_FOUND, 5xx is retryable', async () => {
  const gone = await refusal(`${server.origin}/gone`, { allowPrivate: true });
  assert.equal(gone.code, 'NOT_FOUND');
  assert.match(gone.message, /the server answered 410 Gone/);
  const busy = await refusal(`${server.origin}/busy`, { allowPrivate: true });
  assert.equal(busy.retryable, true);
  assert.equal((await refusal(`${server.origin}/missing`, { allowPrivate: true })).retryable, false);
});

test('a server that never answers times out (retryable)', async () => {
  const t0 = Date.now();
  const e = await refusal(`${server.origin}/hang`, { allowPrivate: true, timeoutMs: 300 });
  assert.equal(e.code, 'TIMEOUT');
  assert.equal(e.retryable, true);
  assert.match(e.message, /no complete answer within 300 ms/);
  assert.ok(Date.now() - t0 < 3000);
});

test('a refused connection and an unknown host are VerityErrors too', async () => {
  const closed = await startServer();
  const origin = closed.origin;
  await closed.close();
  assert.equal((await refusal(`${origin}/x`, { allowPrivate: true })).code, 'IO');
  const { resolve } = fixedResolver({});
  const e = await refusal('https://no-such-host.example/', { resolve });
  assert.equal(e.code, 'NOT_FOUND');
  assert.match(e.message, /the host "no-such-host\.example" does not resolve/);
});

test('requests name Verity in the User-Agent', async () => {
  const r = await safeFetch(`${server.origin}/ua`, { allowPrivate: true });
  assert.match(r.body.toString(), /^Verity\/\d+\.\d+\.\d+ /);
});
