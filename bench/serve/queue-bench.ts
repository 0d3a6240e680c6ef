// Queue benchmark: what a job costs on its way through Verity's queues, against a baseline
// measured in the same run.
//
//   node --import tsx bench/serve/queue-bench.ts            # ~40-60 s: 3 rounds of 150 no-op + 60 cpu jobs a row
//   node --import tsx bench/serve/queue-bench.ts --big      # 5 rounds of 1,000 no-op + 300 cpu jobs a row
//   source /tmp/verity-services.env first for the Redis rows (scripts/ci-services.sh starts Redis)
//
// Rows (each with no-op jobs and with jobs that spin the CPU for CPU_MS):
//   - in-process: baseline = a plain loop awaiting the runner directly; then the in-process
//     queue (concurrency 1) running the same runner;
//   - Redis, 1 and 2 worker processes: baseline = raw BullMQ (Queue + QueueEvents here, Worker in
//     child processes, no Verity code); then Verity's Redis queue here and `startRedisWorker` in
//     the child processes. Without VERITY_TEST_REDIS_URL these rows say why they were skipped.
// Each comparison runs in rounds, baseline then subject, and reports the medians over the rounds.
// Figures: jobs/s for a burst of N jobs submitted at once (ratio to the baseline's jobs/s), and
// submit→done latency p50/p95 of jobs submitted one at a time (overhead over the baseline's p50).
// A burst awaits each `submit` before the next (as one client would), so the submit time bounds it.
// Writes bench/results/queue.json.
//
// Internal: `--worker verity|bull <redis-url> <queue-name>` makes this file a worker process.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { createInProcessQueue, openRedisQueue, startRedisWorker } from '../../src/jobs/index.js';
import type { JobRunner, JobSpec, Queue } from '../../src/jobs/index.js';
import { latency, round } from '../percentile.js';

const CPU_MS = 5;
const BIG = process.argv.includes('--big');
const NOOP_JOBS = BIG ? 1000 : 150;
const CPU_JOBS = BIG ? 300 : 60;
const SOLO_JOBS = BIG ? 100 : 30;
const WARM_JOBS = 10;
const ROUNDS = BIG ? 5 : 3;

type BenchResult = { ok: true };

/** Spins the CPU for `ms` milliseconds (a stand-in for a small job's work). */
function spin(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // busy
  }
}

const runner: JobRunner<BenchResult> = (spec) => {
  const ms = Number(spec.options?.cpuMs ?? 0);
  if (ms > 0) spin(ms);
  return Promise.resolve({ ok: true });
};

const spec = (cpuMs: number): JobSpec => ({ kind: 'check', input: 'bench', options: { cpuMs } });

/** One way of running jobs: `submit` resolves once the job is handed over, with a promise of the time (performance.now) it ended. */
interface Harness {
  submit(cpuMs: number): Promise<{ end: Promise<number> }>;
  close(): Promise<void>;
}

interface Measured {
  jobs: number;
  wallMs: number;
  jobsPerSec: number;
  burst: { p50: number; p95: number; mean: number };
  /** Time for `submit` to hand a job over (burst), the part a client waits for before it has an id. */
  submit: { p50: number; p95: number; mean: number };
  solo: { p50: number; p95: number; mean: number };
}

const JOB_TIMEOUT_MS = 60_000;

/** The job's end, or an error after JOB_TIMEOUT_MS (a lost completion must not hang the bench). */
function ended(end: Promise<number>): Promise<number> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`verity: [bench] a job did not end within ${JOB_TIMEOUT_MS} ms`)), JOB_TIMEOUT_MS);
  });
  return Promise.race([end, timeout]).finally(() => clearTimeout(timer));
}

async function measure(h: Harness, cpuMs: number, jobs: number): Promise<Measured> {
  for (let i = 0; i < WARM_JOBS; i++) await ended((await h.submit(cpuMs)).end);
  // Burst: every job submitted at once (awaiting only the hand-over), then wait for all.
  const burstMs: number[] = [];
  const submitMs: number[] = [];
  const ends: Promise<void>[] = [];
  const t0 = performance.now();
  for (let i = 0; i < jobs; i++) {
    const ts = performance.now();
    const { end } = await h.submit(cpuMs);
    submitMs.push(performance.now() - ts);
    ends.push(ended(end).then((at) => void burstMs.push(at - ts)));
  }
  await Promise.all(ends);
  const wallMs = performance.now() - t0;
  // Solo: one job at a time, so the latency is the queue's own, not time spent waiting in line.
  const soloMs: number[] = [];
  for (let i = 0; i < SOLO_JOBS; i++) {
    const ts = performance.now();
    soloMs.push((await ended((await h.submit(cpuMs)).end)) - ts);
  }
  return { jobs, wallMs: round(wallMs, 1), jobsPerSec: round((jobs / wallMs) * 1000, 1), burst: latency(burstMs), submit: latency(submitMs), solo: latency(soloMs) };
}

function directHarness(): Harness {
  return {
    submit: async (cpuMs) => {
      await runner(spec(cpuMs), { id: 'direct', onProgress: () => undefined, signal: new AbortController().signal });
      return { end: Promise.resolve(performance.now()) };
    },
    close: () => Promise.resolve(),
  };
}

function verityHarness(queue: Queue<BenchResult>): Harness {
  return {
    submit: async (cpuMs) => {
      const id = await queue.submit(spec(cpuMs));
      const end = new Promise<number>((resolve, reject) => {
        queue
          .subscribe(id, (e) => {
            if (e.type === 'done') resolve(performance.now());
            else if (e.type === 'failed' || e.type === 'cancelled') reject(new Error(`job ${id} ${e.type}: ${e.error.message}`));
          })
          .catch(reject);
      });
      return { end };
    },
    close: () => queue.close(),
  };
}

async function bullHarness(url: string, name: string): Promise<Harness> {
  const { Queue: BullQueue, QueueEvents } = await import('bullmq');
  const { Redis } = await import('ioredis');
  const connection = new Redis(url, { maxRetriesPerRequest: null });
  const eventsConnection = new Redis(url, { maxRetriesPerRequest: null });
  const queue = new BullQueue(name, { connection });
  // From the stream's start (this queue name is new): with the default '$' an event written before
  // QueueEvents' first read is missed.
  const events = new QueueEvents(name, { connection: eventsConnection, lastEventId: '0-0' });
  await queue.waitUntilReady();
  await events.waitUntilReady();
  const waiting = new Map<string, (at: number) => void>();
  const early = new Map<string, number>();
  events.on('completed', ({ jobId }) => {
    const w = waiting.get(jobId);
    const at = performance.now();
    if (w) {
      waiting.delete(jobId);
      w(at);
    } else early.set(jobId, at);
  });
  let seq = 0;
  return {
    submit: async (cpuMs) => {
      const jobId = `j${++seq}`;
      const end = new Promise<number>((resolve) => waiting.set(jobId, resolve));
      await queue.add('bench', { cpuMs }, { jobId, removeOnComplete: true, removeOnFail: true });
      const at = early.get(jobId);
      if (at !== undefined) {
        early.delete(jobId);
        waiting.get(jobId)?.(at);
        waiting.delete(jobId);
      }
      return { end };
    },
    close: async () => {
      await events.close();
      await queue.obliterate({ force: true }).catch(() => undefined);
      await queue.close();
      connection.disconnect();
      eventsConnection.disconnect();
    },
  };
}

/** Starts `n` worker processes (this file with --worker) and resolves when each says it is ready. */
async function startWorkers(kind: 'verity' | 'bull', url: string, name: string, n: number): Promise<ChildProcess[]> {
  const children: ChildProcess[] = [];
  for (let i = 0; i < n; i++) {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/serve/queue-bench.ts', '--worker', kind, url, name], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    children.push(child);
    await new Promise<void>((resolve, reject) => {
      child.once('message', () => resolve());
      child.once('exit', (code) => reject(new Error(`${kind} worker exited with code ${String(code)} before it was ready`)));
    });
  }
  return children;
}

async function stopWorkers(children: readonly ChildProcess[]): Promise<void> {
  await Promise.all(
    children.map(
      (c) =>
        new Promise<void>((resolve) => {
          if (c.exitCode !== null) return resolve();
          c.once('exit', () => resolve());
          c.send('stop');
        }),
    ),
  );
}

/** The worker process: runs `runner` for queue `name` until told to stop. */
async function workerMain(kind: string, url: string, name: string): Promise<void> {
  let close: () => Promise<void>;
  if (kind === 'verity') {
    const worker = await startRedisWorker<BenchResult>({ url, name, run: runner, concurrency: 1 });
    close = () => worker.close('finish');
  } else {
    const { Worker } = await import('bullmq');
    const { Redis } = await import('ioredis');
    const connection = new Redis(url, { maxRetriesPerRequest: null });
    const worker = new Worker(
      name,
      (job) => {
        const ms = Number((job.data as { cpuMs?: number }).cpuMs ?? 0);
        if (ms > 0) spin(ms);
        return Promise.resolve({ ok: true });
      },
      { connection, concurrency: 1 },
    );
    await worker.waitUntilReady();
    close = async () => {
      await worker.close();
      connection.disconnect();
    };
  }
  const stop = (): void => void close().finally(() => process.exit(0));
  process.on('message', stop);
  process.on('disconnect', stop); // the bench process died: do not linger
  process.send?.('ready');
}

interface Row {
  round?: number;
  queue: string;
  workers: number | null;
  work: string;
  baseline: boolean;
  skipped?: string;
  result?: Measured;
  /** This row's jobs/s over its baseline's (1 = as fast as the baseline). */
  throughputRatio?: number;
  /** This row's solo p50 latency over its baseline's, and the difference in ms. */
  latencyRatio?: number;
  overheadMsP50?: number;
}

const WORKS = [
  { work: 'no-op', cpuMs: 0, jobs: NOOP_JOBS },
  { work: `cpu ${CPU_MS} ms`, cpuMs: CPU_MS, jobs: CPU_JOBS },
];

function compare(row: Row, base: Row): Row {
  if (!row.result || !base.result) return row;
  return {
    ...row,
    throughputRatio: round(row.result.jobsPerSec / base.result.jobsPerSec, 3),
    latencyRatio: round(row.result.solo.p50 / Math.max(1e-6, base.result.solo.p50), 2),
    overheadMsP50: round(row.result.solo.p50 - base.result.solo.p50, 3),
  };
}

function print(r: Row): void {
  const label = `${r.queue}${r.workers !== null ? ` ×${r.workers}` : ''} ${r.work}`.padEnd(38);
  if (!r.result) return console.log(`${label} skipped: ${r.skipped ?? ''}`);
  const m = r.result;
  const vs = r.baseline ? '(baseline)' : `${String(r.throughputRatio)}× baseline jobs/s, +${String(r.overheadMsP50)} ms p50`;
  console.log(`${label} ${String(m.jobsPerSec).padStart(9)} jobs/s  solo p50 ${m.solo.p50} ms p95 ${m.solo.p95} ms  burst p50 ${m.burst.p50} ms  submit p50 ${m.submit.p50} ms  ${vs}`);
}

/** Measures `base` then `subject` in each of ROUNDS rounds, so a change of the machine's load hits both. */
async function interleaved(rows: Row[], w: (typeof WORKS)[number], workers: number | null, base: { name: string; h: Harness }, subject: { name: string; h: Harness }): Promise<void> {
  for (let r = 1; r <= ROUNDS; r++) {
    const b: Row = { round: r, queue: base.name, workers, work: w.work, baseline: true, result: await measure(base.h, w.cpuMs, w.jobs) };
    const row = compare({ round: r, queue: subject.name, workers, work: w.work, baseline: false, result: await measure(subject.h, w.cpuMs, w.jobs) }, b);
    rows.push(b, row);
    print(b);
    print(row);
  }
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? 0 : s.length % 2 === 1 ? (s[(s.length - 1) / 2] ?? 0) : ((s[s.length / 2 - 1] ?? 0) + (s[s.length / 2] ?? 0)) / 2;
};

interface Summary {
  queue: string;
  baseline: string;
  workers: number | null;
  work: string;
  rounds: number;
  /** Medians over the rounds. */
  jobsPerSec: number;
  baselineJobsPerSec: number;
  throughputRatio: number;
  soloP50Ms: number;
  baselineSoloP50Ms: number;
  overheadMsP50: number;
  submitP50Ms: number;
  baselineSubmitP50Ms: number;
}

function summarise(rows: readonly Row[]): Summary[] {
  const out: Summary[] = [];
  const subjects = rows.filter((r) => !r.baseline && r.result);
  const keys = [...new Set(subjects.map((r) => `${r.queue}|${String(r.workers)}|${r.work}`))];
  for (const key of keys) {
    const rs = subjects.filter((r) => `${r.queue}|${String(r.workers)}|${r.work}` === key);
    const first = rs[0];
    if (!first) continue;
    const bs = rows.filter((r) => r.baseline && r.result && r.workers === first.workers && r.work === first.work && rs.some((x) => x.round === r.round) && (first.workers === null) === (r.queue === 'direct runner call'));
    const m = (xs: Row[], f: (x: Measured) => number): number => round(median(xs.map((x) => (x.result ? f(x.result) : 0))), 3);
    out.push({
      queue: first.queue,
      baseline: bs[0]?.queue ?? '',
      workers: first.workers,
      work: first.work,
      rounds: rs.length,
      jobsPerSec: m(rs, (x) => x.jobsPerSec),
      baselineJobsPerSec: m(bs, (x) => x.jobsPerSec),
      throughputRatio: round(median(rs.map((r) => r.throughputRatio ?? 0)), 3),
      soloP50Ms: m(rs, (x) => x.solo.p50),
      baselineSoloP50Ms: m(bs, (x) => x.solo.p50),
      overheadMsP50: round(median(rs.map((r) => r.overheadMsP50 ?? 0)), 3),
      submitP50Ms: m(rs, (x) => x.submit.p50),
      baselineSubmitP50Ms: m(bs, (x) => x.submit.p50),
    });
  }
  return out;
}

async function main(): Promise<void> {
  const rows: Row[] = [];
  const load = [loadavg()[0] ?? 0];
  for (const w of WORKS) {
    console.error(`queue bench: in-process, ${w.work}`);
    const q = createInProcessQueue<BenchResult>({ run: runner, concurrency: 1, maxQueued: w.jobs + 10, history: 100 });
    const h = verityHarness(q);
    try {
      await interleaved(rows, w, null, { name: 'direct runner call', h: directHarness() }, { name: 'in-process queue', h });
    } finally {
      await h.close();
    }
  }

  const url = process.env.VERITY_TEST_REDIS_URL;
  const tag = `bench-${process.pid}`;
  for (const workers of [1, 2]) {
    for (const w of WORKS) {
      if (!url) {
        const why = 'VERITY_TEST_REDIS_URL is not set (run scripts/ci-services.sh, then source /tmp/verity-services.env)';
        rows.push({ queue: 'raw BullMQ', workers, work: w.work, baseline: true, skipped: why }, { queue: 'Verity Redis queue', workers, work: w.work, baseline: false, skipped: why });
        continue;
      }
      console.error(`queue bench: Redis, ${workers} worker process(es), ${w.work}`);
      // Both sets of workers stay up for the whole comparison (idle ones wait on Redis, using no CPU).
      const rawName = `${tag}-raw-${workers}-${w.cpuMs}`;
      const name = `${tag}-v-${workers}-${w.cpuMs}`;
      const children: ChildProcess[] = [];
      const closers: (() => Promise<void>)[] = [];
      try {
        children.push(...(await startWorkers('bull', url, rawName, workers)));
        children.push(...(await startWorkers('verity', url, name, workers)));
        const raw = await bullHarness(url, rawName);
        closers.push(() => raw.close());
        const h = verityHarness(await openRedisQueue<BenchResult>({ url, name, maxQueued: w.jobs + 10 }));
        closers.push(() => h.close());
        await interleaved(rows, w, workers, { name: 'raw BullMQ', h: raw }, { name: 'Verity Redis queue', h });
      } finally {
        for (const c of closers) await c();
        await stopWorkers(children);
      }
    }
  }
  if (url) await dropKeys(url, tag);
  for (const r of rows) if (r.skipped) print(r);
  load.push(loadavg()[0] ?? 0);
  const summary = summarise(rows);
  for (const x of summary) {
    console.log(`median of ${x.rounds}: ${`${x.queue}${x.workers !== null ? ` ×${x.workers}` : ''} ${x.work}`.padEnd(32)} ${x.jobsPerSec} vs ${x.baselineJobsPerSec} jobs/s (×${x.throughputRatio}), solo p50 ${x.soloP50Ms} vs ${x.baselineSoloP50Ms} ms (+${x.overheadMsP50}), submit p50 ${x.submitP50Ms} vs ${x.baselineSubmitP50Ms} ms`);
  }

  const doc = {
    bench: 'queue',
    command: `node --import tsx bench/serve/queue-bench.ts${BIG ? ' --big' : ''}`,
    cpuMs: CPU_MS,
    rounds: ROUNDS,
    jobsPerRow: { noop: NOOP_JOBS, cpu: CPU_JOBS, solo: SOLO_JOBS },
    redis: url ? url.replace(/\/\/[^@]*@/, '//***@') : null,
    loadAverage1m: { start: round(load[0] ?? 0, 2), end: round(load[1] ?? 0, 2) },
    node: process.version,
    cpus: cpus().length,
    date: new Date().toISOString(),
    summary,
    rows,
  };
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/queue.json', `${JSON.stringify(doc, null, 2)}\n`);
}

/** Deletes this run's keys (Verity's queue and BullMQ's) from the shared Redis. */
async function dropKeys(url: string, tag: string): Promise<void> {
  const { Redis } = await import('ioredis');
  const r = new Redis(url);
  for (const pattern of [`verity:${tag}-*`, `bull:${tag}-*`]) {
    let cursor = '0';
    do {
      const [next, keys] = await r.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) await r.del(...keys);
    } while (cursor !== '0');
  }
  r.disconnect();
}

const wi = process.argv.indexOf('--worker');
if (wi >= 0) await workerMain(process.argv[wi + 1] ?? '', process.argv[wi + 2] ?? '', process.argv[wi + 3] ?? '');
else await main();
