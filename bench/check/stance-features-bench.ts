// Stance feature extraction speed: pairs per second for pairFeatures (the model's inputs) and
// readPair (features plus the restatement and figure-meaning readings), over the HealthVer and
// FEVER-Symmetric dev pairs. Wall time and CPU time are both given: on a shared machine the
// pairs per CPU-second are the steadier figure. Target ≥ 500 pairs/s (issue 14).
//   node --import tsx bench/check/stance-features-bench.ts [--data ../shared/data]
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { profileClaim } from '../../src/evidence/stance/claim-profile.js';
import { readPair } from '../../src/evidence/stance/judge.js';
import { pairFeatures } from '../../src/evidence/stance/pair-features.js';
import { readPairs } from '../../src/eval/upstream-formats.js';

const { values } = parseArgs({ options: { data: { type: 'string' } } });
const data = [values.data, '../shared/data', '../../shared/data'].filter((d): d is string => d !== undefined).map((d) => resolve(d)).find((d) => existsSync(d));
if (!data) {
  console.log('stance-features-bench: no ../shared/data here; skipped (pass --data)');
  process.exit(0);
}
const pairs = [
  ...readPairs('healthver', join(data, 'healthver/healthver_dev.csv')),
  ...readPairs('fever-symmetric', join(data, 'fever-symmetric/symmetric_v0.2/fever_symmetric_dev.jsonl')),
];

function measure(what: string, run: (claim: string, evidence: string) => unknown): { what: string; pairs: number; wallPerSecond: number; cpuPerSecond: number } {
  for (const p of pairs.slice(0, 100)) run(p.claim, p.evidence); // warm the lexicon caches
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (const p of pairs) run(p.claim, p.evidence);
  const wall = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  return { what, pairs: pairs.length, wallPerSecond: Math.round(pairs.length / wall), cpuPerSecond: Math.round(pairs.length / cpuSeconds) };
}

const results = [measure('pairFeatures', (c, e) => pairFeatures(profileClaim(c), e)), measure('readPair', (c, e) => readPair(profileClaim(c), e))];
for (const r of results) console.log(`${r.what}: ${r.pairs} pairs, ${r.wallPerSecond} pairs/s wall, ${r.cpuPerSecond} pairs per CPU-second`);
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/stance-features.json', `${JSON.stringify({ results }, null, 1)}\n`);
