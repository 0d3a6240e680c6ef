// Issue 16: web checks (`"web": true`), fetching audits (`?fetch=1`) and checks written by the
// LLM analyst, once run in `verity serve`'s request thread, now run in the job threads. How does
// health fare while they run? A real server over a corpus file (writable, as with --web), 4 such
// jobs kept running at once against the local replay servers the tests use (the recorded
// Wikipedia, the cited pages of test/fixtures/audit-fetch, the recorded chat completions with a
// model delay), while GET /api/health is polled every 20 ms from a thread of its own
// (figures: docs/bench-reliability.md):
//   VERITY_WEB_ALLOW_PRIVATE=1 node --import tsx bench/serve/serve-io-jobs.ts [--seconds 10] [--llm-delay 300] [--only KIND] [--threads N]
// Prints, per kind (and for an idle server, and for plain rules checks), the jobs finished and
// health's p50, p99 and max.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../src/server/index.js';
import { WikipediaSearch } from '../../src/web/wikipedia.js';
import { analystConfig, createAnalyst } from '../../src/analyst/index.js';
import { storeOfDocs } from '../../test/check/helpers.js';
import { CARS_CORPUS } from '../../test/fixtures/llm/corpus.js';
import { startWebFixtureServer } from '../../test/check/check-web-server.js';
import { fixtureText, startCitedPages } from '../../test/fixtures/audit-fetch/server.js';
import { recorded, startReplayServer } from '../../test/analyst/replay-server.js';
import { pollHealthFor } from '../../test/helpers/health-poller.js';
import { percentile } from '../percentile.js';

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

const CLAIM = '31 of 52 cities in Examplestan restrict cars in their centres';
const IN_FLIGHT = 4;
/** --threads N (0: every job in the request thread, as before web and fetch jobs moved to the threads). */
const threadCount = process.argv.includes('--threads') ? flag('threads', 0) : null;

type Kind = 'idle' | 'rules check' | 'web check' | 'fetch audit' | 'llm check';
const KINDS: readonly Kind[] = ['idle', 'rules check', 'web check', 'fetch audit', 'llm check'];

async function measure(kind: Kind, seconds: number, llmDelayMs: number): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(os.tmpdir(), 'verity-io-jobs-'));
  const web = await startWebFixtureServer();
  const pages = await startCitedPages();
  const llm = await startReplayServer(() => ({ ...recorded('report-verified'), delayMs: llmDelayMs }));
  const store = await storeOfDocs(CARS_CORPUS, join(dir, 'corpus.db'));
  const server = await startServer({
    store,
    port: 0,
    concurrency: IN_FLIGHT,
    ...(threadCount !== null ? { threads: threadCount } : {}),
    log: () => undefined,
    ...(kind === 'web check' ? { web: { search: new WikipediaSearch({ baseUrl: web.origin }), limit: 5 } } : {}),
    ...(kind === 'fetch audit' ? { fetch: { web: { allowPrivate: true }, limit: 30 } } : {}),
    ...(kind === 'llm check' ? { analyst: await createAnalyst(analystConfig({ analyst: 'llm', llmUrl: llm.baseUrl, llmModel: 'm' }, {})) } : {}),
  });
  const submit = async (): Promise<string> => {
    const res =
      kind === 'fetch audit'
        ? await fetch(`${server.url}/api/audits?fetch=1`, { method: 'POST', headers: { 'content-type': 'text/markdown' }, body: fixtureText('article.md', pages.origin) })
        : await fetch(`${server.url}/api/checks`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ input: CLAIM, ...(kind === 'web check' ? { web: true } : {}) }) });
    if (res.status !== 202) throw new Error(`${kind}: HTTP ${res.status} ${await res.text()}`);
    return ((await res.json()) as { id: string }).id;
  };
  let done = 0;
  let failed = 0;
  const end = Date.now() + seconds * 1000;
  // Keeps IN_FLIGHT jobs going: each lane submits, waits for the end, submits again.
  const lane = async (): Promise<void> => {
    while (Date.now() < end) {
      const id = await submit();
      for (;;) {
        const job = (await (await fetch(`${server.url}/api/jobs/${id}`)).json()) as { status: string };
        if (job.status === 'done' || job.status === 'failed') {
          if (job.status === 'done') done++;
          else failed++;
          break;
        }
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  };
  const poll = pollHealthFor(server.url, seconds * 1000);
  if (kind !== 'idle') await Promise.all(Array.from({ length: IN_FLIGHT }, lane));
  const { latencies, failures } = await poll;
  await server.close();
  await store.close();
  await Promise.all([web.close(), pages.close(), llm.close()]);
  rmSync(dir, { recursive: true, force: true });
  const sorted = [...latencies].sort((a, b) => a - b);
  const r1 = (x: number): number => Math.round(x * 10) / 10;
  return { kind, jobsDone: done, jobsFailed: failed, health: { answers: sorted.length, p50Ms: r1(percentile(sorted, 50)), p99Ms: r1(percentile(sorted, 99)), maxMs: r1(sorted.at(-1) ?? 0), failed: failures } };
}

const seconds = flag('seconds', 10);
const llmDelay = flag('llm-delay', 300);
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : null;
for (const kind of KINDS.filter((k) => only === null || k === only)) {
  console.log(JSON.stringify({ ...(await measure(kind, seconds, llmDelay)), loadAverage: r2(os.loadavg()[0] ?? 0) }));
}

function r2(x: number): number {
  return Math.round(x * 100) / 100;
}
