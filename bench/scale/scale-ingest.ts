// The scale benchmark's ingest, run in a child process so its peak RSS is its own:
//   node --import tsx bench/scale/scale-ingest.ts FILE.jsonl DB stream|whole
// "stream" is what `verity ingest` does now (ingestPaths streams JSONL); "whole" reads the file
// whole first and parses every line (what it did before), then stores the same batches.
import { spawnSync } from 'node:child_process';
import { ingestPaths, ingestTexts } from '../../src/ingest/index.js';
import { loadFile } from '../../src/ingest/load/load-document.js';
import { openStore } from '../../src/store/sqlite/open.js';

/** Runs the ingest in a child; its wall time and peak RSS. */
export function childIngest(file: string, db: string, mode: 'stream' | 'whole'): { ms: number; rssMb: number } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'bench/scale/scale-ingest.ts', file, db, mode], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`ingest child failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1) ?? '{}') as { ms: number; rssMb: number };
}

async function child(file: string, db: string, mode: string): Promise<void> {
  const store = await openStore(db);
  const t = performance.now();
  if (mode === 'stream') {
    const s = await ingestPaths(store, [file]);
    if (s.failures.length > 0) throw new Error(`${s.failures.length} failures, e.g. ${s.failures[0]?.message}`);
  } else {
    const { documents } = await loadFile(file, { maxBytes: 4e9 });
    for (let i = 0; i < documents.length; i += 1024) await ingestTexts(store, documents.slice(i, i + 1024).map((d) => ({ text: d.text, meta: d.meta })));
  }
  // PostgreSQL ranks with ANALYZE statistics: `verity ingest` refreshes them after a load.
  if ('refreshStatistics' in store) await (store as { refreshStatistics(): Promise<void> }).refreshStatistics();
  const ms = performance.now() - t;
  await store.close();
  console.log(JSON.stringify({ ms: Math.round(ms), rssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
}

if (process.argv[1]?.endsWith('scale-ingest.ts')) {
  const [file, db, mode] = process.argv.slice(2);
  if (!file || !db || !mode) throw new Error('usage: scale-ingest.ts FILE DB stream|whole');
  void child(file, db, mode).catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
