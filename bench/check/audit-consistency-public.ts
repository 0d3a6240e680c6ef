// How often the internal-consistency checks fire on real published prose: the distinct Wikipedia
// evidence sentences of CLIMATE-FEVER that state a figure, each read alone (published text,
// mostly correct: every flag is a false flag unless the sentence is itself wrong — the flagged
// ones are printed to be read). Nothing is copied into the repository; the data is read in place.
// Run: node --import tsx bench/check/audit-consistency-public.ts /work/shared/data/climate-fever/climate-fever-dev.jsonl
import { readFileSync } from 'node:fs';
import { checkInternal } from '../../src/audit/consistency/internal.js';

const path = process.argv[2];
if (!path) {
  console.error('verity: [bench] give the CLIMATE-FEVER JSONL file. Fix: node --import tsx bench/check/audit-consistency-public.ts /work/shared/data/climate-fever/climate-fever-dev.jsonl');
  process.exit(2);
}
const sentences = new Set<string>();
for (const line of readFileSync(path, 'utf8').split('\n')) {
  if (line.trim() === '') continue;
  const row = JSON.parse(line) as { evidences: Array<{ evidence: string }> };
  for (const e of row.evidences) if (/\d/.test(e.evidence)) sentences.add(e.evidence.replace(/\s+/g, ' ').trim());
}
let flagged = 0;
const t = performance.now();
for (const s of sentences) {
  const found = checkInternal([{ i: 0, text: s }]);
  if (found.length === 0) continue;
  flagged++;
  console.log(`flagged: ${s}\n    ${found.map((f) => `${f.check}: ${f.computation}`).join('\n    ')}`);
}
console.log(`${sentences.size} distinct evidence sentences with a figure; ${flagged} flagged (${((100 * flagged) / sentences.size).toFixed(2)}%); ${(performance.now() - t).toFixed(0)} ms`);
