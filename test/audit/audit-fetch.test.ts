// auditArticle with `fetch`: the cited pages not in the corpus are fetched from a local server,
// ingested, and then checked like any source; failures are warnings naming the reason.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store/sqlite/open.js';
import { ingestText } from '../../src/ingest/index.js';
import { VerityError } from '../../src/errors.js';
import { auditArticle, readArticle, referencesToFetch } from '../../src/audit/index.js';
import type { AuditResult, ReferenceFetch } from '../../src/audit/index.js';
import type { ProgressEvent } from '../../src/model.js';
import { PATHS, fixtureText, requestedPaths, startCitedPages } from '../fixtures/audit-fetch/server.js';
import { send } from '../web/local-server.js';

const NOW = () => new Date('2026-11-28T12:00:00.000Z');

const claimWith = (r: AuditResult, phrase: string) => {
  const c = r.claims.find((x) => x.text.includes(phrase));
  assert.ok(c, `no claim contains ${JSON.stringify(phrase)}: ${r.claims.map((x) => x.text).join(' | ')}`);
  return c;
};
const fetchedOf = (r: AuditResult, n: number): ReferenceFetch | undefined => r.references.find((x) => x.n === n)?.fetched;

test('audit with fetch: reads the cited pages, flags the wrong figure, names the 404; a second run fetches nothing it has', async () => {
  const server = await startCitedPages();
  const store = await openStore(':memory:');
  try {
    const article = readArticle(fixtureText('article.md', server.origin), 'md');
    const events: ProgressEvent[] = [];
    const live: string[] = [];
    const first = await auditArticle(store, article, { onProgress: (e) => events.push(e), fetch: { web: { allowPrivate: true }, now: NOW, onWarning: (w) => live.push(w) } });

    // [1] supports its claim, read from the fetched page.
    const survey = claimWith(first, '412 of the 520 villages');
    assert.equal(survey.status, 'supported', JSON.stringify(survey.cited));
    assert.deepEqual(survey.flags, []);
    assert.equal(survey.cited?.result, 'supports');
    const f1 = fetchedOf(first, 1);
    assert.ok(f1 && 'status' in f1, JSON.stringify(f1));
    assert.equal(f1.status, 'added');
    assert.equal(f1.finalUrl, `${server.origin}${PATHS.survey}`);
    assert.equal(first.references[0]?.match.sourceId, f1.sourceId);

    // [2] was reached through a redirect: still its reference, and its figure differs.
    const budget = claimWith(first, '38 million euros');
    assert.equal(budget.status, 'contradicted');
    assert.ok(budget.flags.some((f) => f.kind === 'figure-source-mismatch' && /58/.test(f.message)), JSON.stringify(budget.flags));
    const f2 = fetchedOf(first, 2);
    assert.ok(f2 && 'status' in f2, JSON.stringify(f2));
    assert.equal(f2.finalUrl, `${server.origin}${PATHS.budgetFinal}`);
    assert.equal(budget.references[0]?.sourceId, f2.sourceId);
    assert.equal(first.references[1]?.match.by, 'url'); // by the requested URL: the page's title is not the reference's

    // [3] is a 404: not in the corpus, named in a warning with the reason; the audit still ran.
    const f3 = fetchedOf(first, 3);
    assert.ok(f3 && 'error' in f3, JSON.stringify(f3));
    assert.equal(f3.code, 'NOT_FOUND');
    const cholera = claimWith(first, 'cases of cholera');
    assert.equal(cholera.cited, null);
    assert.equal(cholera.references[0]?.sourceId, null);
    const w404 = first.warnings.find((w) => w.includes('[3]'));
    assert.ok(w404 && w404.includes(PATHS.missing) && /404/.test(w404), first.warnings.join('\n'));
    assert.ok(first.warnings.some((w) => /1 of 3 references are not in the corpus \(\[3\]\)/.test(w)), first.warnings.join('\n'));
    assert.deepEqual(live, first.warnings.filter((w) => w.startsWith('fetch: ')));

    // Progress: stage "fetch", over the three distinct URLs.
    const fetchEvents = events.filter((e) => e.stage === 'fetch');
    assert.deepEqual(fetchEvents.map((e) => [e.done, e.total]), [[0, 3], [1, 3], [2, 3], [3, 3]]);
    assert.equal((await store.listSources()).length, 2);

    // Second run: [1] is in the corpus by its URL and the redirected [2] by its requested URL
    // (an alias of its source), so neither is requested again; only the 404 is asked again.
    const before = requestedPaths(server).length;
    const second = await auditArticle(store, article, { fetch: { web: { allowPrivate: true }, now: NOW } });
    const again = requestedPaths(server).slice(before);
    assert.deepEqual(again, [PATHS.missing]);
    assert.equal(fetchedOf(second, 1), undefined);
    assert.equal(second.references[0]?.match.by, 'url');
    assert.equal(fetchedOf(second, 2), undefined);
    assert.equal(second.references[1]?.match.by, 'url');
    assert.equal(second.references[1]?.match.sourceId, f2.sourceId);
    assert.equal((await store.listSources()).length, 2);
    assert.deepEqual(second.summary, first.summary);
  } finally {
    await store.close();
    await server.close();
  }
});

test('audit with fetch: a private address is refused by default, named in the warning, and nothing reaches it', async () => {
  const server = await startCitedPages();
  const store = await openStore(':memory:');
  try {
    const article = readArticle(fixtureText('article-private.md', server.origin), 'md');
    const r = await auditArticle(store, article, { fetch: { now: NOW } });
    assert.deepEqual(requestedPaths(server), []);
    const f = fetchedOf(r, 1);
    assert.ok(f && 'error' in f, JSON.stringify(f));
    assert.equal(f.code, 'REFUSED');
    const w = r.warnings.find((x) => x.startsWith('fetch: reference [1]'));
    assert.ok(w && w.includes('127.0.0.1') && /loopback/.test(w), r.warnings.join('\n'));
    assert.equal((await store.listSources()).length, 0);
    assert.equal(r.claims.length, 1); // the audit ran
  } finally {
    await store.close();
    await server.close();
  }
});

test('audit with fetch: the limit caps the URLs fetched and names the rest; an injected loader is used', async () => {
  const article = readArticle(fixtureText('article.md', 'https://cited.example.org'), 'md');
  const store = await openStore(':memory:');
  try {
    const asked: string[] = [];
    const r = await auditArticle(store, article, {
      fetch: {
        limit: 2,
        load: async (url) => {
          asked.push(url);
          throw new VerityError({ code: 'TIMEOUT', component: 'web', problem: `cannot fetch ${url}: no answer within 1 s`, fix: 'retry later' });
        },
      },
    });
    assert.deepEqual(asked, ['https://cited.example.org/surveys/water-2024', 'https://cited.example.org/budget-2024']);
    assert.deepEqual(fetchedOf(r, 3), { error: 'not fetched: over the fetch limit of 2', code: 'LIMIT' });
    assert.ok(r.warnings.some((w) => /1 cited URL was not fetched, over the limit of 2 \(\[3\]\)/.test(w)), r.warnings.join('\n'));
    assert.ok(r.warnings.some((w) => w.includes('[1]') && /no answer within 1 s/.test(w)), r.warnings.join('\n'));
    await assert.rejects(auditArticle(store, article, { fetch: { limit: 0 } }), /fetch limit "0" is not a whole number/);
  } finally {
    await store.close();
  }
});

test('audit without fetch: no fetched field, references not in the corpus stay so', async () => {
  const server = await startCitedPages();
  const store = await openStore(':memory:');
  try {
    const r = await auditArticle(store, readArticle(fixtureText('article.md', server.origin), 'md'));
    assert.deepEqual(requestedPaths(server), []);
    assert.ok(r.references.every((x) => !('fetched' in x)));
    assert.equal(r.timingsMs.fetch, undefined);
  } finally {
    await store.close();
    await server.close();
  }
});

test('referencesToFetch: http(s) URLs not matched, one entry per normalised URL, in reference order', () => {
  const article = readArticle(`# Notes

A first sentence with enough words in it [1]. A second sentence with enough words [2][3][4][5][6].

## Sources

[1] First. https://a.example.org/page?utm_source=x
[2] Second. http://www.a.example.org/page/
[3] Third, no link at all.
[4] Fourth. ftp://files.example.org/report.pdf
[5] Fifth. https://b.example.org/report
[6] Sixth. http://wiki/Water_Survey
`, 'md');
  const matches = article.references.map((r) => ({ n: r.n, sourceId: r.n === 5 ? 'known' : null, by: null, sourceTitle: null, sourceUri: null }));
  assert.deepEqual(referencesToFetch(article.references, matches), [
    { url: 'https://a.example.org/page?utm_source=x', key: 'a.example.org/page', refs: [1, 2] },
    { url: 'http://wiki/Water_Survey', key: 'http://wiki/water_survey', refs: [6] },
  ]);
});

test('audit with fetch: two pages at a time; a cancelled audit or a read-only store throws instead of warning', async () => {
  const article = readArticle(fixtureText('article.md', 'https://cited.example.org'), 'md');
  const store = await openStore(':memory:');
  try {
    let running = 0;
    let most = 0;
    const r = await auditArticle(store, article, {
      fetch: {
        load: async (url) => {
          running++;
          most = Math.max(most, running);
          await new Promise((res) => setTimeout(res, 20));
          running--;
          throw new VerityError({ code: 'HTTP', component: 'web', problem: `cannot fetch ${url}: the server answered 500`, fix: 'retry later' });
        },
      },
    });
    assert.equal(most, 2);
    assert.equal(r.references.filter((x) => x.fetched && 'error' in x.fetched).length, 3);

    const ac = new AbortController();
    ac.abort();
    const aborted = new VerityError({ code: 'ABORTED', component: 'web', problem: 'the fetch was cancelled', fix: 'run it again' });
    await assert.rejects(auditArticle(store, article, { fetch: { signal: ac.signal, load: async () => Promise.reject(aborted) } }), /the fetch was cancelled/);
  } finally {
    await store.close();
  }

  const server = await startCitedPages();
  const dir = mkdtempSync(join(tmpdir(), 'verity-audit-fetch-'));
  try {
    const db = join(dir, 'ro.db');
    const w = await openStore(db);
    await ingestText(w, { text: 'An unrelated note about river levels in spring.', meta: { uri: 'https://notes.example.org/rivers', title: 'River levels' } });
    await w.close();
    const ro = await openStore(db, { readonly: true });
    try {
      const live = readArticle(fixtureText('article.md', server.origin), 'md');
      await assert.rejects(auditArticle(ro, live, { fetch: { web: { allowPrivate: true } } }), /read-only/);
    } finally {
      await ro.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await server.close();
  }
});

test('audit with fetch: too large, not a page (JSON data, an image) and a timeout are each a warning with its reason', async () => {
  const server = await startCitedPages();
  const store = await openStore(':memory:');
  server.route('/big-page', send(`<html><body><p>${'Water for every village. '.repeat(400)}</p></body></html>`, 'text/html'));
  server.route('/data.json', send('{"villages": 520, "supplied": 412}', 'application/json'));
  server.route('/pumps.png', send(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'image/png'));
  server.route('/slow', () => {
    // never answers: the fetch deadline ends it
  });
  try {
    const article = readArticle(fixtureText('article-bad-pages.md', server.origin), 'md');
    const r = await auditArticle(store, article, { fetch: { web: { allowPrivate: true, maxBytes: 4096, timeoutMs: 500 } } });
    const codes = r.references.map((x) => (x.fetched && 'code' in x.fetched ? x.fetched.code : null));
    assert.deepEqual(codes, ['TOO_LARGE', 'UNSUPPORTED', 'UNSUPPORTED', 'TIMEOUT']);
    const fetchWarnings = r.warnings.filter((w) => w.startsWith('fetch: reference'));
    assert.equal(fetchWarnings.length, 4, r.warnings.join('\n'));
    assert.match(fetchWarnings[0] ?? '', /\[1\].*4096-byte limit/);
    assert.match(fetchWarnings[1] ?? '', /\[2\].*application\/json.*is not read/);
    assert.match(fetchWarnings[2] ?? '', /\[3\].*image\/png/);
    assert.match(fetchWarnings[3] ?? '', /\[4\].*within 500 ms/);
    assert.equal((await store.listSources()).length, 0);
    assert.ok(r.claims.length > 0);
  } finally {
    await store.close();
    await server.close();
  }
});
