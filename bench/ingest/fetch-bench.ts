// Safe-fetch benchmark: `safeFetch` against `http.get` on the same local server, in the same run,
// and the 20 MB body cap on a 200 MB stream.
//
//   node --import tsx bench/ingest/fetch-bench.ts            # 300 fetches of each kind, 3 capped streams (~10-20 s)
//   node --import tsx bench/ingest/fetch-bench.ts --big      # 2,000 fetches of each kind, 5 capped streams
//
// The server runs in a child process (this file with --serve), so the client's time and memory
// are its own. The page is a 20 kB HTML page with a Content-Length. Kinds, interleaved one
// fetch of each in turn so a change of load hits all alike:
//   - safeFetch (allowPrivate, as a test or intranet fetch), of 127.0.0.1 and of localhost;
//   - http.get with agent: false (a new connection each time, as safeFetch makes): the baseline;
//   - http.get through Node's default keep-alive agent (reuses the connection: a floor).
// The stream is 200 MB of HTML sent in 64 kB chunks with no Content-Length; safeFetch must stop it
// at DEFAULT_WEB_MAX_BYTES (20 MB) with TOO_LARGE. Baseline: http.get reading and dropping the
// same stream until 20 MB, then closing. Each capped fetch runs in a fresh process (this file with
// --capped), warmed on the small page first. Figures: time, growth of the process's peak RSS
// (getrusage) over its RSS before the fetch, and the bytes the server had sent when the client hung up.
// Writes bench/results/fetch.json.
import { fork, type ChildProcess } from 'node:child_process';
import * as http from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { DEFAULT_WEB_MAX_BYTES, safeFetch } from '../../src/web/index.js';
import { VerityError } from '../../src/errors.js';
import { latency, round } from '../percentile.js';

const BIG = process.argv.includes('--big');
const FETCHES = BIG ? 2000 : 300;
const STREAMS = BIG ? 5 : 3;
const STREAM_BYTES = 200 * 1024 * 1024;
const CHUNK = 64 * 1024;
const PAGE = `<!doctype html><html><head><title>Bench page</title></head><body>${'<p>140 of the 196 countries criminalise simple possession of the material.</p>\n'.repeat(250)}</body></html>`;

type ServerMessage = { port: number } | { streamed: number };

/** The child: serves /page and /stream on 127.0.0.1, reports its port, and the bytes each stream sent. */
function serveMain(): void {
  const server = http.createServer((req, res) => {
    if (req.url === '/page') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(PAGE) });
      res.end(PAGE);
      return;
    }
    if (req.url === '/stream') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      const chunk = Buffer.alloc(CHUNK, 'a');
      let sent = 0;
      let closed = false;
      res.on('close', () => {
        closed = true;
        process.send?.({ streamed: sent } satisfies ServerMessage);
      });
      const pump = (): void => {
        while (!closed && sent < STREAM_BYTES) {
          sent += CHUNK;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        if (!closed) res.end();
      };
      pump();
      return;
    }
    res.writeHead(404).end();
  });
  server.listen(0, '127.0.0.1', () => {
    const a = server.address();
    process.send?.({ port: typeof a === 'object' && a !== null ? a.port : 0 } satisfies ServerMessage);
  });
  process.on('message', () => server.close(() => process.exit(0)));
}

function httpGet(url: string, agent: http.Agent | false): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent }, (res) => {
        let n = 0;
        res.on('data', (c: Buffer) => (n += c.length));
        res.on('end', () => resolve(n));
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

/** Reads `url` with http.get, dropping the bytes, and hangs up after `cap` bytes. */
function httpGetCapped(url: string, cap: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent: false }, (res) => {
      let n = 0;
      res.on('data', (c: Buffer) => {
        n += c.length;
        if (n > cap) {
          res.destroy();
          resolve(n);
        }
      });
      res.on('end', () => resolve(n));
    });
    req.on('error', reject);
  });
}

type CappedKind = 'http' | 'safe';
interface CappedResult {
  ms: number;
  /** Growth of the process's peak RSS (getrusage maxrss) over its RSS just before the fetch. */
  rssGrowthMb: number;
  bytes: number | null;
  error: string | null;
}

/** A fresh process per capped fetch (this file with --capped KIND URL), so its peak RSS is the fetch's own. */
async function cappedMain(kind: string, url: string): Promise<void> {
  // Warm the code paths on a small request first, so loading modules is not counted.
  const warmUrl = url.replace(/\/stream$/, '/page');
  if (kind === 'safe') await safeFetch(warmUrl, { allowPrivate: true });
  else await httpGet(warmUrl, false);
  const before = process.memoryUsage().rss;
  const t0 = performance.now();
  let bytes: number | null = null;
  let error: string | null = null;
  if (kind === 'http') bytes = await httpGetCapped(url, DEFAULT_WEB_MAX_BYTES);
  else {
    try {
      bytes = (await safeFetch(url, { allowPrivate: true })).body.length;
      error = 'no error: the cap did not stop the stream';
    } catch (e) {
      if (!(e instanceof VerityError && e.code === 'TOO_LARGE')) throw e;
    }
  }
  const ms = performance.now() - t0;
  const peak = Math.max(process.resourceUsage().maxRSS * 1024, process.memoryUsage().rss);
  process.send?.({ ms: round(ms, 1), rssGrowthMb: round((peak - before) / 1024 / 1024, 1), bytes, error } satisfies CappedResult);
}

function runCapped(kind: CappedKind, url: string): Promise<CappedResult> {
  return new Promise((resolve, reject) => {
    const child = fork('bench/ingest/fetch-bench.ts', ['--capped', kind, url], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let result: CappedResult | null = null;
    child.on('message', (m: CappedResult) => (result = m));
    child.once('exit', (code) => (result ? resolve(result) : reject(new Error(`the capped fetch (${kind}) exited with code ${String(code)} and no result`))));
  });
}

async function main(): Promise<void> {
  const load = [loadavg()[0] ?? 0];
  const child: ChildProcess = fork('bench/ingest/fetch-bench.ts', ['--serve'], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const streamed: number[] = [];
  const port = await new Promise<number>((resolve, reject) => {
    child.on('message', (m: ServerMessage) => {
      if ('port' in m) resolve(m.port);
      else streamed.push(m.streamed);
    });
    child.once('exit', (code) => reject(new Error(`the bench server exited with code ${String(code)}`)));
  });
  const base = `http://127.0.0.1:${port}`;
  const keepAlive = new http.Agent({ keepAlive: true });
  try {
    // Small page: interleaved kinds.
    const kinds: { name: string; baseline?: true; run: () => Promise<number> }[] = [
      { name: 'http.get, agent: false (new connection)', baseline: true, run: () => httpGet(`${base}/page`, false) },
      { name: 'safeFetch 127.0.0.1', run: async () => (await safeFetch(`${base}/page`, { allowPrivate: true })).body.length },
      { name: 'safeFetch localhost (DNS lookup)', run: async () => (await safeFetch(`http://localhost:${port}/page`, { allowPrivate: true })).body.length },
      { name: 'http.get, keep-alive agent', run: () => httpGet(`${base}/page`, keepAlive) },
    ];
    const samples = kinds.map(() => [] as number[]);
    console.error(`fetch bench: ${FETCHES} fetches of each kind of a ${PAGE.length}-byte page`);
    for (let i = 0; i < 20; i++) for (const k of kinds) await k.run(); // warm-up
    for (let i = 0; i < FETCHES; i++) {
      for (let k = 0; k < kinds.length; k++) {
        const kind = kinds[k];
        if (!kind) continue;
        const t0 = performance.now();
        const n = await kind.run();
        samples[k]?.push(performance.now() - t0);
        if (n !== Buffer.byteLength(PAGE)) throw new Error(`${kind.name} read ${n} bytes, expected ${Buffer.byteLength(PAGE)}`);
      }
    }
    const baseLat = latency(samples[0] ?? []);
    const page = kinds.map((k, i) => {
      const l = latency(samples[i] ?? []);
      return { kind: k.name, baseline: k.baseline ?? false, fetches: FETCHES, p50Ms: l.p50, p95Ms: l.p95, meanMs: l.mean, ratioP50: round(l.p50 / baseLat.p50, 2), extraP50Ms: round(l.p50 - baseLat.p50, 3) };
    });
    for (const p of page) console.log(`${p.kind.padEnd(42)} p50 ${p.p50Ms} ms  p95 ${p.p95Ms} ms  ×${p.ratioP50} baseline p50 (+${p.extraP50Ms} ms)`);

    // The cap: a 200 MB stream.
    console.error(`fetch bench: ${STREAMS} × a ${STREAM_BYTES / 1024 / 1024} MB stream, cap ${DEFAULT_WEB_MAX_BYTES} bytes`);
    const capped: { kind: string; round: number; ms: number; rssGrowthMb: number; clientBytes: number | null; serverSentMb: number | null; error: string | null }[] = [];
    for (let r = 1; r <= STREAMS; r++) {
      for (const [kind, label] of [
        ['http', 'http.get, drop bytes, hang up after the cap'],
        ['safe', 'safeFetch (default 20 MB cap)'],
      ] as const) {
        const before = streamed.length;
        const m = await runCapped(kind, `${base}/stream`);
        // Wait (briefly) for the server to say how much it sent before the client hung up.
        for (let i = 0; i < 100 && streamed.length === before; i++) await new Promise((res) => setTimeout(res, 10));
        const sent = streamed.length > before ? (streamed[streamed.length - 1] ?? null) : null;
        capped.push({ kind: label, round: r, ms: m.ms, rssGrowthMb: m.rssGrowthMb, clientBytes: m.bytes, serverSentMb: sent === null ? null : round(sent / 1024 / 1024, 1), error: m.error });
      }
    }
    for (const c of capped) console.log(`${c.kind.padEnd(46)} round ${c.round}: ${c.ms} ms, RSS +${c.rssGrowthMb} MB, server sent ${String(c.serverSentMb)} MB${c.error ? `  ${c.error}` : ''}`);
    load.push(loadavg()[0] ?? 0);
    const doc = {
      bench: 'fetch',
      command: `node --import tsx bench/ingest/fetch-bench.ts${BIG ? ' --big' : ''}`,
      pageBytes: Buffer.byteLength(PAGE),
      streamBytes: STREAM_BYTES,
      capBytes: DEFAULT_WEB_MAX_BYTES,
      loadAverage1m: { start: round(load[0] ?? 0, 2), end: round(load[1] ?? 0, 2) },
      node: process.version,
      cpus: cpus().length,
      date: new Date().toISOString(),
      page,
      capped,
    };
    mkdirSync('bench/results', { recursive: true });
    writeFileSync('bench/results/fetch.json', `${JSON.stringify(doc, null, 2)}\n`);
    if (capped.some((c) => c.error !== null)) {
      console.error('verity: [bench] safeFetch read a 200 MB stream past its cap (see bench/results/fetch.json)');
      process.exitCode = 1;
    }
  } finally {
    keepAlive.destroy();
    child.send('stop');
  }
}

const ci = process.argv.indexOf('--capped');
if (process.argv.includes('--serve')) serveMain();
else if (ci >= 0) await cappedMain(process.argv[ci + 1] ?? '', process.argv[ci + 2] ?? '');
else await main();
