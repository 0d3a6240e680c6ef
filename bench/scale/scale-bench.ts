// Scale benchmark: corpora of 10k / 100k (and, on request, 1M) passages built from the shared
// benchmark texts (bench/scale/scale-corpus.ts says how), on SQLite and, when VERITY_TEST_PG_URL is set,
// PostgreSQL. For each: ingest rate (streamed JSONL, in a child process, with its peak RSS), DB
// size, a check in one process (p50 / p95 / max) now and with the pre-issue-15 store work (every
// term of every query scored, count and snapshot id computed over the whole corpus), retrieval
// latency and own-source recall of Check-COVID dev claims with and without the candidate stage,
// `verity check` as a fresh process (needs `npm run build`), and batch throughput. Also the peak
// RSS of ingesting a ~140 MB JSONL file streamed versus read whole.
//
//   node --import tsx bench/scale/scale-bench.ts                                   # 10k and 100k
//   VERITY_BENCH_SCALE_SIZES=1000000 nice node --import tsx bench/scale/scale-bench.ts   # 1M
//   VERITY_BENCH_SCALE_MEMORY=0 …   skip the 140 MB memory run; VERITY_BENCH_SCALE_SIZES=0 only that run
//   VERITY_BENCH_SCALE_ENGINES=postgres, VERITY_BENCH_SCALE_CHECKS=N, VERITY_BENCH_SCALE_RECALL=N   narrower runs
//   VERITY_BENCH_SCALE_DIR=/tmp/x   keep the corpora and SQLite databases there and reuse them in the
//                                   next run (same seed, same files; the ingest row is then the first run's)
//
// Writes bench/results/scale.json (merged by size and engine) and prints a Markdown table.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { checkInput } from '../../src/check/index.js';
import { retrieve } from '../../src/evidence/index.js';
import { contentHash } from '../../src/store/content-hash.js';
import { openStore } from '../../src/store/sqlite/open.js';
import { runBatch, readBatchRows } from '../../src/batch/index.js';
import type { Store } from '../../src/contracts.js';
import { percentile, round } from '../percentile.js';
import { checkCovidClaims, sentencePool, writeCorpus, type Claim } from './scale-corpus.js';
import { childIngest } from './scale-ingest.js';

const SIZES = (process.env.VERITY_BENCH_SCALE_SIZES ?? '10000,100000').split(',').map(Number).filter((n) => n > 0);
const PG_URL = process.env.VERITY_TEST_PG_URL ?? '';
/** Engines measured: $VERITY_BENCH_SCALE_ENGINES (sqlite,postgres), else both when VERITY_TEST_PG_URL is set. */
const ENGINES = (process.env.VERITY_BENCH_SCALE_ENGINES ?? (PG_URL ? 'sqlite,postgres' : 'sqlite')).split(',');
const CHECKS = Number(process.env.VERITY_BENCH_SCALE_CHECKS ?? 30);
const RECALL_CLAIMS = Number(process.env.VERITY_BENCH_SCALE_RECALL ?? 207);
const PROCESS_CHECKS = 5;
const SEED = 20261207;

interface Stats {
  p50: number;
  p95: number;
  max: number;
}

const stats = (ms: number[]): Stats => {
  const s = [...ms].sort((a, b) => a - b);
  return { p50: round(percentile(s, 50), 0), p95: round(percentile(s, 95), 0), max: round(s.at(-1) ?? 0, 0) };
};

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const r = await fn();
  return [r, performance.now() - t];
}

/**
 * The store as it worked before issue 15: every search scores every passage holding any term,
 * and stats() and snapshotId() read the whole corpus (the old SQL, run on the same data).
 */
function legacyView(store: Store, scan: () => Promise<void>): Store {
  return new Proxy(store, {
    get(target, prop, receiver) {
      if (prop === 'search') return (q: string, o: Record<string, unknown> = {}) => target.search(q, { ...o, exhaustive: true });
      if (prop === 'stats' || prop === 'snapshotId') {
        return async () => {
          await scan();
          return prop === 'stats' ? target.stats() : target.snapshotId();
        };
      }
      const v = Reflect.get(target, prop, receiver) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}

/** The corpus-wide scans each check made before (count, then sha256 of every sorted source id). */
function sqliteScan(path: string): () => Promise<void> {
  const db = new Database(path, { readonly: true });
  const count = db.prepare('SELECT count(*) AS sources, coalesce(sum(passage_count), 0) AS passages FROM sources');
  const ids = db.prepare('SELECT id FROM sources ORDER BY id');
  return async () => {
    count.get();
    contentHash((ids.all() as { id: string }[]).map((r) => r.id).join('\n'));
  };
}

async function pgScan(url: string, schema: string): Promise<{ scan: () => Promise<void>; size: () => Promise<number>; end: () => Promise<void> }> {
  const pg = (await import('pg')).default;
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  const S = `"${schema}"`;
  return {
    scan: async () => {
      await pool.query(`SELECT count(*)::int, coalesce(sum(passage_count), 0)::bigint FROM ${S}.sources`);
      await pool.query(`SELECT encode(sha256(convert_to(coalesce(string_agg(id, E'\\n' ORDER BY id), ''), 'UTF8')), 'hex') FROM ${S}.sources`);
    },
    size: async () => Number((await pool.query<{ n: string }>(`SELECT sum(pg_total_relation_size(c.oid))::bigint AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind IN ('r', 'm')`, [schema])).rows[0]?.n ?? 0),
    end: async () => {
      await pool.query(`DROP SCHEMA IF EXISTS ${S} CASCADE`);
      await pool.end();
    },
  };
}

interface EngineResult {
  size: number;
  engine: string;
  passages: number;
  sources: number;
  ingest: { seconds: number; passagesPerSecond: number; peakRssMb: number };
  dbMb: number;
  corpusScanMs: { before: number; after: number };
  check: { before: Stats; after: Stats; n: number };
  retrieve: { before: Stats; after: Stats; n: number; recallBefore: number; recallAfter: number };
  processCheck: Stats | null;
  batch: { claims: number; seconds: number; claimsPerSecond: number };
}

async function measure(store: Store, legacy: Store, claims: Claim[], dir: string): Promise<Pick<EngineResult, 'corpusScanMs' | 'check' | 'retrieve' | 'batch'>> {
  const [, scanBefore] = await timed(async () => (await legacy.stats(), await legacy.snapshotId()));
  const [, scanAfter] = await timed(async () => (await store.stats(), await store.snapshotId()));
  // Warm both (the first check loads models and WordNet).
  await checkInput(store, claims[0]?.claim ?? 'warm up');
  const before: number[] = [];
  const after: number[] = [];
  for (const c of claims.slice(0, CHECKS)) {
    before.push((await timed(() => checkInput(legacy, c.claim)))[1]);
    after.push((await timed(() => checkInput(store, c.claim)))[1]);
  }
  const rb: number[] = [];
  const ra: number[] = [];
  let hitBefore = 0;
  let hitAfter = 0;
  const own = (ev: { source: { uri: string } }[], c: Claim): boolean => ev.some((e) => e.source.uri === `checkcovid:${c.cordId}`);
  const recallSet = claims.slice(0, RECALL_CLAIMS);
  for (const c of recallSet) {
    const [eb, tb] = await timed(() => retrieve(store, c.claim, { limit: 12, perSource: 3, exhaustive: true, budgetMs: Number.POSITIVE_INFINITY }));
    const [ea, ta] = await timed(() => retrieve(store, c.claim, { limit: 12, perSource: 3 }));
    rb.push(tb);
    ra.push(ta);
    if (own(eb, c)) hitBefore++;
    if (own(ea, c)) hitAfter++;
  }
  const rows = readBatchRows(['claim', ...claims.slice(0, CHECKS).map((c) => `"${c.claim.replace(/"/g, '""')}"`)].join('\n'), 'csv');
  const outcome = await runBatch({ rows, outDir: join(dir, `batch-${Date.now()}`), format: 'json', check: (input) => checkInput(store, input) });
  return {
    corpusScanMs: { before: round(scanBefore, 1), after: round(scanAfter, 2) },
    check: { before: stats(before), after: stats(after), n: after.length },
    retrieve: { before: stats(rb), after: stats(ra), n: recallSet.length, recallBefore: round(hitBefore / recallSet.length), recallAfter: round(hitAfter / recallSet.length) },
    batch: { claims: outcome.done, seconds: round(outcome.elapsedMs / 1000, 1), claimsPerSecond: round((outcome.done * 1000) / outcome.elapsedMs, 2) },
  };
}

function processChecks(db: string, claims: Claim[]): Stats | null {
  if (!existsSync('dist/cli/main.js')) {
    console.error('scale: dist/cli/main.js missing (npm run build); per-process checks skipped');
    return null;
  }
  const ms: number[] = [];
  for (const c of claims.slice(0, PROCESS_CHECKS)) {
    const t = performance.now();
    const r = spawnSync(process.execPath, ['dist/cli/main.js', 'check', c.claim, '--db', db, '--format', 'json'], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`verity check failed: ${r.stderr}`);
    ms.push(performance.now() - t);
  }
  return stats(ms);
}

async function main(): Promise<void> {
  const keep = process.env.VERITY_BENCH_SCALE_DIR;
  if (keep) mkdirSync(keep, { recursive: true });
  const dir = keep ?? mkdtempSync(join(tmpdir(), 'verity-scale-'));
  const kept = keep ? (existsSync(join(keep, 'ingest.json')) ? (JSON.parse(readFileSync(join(keep, 'ingest.json'), 'utf8')) as Record<string, { ms: number; rssMb: number }>) : {}) : null;
  const results: EngineResult[] = [];
  const claims = checkCovidClaims();
  const pool = sentencePool();
  console.error(`scale: ${pool.length} distinct sentences in the pool, ${claims.length} Check-COVID dev claims`);
  const memory: Record<string, number> = {};
  try {
    for (const size of SIZES) {
      const corpus = join(dir, `corpus-${size}.jsonl`);
      if (!kept || !existsSync(corpus)) await writeCorpus(corpus, size, SEED, pool);
      console.error(`scale: ${size}: corpus ${(statSync(corpus).size / 1e6).toFixed(0)} MB`);
      for (const engine of ENGINES) {
        const schema = `verity_scale_${size}_${process.pid}`;
        const location = engine === 'sqlite' ? join(dir, `scale-${size}.db`) : `${PG_URL}${PG_URL.includes('?') ? '&' : '?'}schema=${schema}`;
        // A kept SQLite database is reused with the figures of the run that ingested it.
        const reuse = kept && engine === 'sqlite' ? kept[location] : undefined;
        const ing = reuse && existsSync(location) ? reuse : childIngest(corpus, location, 'stream');
        if (kept && keep) writeFileSync(join(keep, 'ingest.json'), `${JSON.stringify({ ...kept, [location]: ing })}\n`);
        if (kept) kept[location] = ing;
        const store = await openStore(location);
        const pgAdmin = engine === 'postgres' ? await pgScan(PG_URL, schema) : null;
        try {
          const st = await store.stats();
          const legacy = legacyView(store, pgAdmin ? pgAdmin.scan : sqliteScan(location));
          const m = await measure(store, legacy, claims, dir);
          const dbBytes = pgAdmin ? await pgAdmin.size() : statSync(location).size + (existsSync(`${location}-wal`) ? statSync(`${location}-wal`).size : 0);
          const r: EngineResult = {
            size,
            engine,
            passages: st.passages,
            sources: st.sources,
            ingest: { seconds: round(ing.ms / 1000, 1), passagesPerSecond: Math.round((st.passages * 1000) / ing.ms), peakRssMb: ing.rssMb },
            dbMb: round(dbBytes / 1e6, 1),
            ...m,
            processCheck: engine === 'sqlite' ? processChecks(location, claims) : null,
          };
          results.push(r);
          console.error(`scale: ${JSON.stringify(r)}`);
        } finally {
          await store.close();
          await pgAdmin?.end();
        }
      }
      if (!kept) rmSync(corpus, { force: true });
    }
    if (process.env.VERITY_BENCH_SCALE_MEMORY !== '0') {
      const big = join(dir, 'big.jsonl');
      await writeCorpus(big, 450_000, SEED + 1, pool);
      memory.fileMb = round(statSync(big).size / 1e6, 0);
      memory.streamedPeakRssMb = childIngest(big, join(dir, 'mem-stream.db'), 'stream').rssMb;
      memory.wholePeakRssMb = childIngest(big, join(dir, 'mem-whole.db'), 'whole').rssMb;
      console.error(`scale: memory ${JSON.stringify(memory)}`);
    }
  } finally {
    if (!kept) rmSync(dir, { recursive: true, force: true });
  }
  mkdirSync('bench/results', { recursive: true });
  const file = 'bench/results/scale.json';
  const old = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { results?: EngineResult[]; memory?: Record<string, number> }) : {};
  const merged = [...(old.results ?? []).filter((o) => !results.some((r) => r.size === o.size && r.engine === o.engine)), ...results].sort((a, b) => a.size - b.size || a.engine.localeCompare(b.engine));
  writeFileSync(file, `${JSON.stringify({ results: merged, memory: Object.keys(memory).length > 0 ? memory : (old.memory ?? {}) }, null, 2)}\n`);
  console.log('| passages | engine | ingest p/s | DB MB | scan ms before→after | check p50/p95/max before | after | retrieve p50/p95/max before | after | own-source recall@12 before→after | fresh process p50/p95/max | batch claims/s |');
  console.log('| ---: | --- | ---: | ---: | --- | --- | --- | --- | --- | --- | --- | ---: |');
  for (const r of merged) {
    const s = (x: Stats | null): string => (x ? `${x.p50} / ${x.p95} / ${x.max}` : '—');
    console.log(`| ${r.passages} | ${r.engine} | ${r.ingest.passagesPerSecond} | ${r.dbMb} | ${r.corpusScanMs.before} → ${r.corpusScanMs.after} | ${s(r.check.before)} | ${s(r.check.after)} | ${s(r.retrieve.before)} | ${s(r.retrieve.after)} | ${r.retrieve.recallBefore} → ${r.retrieve.recallAfter} | ${s(r.processCheck)} | ${r.batch.claimsPerSecond} |`);
  }
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
