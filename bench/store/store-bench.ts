// Store benchmark: ingest and search through Verity's SQLite store versus raw better-sqlite3
// FTS5 doing the same work, and MiniSearch (in memory) at 100k passages. Fixed-seed corpus.
//
//   node --import tsx bench/store/store-bench.ts            # 100k passages
//   VERITY_BENCH_1M=1 node --import tsx bench/store/store-bench.ts   # also 1M passages
//
// Each engine runs in its own child process so peak RSS is its own. Writes bench/results/store.json.
import Database from 'better-sqlite3';
import MiniSearch from 'minisearch';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chunkPassages, ingestText, ingestTexts, type TextDocument } from '../../src/ingest/index.js';
import { buildMatchExpression } from '../../src/store/sqlite/fts-query.js';
import { openStore } from '../../src/store/sqlite/open.js';
import { latency, round } from '../percentile.js';
import { mulberry32, pickZipf, zipfVocabulary, type ZipfVocabulary } from '../seeded.js';

const SEED = 20260128;
const VOCABULARY = 50_000;
const PASSAGES_PER_DOC = 20;
const QUERIES = 200;
const LIMIT = 10;
/** Documents per ingestTexts call (one transaction): what ingestPaths does with a folder. */
const BATCH_DOCS = 1024;

// ------------------------------------------------------------------ deterministic corpus

const SYLLABLES = 'ka lo mi ne ru sa ti vo pe da gri stel mon bar quo fen lis tor ach ver pol dun wes hal cor bin ram sut'.split(' ');

type Vocabulary = ZipfVocabulary;

function vocabulary(size: number): Vocabulary {
  const rnd = mulberry32(SEED);
  const words: string[] = [];
  const seen = new Set<string>();
  while (words.length < size) {
    const n = 1 + Math.floor(rnd() * 3) + (words.length > 2000 ? 1 : 0);
    let w = '';
    for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(rnd() * SYLLABLES.length)];
    if (!seen.has(w)) {
      seen.add(w);
      words.push(w);
    }
  }
  // Zipf(1.07) frequencies, like natural text.
  return zipfVocabulary(words);
}

/** Document i: PASSAGES_PER_DOC paragraphs of 1–3 sentences, 8–24 words each. Same i, same text. */
function documentText(v: Vocabulary, i: number): string {
  const rnd = mulberry32(SEED ^ Math.imul(i + 1, 0x9e3779b1));
  const paragraphs: string[] = [];
  for (let p = 0; p < PASSAGES_PER_DOC; p++) {
    const sentences: string[] = [];
    const ns = 1 + Math.floor(rnd() * 3);
    for (let s = 0; s < ns; s++) {
      const nw = 8 + Math.floor(rnd() * 17);
      const words: string[] = [];
      for (let k = 0; k < nw; k++) words.push(pickZipf(v, rnd()));
      if (rnd() < 0.3) words.splice(Math.floor(rnd() * nw), 0, String(Math.floor(rnd() * 2000)));
      const first = words[0] ?? 'x';
      words[0] = first.charAt(0).toUpperCase() + first.slice(1);
      sentences.push(`${words.join(' ')}.`);
    }
    paragraphs.push(sentences.join(' '));
  }
  return paragraphs.join('\n\n');
}

function queries(v: Vocabulary): string[] {
  const rnd = mulberry32(SEED + 7);
  const out: string[] = [];
  for (let q = 0; q < QUERIES; q++) {
    const n = 2 + Math.floor(rnd() * 4);
    const words: string[] = [];
    // Mid-frequency words (ranks 20..20000), as real queries use content words.
    for (let k = 0; k < n; k++) words.push(v.words[20 + Math.floor(rnd() ** 2 * 19_980)] ?? 'x');
    out.push(words.join(' '));
  }
  return out;
}

// ------------------------------------------------------------------ measurement helpers

const nowMs = (): number => Number(process.hrtime.bigint()) / 1e6;

function fileSize(path: string): number {
  let n = 0;
  for (const p of [path, `${path}-wal`, `${path}-shm`]) if (existsSync(p)) n += statSync(p).size;
  return n;
}

/** The same pragmas Verity's store sets. */
const RAW_PRAGMAS = ['journal_mode = WAL', 'synchronous = NORMAL', 'cache_size = -32000'];

// ------------------------------------------------------------------ one engine per child

interface IngestResult {
  engine: string;
  passages: number;
  ingestMs: number;
  passagesPerSec: number;
  dbBytes: number | null;
  peakRssMb: number;
}

interface SearchResult {
  engine: string;
  p50: number;
  p95: number;
  mean: number;
  hitsPerQuery: number;
}

const RETRIEVED_AT = '2026-01-01T00:00:00.000Z';

async function ingestVerity(docs: number, path: string, perDocument: boolean): Promise<IngestResult> {
  const v = vocabulary(VOCABULARY);
  const store = await openStore(path);
  let ingestMs = 0;
  let passages = 0;
  const meta = (i: number): TextDocument['meta'] => ({ uri: `bench://doc/${i}`, title: `Doc ${i}`, kind: 'other' });
  for (let i = 0; i < docs; i += perDocument ? 1 : BATCH_DOCS) {
    if (perDocument) {
      const text = documentText(v, i);
      const t0 = nowMs();
      const r = await ingestText(store, { text, meta: meta(i), retrievedAt: RETRIEVED_AT });
      ingestMs += nowMs() - t0;
      passages += r.passages;
      continue;
    }
    const batch: TextDocument[] = [];
    for (let k = i; k < Math.min(docs, i + BATCH_DOCS); k++) batch.push({ text: documentText(v, k), meta: meta(k), retrievedAt: RETRIEVED_AT });
    const t0 = nowMs();
    const results = await ingestTexts(store, batch);
    ingestMs += nowMs() - t0;
    for (const r of results) {
      if (r instanceof Error) throw r;
      passages += r.passages;
    }
  }
  await store.close();
  return { engine: perDocument ? 'verity-per-document' : 'verity', passages, ingestMs: round(ingestMs, 1), passagesPerSec: Math.round(passages / (ingestMs / 1000)), dbBytes: fileSize(path), peakRssMb: 0 };
}

function ingestRaw(docs: number, path: string): IngestResult {
  const v = vocabulary(VOCABULARY);
  const db = new Database(path);
  for (const p of RAW_PRAGMAS) db.pragma(p);
  db.exec("CREATE VIRTUAL TABLE fts USING fts5(text, tokenize='porter unicode61 remove_diacritics 2')");
  const insert = db.prepare('INSERT INTO fts (text) VALUES (?)');
  let ingestMs = 0;
  let passages = 0;
  let t0 = nowMs();
  db.exec('BEGIN');
  ingestMs += nowMs() - t0;
  for (let i = 0; i < docs; i++) {
    const text = documentText(v, i);
    const texts = chunkPassages(text).map((sp) => text.slice(sp.start, sp.end)); // the same passages as Verity; chunking untimed
    t0 = nowMs();
    for (const t of texts) insert.run(t);
    ingestMs += nowMs() - t0;
    passages += texts.length;
  }
  t0 = nowMs();
  db.exec('COMMIT');
  ingestMs += nowMs() - t0;
  db.close();
  return { engine: 'raw-fts5', passages, ingestMs: round(ingestMs, 1), passagesPerSec: Math.round(passages / (ingestMs / 1000)), dbBytes: fileSize(path), peakRssMb: 0 };
}

/** Verity and raw FTS5 answer the same queries, interleaved (alternating who goes first) so load noise hits both alike. */
async function searchBoth(verityPath: string, rawPath: string, rounds: number): Promise<SearchResult[]> {
  const qs = queries(vocabulary(VOCABULARY));
  const store = await openStore(verityPath, { readonly: true });
  const db = new Database(rawPath, { readonly: true });
  db.pragma('cache_size = -32000'); // as Verity's connection
  const raw = db.prepare('SELECT rowid, text, rank AS score FROM fts WHERE fts MATCH ? ORDER BY rank LIMIT ?');
  const runRaw = (q: string): number => {
    const e = buildMatchExpression(q); // a raw caller must make a safe expression too
    return e ? raw.all(e, LIMIT).length : 0;
  };
  for (const q of qs) {
    await store.search(q, { limit: LIMIT });
    runRaw(q);
  }
  const vt: number[] = [];
  const rt: number[] = [];
  let vh = 0;
  let rh = 0;
  for (let round = 0; round < rounds; round++) {
    for (const [k, q] of qs.entries()) {
      const verityFirst = (k + round) % 2 === 0;
      for (const which of verityFirst ? ['v', 'r'] : ['r', 'v']) {
        const t0 = nowMs();
        if (which === 'v') {
          vh += (await store.search(q, { limit: LIMIT })).length;
          vt.push(nowMs() - t0);
        } else {
          rh += runRaw(q);
          rt.push(nowMs() - t0);
        }
      }
    }
  }
  await store.close();
  db.close();
  return [
    { engine: 'verity', ...latency(vt), hitsPerQuery: round(vh / vt.length, 2) },
    { engine: 'raw-fts5', ...latency(rt), hitsPerQuery: round(rh / rt.length, 2) },
  ];
}

function miniSearch(docs: number): { ingest: IngestResult; search: SearchResult } {
  const v = vocabulary(VOCABULARY);
  const ms = new MiniSearch<{ id: number; text: string }>({ fields: ['text'], storeFields: ['text'] });
  let ingestMs = 0;
  let passages = 0;
  for (let i = 0; i < docs; i++) {
    const text = documentText(v, i);
    const items = chunkPassages(text).map((sp) => ({ id: passages++, text: text.slice(sp.start, sp.end) }));
    const t0 = nowMs();
    ms.addAll(items);
    ingestMs += nowMs() - t0;
  }
  const qs = queries(v);
  for (const q of qs) ms.search(q, { combineWith: 'OR' }).slice(0, LIMIT);
  const times: number[] = [];
  let hits = 0;
  for (const q of qs) {
    const t0 = nowMs();
    const r = ms.search(q, { combineWith: 'OR' }).slice(0, LIMIT);
    times.push(nowMs() - t0);
    hits += r.length;
  }
  return {
    ingest: { engine: 'minisearch', passages, ingestMs: round(ingestMs, 1), passagesPerSec: Math.round(passages / (ingestMs / 1000)), dbBytes: null, peakRssMb: 0 },
    search: { engine: 'minisearch', ...latency(times), hitsPerQuery: round(hits / qs.length, 2) },
  };
}

async function child(task: string, passages: number, dir: string, rounds: number): Promise<void> {
  const docs = Math.ceil(passages / PASSAGES_PER_DOC);
  let out: unknown;
  if (task === 'verity' || task === 'verity-per-document') out = await ingestVerity(docs, join(dir, `${task}.db`), task === 'verity-per-document');
  else if (task === 'raw-fts5') out = ingestRaw(docs, join(dir, 'raw-fts5.db'));
  else if (task === 'search') out = await searchBoth(join(dir, 'verity.db'), join(dir, 'raw-fts5.db'), rounds);
  else if (task === 'minisearch') out = miniSearch(docs);
  else throw new Error(`unknown bench task ${task}`);
  process.stdout.write(`${JSON.stringify({ result: out, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`);
}

// ------------------------------------------------------------------ parent

function spawnChild<T>(task: string, passages: number, dir: string, rounds = 1): { result: T; peakRssMb: number } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'bench/store/store-bench.ts', '--child', task, String(passages), dir, String(rounds)], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (r.status !== 0) throw new Error(`bench child ${task} ${passages} failed with status ${r.status}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1) ?? '') as { result: T; peakRssMb: number };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)] ?? 0;
}

async function parent(): Promise<void> {
  const scales = [100_000];
  if (process.env.VERITY_BENCH_1M === '1') scales.push(1_000_000);
  const runs: Record<string, unknown>[] = [];
  for (const scale of scales) {
    const rounds = Number(process.env.VERITY_BENCH_ROUNDS ?? (scale > 100_000 ? 2 : 3));
    const dir = mkdtempSync(join(tmpdir(), 'verity-store-bench-'));
    try {
      const samples: Record<string, IngestResult[]> = { verity: [], 'raw-fts5': [] };
      for (let round = 0; round < rounds; round++) {
        for (const engine of round % 2 === 0 ? ['verity', 'raw-fts5'] : ['raw-fts5', 'verity']) {
          for (const f of ['', '-wal', '-shm']) rmSync(join(dir, `${engine}.db${f}`), { force: true });
          const { result, peakRssMb } = spawnChild<IngestResult>(engine, scale, dir);
          result.peakRssMb = peakRssMb;
          samples[engine]?.push(result);
          console.error(`store-bench: ${scale} passages, round ${round + 1}/${rounds}: ${engine} ingest ${result.passagesPerSec} passages/s, peak RSS ${peakRssMb} MB, db ${((result.dbBytes ?? 0) / 1e6).toFixed(1)} MB`);
        }
      }
      const ingest = Object.entries(samples).map(([engine, xs]) => ({
        engine,
        passages: xs[0]?.passages ?? 0,
        passagesPerSec: median(xs.map((x) => x.passagesPerSec)),
        samples: xs.map((x) => x.passagesPerSec),
        dbBytes: xs[0]?.dbBytes ?? null,
        peakRssMb: Math.max(...xs.map((x) => x.peakRssMb)),
      }));
      if (scale <= 100_000) {
        const per = spawnChild<IngestResult>('verity-per-document', scale, dir);
        ingest.push({ ...per.result, samples: [per.result.passagesPerSec], peakRssMb: per.peakRssMb });
        console.error(`store-bench: ${scale} passages: verity one transaction per document ${per.result.passagesPerSec} passages/s`);
      }
      const searched = spawnChild<SearchResult[]>('search', scale, dir, Math.max(1, rounds));
      console.error(`store-bench: ${scale} passages: search ${searched.result.map((r) => `${r.engine} p50 ${r.p50} ms p95 ${r.p95} ms`).join('; ')}`);
      const search = searched.result.map((r) => ({ ...r, peakRssMbOfSearchProcess: searched.peakRssMb }));
      if (scale <= 100_000) {
        const m = spawnChild<{ ingest: IngestResult; search: SearchResult }>('minisearch', scale, dir);
        ingest.push({ ...m.result.ingest, samples: [m.result.ingest.passagesPerSec], peakRssMb: m.peakRssMb });
        search.push({ ...m.result.search, peakRssMbOfSearchProcess: m.peakRssMb });
        console.error(`store-bench: ${scale} passages: minisearch ingest ${m.result.ingest.passagesPerSec} passages/s, search p50 ${m.result.search.p50} ms p95 ${m.result.search.p95} ms, peak RSS ${m.peakRssMb} MB`);
      }
      const vi = ingest.find((r) => r.engine === 'verity');
      const ri = ingest.find((r) => r.engine === 'raw-fts5');
      const vs = search.find((r) => r.engine === 'verity');
      const rs = search.find((r) => r.engine === 'raw-fts5');
      const ratios = {
        ingestVsRaw: vi && ri ? round(vi.passagesPerSec / ri.passagesPerSec, 2) : null,
        searchP95VsRaw: vs && rs ? round(vs.p95 / rs.p95, 2) : null,
        searchP50VsRaw: vs && rs ? round(vs.p50 / rs.p50, 2) : null,
        targets: { ingestAtLeast: 0.8, searchP95AtMost: 1.3 },
      };
      console.error(`store-bench: ${scale} passages: ingest ${ratios.ingestVsRaw}× raw (target ≥ 0.8), search p95 ${ratios.searchP95VsRaw}× raw (target ≤ 1.3)`);
      runs.push({ passages: scale, rounds, ingest, search, ratios });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const sqlite = new Database(':memory:');
  const out = {
    bench: 'store',
    command: process.env.VERITY_BENCH_1M === '1' ? 'VERITY_BENCH_1M=1 node --import tsx bench/store/store-bench.ts' : 'node --import tsx bench/store/store-bench.ts',
    seed: SEED,
    queries: QUERIES,
    limit: LIMIT,
    passagesPerDocument: PASSAGES_PER_DOC,
    batchDocuments: BATCH_DOCS,
    node: process.version,
    sqlite: (sqlite.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v,
    date: new Date().toISOString(),
    runs,
  };
  sqlite.close();
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/store.json', `${JSON.stringify(out, null, 2)}\n`);
  console.error('store-bench: wrote bench/results/store.json');
}

const args = process.argv.slice(2);
if (args[0] === '--child') await child(args[1] ?? 'verity', Number(args[2] ?? 100_000), args[3] ?? tmpdir(), Number(args[4] ?? 1));
else await parent();
