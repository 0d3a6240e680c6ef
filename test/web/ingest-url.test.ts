import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store/sqlite/open.js';
import { ingestPaths } from '../../src/ingest/index.js';
import { isUrlInput, titleFromUrl } from '../../src/ingest/load/load-url.js';
import { makePdf } from '../fixtures/ingest/make-pdf.js';
import { runCli } from '../helpers/run-cli.js';
import { fixture, send, startServer, type LocalServer } from './local-server.js';

let server: LocalServer;
const dir = mkdtempSync(join(tmpdir(), 'verity-web-ingest-'));
const now = (): Date => new Date('2026-01-02T03:04:05.000Z');
const web = { allowPrivate: true };
let inFlight = 0;
let peak = 0;

before(async () => {
  server = await startServer();
  server.route('/news/possession-laws', send(fixture('pages/article.html'), 'text/html; charset=utf-8'));
  server.route('/old-link', send('', 'text/plain', 301, { location: '/news/possession-laws' }));
  server.route('/notes.md', send(fixture('pages/notes.md'), 'text/markdown; charset=utf-8'));
  server.route('/records', send(fixture('pages/records.json'), 'application/json'));
  server.route('/plain', send('Plain text from the web. It has two sentences.', 'text/plain'));
  server.route('/report.pdf', send(makePdf({ pages: [['The annual report counts 140 countries.'], ['Page two says more.']], info: { Title: 'Annual Report' } }), 'application/pdf'));
  server.route('/latin1', send(Buffer.from('<html><body><p>Caf\u00e9 law: the r\u00e9gime changed in 2020 and fines doubled.</p></body></html>', 'latin1'), 'text/html; charset=ISO-8859-1'));
  server.route('/image', send(Buffer.from([0x89, 0x50]), 'image/png'));
  server.route('/numbered', (_req, res, url) => {
    inFlight++;
    peak = Math.max(peak, inFlight);
    setTimeout(() => {
      inFlight--;
      res.writeHead(200, { 'content-type': 'text/plain' }).end(`Numbered page ${url.searchParams.get('n')}. It says one thing.`);
    }, 3);
  });
  writeFileSync(join(dir, 'local.txt'), 'A local file sits in the same batch. It still goes in.');
});
after(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

test('URL inputs are told apart from paths', () => {
  assert.ok(isUrlInput('https://example.org/a'));
  assert.ok(isUrlInput('HTTP://EXAMPLE.ORG'));
  assert.ok(isUrlInput('file:///etc/passwd'), 'other schemes are URLs too (and refused by the fetch)');
  assert.ok(!isUrlInput('docs/a.md'));
  assert.ok(!isUrlInput('C:\\docs\\a.md'));
  assert.equal(titleFromUrl('https://x.example/news/possession-laws.html'), 'possession laws');
  assert.equal(titleFromUrl('https://x.example/'), 'x.example');
});

test('an HTML page: main content via Readability, meta tags, uri = the final URL after redirects, retrievedAt = fetch time', async () => {
  const store = await openStore(':memory:');
  try {
    const s = await ingestPaths(store, [`${server.origin}/old-link`], { now, web, kind: 'news' });
    assert.deepEqual(s.failures, []);
    assert.equal(s.urls, 1);
    assert.equal(s.added, 1);
    assert.equal(s.documents[0]?.origin, `${server.origin}/old-link`);
    const [src] = await store.listSources();
    assert.ok(src);
    assert.equal(src.uri, `${server.origin}/news/possession-laws`, 'the final URL, not the canonical link');
    assert.equal(src.title, 'Possession laws compared');
    assert.equal(src.publisher, 'Example Gazette');
    assert.equal(src.author, 'Ada Reporter');
    assert.equal(src.publishedAt, '2024-02-10');
    assert.equal(src.kind, 'news');
    assert.equal(src.language, 'en');
    assert.equal(src.retrievedAt, now().toISOString());
    const text = (await store.getSourceText(src.id)) ?? '';
    assert.match(text, /most countries now criminalize the possession/);
    assert.doesNotMatch(text, /Home/, 'navigation left out');
  } finally {
    await store.close();
  }
});

test('PDF, Markdown, text, JSON and a declared charset are read by their content type', async () => {
  const store = await openStore(':memory:');
  try {
    const urls = ['/report.pdf', '/notes.md', '/plain', '/records', '/latin1'].map((p) => `${server.origin}${p}`);
    const s = await ingestPaths(store, urls, { now, web });
    assert.equal(s.urls, 5);
    assert.equal(s.added, 6, 'pdf, md, text, two JSON records, latin1 page');
    assert.equal(s.failures.length, 1, 'the JSON record without text');
    assert.match(s.failures[0]?.message ?? '', /records:3": it has no "text" field/);
    const byTitle = new Map((await store.listSources()).map((x) => [x.title, x]));
    assert.equal(byTitle.get('Annual Report')?.uri, `${server.origin}/report.pdf`);
    const notes = byTitle.get('Field notes on enforcement');
    assert.equal(notes?.kind, 'academic');
    assert.equal(notes?.publisher, 'Example Institute');
    assert.equal(notes?.uri, `${server.origin}/notes.md`, 'front matter does not move the source away from where it was read');
    assert.equal(byTitle.get('plain')?.uri, `${server.origin}/plain`);
    assert.equal(byTitle.get('Record one')?.kind, 'government');
    assert.equal(byTitle.get('Record two')?.uri, `${server.origin}/records#L2`);
    const latin = [...byTitle.values()].find((x) => x.uri.endsWith('/latin1'));
    assert.ok(latin);
    assert.match((await store.getSourceText(latin.id)) ?? '', /Café law: the régime changed/);
  } finally {
    await store.close();
  }
});

test('a broken or refused URL loses nothing else in the batch', async () => {
  const store = await openStore(':memory:');
  try {
    const inputs = [join(dir, 'local.txt'), `${server.origin}/plain`, `${server.origin}/missing`, `${server.origin}/image`, 'ftp://example.org/x'];
    const s = await ingestPaths(store, inputs, { now, web });
    assert.equal(s.files, 1);
    assert.equal(s.urls, 4);
    assert.equal(s.added, 2);
    assert.deepEqual(
      s.failures.map((f) => [f.origin, f.code]),
      [
        [`${server.origin}/missing`, 'NOT_FOUND'],
        [`${server.origin}/image`, 'UNSUPPORTED'],
        ['ftp://example.org/x', 'UNSUPPORTED'],
      ],
    );
    // Without the opt-in the local server is refused and the file still goes in.
    const strict = await ingestPaths(store, [join(dir, 'local.txt'), `${server.origin}/plain`], { now });
    assert.equal(strict.unchanged, 1);
    assert.equal(strict.failures[0]?.code, 'REFUSED');
    assert.match(strict.failures[0]?.message ?? '', /^verity: \[web\] cannot fetch "http:\/\/127\.0\.0\.1:\d+\/plain": the address 127\.0\.0\.1 is loopback/);
  } finally {
    await store.close();
  }
});

test('many URLs: fetched in groups, two at a time, stored in input order, a repeated URL fetched once', async () => {
  const store = await openStore(':memory:');
  try {
    const urls = Array.from({ length: 40 }, (_, i) => `${server.origin}/numbered?n=${i}`);
    const before = server.requests.length;
    const s = await ingestPaths(store, [...urls, urls[3] as string], { now, web });
    assert.equal(s.urls, 40);
    assert.equal(s.added, 40);
    assert.equal(server.requests.length - before, 40);
    assert.deepEqual(s.documents.map((d) => d.origin), urls);
    assert.equal(peak, 2, 'two requests in flight at most (the default), and the limit was reached');
  } finally {
    await store.close();
  }
});

test('verity ingest takes URLs beside files; VERITY_WEB_ALLOW_PRIVATE=1 is the opt-in for a local server', async () => {
  const db = join(dir, 'cli.db');
  const refused = await runCli(['ingest', join(dir, 'local.txt'), `${server.origin}/plain`, '--db', db]);
  assert.equal(refused.code, 1);
  assert.match(refused.stdout, /1 file and 1 URL read: 1 added, 0 replaced, 0 unchanged, 1 failed, 0 skipped/);
  assert.match(refused.stderr, /\[web\] cannot fetch ".*\/plain": the address 127\.0\.0\.1 is loopback.*Fix: .*VERITY_WEB_ALLOW_PRIVATE=1/);

  const ok = await runCli(['ingest', `${server.origin}/plain`, `${server.origin}/news/possession-laws`, '--db', db, '--kind', 'news', '--json'], { env: { VERITY_WEB_ALLOW_PRIVATE: '1' } });
  assert.equal(ok.code, 0, ok.stdout);
  const body = JSON.parse(ok.stdout) as { urls: number; added: number; documents: { uri: string }[]; corpus: { sources: number } };
  assert.equal(body.urls, 2);
  assert.equal(body.added, 2);
  assert.deepEqual(body.documents.map((d) => d.uri), [`${server.origin}/plain`, `${server.origin}/news/possession-laws`]);
  assert.equal(body.corpus.sources, 3);

  const bad = await runCli(['ingest', `${server.origin}/plain`, '--db', db], { env: { VERITY_WEB_ALLOW_PRIVATE: 'maybe' } });
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /VERITY_WEB_ALLOW_PRIVATE="maybe" is not 1 or 0/);
});
