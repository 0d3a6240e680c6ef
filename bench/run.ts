// Runs every bench/*-bench.ts in sequence (each writes its own bench/results/<name>.json).
//   node --import tsx bench/run.ts [name-filter]
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const filter = process.argv[2] ?? '';
const benches = readdirSync('bench')
  .filter((f) => f.endsWith('-bench.ts') && f.includes(filter))
  .sort();
if (benches.length === 0) {
  console.error(`verity: [bench] no bench/*-bench.ts files${filter ? ` match ${JSON.stringify(filter)}` : ''}`);
  process.exit(2);
}
let failed = 0;
for (const b of benches) {
  console.error(`bench: ${b}`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', `bench/${b}`], { stdio: 'inherit' });
  if (r.status !== 0) {
    failed++;
    console.error(`verity: [bench] ${b} failed with exit code ${String(r.status)}`);
  }
}
process.exit(failed > 0 ? 1 : 0);
