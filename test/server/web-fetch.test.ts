// Web sources and cited-page fetching through the server's API (opt-in): a server started with
// `web` runs checks that search the recorded web of check-web-server.ts and cite what they read;
// one started with `fetch` runs audits that read the cited pages of the audit-fetch fixtures.
// A server without them refuses such requests (403 naming the flag) and never touches the network.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openStore } from '../../src/store/sqlite/open.js';
import { WikipediaSearch } from '../../src/web/wikipedia.js';
import { createJobRunner } from '../../src/server/index.js';
import { VerityError } from '../../src/errors.js';
import type { Report } from '../../src/model.js';
import { startWebFixtureServer, type WebFixtureServer } from '../check/check-web-server.js';
import { PATHS, fixtureText, requestedPaths, startCitedPages } from '../fixtures/audit-fetch/server.js';
import { startServer as startLocal, type LocalServer } from '../web/local-server.js';
import { postJson, raw, testServer, waitForJob } from './helpers.js';
import type { ErrorJson } from './helpers.js';

const CLAIM = '31 of 52 cities in Examplestan restrict cars in their centres';
let web: WebFixtureServer;
let pages: LocalServer;

before(async () => {
  web = await startWebFixtureServer();
  pages = await startCitedPages();
});
after(async () => {
  await web.close();
  await pages.close();
});

const postAudit = (url: string, text: string, query = ''): Promise<Response> =>
  fetch(`${url}/api/audits${query}`, { method: 'POST', headers: { 'content-type': 'text/markdown' }, body: text });

interface AuditDoc {
  references: Array<{ n: number; fetched?: { status?: string; finalUrl?: string; code?: string }; match: { sourceId: string | null } }>;
  claims: Array<{ text: string; status: string }>;
  warnings: string[];
}

test('a server with web: a check with "web": true searches, ingests and cites the fetched pages; the warning is in the result and the report footer', async () => {
  const t = await testServer({ store: await openStore(':memory:'), web: { search: new WikipediaSearch({ baseUrl: web.origin }), limit: 5 } });
  try {
    const caps = (await (await fetch(`${t.url}/api/capabilities`)).json()) as { web: { engine: string; limit: number } | null; fetch: unknown };
    assert.deepEqual(caps, { web: { engine: 'wikipedia', limit: 5 }, fetch: null });
    const searches = web.searches.length;
    const res = await postJson(`${t.url}/api/checks`, { input: CLAIM, web: true });
    assert.equal(res.status, 202, await res.clone().text());
    const { id } = (await res.json()) as { id: string };
    const job = (await waitForJob(t.url, id)) as { status: string; report: Report; error?: unknown };
    assert.equal(job.status, 'done', JSON.stringify(job.error));
    assert.equal(job.report.verdict?.label, 'supported');
    assert.deepEqual(web.searches.slice(searches), ['cities Examplestan restrict cars centres']);
    const cited = job.report.sources.map((s) => s.uri);
    assert.ok(cited.includes(`${web.origin}/wiki/Car-free_zones_in_Examplestan`), cited.join(', '));
    assert.equal(job.report.provenance.web?.added, 2);
    const warning = job.report.provenance.warnings.find((w) => w.includes('Transport_in_Examplestan'));
    assert.ok(warning, job.report.provenance.warnings.join(' | '));
    const md = await (await fetch(`${t.url}/api/jobs/${id}/report?format=md`)).text();
    assert.match(md, /_Warning: web: could not read .*Transport\\_in\\_Examplestan/);
    // What was read is in the corpus now: a check without "web" finds it offline.
    assert.equal((await t.store.listSources()).length, 2);
    const requests = web.requests.length;
    const offline = (await (await postJson(`${t.url}/api/checks`, { input: CLAIM })).json()) as { id: string };
    const again = (await waitForJob(t.url, offline.id)) as { status: string; report: Report };
    assert.equal(again.report.verdict?.label, 'supported');
    assert.equal(again.report.provenance.web, undefined);
    assert.equal(web.requests.length, requests, 'a check without "web" makes no request');
  } finally {
    await t.close();
  }
});

test('a server with fetch: an audit with ?fetch=1 reads the cited pages and checks the claims against them', async () => {
  const t = await testServer({ store: await openStore(':memory:'), fetch: { web: { allowPrivate: true }, limit: 30 } });
  try {
    const before = pages.requests.length;
    const res = await postAudit(t.url, fixtureText('article.md', pages.origin), '?fetch=1');
    assert.equal(res.status, 202, await res.clone().text());
    const { id } = (await res.json()) as { id: string };
    const job = (await waitForJob(t.url, id)) as { status: string; report: AuditDoc; error?: unknown };
    assert.equal(job.status, 'done', JSON.stringify(job.error));
    const ref = (n: number) => job.report.references.find((r) => r.n === n);
    assert.equal(ref(1)?.fetched?.status, 'added');
    assert.equal(ref(1)?.fetched?.finalUrl, `${pages.origin}${PATHS.survey}`);
    assert.equal(ref(2)?.fetched?.finalUrl, `${pages.origin}${PATHS.budgetFinal}`);
    assert.equal(ref(3)?.fetched?.code, 'NOT_FOUND');
    assert.equal(job.report.claims.find((c) => c.text.includes('412 of the 520'))?.status, 'supported');
    assert.ok(job.report.warnings.some((w) => /reference \[3\].*bulletins\/cholera-2023.*404/.test(w)), job.report.warnings.join(' | '));
    assert.ok(requestedPaths(pages).slice(before).includes(PATHS.survey));
    // Without ?fetch=1 the same server fetches nothing.
    const quiet = pages.requests.length;
    const plain = (await (await postAudit(t.url, fixtureText('article.md', pages.origin))).json()) as { id: string };
    assert.equal(((await waitForJob(t.url, plain.id)) as { status: string }).status, 'done');
    assert.equal(pages.requests.length, quiet);
  } finally {
    await t.close();
  }
});

test('a server without web or fetch refuses them with 403 naming the flag, runs the rest, and touches no network', async () => {
  const t = await testServer();
  try {
    assert.deepEqual(await (await fetch(`${t.url}/api/capabilities`)).json(), { web: null, fetch: null });
    const health = (await (await fetch(`${t.url}/api/health`)).json()) as { capabilities: unknown };
    assert.deepEqual(health.capabilities, { web: null, fetch: null });
    const page = await (await fetch(`${t.url}/`)).text();
    assert.doesNotMatch(page, /Search the web too|Fetch the cited pages/);
    const webRequests = web.requests.length;
    const pageRequests = pages.requests.length;

    const refused = await postJson(`${t.url}/api/checks`, { input: CLAIM, web: true });
    assert.equal(refused.status, 403);
    const e = ((await refused.json()) as ErrorJson).error;
    assert.equal(e.code, 'FORBIDDEN');
    assert.match(e.problem, /asks for web sources .* started without --web/);
    assert.match(e.fix ?? '', /verity serve --web/);

    const noFetch = await postAudit(t.url, fixtureText('article.md', pages.origin), '?fetch=1');
    assert.equal(noFetch.status, 403);
    const f = ((await noFetch.json()) as ErrorJson).error;
    assert.match(f.problem, /fetch the cited pages .* started without --fetch/);
    assert.match(f.fix ?? '', /verity serve --fetch/);

    // A bad value is a 400, whatever the server allows.
    const bad = await postJson(`${t.url}/api/checks`, { input: CLAIM, web: 'yes' });
    assert.equal(bad.status, 400);
    assert.match(((await bad.json()) as ErrorJson).error.problem, /"web" is "yes", not true or false/);
    const badFetch = await raw(`${t.url}/api/audits?fetch=maybe`, { method: 'POST', headers: { 'content-type': 'text/markdown' }, chunks: ['# A\n\nText.'] });
    assert.equal(badFetch.status, 400);
    assert.equal((JSON.parse(badFetch.body) as ErrorJson).error.problem, '?fetch="maybe" is not 1 or 0');

    // "web": false and fetch=0 are plain jobs; the article's cited pages are not fetched.
    const check = (await (await postJson(`${t.url}/api/checks`, { input: 'Ruritania criminalizes possession of banned images', web: false })).json()) as { id: string };
    assert.equal(((await waitForJob(t.url, check.id)) as { status: string }).status, 'done');
    const audit = (await (await postAudit(t.url, fixtureText('article.md', pages.origin), '?fetch=0')).json()) as { id: string };
    const done = (await waitForJob(t.url, audit.id)) as { status: string; report: AuditDoc };
    assert.equal(done.status, 'done');
    assert.ok(done.report.references.every((r) => r.fetched === undefined));
    assert.equal(web.requests.length, webRequests, 'no request reached the web fixture server');
    assert.equal(pages.requests.length, pageRequests, 'no request reached the cited pages');
  } finally {
    await t.close();
  }
});

test('a runner (a worker) without web or fetch fails such a job naming the worker flag, before any request', async () => {
  const store = await openStore(':memory:');
  try {
    const run = createJobRunner(store, {}, 'worker');
    const ctx = { id: 'j1', onProgress: () => undefined, signal: new AbortController().signal };
    const requests = web.requests.length;
    await assert.rejects(run({ kind: 'check', input: CLAIM, options: { web: true } }, ctx), (e: unknown) => {
      assert.ok(e instanceof VerityError);
      assert.equal(e.code, 'FORBIDDEN');
      assert.match(e.problem, /the worker running it was started without --web/);
      assert.match(e.fix ?? '', /verity worker --web/);
      return true;
    });
    await assert.rejects(run({ kind: 'audit', input: fixtureText('article.md', pages.origin), options: { format: 'md', fetch: true } }, ctx), /started without --fetch[\s\S]*verity worker --fetch/);
    assert.equal(web.requests.length, requests);
  } finally {
    await store.close();
  }
});

test('cancelling a web check while the engine has not answered stops it at once (the search is aborted)', async () => {
  const silent = await startLocal();
  silent.route('/w/api.php', () => undefined); // never answers
  const t = await testServer({ store: await openStore(':memory:'), web: { search: new WikipediaSearch({ baseUrl: silent.origin }) } });
  try {
    const { id } = (await (await postJson(`${t.url}/api/checks`, { input: CLAIM, web: true })).json()) as { id: string };
    for (let i = 0; i < 200 && silent.requests.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    assert.equal(silent.requests.length, 1, 'the search was sent');
    const started = Date.now();
    assert.equal((await fetch(`${t.url}/api/jobs/${id}`, { method: 'DELETE' })).status, 202);
    const job = (await waitForJob(t.url, id)) as { status: string };
    assert.equal(job.status, 'cancelled');
    assert.ok(Date.now() - started < 3000, `cancelled in ${Date.now() - started} ms`);
  } finally {
    await t.close();
    await silent.close();
  }
});
