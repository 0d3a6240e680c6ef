// Benchmark: the audit on the forms of real pages (bench/data/audit-real-forms/, written for the
// project in its own words). For each article: the consistency flags (arithmetic,
// internal-inconsistency) raised on the clean text — all false, the text is consistent — and the
// claims drawn from lines a reader would not call claims (chrome, list lead-ins, fragments); then
// each planted error, caught when a consistency flag appears that the clean text did not have.
// Run: node --import tsx bench/check/audit-real-forms.ts   (writes bench/results/audit-real-forms.json)
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store/sqlite/open.js';
import { auditArticle, formatOfPath, readArticle } from '../../src/audit/index.js';
import type { AuditResult } from '../../src/audit/index.js';

interface Plant { id: string; find: string; replace: string; check: string }
interface Expect { notClaims: string[]; plants: Plant[] }

const DATA = 'bench/data/audit-real-forms';
const dir = mkdtempSync(join(os.tmpdir(), 'verity-real-forms-'));
const store = await openStore(join(dir, 'empty.db'));
const CONSISTENCY = new Set(['arithmetic', 'internal-inconsistency']);
const flagsOf = (r: AuditResult): string[] => r.claims.flatMap((c) => c.flags.filter((f) => CONSISTENCY.has(f.kind)).map((f) => `${f.kind}: ${f.message}`));

let falseFlags = 0;
let chromeClaims = 0;
let planted = 0;
let caught = 0;
const lines: string[] = [];
for (const file of readdirSync(DATA).filter((f) => /\.(?:txt|md|html)$/.test(f) && f !== 'README.md').sort()) {
  const text = readFileSync(join(DATA, file), 'utf8');
  const expect = JSON.parse(readFileSync(join(DATA, file.replace(/\.\w+$/, '.json')), 'utf8')) as Expect;
  const format = formatOfPath(file) ?? 'txt';
  const clean = await auditArticle(store, readArticle(text, format));
  const cleanFlags = flagsOf(clean);
  falseFlags += cleanFlags.length;
  for (const f of cleanFlags) lines.push(`  false flag in ${file}: ${f}`);
  for (const c of clean.claims) {
    if (expect.notClaims.some((n) => c.text.trim().startsWith(n))) {
      chromeClaims++;
      lines.push(`  not a claim, read as one, in ${file}: ${c.text.slice(0, 100)}`);
    }
  }
  for (const p of expect.plants) {
    if (!text.includes(p.find)) throw new Error(`verity: [bench] plant ${p.id} does not find its text in ${file}. Fix: correct "find" in ${file.replace(/\.\w+$/, '.json')}`);
    planted++;
    const r = await auditArticle(store, readArticle(text.replace(p.find, p.replace), format));
    const fresh = flagsOf(r).filter((f) => !cleanFlags.includes(f));
    if (fresh.length > 0) caught++;
    else lines.push(`  missed ${p.id} (${p.check}): "${p.replace.trim()}"`);
  }
}
await store.close();
rmSync(dir, { recursive: true, force: true });
const result = { planted, caught, falseFlags, chromeClaims };
console.log(`audit on real page forms (own-words fixtures): planted errors caught ${caught}/${planted}; false consistency flags on the clean texts ${falseFlags}; claims from chrome, lead-ins and fragments ${chromeClaims}`);
for (const l of lines) console.log(l);
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/audit-real-forms.json', `${JSON.stringify(result, null, 2)}\n`);
