// Runs every *-bench.ts under bench/ in sequence (each writes its own bench/results/<name>.json).
//   node --import tsx bench/run.ts [name-filter] [--flags passed to each bench, e.g. --big]
// The benches are grouped by stage: bench/check/ (check, audit, stance features, text),
// bench/ingest/ (fetch, PDF, hostile inputs), bench/serve/ (server, queue), bench/store/ (SQLite,
// PostgreSQL) and bench/scale/ (10k–1M passages). Among them: serve/queue-bench.ts (in-process and
// Redis queues; the Redis rows need VERITY_TEST_REDIS_URL: `source /tmp/verity-services.env`),
// serve/server-bench.ts (checks over HTTP vs direct) and ingest/fetch-bench.ts (safeFetch vs
// http.get, the 20 MB cap); `--big` makes them larger.
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const filter = args.find((a) => !a.startsWith('--')) ?? '';
const flags = args.filter((a) => a.startsWith('--'));
const benches = readdirSync('bench', { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('-bench.ts') && !f.startsWith('data') && !f.startsWith('results') && f.includes(filter))
  .sort();
if (benches.length === 0) {
  console.error(`verity: [bench] no bench/**/*-bench.ts files${filter ? ` match ${JSON.stringify(filter)}` : ''}`);
  process.exit(2);
}
let failed = 0;
for (const b of benches) {
  console.error(`bench: ${b}`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', `bench/${b}`, ...flags], { stdio: 'inherit' });
  if (r.status !== 0) {
    failed++;
    console.error(`verity: [bench] ${b} failed with exit code ${String(r.status)}`);
  }
}
process.exit(failed > 0 ? 1 : 0);
