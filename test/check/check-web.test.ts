// checkInput with web sources (CheckOptions.web): the recorded web of check-web-server.ts is
// searched, read and ingested before retrieval; failures are warnings; a failed search fails.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { checkInput, webQueries, webQuery } from '../../src/check/index.js';
import { planInput } from '../../src/check/plan.js';
import { VerityError } from '../../src/errors.js';
import { openStore } from '../../src/store/sqlite/open.js';
import { WikipediaSearch } from '../../src/web/wikipedia.js';
import { SearxngSearch } from '../../src/web/searxng.js';
import type { ProgressEvent } from '../../src/model.js';
import type { WebSearch } from '../../src/web/web-search.js';
import { startServer } from '../web/local-server.js';
import { startWebFixtureServer, type WebFixtureServer } from './check-web-server.js';
import { FIXED_NOW, smallStore } from './helpers.js';

const CLAIM = '31 of 52 cities in Examplestan restrict cars in their centres';
let server: WebFixtureServer;

before(async () => {
  server = await startWebFixtureServer();
});
after(async () => {
  await server.close();
});

const wikipedia = (): WikipediaSearch => new WikipediaSearch({ baseUrl: server.origin });

test('an empty corpus plus the web: the claim is Supported from the fetched articles, cited by their URLs, with web provenance', async () => {
  const store = await openStore(':memory:');
  try {
    const events: ProgressEvent[] = [];
    const heard: string[] = [];
    const searchesBefore = server.searches.length;
    const report = await checkInput(store, CLAIM, { now: FIXED_NOW, onProgress: (e) => events.push(e), web: { search: wikipedia(), onWarning: (w) => heard.push(w) } });
    assert.equal(report.verdict?.label, 'supported', JSON.stringify(report.verdict));
    const cited = report.sources.map((s) => s.uri);
    assert.ok(cited.includes(`${server.origin}/wiki/Car-free_zones_in_Examplestan`), cited.join(', '));
    for (const uri of cited) assert.ok(uri.startsWith(`${server.origin}/wiki/`), `every source is a fetched article: ${uri}`);
    // The search words: no stop words, no bare numbers (engines match every word).
    assert.deepEqual(server.searches.slice(searchesBefore), ['cities Examplestan restrict cars centres']);
    const web = report.provenance.web;
    assert.deepEqual(web, {
      engine: 'wikipedia',
      endpoint: `${server.origin}/w/api.php`,
      queries: ['cities Examplestan restrict cars centres'],
      results: 3,
      added: 2,
      unchanged: 0,
      replaced: 0,
      failed: 1,
      uris: [`${server.origin}/wiki/Car-free_zones_in_Examplestan`, `${server.origin}/wiki/Examplestan_Urban_Institute`],
    });
    // The missing article is a warning, in the report and to the listener, naming its URL and why.
    const warning = report.provenance.warnings.find((w) => w.startsWith('web: '));
    assert.ok(warning, report.provenance.warnings.join(' | '));
    assert.match(warning, new RegExp(`^web: could not read "${server.origin}/wiki/Transport_in_Examplestan": \\[web\\] Wikipedia has no article "Transport in Examplestan"`));
    assert.deepEqual(heard, [warning]);
    // The sources are in the corpus with the check's clock as their retrieval time.
    const stored = await store.listSources();
    assert.equal(stored.length, 2);
    assert.ok(stored.every((s) => s.retrievedAt === FIXED_NOW().toISOString()));
    assert.ok(report.provenance.timingsMs.web !== undefined);
    // Progress: stage "web" over the searches, then over the results read, before plan and retrieve.
    const webEvents = events.filter((e) => e.stage === 'web');
    assert.ok(webEvents.some((e) => e.total === 1 && e.done === 1), JSON.stringify(webEvents));
    assert.ok(webEvents.some((e) => e.total === 3 && e.done === 3), JSON.stringify(webEvents));
    assert.ok(events.findIndex((e) => e.stage === 'web') < events.findIndex((e) => e.stage === 'retrieve'));
  } finally {
    await store.close();
  }
});

test('a figure the fetched sources contradict is Refuted', async () => {
  const store = await openStore(':memory:');
  try {
    const report = await checkInput(store, '45 of 52 cities in Examplestan restrict cars in their centres', { now: FIXED_NOW, web: { search: wikipedia() } });
    assert.equal(report.verdict?.label, 'refuted', JSON.stringify(report.verdict));
  } finally {
    await store.close();
  }
});

test('a second run with the web adds nothing new; a run without it then gives the same verdict and sources offline', async () => {
  const store = await openStore(':memory:');
  try {
    const first = await checkInput(store, CLAIM, { now: FIXED_NOW, web: { search: wikipedia() } });
    const stats = await store.stats();
    const second = await checkInput(store, CLAIM, { now: FIXED_NOW, web: { search: wikipedia() } });
    assert.deepEqual(await store.stats(), stats, 'no duplicate sources or passages');
    assert.equal(second.provenance.web?.added, 0);
    assert.equal(second.provenance.web?.unchanged, 2);
    assert.equal(second.provenance.corpusSnapshot, first.provenance.corpusSnapshot);
    const requests = server.requests.length;
    const offline = await checkInput(store, CLAIM, { now: FIXED_NOW });
    assert.equal(server.requests.length, requests, 'without the web option no request is made');
    assert.equal(offline.provenance.web, undefined);
    assert.deepEqual(offline.verdict, first.verdict);
    assert.deepEqual(offline.sources, first.sources);
    assert.deepEqual(offline.summary, first.summary);
  } finally {
    await store.close();
  }
});

test('without the web option no request is made, even with an engine configured around it', async () => {
  const store = await smallStore();
  try {
    const requests = server.requests.length;
    const report = await checkInput(store, 'Ruritania criminalizes possession of banned images', { now: FIXED_NOW });
    assert.equal(server.requests.length, requests);
    assert.equal('web' in report.provenance, false, 'the provenance of a corpus-only report is unchanged');
    assert.equal('web' in report.provenance.timingsMs, false);
  } finally {
    await store.close();
  }
});

test('a question searches its input and each facet (at most 5 searches); a result found twice is read once', async () => {
  const question = 'Which cities in Examplestan ban cars from their centres versus only restrict them?';
  const queries = webQueries(planInput(question));
  assert.ok(queries.length >= 2 && queries.length <= 5, JSON.stringify(queries));
  assert.equal(queries[0], webQuery(question));
  assert.equal(new Set(queries.map((q) => q.toLowerCase())).size, queries.length, 'distinct');
  const store = await openStore(':memory:');
  try {
    const s0 = server.searches.length;
    const r0 = server.reads.length;
    const report = await checkInput(store, question, { now: FIXED_NOW, web: { search: wikipedia(), limit: 3 } });
    assert.deepEqual(server.searches.slice(s0), queries);
    assert.equal(server.reads.length - r0, 3, 'three distinct results over all searches, each read once');
    assert.equal(report.provenance.web?.results, 3);
    assert.equal(report.provenance.web?.added, 2);
    // facets: false searches the input alone.
    const s1 = server.searches.length;
    await checkInput(store, question, { now: FIXED_NOW, web: { search: wikipedia(), facets: false } });
    assert.deepEqual(server.searches.slice(s1), [webQuery(question)]);
  } finally {
    await store.close();
  }
});

test('SearXNG results on a private address are refused without allowPrivate: warnings, and the check runs on the corpus', async () => {
  const store = await smallStore();
  try {
    const strict = new SearxngSearch({ baseUrl: server.origin });
    const report = await checkInput(store, 'Ruritania criminalizes possession of banned images', { now: FIXED_NOW, web: { search: strict } });
    assert.equal(report.verdict?.label, 'supported');
    const web = report.provenance.warnings.filter((w) => w.startsWith('web: '));
    assert.equal(web.length, 2, web.join(' | '));
    assert.match(web[0] ?? '', new RegExp(`could not read "${server.origin}/articles/examplestan-car-bans": \\[web\\] cannot fetch .*loopback`));
    assert.equal(report.provenance.web?.added, 0);
    assert.equal(report.provenance.web?.failed, 2);
  } finally {
    await store.close();
  }
});

test('SearXNG with allowPrivate (tests, intranets): the page is read and ingested; a page that is gone is a warning', async () => {
  const store = await openStore(':memory:');
  try {
    const local = new SearxngSearch({ baseUrl: server.origin, web: { allowPrivate: true } });
    const report = await checkInput(store, CLAIM, { now: FIXED_NOW, web: { search: local, kind: 'news' } });
    assert.equal(report.verdict?.label, 'supported', JSON.stringify(report.verdict));
    assert.deepEqual(report.sources.map((s) => [s.uri, s.kind]), [[`${server.origin}/articles/examplestan-car-bans`, 'news']]);
    assert.equal(report.provenance.web?.engine, 'searxng');
    const warnings = report.provenance.warnings.filter((w) => w.startsWith('web: '));
    assert.equal(warnings.length, 1);
    assert.match(warnings[0] ?? '', /\/articles\/gone": \[web\] .*404|not found/i);
  } finally {
    await store.close();
  }
});

test('a web that finds nothing: a warning says so, and the check runs on the corpus', async () => {
  const store = await smallStore();
  try {
    const asked: string[] = [];
    const empty: WebSearch = {
      name: 'stub',
      endpoint: 'http://stub.invalid/search',
      search: (q) => {
        asked.push(q);
        return Promise.resolve([]);
      },
      read: () => Promise.reject(new Error('read must not be called without results')),
    };
    const report = await checkInput(store, 'Ruritania criminalizes possession of banned images', { now: FIXED_NOW, web: { search: empty } });
    assert.deepEqual(asked, ['Ruritania criminalizes possession banned images']);
    assert.equal(report.verdict?.label, 'supported');
    assert.deepEqual(report.provenance.warnings.filter((w) => w.startsWith('web: ')), ['web: stub found nothing for "Ruritania criminalizes possession banned images"']);
    assert.deepEqual([report.provenance.web?.results, report.provenance.web?.failed, report.provenance.web?.added], [0, 0, 0]);
  } finally {
    await store.close();
  }
});

test('a cancelled web stage throws; the reads it interrupted are not turned into warnings', async () => {
  const store = await smallStore();
  try {
    const controller = new AbortController();
    const result = (n: number) => ({ rank: n, url: `http://stub.invalid/${n}`, title: `page ${n}`, snippet: '', engine: 'stub', publishedAt: null });
    const engine: WebSearch = {
      name: 'stub',
      endpoint: 'http://stub.invalid/search',
      search: () => Promise.resolve([result(1), result(2)]),
      read: (_r, o) => {
        controller.abort();
        assert.equal(o?.signal, controller.signal, 'the signal reaches the engine');
        return Promise.reject(new VerityError({ code: 'ABORTED', component: 'web', problem: 'cannot fetch: the fetch was cancelled' }));
      },
    };
    await assert.rejects(checkInput(store, CLAIM, { now: FIXED_NOW, web: { search: engine, signal: controller.signal } }), (e: unknown) => e instanceof VerityError && e.code === 'ABORTED');
  } finally {
    await store.close();
  }
});

test('the search engine unreachable: the check fails with the engine, the endpoint and both ways out', async () => {
  const down = await startServer();
  const origin = down.origin;
  await down.close();
  const store = await smallStore();
  try {
    await assert.rejects(checkInput(store, CLAIM, { now: FIXED_NOW, web: { search: new WikipediaSearch({ baseUrl: origin }) } }), (e: unknown) => {
      assert.ok(e instanceof VerityError);
      assert.equal(e.component, 'web');
      assert.equal(e.retryable, true);
      assert.match(e.message, new RegExp(`^verity: \\[web\\] the web search of wikipedia at "${origin}/w/api.php" for "cities Examplestan restrict cars centres" failed: .*connection was refused`));
      assert.match(e.message, /Fix: .*or check without --web .* for a report from the corpus alone/);
      return true;
    });
  } finally {
    await store.close();
  }
});

test('an empty corpus and nothing readable on the web: a clear error naming the searches', async () => {
  const store = await openStore(':memory:');
  try {
    const strict = new SearxngSearch({ baseUrl: server.origin });
    await assert.rejects(checkInput(store, CLAIM, { now: FIXED_NOW, web: { search: strict } }), /\[check\] the corpus at ":memory:" is empty and the web search of searxng gave no readable document \(2 result\(s\) for "cities Examplestan restrict cars centres"; 2 could not be read\)/);
  } finally {
    await store.close();
  }
});

test('web limits are checked: 0 or 51 results per search is a usage error', async () => {
  const store = await smallStore();
  try {
    for (const limit of [0, 51, 2.5]) {
      await assert.rejects(checkInput(store, CLAIM, { web: { search: wikipedia(), limit } }), (e: unknown) => e instanceof VerityError && e.code === 'USAGE' && /web result limit/.test(e.message));
    }
  } finally {
    await store.close();
  }
});

test('webQueries: the input first; facets of fewer than 3 words, repeats and searches past 5 are left out', () => {
  const claim = webQueries(planInput('31 of 52 cities in Examplestan restrict cars in their centres, but only 9 ban them outright'));
  assert.deepEqual(claim, ['cities Examplestan restrict cars centres ban outright', 'cities Examplestan restrict cars centres'], 'the part "ban outright" is too short to search alone');
  const question = webQueries(planInput('Which countries criminalize mere possession of child sexual abuse material versus only its production or distribution?'));
  assert.equal(question.length, 5);
  assert.equal(question[0], 'countries criminalize mere possession child sexual abuse material production distribution');
  assert.deepEqual(webQueries(planInput('Which countries criminalize mere possession versus only distribution?'), false), ['countries criminalize mere possession distribution']);
});

test('webQuery keeps the words an engine should match: no stop words, no bare numbers, no "versus", at most 10 words', () => {
  assert.equal(webQuery('140 of 196 countries criminalize simple possession'), 'countries criminalize simple possession');
  assert.equal(webQuery('Is COVID-19 deadlier than the flu?'), 'COVID-19 deadlier flu');
  assert.equal(webQuery('1,000 of 2,000'), '1,000 of 2,000', 'nothing left: the text as given');
  assert.equal(webQuery('one two three four five six seven eight nine ten eleven twelve').split(' ').length, 10);
});

test('check/ takes the web as an interface: it imports no web adapter', () => {
  for (const file of ['src/check/web-sources.ts', 'src/check/check-input.ts']) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/from '(\.\.\/web\/[^']+)'/g)) {
      assert.ok(['../web/web-search.js', '../web/concurrency.js'].includes(m[1] ?? ''), `${file} imports ${m[1]}`);
    }
  }
});
