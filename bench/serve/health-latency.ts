// How well does the server answer while checks run in its thread? `pollHealth` polls
// GET /api/health every few ms and collects the latencies; bench/serve/server-bench.ts uses it during
// its HTTP runs. Run alone (moved here from test/server/health-latency-bench.ts), it does what
// that script did: five checks of the demo question in a row on a corpus file, health polled
// every 5 ms meanwhile; prints the health answers' count and latencies.
//   node --import tsx bench/serve/health-latency.ts <corpus.db> [--raw]
// --raw gives the jobs the store itself instead of the CooperativeStore view (the baseline).
import { pathToFileURL } from 'node:url';
import { openStore } from '../../src/store/sqlite/open.js';
import { checkInput } from '../../src/check/index.js';
import type { Store } from '../../src/contracts.js';
import { createInProcessQueue } from '../../src/jobs/index.js';
import type { JobRunner } from '../../src/jobs/index.js';
import { createJobRunner, startServer } from '../../src/server/index.js';
import type { VerityJobResult } from '../../src/server/index.js';
import { percentile } from '../percentile.js';

export const DEMO_QUESTION = 'Which countries criminalize mere possession of child sexual abuse material versus only its production or distribution?';

/** A running poller of `${baseUrl}/api/health`; `stop` ends it and gives every latency (ms, in order). */
export interface HealthPoller {
  stop(): Promise<number[]>;
}

/** Polls GET /api/health one request at a time, pausing `everyMs` between answers. */
export function pollHealth(baseUrl: string, everyMs = 5): HealthPoller {
  const latencies: number[] = [];
  let polling = true;
  const loop = (async () => {
    while (polling) {
      const t0 = performance.now();
      const res = await fetch(`${baseUrl}/api/health`);
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`GET /api/health answered ${res.status}`);
      latencies.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return {
    async stop() {
      polling = false;
      await loop;
      return latencies;
    },
  };
}

/** Count, p50, p95 and max of health latencies, rounded to 0.1 ms. */
export function healthSummary(latencies: readonly number[]): { answers: number; p50Ms: number; p95Ms: number; maxMs: number } {
  const s = [...latencies].sort((a, b) => a - b);
  const r = (x: number): number => Math.round(x * 10) / 10;
  return { answers: s.length, p50Ms: r(percentile(s, 50)), p95Ms: r(percentile(s, 95)), maxMs: r(s.at(-1) ?? 0) };
}

/** The runner that hands jobs the store itself (no CooperativeStore view): the baseline for health latency. */
export function rawStoreRunner(store: Store): JobRunner<VerityJobResult> {
  return async (spec, ctx) => ({ kind: 'check', report: await checkInput(store, spec.input, { onProgress: ctx.onProgress }) });
}

async function main(): Promise<void> {
  const [db, flag] = process.argv.slice(2);
  if (!db) {
    console.error('usage: node --import tsx bench/serve/health-latency.ts <corpus.db> [--raw]');
    process.exit(2);
  }
  const store = await openStore(db, { readonly: true });
  const run = flag === '--raw' ? rawStoreRunner(store) : createJobRunner(store);
  const server = await startServer({ store, port: 0, queue: createInProcessQueue<VerityJobResult>({ run }), log: () => undefined });
  const poller = pollHealth(server.url);
  const started = performance.now();
  for (let i = 0; i < 5; i++) {
    const res = await fetch(`${server.url}/api/checks`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ input: DEMO_QUESTION }) });
    const { id } = (await res.json()) as { id: string };
    await (await fetch(`${server.url}/api/jobs/${id}/events`)).text();
  }
  const wallMs = Math.round(performance.now() - started);
  const h = healthSummary(await poller.stop());
  console.log(JSON.stringify({ store: flag === '--raw' ? 'raw' : 'cooperative', checks: 5, wallMs, healthAnswers: h.answers, p50Ms: h.p50Ms, p95Ms: h.p95Ms, maxMs: h.maxMs }));
  await server.close();
  await store.close();
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
