// How often the internal-consistency checks fire on real published prose: the distinct Wikipedia
// evidence sentences of CLIMATE-FEVER that state a figure, each read alone (published text,
// mostly correct: every flag is a false flag unless the sentence is itself wrong — the flagged
// ones are printed to be read). Nothing is copied into the repository; the data is read in place.
// Run: node --import tsx bench/check/audit-consistency-public.ts /work/shared/data/climate-fever/climate-fever-dev.jsonl
// (or …/wice/entailment_retrieval/claim/dev.jsonl: every sentence with a digit of the cited WiCE articles;
// add --whole to read each distinct WiCE article whole, so the checks across sentences run too)
import { readFileSync } from 'node:fs';
import { checkInternal } from '../../src/audit/consistency/internal.js';
import { splitSentences } from '../../src/text/index.js';

const path = process.argv[2];
if (!path) {
  console.error('verity: [bench] give the CLIMATE-FEVER JSONL file. Fix: node --import tsx bench/check/audit-consistency-public.ts /work/shared/data/climate-fever/climate-fever-dev.jsonl');
  process.exit(2);
}
const whole = process.argv.includes('--whole');
const sentences = new Set<string>();
const articles = new Map<string, string[]>();
for (const line of readFileSync(path, 'utf8').split('\n')) {
  if (line.trim() === '') continue;
  // CLIMATE-FEVER rows hold evidence sentences; WiCE rows (entailment_retrieval/claim/dev.jsonl) the sentences of the cited article.
  const row = JSON.parse(line) as { evidences?: Array<{ evidence: string }>; evidence?: string[] };
  const texts = row.evidences ? row.evidences.map((e) => e.evidence) : (row.evidence ?? []).flatMap((t) => splitSentences(t).map((x) => x.text));
  if (whole) articles.set(texts.join('\n'), texts.map((x) => x.replace(/\s+/g, ' ').trim()));
  else for (const t of texts) if (/\d/.test(t)) sentences.add(t.replace(/\s+/g, ' ').trim());
}
if (whole) {
  const t0 = performance.now();
  const byCheck = new Map<string, number>();
  for (const texts of articles.values()) {
    for (const f of checkInternal(texts.map((text, i) => ({ i, text })))) {
      byCheck.set(f.check, (byCheck.get(f.check) ?? 0) + 1);
      console.log(`flagged: ${texts[f.sentence]}\n    ${f.check}: ${f.computation}${f.others.map((o) => `\n    with: ${texts[o]}`).join('')}`);
    }
  }
  const total = [...byCheck.values()].reduce((a, b) => a + b, 0);
  console.log(`${articles.size} distinct articles read whole; ${total} flags (${[...byCheck].map(([k, n]) => `${k} ${n}`).join(', ') || 'none'}); ${(performance.now() - t0).toFixed(0)} ms`);
  process.exit(0);
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
