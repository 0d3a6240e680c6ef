// Benchmark: internal consistency of articles (issue 13), on the project's own labelled sets.
// Run: node --import tsx bench/check/audit-consistency-bench.ts [--split dev|held|all]
//
// 1. Items (bench/data/audit-consistency/*.jsonl, written for the project): each item is a short
//    passage, labelled "inconsistent" (with the check that should catch it) or "consistent". Each
//    is read as a plain-text article and audited against an empty corpus; an item counts as
//    flagged when the audit raises an arithmetic or internal-inconsistency flag. Recall = flagged
//    inconsistent / inconsistent; false-flag rate = flagged consistent / consistent.
// 2. Articles (bench/data/audit-consistency/articles/*.txt|md|html, the page forms of published
//    fact-checks, written for the project): claims drawn from chrome, bylines or headings (lines
//    listed after "chrome:" in the article's .expect.json), and whether citations to absent
//    references give one note (and no per-sentence flag).
// 3. Speed: a 5,000-word article built from the articles and the consistent items, audited
//    against an empty corpus (median of 5 runs after one untimed run).
// Writes bench/results/audit-consistency.json.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store/sqlite/open.js';
import { auditArticle, formatOfPath, readArticle } from '../../src/audit/index.js';
import type { AuditResult } from '../../src/audit/index.js';

interface Item {
  id: string;
  split: 'dev' | 'held';
  label: 'inconsistent' | 'consistent';
  check?: string;
  text: string;
}

const DATA = 'bench/data/audit-consistency';
const splitArg = process.argv.indexOf('--split') >= 0 ? process.argv[process.argv.indexOf('--split') + 1] : 'all';
const dir = mkdtempSync(join(os.tmpdir(), 'verity-consistency-bench-'));
const store = await openStore(join(dir, 'empty.db'));

const CONSISTENCY = new Set(['arithmetic', 'internal-inconsistency']);
function consistencyFlags(r: AuditResult): Array<{ kind: string; check?: string; message: string }> {
  return r.claims.flatMap((c) => c.flags.filter((f) => CONSISTENCY.has(f.kind)));
}

const items: Item[] = readdirSync(DATA)
  .filter((f) => f.endsWith('.jsonl'))
  .flatMap((f) => readFileSync(join(DATA, f), 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as Item))
  .filter((it) => splitArg === 'all' || it.split === splitArg);

const bySplit: Record<string, { bad: number; caught: number; good: number; falseFlags: number; missed: string[]; flaggedGood: string[] }> = {};
const byCheck: Record<string, { n: number; caught: number }> = {};
for (const it of items) {
  const r = await auditArticle(store, readArticle(it.text, 'txt'));
  const flags = consistencyFlags(r);
  const s = (bySplit[it.split] ??= { bad: 0, caught: 0, good: 0, falseFlags: 0, missed: [], flaggedGood: [] });
  if (it.label === 'inconsistent') {
    s.bad++;
    const c = (byCheck[it.check ?? '?'] ??= { n: 0, caught: 0 });
    c.n++;
    if (flags.length > 0) {
      s.caught++;
      c.caught++;
    } else s.missed.push(`${it.id}: ${it.text}`);
  } else {
    s.good++;
    if (flags.length > 0) {
      s.falseFlags++;
      s.flaggedGood.push(`${it.id}: ${it.text}\n      ${flags.map((f) => `${f.check ?? f.kind}: ${f.message}`).join('\n      ')}`);
    }
  }
}

// Articles in the page forms.
const articleDir = join(DATA, 'articles');
const articles: Array<{ file: string; claims: number; chromeClaims: string[]; missingNote: boolean; perSentenceMissing: number; expectedMissing: number[] }> = [];
let longText = '';
for (const file of readdirSync(articleDir).filter((f) => !f.endsWith('.json')).sort()) {
  const text = readFileSync(join(articleDir, file), 'utf8');
  const expect = JSON.parse(readFileSync(join(articleDir, file.replace(/\.[a-z]+$/, '.expect.json')), 'utf8')) as { chrome: string[]; missingReferences: number[] };
  const r = await auditArticle(store, readArticle(text, formatOfPath(file) ?? 'txt'));
  const chromeClaims = r.claims.map((c) => c.text).filter((t) => expect.chrome.some((ch) => t.includes(ch)));
  articles.push({
    file,
    claims: r.claims.length,
    chromeClaims,
    missingNote: r.warnings.filter((w) => /not in this file/.test(w)).length === (expect.missingReferences.length > 0 ? 1 : 0) && JSON.stringify(r.missingReferences) === JSON.stringify(expect.missingReferences),
    perSentenceMissing: r.claims.reduce((n, c) => n + c.flags.filter((f) => /lists no reference/.test(f.message)).length, 0),
    expectedMissing: expect.missingReferences,
  });
  if (!file.endsWith('.html')) longText += `${text}\n\n`;
}

// Speed: a 5,000-word article.
const fill = items.filter((i) => i.label === 'consistent').map((i) => i.text);
let k = 0;
while (longText.split(/\s+/).length < 5000) longText += `${fill[k++ % fill.length]}\n\n`;
const words = longText.split(/\s+/).length;
await auditArticle(store, readArticle(longText, 'txt'));
const times: number[] = [];
for (let i = 0; i < 5; i++) {
  const t = performance.now();
  await auditArticle(store, readArticle(longText, 'txt'));
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
await store.close();
rmSync(dir, { recursive: true, force: true });

const pct = (a: number, b: number) => (b === 0 ? 'n/a' : `${((100 * a) / b).toFixed(1)}%`);
console.log(`audit internal consistency (${splitArg}), empty corpus`);
for (const [split, s] of Object.entries(bySplit)) {
  console.log(`  ${split}: recall ${s.caught}/${s.bad} = ${pct(s.caught, s.bad)}; false flags ${s.falseFlags}/${s.good} = ${pct(s.falseFlags, s.good)}`);
  for (const m of s.missed) console.log(`    missed   ${m}`);
  for (const m of s.flaggedGood) console.log(`    flagged  ${m}`);
}
console.log('  by check:', Object.entries(byCheck).map(([c, v]) => `${c} ${v.caught}/${v.n}`).join(', '));
console.log(`articles: ${articles.length}; claims from chrome/bylines/headings: ${articles.reduce((n, a) => n + a.chromeClaims.length, 0)}; missing-reference behaviour as expected: ${articles.filter((a) => a.missingNote && a.perSentenceMissing === 0).length}/${articles.length}`);
for (const a of articles) if (a.chromeClaims.length > 0 || !a.missingNote) console.log(`    ${a.file}: chrome claims ${JSON.stringify(a.chromeClaims)}; note ok ${a.missingNote}`);
console.log(`speed: ${words}-word article, median ${times[2]!.toFixed(0)} ms (runs ${times.map((t) => t.toFixed(0)).join(', ')} ms; target < 5000 ms)`);

mkdirSync('bench/results', { recursive: true });
writeFileSync(
  'bench/results/audit-consistency.json',
  `${JSON.stringify({ split: splitArg, bySplit, byCheck, articles, speed: { words, medianMs: Math.round(times[2]!), runsMs: times.map(Math.round) } }, null, 2)}\n`,
);
