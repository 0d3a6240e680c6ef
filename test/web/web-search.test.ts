import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VerityError } from '../../src/errors.js';
import { openStore } from '../../src/store/sqlite/open.js';
import { ingestTexts } from '../../src/ingest/index.js';
import { WikipediaSearch, cleanExtract } from '../../src/web/wikipedia.js';
import { SearxngSearch } from '../../src/web/searxng.js';
import { createWebSearch, webDocuments } from '../../src/web/web-documents.js';
import { mapLimit } from '../../src/web/concurrency.js';
import { htmlFragmentToText } from '../../src/web/html-text.js';
import { makePdf } from '../fixtures/ingest/make-pdf.js';
import { runCli } from '../helpers/run-cli.js';
import { WEB_FIXTURES, fixture, send, startServer, type LocalServer } from './local-server.js';

let server: LocalServer;
const dir = mkdtempSync(join(tmpdir(), 'verity-web-search-'));
const now = (): Date => new Date('2026-02-03T04:05:06.000Z');

/** Replays the recorded MediaWiki answers by the query parameters a real client sends. */
function mediawiki(): void {
  server.route('/w/api.php', (_req, res, url) => {
    const p = url.searchParams;
    const json = (name: string): void => void res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(fixture(`wikipedia/${name}`));
    if (p.get('format') !== 'json' || p.get('formatversion') !== '2') return void res.writeHead(400).end('format');
    if (p.get('action') === 'query' && p.get('list') === 'search') return json(p.get('srsearch') ? 'search-fact-checking.json' : 'error-nosrsearch.json');
    if (p.get('action') === 'query' && p.get('prop')?.split('|').includes('extracts') && p.get('explaintext') === '1') {
      const id = p.get('pageids') ?? '';
      return json(existsSync(join(WEB_FIXTURES, `wikipedia/extract-${id}.json`)) ? `extract-${id}.json` : 'extract-missing.json');
    }
    res.writeHead(400).end('unexpected request');
  });
}

function searxng(): void {
  server.route('/search', (_req, res, url) => {
    if (url.searchParams.get('format') !== 'json') return void res.writeHead(400).end();
    if (url.searchParams.get('q') === 'json disabled') return void res.writeHead(403, { 'content-type': 'text/html' }).end('<h1>Forbidden</h1>');
    const body = fixture('searxng/search-fact-checking.json').toString('utf8').replaceAll('{{ORIGIN}}', server.origin);
    res.writeHead(200, { 'content-type': 'application/json' }).end(body);
  });
  server.route('/articles/fact-checkers-grow', send(fixture('searxng/fact-checkers-grow.html'), 'text/html; charset=utf-8'));
  server.route('/reports/census.pdf', send(makePdf({ pages: [['The census counted 443 active fact-checking projects.']] }), 'application/pdf'));
}

before(async () => {
  server = await startServer();
  mediawiki();
  searxng();
});
after(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

test('Wikipedia search: ranked results with plain-text snippets, from the MediaWiki API as a real client asks it', async () => {
  const wiki = new WikipediaSearch({ baseUrl: server.origin });
  assert.equal(wiki.endpoint, `${server.origin}/w/api.php`, 'the site alone gets the api.php path');
  const results = await wiki.search('fact checking', { limit: 3 });
  assert.deepEqual(results.map((r) => [r.rank, r.title, r.id, r.publishedAt]), [
    [1, 'Fact-checking', '5519034', '2025-09-14'],
    [2, 'International Fact-Checking Network', '52841234', '2025-06-02'],
    [3, 'List of fact-checking websites', '48290771', '2025-10-30'],
  ]);
  assert.equal(results[0]?.url, `${server.origin}/wiki/Fact-checking`);
  assert.match(results[1]?.snippet ?? '', /^The International Fact-Checking Network \(IFCN\) is a unit .* & promoting "best practices"$/);
  const sent = server.requests.find((r) => r.path.startsWith('/w/api.php?') && r.path.includes('list=search'));
  assert.ok(sent);
  const params = new URL(sent.path, 'http://x').searchParams;
  assert.equal(params.get('srsearch'), 'fact checking');
  assert.equal(params.get('srlimit'), '3');
  assert.match(String(sent.headers['user-agent']), /^Verity\//);
});

test('Wikipedia read: article text without empty sections, canonical URL, reference kind, licence, last-edit date; a missing page is a failure', async () => {
  const r = await webDocuments('fact checking', { engine: 'wikipedia', baseUrl: server.origin, limit: 3, now });
  assert.equal(r.engine, 'wikipedia');
  assert.equal(r.results.length, 3);
  assert.deepEqual(r.documents.map((d) => d.meta.title), ['Fact-checking', 'International Fact-Checking Network']);
  const doc = r.documents[0];
  assert.ok(doc);
  assert.deepEqual(doc.meta, {
    uri: 'https://en.wikipedia.org/wiki/Fact-checking',
    title: 'Fact-checking',
    publisher: 'Wikipedia',
    author: null,
    publishedAt: '2025-09-14',
    kind: 'reference',
    language: 'en',
    license: 'CC BY-SA 4.0',
  });
  assert.equal(doc.retrievedAt, now().toISOString());
  assert.match(doc.text, /^Fact-checking is the process/);
  assert.match(doc.text, /\n\nHistory\n\nNewsroom research departments/);
  assert.doesNotMatch(doc.text, /==|See also|External links/);
  assert.deepEqual(r.failures.map((f) => [f.url, f.code]), [[`${server.origin}/wiki/List_of_fact-checking_websites`, 'NOT_FOUND']]);
  assert.match(r.failures[0]?.message ?? '', /Wikipedia has no article "List of fact-checking websites"/);
});

test('a MediaWiki error answer becomes a VerityError naming the API code', async () => {
  const wiki = new WikipediaSearch({ baseUrl: `${server.origin}/w/api.php` });
  await assert.rejects(wiki.search(''), (e: unknown) => {
    assert.ok(e instanceof VerityError);
    assert.equal(e.code, 'UPSTREAM');
    assert.match(e.message, /answered the error "nosrsearch": The "srsearch" parameter must be set/);
    return true;
  });
});

test('SearXNG search: http(s) results only, duplicates dropped, engines named, limit kept', async () => {
  const sx = new SearxngSearch({ baseUrl: server.origin });
  assert.equal(sx.endpoint, `${server.origin}/search`);
  const results = await sx.search('fact checking organizations', { limit: 10 });
  assert.deepEqual(results.map((r) => [r.rank, r.url.replace(server.origin, ''), r.engine, r.publishedAt]), [
    [1, '/articles/fact-checkers-grow', 'searxng:duckduckgo,brave', '2024-06-20'],
    [2, '/reports/census.pdf', 'searxng:brave', null],
    [3, '/articles/removed', 'searxng:duckduckgo', null],
  ]);
  assert.equal((await sx.search('x', { limit: 1 })).length, 1);
});

test('SearXNG pages are untrusted: the local endpoint answers, but result pages on private addresses are refused unless allowed', async () => {
  const strict = await webDocuments('fact checking organizations', { engine: 'searxng', baseUrl: server.origin, now });
  assert.equal(strict.documents.length, 0);
  assert.deepEqual(strict.failures.map((f) => f.code), ['REFUSED', 'REFUSED', 'REFUSED']);

  const open = await webDocuments('fact checking organizations', { engine: 'searxng', baseUrl: server.origin, now, web: { allowPrivate: true }, kind: 'news' });
  assert.deepEqual(open.documents.map((d) => [d.meta.title, d.meta.kind, d.meta.publishedAt]), [
    ['Fact-checkers grow in number', 'news', '2024-06-20'],
    ['Fact-checking census 2024 (PDF)', 'news', null],
  ]);
  assert.equal(open.documents[0]?.meta.publisher, 'Example Media Review');
  assert.equal(open.documents[1]?.meta.uri, `${server.origin}/reports/census.pdf`);
  assert.deepEqual(open.failures.map((f) => f.code), ['NOT_FOUND']);

  // The documents go straight into a store.
  const store = await openStore(':memory:');
  try {
    const written = await ingestTexts(store, open.documents);
    assert.deepEqual(written.map((w) => (w instanceof VerityError ? w.code : w.status)), ['added', 'added']);
    assert.equal((await store.listSources()).find((s) => s.title === 'Fact-checkers grow in number')?.retrievedAt, now().toISOString());
  } finally {
    await store.close();
  }
});

test('SearXNG with JSON disabled (403) says how to enable it; no URL and unknown engines are usage errors', async () => {
  const sx = new SearxngSearch({ baseUrl: server.origin });
  await assert.rejects(sx.search('json disabled'), /refused the JSON format \(403 Forbidden\)\. Fix: enable it in the instance's settings\.yml: search: formats: \[html, json\]/);
  assert.throws(() => new SearxngSearch({}), (e: unknown) => e instanceof VerityError && e.code === 'USAGE' && /no SearXNG URL given/.test(e.message));
  assert.throws(() => createWebSearch('bing'), /unknown web search engine "bing"\. Fix: use one of: wikipedia, searxng/);
  assert.throws(() => new WikipediaSearch({ baseUrl: 'ftp://wiki.example' }), /the Wikipedia URL "ftp:\/\/wiki\.example" is not an http\(s\) URL/);
  await assert.rejects(webDocuments('  '), /the web search query is empty/);
});

test('mapLimit keeps order and never runs more than the limit at once', async () => {
  let running = 0;
  let peak = 0;
  const out = await mapLimit([50, 10, 30, 20, 5, 1], 2, async (ms, i) => {
    running++;
    peak = Math.max(peak, running);
    await new Promise((r) => setTimeout(r, ms));
    running--;
    return i * 10;
  });
  assert.deepEqual(out, [0, 10, 20, 30, 40, 50]);
  assert.equal(peak, 2);
  assert.deepEqual(await mapLimit([], 3, async () => 1), []);
});

test('snippet and extract cleaning', () => {
  assert.equal(htmlFragmentToText('a <span class="searchmatch">b</span> &amp; c&#39;s &#x2014; d'), "a b & c's — d");
  assert.equal(cleanExtract('Lead.\n\n\n== A ==\nBody A.\n\n\n=== A1 ===\n\n\n== B ==\nBody B.'), 'Lead.\n\nA\n\nBody A.\n\nB\n\nBody B.');
});

test('verity web-search lists results, prints JSON, and --ingest reads them into the corpus', async () => {
  const list = await runCli(['web-search', 'fact', 'checking', '--url', server.origin, '--limit', '2']);
  assert.equal(list.code, 0, list.stderr);
  assert.match(list.stdout, /^1\. Fact-checking \(2025-09-14\)\n {3}http:\/\/127\.0\.0\.1:\d+\/wiki\/Fact-checking\n {3}Fact-checking is the process/);
  assert.match(list.stdout, /^2\. International Fact-Checking Network/m);

  const json = await runCli(['web-search', 'fact checking', '--url', server.origin, '--json'], { env: {} });
  const body = JSON.parse(json.stdout) as { engine: string; endpoint: string; results: { title: string }[] };
  assert.equal(body.engine, 'wikipedia');
  assert.equal(body.results.length, 3);

  const db = join(dir, 'ws.db');
  const ing = await runCli(['web-search', 'fact checking', '--ingest', '--db', db], { env: { VERITY_WIKIPEDIA_URL: server.origin } });
  assert.equal(ing.code, 1, 'one result could not be read');
  assert.match(ing.stdout, /^added +Fact-checking \(\d+ passages?, https:\/\/en\.wikipedia\.org\/wiki\/Fact-checking\)$/m);
  assert.match(ing.stdout, /3 results from wikipedia: 2 read, 1 failed\./);
  assert.match(ing.stderr, /Wikipedia has no article "List of fact-checking websites"/);
  const again = await runCli(['web-search', 'fact checking', '--ingest', '--db', db, '--json'], { env: { VERITY_WIKIPEDIA_URL: server.origin } });
  const j = JSON.parse(again.stdout) as { documents: { status: string }[]; failures: unknown[]; corpus: { sources: number } };
  assert.deepEqual(j.documents.map((d) => d.status), ['unchanged', 'unchanged']);
  assert.equal(j.corpus.sources, 2);

  const sx = await runCli(['web-search', 'fact checking', '--engine', 'searxng']);
  assert.equal(sx.code, 2);
  assert.match(sx.stderr, /no SearXNG URL given\. Fix: pass --url http:\/\/localhost:8888/);
  const bad = await runCli(['web-search', 'x', '--engine', 'google']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--engine: unknown engine "google"/);
});
