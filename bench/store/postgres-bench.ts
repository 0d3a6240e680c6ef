// PostgreSQL store versus SQLite store on the same generated corpus: batch ingest speed, search
// latency (p50/p95 over fixed queries, warm) and how far the two rankings agree (overlap of the
// top 10). Skips cleanly (exit 0) when no server is configured.
//
//   eval "$(scripts/ci-services.sh)"
//   node --import tsx bench/store/postgres-bench.ts            # 2 000 documents × 20 passages
//   VERITY_BENCH_PG_DOCS=10000 node --import tsx bench/store/postgres-bench.ts
//
// Server: VERITY_BENCH_PG_URL, else VERITY_TEST_PG_URL. Uses its own schema, dropped at the end
// (kept as "bench_keep" with VERITY_BENCH_PG_KEEP=1, to inspect query plans).
// Writes bench/results/postgres.json.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cpus } from 'node:os';
import type { Store } from '../../src/contracts.js';
import { ingestTexts, type TextDocument } from '../../src/ingest/index.js';
import { openStore } from '../../src/store/sqlite/open.js';
import { openPostgresStore } from '../../src/store/postgres/postgres-store.js';
import { latency, round } from '../percentile.js';
import { mulberry32, pickZipf, zipfVocabulary, type ZipfVocabulary } from '../seeded.js';

const URL_ = process.env.VERITY_BENCH_PG_URL ?? process.env.VERITY_TEST_PG_URL ?? '';
const DOCS = Number(process.env.VERITY_BENCH_PG_DOCS ?? 2000);
const PASSAGES_PER_DOC = 20;
const BATCH_DOCS = 500;
const QUERIES = 200;
const LIMIT = 10;
const SEED = 20261128;

const SYLLABLES = 'ka lo mi ne ru sa ti vo pe da gri stel mon bar quo fen lis tor ach ver pol dun wes hal cor bin ram sut'.split(' ');

/** 20 000 made-up words with Zipf(1.07) frequencies, like natural text. */
function vocabulary(): ZipfVocabulary {
  const rnd = mulberry32(SEED);
  const words: string[] = [];
  const seen = new Set<string>();
  while (words.length < 20_000) {
    let w = '';
    for (let i = 0, n = 2 + Math.floor(rnd() * 3); i < n; i++) w += SYLLABLES[Math.floor(rnd() * SYLLABLES.length)];
    if (!seen.has(w)) {
      seen.add(w);
      words.push(w);
    }
  }
  return zipfVocabulary(words);
}

const V = vocabulary();

const pick = (r: number): string => pickZipf(V, r);

function documentText(i: number): string {
  const rnd = mulberry32(SEED ^ Math.imul(i + 1, 0x9e3779b1));
  const paragraphs: string[] = [];
  for (let p = 0; p < PASSAGES_PER_DOC; p++) {
    const sentences: string[] = [];
    for (let s = 0, ns = 1 + Math.floor(rnd() * 3); s < ns; s++) {
      const words = Array.from({ length: 8 + Math.floor(rnd() * 17) }, () => pick(rnd()));
      const first = words[0] ?? 'x';
      words[0] = first.charAt(0).toUpperCase() + first.slice(1);
      sentences.push(`${words.join(' ')}.`);
    }
    paragraphs.push(sentences.join(' '));
  }
  return paragraphs.join('\n\n');
}

function queries(): string[] {
  const rnd = mulberry32(SEED + 7);
  return Array.from({ length: QUERIES }, () => Array.from({ length: 2 + Math.floor(rnd() * 4) }, () => V.words[20 + Math.floor(rnd() ** 2 * 9_980)] ?? 'x').join(' '));
}

const nowMs = (): number => Number(process.hrtime.bigint()) / 1e6;

async function ingest(store: Store): Promise<{ passages: number; ms: number }> {
  let passages = 0;
  let ms = 0;
  for (let i = 0; i < DOCS; i += BATCH_DOCS) {
    const batch: TextDocument[] = [];
    for (let k = i; k < Math.min(DOCS, i + BATCH_DOCS); k++) batch.push({ text: documentText(k), meta: { uri: `bench://doc/${k}`, title: `Doc ${k}`, kind: 'other' }, retrievedAt: '2026-01-01T00:00:00.000Z' });
    const t0 = nowMs();
    for (const r of await ingestTexts(store, batch)) {
      if (r instanceof Error) throw r;
      passages += r.passages;
    }
    ms += nowMs() - t0;
  }
  return { passages, ms };
}

async function searchAll(store: Store, qs: string[]): Promise<{ ms: number[]; hits: string[][] }> {
  for (const q of qs.slice(0, 20)) await store.search(q, { limit: LIMIT }); // warm caches
  const ms: number[] = [];
  const hits: string[][] = [];
  for (const q of qs) {
    const t0 = nowMs();
    const h = await store.search(q, { limit: LIMIT });
    ms.push(nowMs() - t0);
    hits.push(h.map((x) => x.passage.id));
  }
  return { ms, hits };
}

async function main(): Promise<void> {
  if (!URL_) {
    console.error('bench: postgres: skipped (VERITY_BENCH_PG_URL and VERITY_TEST_PG_URL are unset; run eval "$(scripts/ci-services.sh)" first)');
    return;
  }
  const qs = queries();
  const dir = mkdtempSync(join(tmpdir(), 'verity-pg-bench-'));
  const keep = process.env.VERITY_BENCH_PG_KEEP === '1';
  const schema = keep ? 'bench_keep' : `bench_${process.pid}`;
  const lite = await openStore(join(dir, 'bench.db'));
  if (keep) {
    const pg = await import('pg');
    const admin = new pg.Pool({ connectionString: URL_, max: 1 });
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await admin.end();
  }
  const pgs = await openPostgresStore(URL_, { schema });
  try {
    const li = await ingest(lite);
    const pi = await ingest(pgs);
    // What autovacuum does on its own shortly after a large ingest: gather the word statistics.
    const a0 = nowMs();
    await pgs.refreshStatistics();
    const analyzeMs = nowMs() - a0;
    const ls = await searchAll(lite, qs);
    const ps = await searchAll(pgs, qs);
    let overlap = 0;
    let counted = 0;
    for (let i = 0; i < qs.length; i++) {
      const a = new Set(ls.hits[i]);
      const b = ps.hits[i] ?? [];
      if (a.size === 0 && b.length === 0) continue;
      overlap += b.filter((id) => a.has(id)).length / Math.max(a.size, b.length);
      counted++;
    }
    const same = (await lite.snapshotId()) === (await pgs.snapshotId());
    const result = {
      corpus: { documents: DOCS, passages: li.passages, queries: qs.length, limit: LIMIT, batchDocuments: BATCH_DOCS },
      machine: { cpus: cpus().length, node: process.version },
      sqlite: { ingestMs: round(li.ms, 1), passagesPerSec: Math.round(li.passages / (li.ms / 1000)), search: latency(ls.ms) },
      postgres: { analyzeMs: round(analyzeMs, 1), ingestMs: round(pi.ms, 1), passagesPerSec: Math.round(pi.passages / (pi.ms / 1000)), search: latency(ps.ms) },
      top10Overlap: round(overlap / Math.max(1, counted)),
      sameSnapshotId: same,
    };
    mkdirSync('bench/results', { recursive: true });
    writeFileSync('bench/results/postgres.json', `${JSON.stringify(result, null, 2)}\n`);
    console.log(JSON.stringify(result, null, 2));
  } finally {
    await lite.close();
    await pgs.close();
    rmSync(dir, { recursive: true, force: true });
    if (!keep) {
      const pg = await import('pg');
      const admin = new pg.Pool({ connectionString: URL_, max: 1 });
      await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await admin.end();
    }
  }
}

await main();
