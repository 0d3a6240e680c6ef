// Own-source recall of the candidate stage against the store with no candidate stage, on a kept
// scale-bench corpus: for each Check-COVID dev claim, `retrieve` (limit 12, 3 per source, as
// `check` asks, no time budget) on the exhaustive store and on each variant of BOUNDS
// (src/store/term-plan.ts), interleaved claim by claim in one process. Each claim's term counts
// are read (and cached) before it is timed, so no variant pays them for the others.
//
//   VERITY_BENCH_SCALE_DIR=/tmp/x node --import tsx bench/scale/scale-bench.ts      # builds /tmp/x/scale-N.db
//   node --import tsx bench/scale/scale-recall.ts /tmp/x/scale-100000.db '[{"exhaustive":true},{"maxRankTerms":0},{"maxRankTerms":4}]' [every-Nth-claim] [dev|train]
//
// Settings are chosen on the train claims and reported on dev.
import { retrieve, claimQueries } from '../../src/evidence/index.js';
import { openStore } from '../../src/store/sqlite/open.js';
import { BOUNDS } from '../../src/store/term-plan.js';
import { percentile, round } from '../percentile.js';
import { checkCovidClaims } from './scale-corpus.js';

type Variant = Partial<typeof BOUNDS> & { exhaustive?: boolean };

async function main(): Promise<void> {
  const [db, spec, nth, split] = process.argv.slice(2);
  if (!db || !spec) throw new Error('usage: scale-recall.ts DB VARIANTS-JSON [every-Nth-claim]');
  const variants = JSON.parse(spec) as Variant[];
  const step = Number(nth ?? 1);
  // A connection per variant: each store keeps its own candidate searches (candidate-cache.ts),
  // so no variant is timed on another's kept results.
  const stores = await Promise.all(variants.map(() => openStore(db, { readonly: true })));
  const claims = checkCovidClaims(split === 'train' ? 'train' : 'dev').filter((_, i) => i % step === 0);
  const base = { ...BOUNDS };
  const hits = variants.map(() => 0);
  const ms = variants.map((): number[] => []);
  try {
    for (const c of claims) {
      Object.assign(BOUNDS, base);
      for (const store of stores) for (const q of claimQueries(c.claim)) await store.search(q, { limit: 1 });
      for (const [k, v] of variants.entries()) {
        const { exhaustive, ...bounds } = v;
        Object.assign(BOUNDS, base, bounds);
        const t = performance.now();
        const ev = await retrieve(stores[k]!, c.claim, { limit: 12, perSource: 3, budgetMs: Number.POSITIVE_INFINITY, ...(exhaustive ? { exhaustive: true } : {}) });
        ms[k]?.push(performance.now() - t);
        if (ev.some((e) => e.source.uri === `checkcovid:${c.cordId}`)) hits[k] = (hits[k] ?? 0) + 1;
      }
    }
  } finally {
    Object.assign(BOUNDS, base);
    for (const store of stores) await store.close();
  }
  console.log(`| variant | own-source recall@12 (${claims.length} ${split === 'train' ? 'train' : 'dev'} claims) | retrieve p50 / p95 / max ms |`);
  console.log('| --- | ---: | --- |');
  for (const [k, v] of variants.entries()) {
    const s = [...(ms[k] ?? [])].sort((a, b) => a - b);
    console.log(`| ${JSON.stringify(v)} | ${round((hits[k] ?? 0) / claims.length)} | ${round(percentile(s, 50), 0)} / ${round(percentile(s, 95), 0)} / ${round(s.at(-1) ?? 0, 0)} |`);
  }
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
