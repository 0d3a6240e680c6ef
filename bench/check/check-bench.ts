// Check benchmark: `checkInput` end to end (plan, retrieve, judge, compose, verify) on the sample
// corpus, and optionally on a generated corpus of about 1M passages that also holds the sample.
//
//   node --import tsx bench/check/check-bench.ts                      # sample corpus (target < 1 s a check)
//   VERITY_BENCH_1M=1 node --import tsx bench/check/check-bench.ts    # + ~1M passages (target p95 < 3 s)
//   VERITY_BENCH_SCALE=200000 node --import tsx bench/check/check-bench.ts   # + a corpus of that size
//
// Writes bench/results/check.json. The generated corpus has a fixed seed; its words are the sample
// corpus's own vocabulary plus synthetic words, drawn with Zipf frequencies, so the benchmark's
// queries hit many passages as they would in a large real corpus.
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkInput } from '../../src/check/index.js';
import { ingestPaths, ingestTexts, type TextDocument } from '../../src/ingest/index.js';
import { openStore } from '../../src/store/sqlite/open.js';
import type { Store } from '../../src/contracts.js';
import { tokenize } from '../../src/text/index.js';
import { verificationTally } from '../../src/report/index.js';
import { percentile } from '../percentile.js';
import { mulberry32, pickZipf, zipfVocabulary, type ZipfVocabulary } from '../seeded.js';

const INPUTS = [
  'Which countries criminalize mere possession of child sexual abuse material versus only its production or distribution?',
  '140 of the 196 countries criminalise simple possession of child sexual abuse material',
  'The Optional Protocol requires every State Party to criminalise simple possession',
  'In 2006, 95 countries had no law on child pornography',
  'Possession of child sexual abuse material is punishable by up to 10 years in prison under federal law',
];
const ROUNDS = Number(process.env.VERITY_BENCH_ROUNDS ?? 5);
const SEED = 20261128;
const PASSAGES_PER_DOC = 20;
const WORDS_PER_PASSAGE = 60;
const BATCH_DOCS = 64;

interface Timing {
  input: string;
  samplesMs: number[];
  sentences: number;
  unverified: number;
}

function summarise(timings: readonly Timing[]): { p50: number; p95: number; max: number; mean: number; checks: number } {
  const all = timings.flatMap((t) => t.samplesMs).sort((a, b) => a - b);
  const mean = all.reduce((a, b) => a + b, 0) / Math.max(1, all.length);
  const r = (x: number): number => Math.round(x * 10) / 10;
  return { p50: r(percentile(all, 50)), p95: r(percentile(all, 95)), max: r(all[all.length - 1] ?? 0), mean: r(mean), checks: all.length };
}

async function timeChecks(store: Store): Promise<Timing[]> {
  const out: Timing[] = [];
  for (const input of INPUTS) {
    await checkInput(store, input); // warm-up (caches, model load)
    const samplesMs: number[] = [];
    let sentences = 0;
    let unverified = 0;
    for (let i = 0; i < ROUNDS; i++) {
      const t0 = performance.now();
      const report = await checkInput(store, input);
      samplesMs.push(Math.round((performance.now() - t0) * 10) / 10);
      const tally = verificationTally(report);
      sentences = tally.checked;
      unverified = tally.failed;
    }
    out.push({ input, samplesMs, sentences, unverified });
    console.error(`  ${samplesMs.map((s) => s.toFixed(0)).join(' ')} ms  ${input.slice(0, 70)}`);
  }
  return out;
}

/** The sample corpus's words plus synthetic ones, with Zipf(1.07) weights. */
function vocabulary(rnd: () => number): ZipfVocabulary {
  const seen = new Set<string>();
  const words: string[] = [];
  for (const f of readdirSync('examples/corpus').sort()) {
    for (const t of tokenize(readFileSync(join('examples/corpus', f), 'utf8'))) {
      if (/^\p{L}+$/u.test(t.lower) && !seen.has(t.lower)) {
        seen.add(t.lower);
        words.push(t.lower);
      }
    }
  }
  const syllables = 'ka lo mi ne ru sa ti vo pe da gri stel mon bar quo fen lis tor ach ver'.split(' ');
  while (words.length < 30_000) {
    let w = '';
    for (let i = 0; i < 2 + Math.floor(rnd() * 3); i++) w += syllables[Math.floor(rnd() * syllables.length)];
    if (!seen.has(w)) {
      seen.add(w);
      words.push(w);
    }
  }
  // Shuffle so corpus words are spread over the frequency ranks.
  for (let i = words.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [words[i], words[j]] = [words[j] as string, words[i] as string];
  }
  return zipfVocabulary(words);
}

async function generate(store: Store, passages: number): Promise<number> {
  const rnd = mulberry32(SEED);
  const v = vocabulary(rnd);
  // The chunker decides how many passages a paragraph becomes, so generate until the store holds
  // the target (counted every 100 batches).
  let batch: TextDocument[] = [];
  const t0 = performance.now();
  let stored = 0;
  for (let d = 0; stored < passages; d++) {
    const paras: string[] = [];
    for (let p = 0; p < PASSAGES_PER_DOC; p++) {
      const words: string[] = [];
      for (let w = 0; w < WORDS_PER_PASSAGE; w++) words.push(pickZipf(v, rnd()));
      paras.push(`${words.join(' ')}.`);
    }
    batch.push({
      text: paras.join('\n\n'),
      meta: { uri: `generated:${d}`, title: `Generated document ${d}`, kind: 'other', publishedAt: `20${10 + (d % 15)}-01-01` },
      retrievedAt: '2026-01-01T00:00:00.000Z',
    });
    if (batch.length >= BATCH_DOCS) {
      await ingestTexts(store, batch);
      batch = [];
      if ((d + 1) % (BATCH_DOCS * 100) === 0) {
        stored = (await store.stats()).passages;
        console.error(`  generated ${stored.toLocaleString('en')} passages`);
      }
    }
  }
  if (batch.length > 0) await ingestTexts(store, batch);
  return performance.now() - t0;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'verity-check-bench-'));
  const results: Record<string, unknown>[] = [];
  try {
    console.error('check bench: sample corpus');
    const small = await openStore(join(dir, 'sample.db'));
    await ingestPaths(small, ['examples/corpus']);
    const stats = await small.stats();
    const timings = await timeChecks(small);
    await small.close();
    const s = summarise(timings);
    results.push({ corpus: 'examples/corpus', ...stats, ...s, targetMs: 1000, meetsTarget: s.max < 1000, timings });

    const scale = process.env.VERITY_BENCH_SCALE ? Number(process.env.VERITY_BENCH_SCALE) : process.env.VERITY_BENCH_1M === '1' ? 1_000_000 : 0;
    if (scale > 0) {
      console.error(`check bench: generated corpus of ${scale.toLocaleString('en')} passages + the sample corpus`);
      const path = join(dir, 'large.db');
      const large = await openStore(path);
      const ingestMs = await generate(large, scale);
      await ingestPaths(large, ['examples/corpus']);
      const bigStats = await large.stats();
      const bigTimings = await timeChecks(large);
      await large.close();
      const b = summarise(bigTimings);
      results.push({ corpus: `generated (seed ${SEED}) + examples/corpus`, ...bigStats, dbBytes: statSync(path).size, ingestMs: Math.round(ingestMs), ...b, targetP95Ms: 3000, meetsTarget: b.p95 < 3000, timings: bigTimings });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const doc = {
    bench: 'check',
    command: process.env.VERITY_BENCH_1M === '1' ? 'VERITY_BENCH_1M=1 node --import tsx bench/check/check-bench.ts' : 'node --import tsx bench/check/check-bench.ts',
    rounds: ROUNDS,
    node: process.version,
    cpus: (await import('node:os')).cpus().length,
    date: new Date().toISOString(),
    results,
  };
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/check.json', `${JSON.stringify(doc, null, 2)}\n`);
  for (const r of results) console.log(`${String(r.corpus)}: ${String(r.passages)} passages, p50 ${String(r.p50)} ms, p95 ${String(r.p95)} ms, max ${String(r.max)} ms`);
}

await main();
