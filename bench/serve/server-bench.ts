// Server benchmark: checks of the demo question on examples/corpus submitted over HTTP to
// `startServer` (what `verity serve` runs) against `checkInput` called directly, in the same run.
//
//   node --import tsx bench/serve/server-bench.ts           # 3 rounds of 12 checks a row (~20-40 s)
//   node --import tsx bench/serve/server-bench.ts --big     # 5 rounds of 40 checks a row
//
// Rows: direct calls and HTTP, each with 1 client (one check after another) and 4 concurrent
// clients (each one check after another); with 4 clients also a server running 4 jobs at once
// (--concurrency 4; the default 1 runs them one after another). HTTP rows come in two forms: plain (the ratio to direct
// is read from these), and with GET /api/health polled every 5 ms meanwhile (bench/serve/health-latency.ts,
// its latency is the figure; the poller's requests cost the same thread some time); with one
// client also with jobs that see the raw store instead of the CooperativeStore view (its --raw).
// An HTTP check is what a client does: POST /api/checks, read GET /api/jobs/:id/events to its end,
// then GET /api/jobs/:id (the report JSON). The server runs its default in-process queue
// (concurrency 1, as `verity serve`). Client, server and direct calls share this one process.
// Figures: wall time per check p50/p95 (submit → report in hand) and checks/s; the ratio of HTTP
// to direct is the figure to read. Writes bench/results/server.json.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkInput } from '../../src/check/index.js';
import { ingestPaths } from '../../src/ingest/index.js';
import { createInProcessQueue } from '../../src/jobs/index.js';
import { startServer } from '../../src/server/index.js';
import type { VerityJobResult } from '../../src/server/index.js';
import { openStore } from '../../src/store/sqlite/open.js';
import type { Store } from '../../src/contracts.js';
import { DEMO_QUESTION, healthSummary, pollHealth, rawStoreRunner } from './health-latency.js';
import { latency, round } from '../percentile.js';

const BIG = process.argv.includes('--big');
const CHECKS = BIG ? 40 : 12;
const ROUNDS = BIG ? 5 : 3;
const CLIENTS = 4;

interface Row {
  round: number;
  path: 'direct' | 'http' | 'http, server concurrency 4' | 'http + health' | 'http + health, raw store';
  clients: number;
  checks: number;
  wallMs: number;
  checksPerSec: number;
  perCheckMs: { p50: number; p95: number; mean: number };
  health?: { answers: number; p50Ms: number; p95Ms: number; maxMs: number };
  /** p50 per check over the direct row's with the same clients (1 = no cost). */
  ratioP50?: number;
  ratioP95?: number;
  /** Direct checks/s over this row's (1 = no cost). */
  ratioWall?: number;
}

/** Runs `clients` loops, each doing `perClient` checks in a row; gives every check's wall time. */
async function clientsLoop(clients: number, perClient: number, one: () => Promise<void>): Promise<{ wallMs: number; samples: number[] }> {
  const samples: number[] = [];
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let i = 0; i < perClient; i++) {
        const ts = performance.now();
        await one();
        samples.push(performance.now() - ts);
      }
    }),
  );
  return { wallMs: performance.now() - t0, samples };
}

async function httpCheck(base: string): Promise<void> {
  const res = await fetch(`${base}/api/checks`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ input: DEMO_QUESTION }) });
  if (res.status !== 202) throw new Error(`POST /api/checks answered ${res.status}: ${await res.text()}`);
  const { id } = (await res.json()) as { id: string };
  const events = await (await fetch(`${base}/api/jobs/${id}/events`)).text();
  if (!events.includes('event: done')) throw new Error(`job ${id} did not end done: ${events.slice(-300)}`);
  const job = (await (await fetch(`${base}/api/jobs/${id}`)).json()) as { status: string; report: unknown };
  if (job.status !== 'done' || job.report === null) throw new Error(`job ${id} has no report (status ${job.status})`);
}

function row(round_: number, path: Row['path'], clients: number, r: { wallMs: number; samples: number[] }): Row {
  return { round: round_, path, clients, checks: r.samples.length, wallMs: round(r.wallMs, 1), checksPerSec: round((r.samples.length / r.wallMs) * 1000, 2), perCheckMs: latency(r.samples) };
}

async function httpRow(round_: number, store: Store, path: Row['path'], clients: number): Promise<Row> {
  const server = await startServer({
    store,
    port: 0,
    log: () => undefined,
    ...(path === 'http + health, raw store' ? { queue: createInProcessQueue<VerityJobResult>({ run: rawStoreRunner(store) }) } : {}),
    ...(path === 'http, server concurrency 4' ? { concurrency: CLIENTS } : {}),
  });
  try {
    await httpCheck(server.url); // warm the connection pool and the server's code paths
    const poller = path.startsWith('http + health') ? pollHealth(server.url) : null;
    const r = await clientsLoop(clients, clients === 1 ? CHECKS : Math.ceil(CHECKS / 2), () => httpCheck(server.url));
    const measured = row(round_, path, clients, r);
    return poller ? { ...measured, health: healthSummary(await poller.stop()) } : measured;
  } finally {
    await server.close();
  }
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? 0 : s.length % 2 === 1 ? (s[(s.length - 1) / 2] ?? 0) : ((s[s.length / 2 - 1] ?? 0) + (s[s.length / 2] ?? 0)) / 2;
};

/** Median over the rounds of each HTTP row's ratios to direct, and of its health p95. */
function summarise(rows: readonly Row[]): { path: string; clients: number; ratioP50: number; ratioP95: number; ratioWall: number; healthP50Ms: number | null; healthP95Ms: number | null; healthMaxMs: number | null; perCheckP50Ms: number; directP50Ms: number }[] {
  const out = [];
  for (const [path, clients] of [['http', 1], ['http + health', 1], ['http + health, raw store', 1], ['http', CLIENTS], ['http, server concurrency 4', CLIENTS], ['http + health', CLIENTS]] as const) {
    const rs = rows.filter((r) => r.path === path && r.clients === clients);
    const ds = rows.filter((r) => r.path === 'direct' && r.clients === clients);
    out.push({
      path,
      clients,
      ratioP50: round(median(rs.map((r) => r.ratioP50 ?? 0)), 2),
      ratioP95: round(median(rs.map((r) => r.ratioP95 ?? 0)), 2),
      ratioWall: round(median(rs.map((r) => r.ratioWall ?? 0)), 2),
      healthP50Ms: !path.startsWith('http + health') ? null : round(median(rs.map((r) => r.health?.p50Ms ?? 0)), 1),
      healthP95Ms: !path.startsWith('http + health') ? null : round(median(rs.map((r) => r.health?.p95Ms ?? 0)), 1),
      healthMaxMs: !path.startsWith('http + health') ? null : round(Math.max(...rs.map((r) => r.health?.maxMs ?? 0)), 1),
      perCheckP50Ms: round(median(rs.map((r) => r.perCheckMs.p50)), 1),
      directP50Ms: round(median(ds.map((r) => r.perCheckMs.p50)), 1),
    });
  }
  return out;
}

function print(r: Row): void {
  const h = r.health ? `  health p50 ${r.health.p50Ms} p95 ${r.health.p95Ms} max ${r.health.maxMs} ms (${r.health.answers} answers)` : '';
  const vs = r.ratioP50 !== undefined ? `  ×${String(r.ratioP50)} p50, ×${String(r.ratioP95)} p95, ×${String(r.ratioWall)} wall vs direct` : '';
  console.log(`${r.round} ${`${r.path}, ${r.clients} client(s)`.padEnd(28)} ${r.checks} checks  per check p50 ${r.perCheckMs.p50} ms p95 ${r.perCheckMs.p95} ms  ${r.checksPerSec} checks/s${vs}${h}`);
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'verity-server-bench-'));
  const rows: Row[] = [];
  const load = [loadavg()[0] ?? 0];
  try {
    const db = join(dir, 'corpus.db');
    const writable = await openStore(db);
    await ingestPaths(writable, ['examples/corpus']);
    const stats = await writable.stats();
    await writable.close();
    const store = await openStore(db, { readonly: true });
    try {
      await checkInput(store, DEMO_QUESTION); // warm-up (models, caches)
      // Interleave direct and HTTP rows so a change in the machine's load hits both.
      for (let round_ = 1; round_ <= ROUNDS; round_++)
      for (const clients of [1, CLIENTS]) {
        console.error(`server bench: round ${round_}, ${clients} client(s)`);
        const perClient = clients === 1 ? CHECKS : Math.ceil(CHECKS / 2);
        const direct = row(round_, 'direct', clients, await clientsLoop(clients, perClient, async () => void (await checkInput(store, DEMO_QUESTION))));
        const http = await httpRow(round_, store, 'http', clients);
        const cmp = (r: Row): Row => ({
          ...r,
          ratioP50: round(r.perCheckMs.p50 / direct.perCheckMs.p50, 2),
          ratioP95: round(r.perCheckMs.p95 / direct.perCheckMs.p95, 2),
          ratioWall: round(direct.checksPerSec / r.checksPerSec, 2),
        });
        rows.push(direct, cmp(http), cmp(await httpRow(round_, store, 'http + health', clients)));
        if (clients === 1) rows.push(cmp(await httpRow(round_, store, 'http + health, raw store', 1)));
        else rows.push(cmp(await httpRow(round_, store, 'http, server concurrency 4', clients)));
      }
    } finally {
      await store.close();
    }
    load.push(loadavg()[0] ?? 0);
    for (const r of rows) print(r);
    const summary = summarise(rows);
    for (const s of summary) console.log(`median over ${ROUNDS} rounds: ${s.path}, ${s.clients} client(s): ×${s.ratioP50} p50, ×${s.ratioP95} p95, ×${s.ratioWall} wall vs direct; per check p50 ${s.perCheckP50Ms} ms vs ${s.directP50Ms} ms${s.healthP95Ms === null ? '' : `; health p50 ${s.healthP50Ms} ms, p95 ${s.healthP95Ms} ms, max ${s.healthMaxMs} ms`}`);
    const doc = {
      bench: 'server',
      command: `node --import tsx bench/serve/server-bench.ts${BIG ? ' --big' : ''}`,
      question: DEMO_QUESTION,
      corpus: 'examples/corpus',
      ...stats,
      serverConcurrency: 1,
      loadAverage1m: { start: round(load[0] ?? 0, 2), end: round(load[1] ?? 0, 2) },
      node: process.version,
      cpus: cpus().length,
      date: new Date().toISOString(),
      rounds: ROUNDS,
      checksPerRow: CHECKS,
      summary,
      rows,
    };
    mkdirSync('bench/results', { recursive: true });
    writeFileSync('bench/results/server.json', `${JSON.stringify(doc, null, 2)}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
