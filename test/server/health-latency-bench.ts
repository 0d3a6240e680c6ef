// Not a test (no .test.ts suffix): a measurement. How well does the server answer while checks
// run in its thread? Runs five checks of the demo question in a row on a corpus file and polls
// GET /api/health every 5 ms meanwhile; prints the health answers' count and latencies.
//   node --import tsx test/server/health-latency-bench.ts <corpus.db> [--raw]
// --raw gives the jobs the store itself instead of the CooperativeStore view (the baseline).
import { openStore } from '../../src/store/open.js';
import { checkInput } from '../../src/check/index.js';
import { createInProcessQueue } from '../../src/jobs/index.js';
import { createJobRunner, startServer } from '../../src/server/index.js';
import type { VerityJobResult } from '../../src/server/index.js';

const [db, flag] = process.argv.slice(2);
if (!db) {
  console.error('usage: node --import tsx test/server/health-latency-bench.ts <corpus.db> [--raw]');
  process.exit(2);
}
const QUESTION = 'Which countries criminalize mere possession of child sexual abuse material versus only its production or distribution?';
const store = await openStore(db, { readonly: true });
const run =
  flag === '--raw'
    ? async (spec: { input: string }, ctx: { onProgress: (e: { stage: string; done: number; total: number | null }) => void }): Promise<VerityJobResult> => ({ kind: 'check', report: await checkInput(store, spec.input, { onProgress: ctx.onProgress }) })
    : createJobRunner(store);
const server = await startServer({ store, port: 0, queue: createInProcessQueue<VerityJobResult>({ run }), log: () => undefined });

const latencies: number[] = [];
let polling = true;
const poller = (async () => {
  while (polling) {
    const t0 = performance.now();
    await (await fetch(`${server.url}/api/health`)).arrayBuffer();
    latencies.push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, 5));
  }
})();
const started = performance.now();
for (let i = 0; i < 5; i++) {
  const res = await fetch(`${server.url}/api/checks`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ input: QUESTION }) });
  const { id } = (await res.json()) as { id: string };
  await (await fetch(`${server.url}/api/jobs/${id}/events`)).text();
}
const wallMs = Math.round(performance.now() - started);
polling = false;
await poller;
latencies.sort((a, b) => a - b);
const at = (p: number): number => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!);
console.log(JSON.stringify({ store: flag === '--raw' ? 'raw' : 'cooperative', checks: 5, wallMs, healthAnswers: latencies.length, p50Ms: at(0.5), p95Ms: at(0.95), maxMs: Math.round(latencies.at(-1) ?? 0) }));
await server.close();
await store.close();
