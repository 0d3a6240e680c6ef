// Issue 16: job throughput and health latency of `verity serve` with its jobs in threads. The
// server runs as its own process (`verity serve` under tsx, as a user starts it), so this
// process's clients and pollers do not share its event loop; the server's main-thread event-loop
// delay is read by bench/serve/loop-probe.mjs. Per configuration: a corpus file, `--concurrency N`, N
// lanes each submitting a rules check and following its event stream to the end, for --seconds,
// while GET /api/health is polled every 20 ms from a thread of its own. The first job of each lane
// is timed apart (a cold thread). The first jobs are sent --settle seconds after the server said it
// was ready (a server is usually up a while before its first request; 0: at once). Configurations
// are run in turn, --rounds times, so before and after share a run:
//   node --import tsx bench/serve/serve-throughput.ts [--seconds 15] [--settle 8] [--rounds 2]
//        [--concurrency 2] [--configs "threads0,nice10,nice0"]
// A configuration is threadsN (--threads N), niceK (the job threads at nice K), or cold (no warm-up
// of the threads: VERITY_JOB_THREAD_WARMUP=0); joined with "+", e.g. "nice10+cold".
// Prints one JSON line per run. Figures: docs/bench-reliability.md.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { storeOfDocs } from '../../test/check/helpers.js';
import { CARS_CORPUS } from '../../test/fixtures/llm/corpus.js';
import { pollHealthFor } from '../../test/helpers/health-poller.js';
import { percentile, round } from '../percentile.js';

const CLAIMS = ['31 of 52 cities in Examplestan restrict cars in their centres', 'Examplestan banned cars from city centres in 2020', 'how many cities in Examplestan restrict cars?'];

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

interface Config {
  name: string;
  args: string[];
  env: Record<string, string>;
}

function config(name: string): Config {
  const args: string[] = [];
  const env: Record<string, string> = {};
  for (const part of name.split('+')) {
    const threads = /^threads(\d+)$/.exec(part);
    const nice = /^nice(\d+)$/.exec(part);
    if (threads) args.push('--threads', threads[1]!);
    else if (nice) env.VERITY_JOB_THREAD_NICE = nice[1]!;
    else if (part === 'cold') env.VERITY_JOB_THREAD_WARMUP = '0';
    else throw new Error(`unknown configuration ${part} (threadsN, niceK, cold)`);
  }
  return { name, args, env };
}

/** Starts `verity serve` on a free port; resolves with its URL once it has printed its address. */
async function serve(db: string, concurrency: number, c: Config, loopFile: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', '--import', resolve('bench/serve/loop-probe.mjs'), resolve('src/cli/main.ts'), 'serve', '--db', db, '--port', '0', '--json', '--concurrency', String(concurrency), ...c.args], {
    env: { ...process.env, ...c.env, VERITY_LOOP_FILE: loopFile },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const url = await new Promise<string>((ok, fail) => {
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /"url":\s*"([^"]+)"/.exec(out);
      if (m) ok(m[1]!);
    });
    child.once('exit', (code) => fail(new Error(`verity serve exited ${code}: ${err.slice(-400)}`)));
  });
  return { url, child };
}

async function checkOnce(url: string, input: string): Promise<number> {
  const t = performance.now();
  const res = await fetch(`${url}/api/checks`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ input }) });
  if (res.status !== 202) throw new Error(`HTTP ${res.status} ${await res.text()}`);
  const { id } = (await res.json()) as { id: string };
  const events = await (await fetch(`${url}/api/jobs/${id}/events`)).text();
  if (!events.includes('event: done')) throw new Error(`job ${id} did not finish: ${events.slice(-300)}`);
  return performance.now() - t;
}

async function measure(db: string, dir: string, c: Config, concurrency: number, seconds: number, settleMs: number): Promise<Record<string, unknown>> {
  const loopFile = join(dir, `${c.name}.loop.json`);
  rmSync(loopFile, { force: true });
  const started = performance.now();
  const { url, child } = await serve(db, concurrency, c, loopFile);
  const startMs = performance.now() - started;
  try {
    await new Promise((r) => setTimeout(r, settleMs));
    child.kill('SIGUSR2'); // the loop delay from here on
    const since = performance.now();
    const firstJobs: number[] = [];
    const later: number[] = [];
    const end = Date.now() + seconds * 1000;
    const poll = pollHealthFor(url, seconds * 1000, 20);
    await Promise.all(
      Array.from({ length: concurrency }, async (_, lane) => {
        for (let k = 0; Date.now() < end; k++) (k === 0 ? firstJobs : later).push(await checkOnce(url, CLAIMS[(lane + k) % CLAIMS.length]!));
      }),
    );
    const wall = (performance.now() - since) / 1000;
    const { latencies, failures } = await poll;
    await new Promise((r) => setTimeout(r, 600)); // the probe's last write
    const loop = existsSync(loopFile) ? (JSON.parse(readFileSync(loopFile, 'utf8')) as Record<string, number>) : null;
    const s = [...latencies].sort((a, b) => a - b);
    const l = [...later].sort((a, b) => a - b);
    return {
      config: c.name,
      concurrency,
      settleS: settleMs / 1000,
      serverStartMs: Math.round(startMs),
      jobs: firstJobs.length + later.length,
      jobsPerS: round((firstJobs.length + later.length) / wall, 2),
      firstJobMs: firstJobs.map((x) => Math.round(x)),
      laterJobP50Ms: Math.round(percentile(l, 50)),
      health: { answers: s.length, p50Ms: round(percentile(s, 50), 1), p99Ms: round(percentile(s, 99), 1), maxMs: round(s.at(-1) ?? 0, 1), failed: failures },
      serverLoopDelay: loop,
      loadAverage: round(os.loadavg()[0] ?? 0, 2),
    };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

const seconds = Number(option('seconds', '15'));
const rounds = Number(option('rounds', '2'));
const settleMs = Number(option('settle', '8')) * 1000;
const concurrency = Number(option('concurrency', '2'));
const configs = option('configs', 'threads0,nice10,nice0').split(',').map(config);
const dir = mkdtempSync(join(os.tmpdir(), 'verity-serve-throughput-'));
try {
  const db = join(dir, 'corpus.db');
  await (await storeOfDocs(CARS_CORPUS, db)).close();
  for (let r = 1; r <= rounds; r++) for (const c of configs) console.log(JSON.stringify({ round: r, ...(await measure(db, dir, c, concurrency, seconds, settleMs)) }));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
