// Web checks, fetching audits and LLM-analyst checks run in the server's job threads (issue 16,
// row 1): over a corpus file, the threads rebuild the web engine, the fetch settings and the
// analyst from plain settings and make the network calls themselves, so the request thread's store
// is never searched or written by such a job. Results, SSE progress and cancellation are as in
// the request thread. Options a thread cannot rebuild (an analyst built by hand, an injected
// resolver) keep their jobs in the request thread.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Store } from '../../src/contracts.js';
import type { Report } from '../../src/model.js';
import { openStore } from '../../src/store/sqlite/open.js';
import { WikipediaSearch } from '../../src/web/wikipedia.js';
import { analystConfig, createAnalyst } from '../../src/analyst/index.js';
import { LlmAnalyst } from '../../src/analyst/llm/llm-analyst.js';
import { threadJobPlan } from '../../src/server/thread-jobs.js';
import type { JobSpec } from '../../src/jobs/index.js';
import { storeOfDocs } from '../check/helpers.js';
import { CARS_CORPUS } from '../fixtures/llm/corpus.js';
import { startWebFixtureServer, type WebFixtureServer } from '../check/check-web-server.js';
import { PATHS, fixtureText, startCitedPages } from '../fixtures/audit-fetch/server.js';
import type { LocalServer } from '../web/local-server.js';
import { recorded, startReplayServer } from '../analyst/replay-server.js';
import type { ReplayServer } from '../analyst/replay-server.js';
import { postJson, readEvents, testServer, waitForJob } from './helpers.js';

const CLAIM = '31 of 52 cities in Examplestan restrict cars in their centres';
/** A job's first run in a thread loads the pipeline there; a busy machine needs a while. */
const SLOW = 120_000;
let dir: string;
let web: WebFixtureServer;
let pages: LocalServer;
let llm: ReplayServer;
/** How long the model takes to answer: short for the checks, long for the one that is cancelled. */
let llmDelayMs = 0;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'verity-io-threads-'));
  web = await startWebFixtureServer();
  pages = await startCitedPages();
  llm = await startReplayServer(() => ({ ...recorded('report-verified'), delayMs: llmDelayMs }));
});
after(async () => {
  await Promise.all([web.close(), pages.close(), llm.close()]);
  rmSync(dir, { recursive: true, force: true });
});

/** The store seen through a wrapper that records which of its methods the request thread calls. */
function watched(store: Store): { store: Store; calls: string[] } {
  const calls: string[] = [];
  const proxy = new Proxy(store, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls.push(String(prop));
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { store: proxy, calls };
}

/** Store calls a check or an audit makes: retrieval and ingestion. */
const jobCalls = (calls: readonly string[]): string[] => calls.filter((c) => ['search', 'upsertDocument', 'upsertDocuments', 'findSourcesByUri', 'getPassages'].includes(c));

test('over a corpus file, a web check and a fetching audit run in the job threads: they read the web, ingest into the file, and the request thread never searches or writes', async () => {
  const w = watched(await openStore(join(dir, 'web.db')));
  const t = await testServer({ store: w.store, web: { search: new WikipediaSearch({ baseUrl: web.origin }), limit: 5 }, fetch: { web: { allowPrivate: true }, limit: 30 } });
  try {
    const check = (await (await postJson(`${t.url}/api/checks`, { input: CLAIM, web: true })).json()) as { id: string };
    const job = (await waitForJob(t.url, check.id, SLOW)) as { status: string; report: Report; error?: unknown };
    assert.equal(job.status, 'done', JSON.stringify(job.error));
    assert.equal(job.report.verdict?.label, 'supported');
    assert.ok(job.report.sources.some((s) => s.uri === `${web.origin}/wiki/Car-free_zones_in_Examplestan`));
    assert.equal(job.report.provenance.web?.added, 2);
    assert.ok(job.report.provenance.warnings.some((x) => x.includes('Transport_in_Examplestan')), job.report.provenance.warnings.join(' | '));

    const res = await fetch(`${t.url}/api/audits?fetch=1`, { method: 'POST', headers: { 'content-type': 'text/markdown' }, body: fixtureText('article.md', pages.origin) });
    assert.equal(res.status, 202, await res.clone().text());
    const audit = (await waitForJob(t.url, ((await res.json()) as { id: string }).id, SLOW)) as {
      status: string;
      report: { references: Array<{ n: number; fetched?: { status?: string; finalUrl?: string } }>; claims: Array<{ text: string; status: string }> };
      error?: unknown;
    };
    assert.equal(audit.status, 'done', JSON.stringify(audit.error));
    assert.equal(audit.report.references.find((r) => r.n === 1)?.fetched?.finalUrl, `${pages.origin}${PATHS.survey}`);
    assert.equal(audit.report.claims.find((c) => c.text.includes('412 of the 520'))?.status, 'supported');

    assert.deepEqual(jobCalls(w.calls), [], `the request thread called ${w.calls.join(', ')}`);
    // What the threads ingested is in the file, so the server's own connection sees it.
    const uris = (await w.store.listSources()).map((s) => s.uri);
    assert.ok(uris.includes(`${web.origin}/wiki/Car-free_zones_in_Examplestan`), uris.join(', '));
    assert.ok(uris.includes(`${pages.origin}${PATHS.survey}`), uris.join(', '));
  } finally {
    await t.close();
  }
});

test('an LLM-analyst check runs in a job thread: the model writes the report, progress streams over SSE, and a cancelled one stops', async () => {
  const w = watched(await storeOfDocs(CARS_CORPUS, join(dir, 'cars.db')));
  const analyst = await createAnalyst(analystConfig({ analyst: 'llm', llmUrl: llm.baseUrl, llmModel: 'm' }, {}));
  const t = await testServer({ store: w.store, analyst });
  try {
    llmDelayMs = 0;
    const { id } = (await (await postJson(`${t.url}/api/checks`, { input: CLAIM })).json()) as { id: string };
    const events = await readEvents(`${t.url}/api/jobs/${id}/events`);
    assert.equal(events.at(-1)?.event, 'done', events.map((e) => e.event).join(','));
    assert.deepEqual([...new Set(events.filter((e) => e.event === 'progress').map((e) => e.data.stage))], ['plan', 'retrieve', 'compose', 'verify']);
    const report = (await (await fetch(`${t.url}/api/jobs/${id}/report?format=json`)).json()) as Report;
    assert.equal(report.provenance.analyst, 'llm:m');
    assert.ok(report.verdict, 'a verdict');
    assert.deepEqual(jobCalls(w.calls), [], `the request thread called ${w.calls.join(', ')}`);

    // A model that takes a minute: the job is cancelled while the thread waits for it.
    llmDelayMs = 60_000;
    const asked = llm.requests.length;
    const slow = (await (await postJson(`${t.url}/api/checks`, { input: CLAIM })).json()) as { id: string };
    for (const until = Date.now() + SLOW; llm.requests.length === asked && Date.now() < until; ) await new Promise((r) => setTimeout(r, 50));
    assert.equal(llm.requests.length, asked + 1, 'the thread asked the model');
    const started = Date.now();
    assert.equal((await fetch(`${t.url}/api/jobs/${slow.id}`, { method: 'DELETE' })).status, 202);
    const cancelled = await waitForJob(t.url, slow.id, SLOW);
    assert.equal(cancelled.status, 'cancelled');
    assert.ok(Date.now() - started < 30_000, 'cancelled well before the model answered');
  } finally {
    llmDelayMs = 0;
    await t.close();
  }
});

test('options a thread cannot rebuild keep their jobs in the request thread, and those jobs still run', async () => {
  const resolve = async (): Promise<Array<{ address: string; family: number }>> => [{ address: '127.0.0.1', family: 4 }];
  const handBuilt = new LlmAnalyst({ baseUrl: llm.baseUrl, model: 'm' });
  const plan = threadJobPlan({ analyst: handBuilt, web: { search: new WikipediaSearch({ baseUrl: web.origin, web: { resolve } }) }, fetch: { web: { allowPrivate: true } } });
  assert.deepEqual(plan.settings, { analyst: null, web: null, fetch: { web: { allowPrivate: true } } });
  const spec = (kind: 'check' | 'audit', options: Record<string, boolean>): JobSpec => ({ kind, input: 'x', options });
  assert.equal(plan.fits(spec('check', {})), false, 'an analyst not made by createAnalyst');
  assert.equal(plan.fits(spec('audit', { fetch: true })), true);
  const rules = threadJobPlan({ web: { search: new WikipediaSearch({ baseUrl: web.origin, web: { resolve } }) } });
  assert.equal(rules.fits(spec('check', {})), true);
  assert.equal(rules.fits(spec('check', { web: true })), false, 'a web engine with an injected resolver');

  const w = watched(await storeOfDocs(CARS_CORPUS, join(dir, 'hand.db')));
  const t = await testServer({ store: w.store, analyst: handBuilt });
  try {
    const { id } = (await (await postJson(`${t.url}/api/checks`, { input: CLAIM })).json()) as { id: string };
    const job = (await waitForJob(t.url, id, SLOW)) as { status: string; report: Report; error?: unknown };
    assert.equal(job.status, 'done', JSON.stringify(job.error));
    assert.equal(job.report.provenance.analyst, 'llm:m');
    assert.ok(jobCalls(w.calls).includes('search'), 'run on the server’s own store');
  } finally {
    await t.close();
  }
});
