// Benchmark: audit of a ~2,000-word article against a small corpus. Writes bench/results/audit.json.
// Run: node --import tsx bench/audit-bench.ts
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { openStore } from '../src/store/open.js';
import { ingestText } from '../src/ingest/index.js';
import { auditArticle, readArticle } from '../src/audit/index.js';
import { CASES } from '../test/fixtures/audit/cases.js';

const store = await openStore(':memory:');
for (const c of CASES) for (const d of c.corpus) await ingestText(store, { text: d.text, meta: { uri: d.uri, title: d.title, kind: d.kind ?? 'ngo' }, retrievedAt: '2026-01-01T00:00:00.000Z' });

// The fixture articles' bodies, repeated (references renumbered per copy) to about 2,000 words.
const bodies: string[] = [];
const refs: string[] = [];
let words = 0;
let n = 0;
while (words < 2000) {
  for (const c of CASES.filter((x) => x.format === 'md')) {
    const [body = '', list = ''] = c.article.split(/\n## (?:Sources|References)\n/);
    const base = n;
    bodies.push(body.replace(/^# .*$/m, '').replace(/\[(\d+)\]/g, (_m, d: string) => `[${base + Number(d)}]`));
    for (const line of list.split('\n')) {
      const m = /^(?:\[(\d+)\]|(\d+)\.)\s+(.*)$/.exec(line.trim());
      if (m) refs.push(`[${base + Number(m[1] ?? m[2])}] ${m[3]}`);
    }
    n += 5;
    words += body.split(/\s+/).length;
  }
}
const article = `# Benchmark article\n\n${bodies.join('\n\n')}\n\n## Sources\n\n${refs.join('\n')}\n`;
const wordCount = article.split(/\s+/).length;

const runs: number[] = [];
const cpu: number[] = [];
let claims = 0;
let flags = 0;
let stages: Record<string, number> = {};
for (let i = 0; i < 5; i++) {
  const t = performance.now();
  const c = process.cpuUsage();
  const r = await auditArticle(store, readArticle(article, 'md'));
  runs.push(performance.now() - t);
  const used = process.cpuUsage(c);
  cpu.push((used.user + used.system) / 1000);
  claims = r.summary.claims;
  flags = r.summary.flags;
  stages = r.timingsMs;
}
await store.close();
const firstRunMs = Math.round(runs[0] ?? 0);
runs.sort((a, b) => a - b);
cpu.sort((a, b) => a - b);
const result = {
  bench: 'audit',
  words: wordCount,
  claims,
  flags,
  runs: runs.length,
  medianMs: Math.round(runs[Math.floor(runs.length / 2)] ?? 0),
  maxMs: Math.round(runs[runs.length - 1] ?? 0),
  firstRunMs,
  // CPU time of the process during a run: what the audit costs, whatever else the machine is doing.
  medianCpuMs: Math.round(cpu[Math.floor(cpu.length / 2)] ?? 0),
  loadAverage: Math.round((os.loadavg()[0] ?? 0) * 10) / 10,
  targetMs: 2000,
  lastRunStagesMs: stages,
  // Judged on the median wall time; the cold first run and the maximum are reported beside it.
  pass: (runs[Math.floor(runs.length / 2)] ?? Infinity) < 2000,
  node: process.version,
};
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/audit.json', `${JSON.stringify(result, null, 2)}\n`);
console.log(JSON.stringify(result));

// ---------------------------------------------------------------------------------------------
// Cited-source check on public data: Citation-Integrity (Sarol et al. 2024), dev split, read from
// ../shared/data (never copied). Each citing sentence becomes a one-sentence article citing [1],
// the cited paper's abstract is its corpus source; an audit flag on the sentence
// (citation-unsupported, figure-source-mismatch or contradicted) predicts "the citation is not
// accurate" (REFUTE or NEI). Dev figures, for development; the test split is held out.
import { existsSync, readFileSync } from 'node:fs';

interface CitIntClaim {
  id: number;
  claim: string;
  evidence: Record<string, Array<{ label: string }>>;
  cited_doc_ids: number[];
}

async function citationIntegrity(): Promise<Record<string, unknown> | null> {
  const dir = '../shared/data/citation-integrity';
  if (!existsSync(`${dir}/claims_dev.jsonl`)) return null;
  const claims = readFileSync(`${dir}/claims_dev.jsonl`, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as CitIntClaim);
  const wanted = new Set(claims.flatMap((c) => c.cited_doc_ids));
  const docs = new Map<number, string[]>();
  for (const line of readFileSync(`${dir}/corpus.jsonl`, 'utf8').trim().split('\n')) {
    const d = JSON.parse(line) as { doc_id: number; abstract: string[] };
    if (wanted.has(d.doc_id)) docs.set(d.doc_id, d.abstract);
  }
  const st = await openStore(':memory:');
  for (const [id, sentences] of docs) {
    await ingestText(st, { text: sentences.join(' '), meta: { uri: `https://citint.example.org/doc/${id}`, title: `Cited paper ${id}`, kind: 'academic' }, retrievedAt: '2026-01-01T00:00:00.000Z' });
  }
  const counts: Record<string, { n: number; flagged: number; kinds: Record<string, number> }> = {};
  const t = performance.now();
  for (const c of claims) {
    const docId = c.cited_doc_ids[0];
    const label = Object.values(c.evidence)[0]?.[0]?.label ?? 'NEI';
    if (docId === undefined) continue;
    const sentence = c.claim.replace(/\[?<\|(?:multi_)?cit\|>\]?/g, ' [1]').replace(/\[?<\|other_cit\|>\]?/g, '').replace(/\s+/g, ' ').replace(/\s+([.,;])/g, '$1');
    const text = `${sentence}\n\n## References\n\n[1] Cited paper ${docId}. https://citint.example.org/doc/${docId}\n`;
    const r = await auditArticle(st, readArticle(text, 'md'));
    const kinds = new Set(r.claims.filter((x) => x.citations.includes(1)).flatMap((x) => x.flags.map((f) => f.kind)).filter((k) => k === 'citation-unsupported' || k === 'figure-source-mismatch' || k === 'contradicted'));
    const k = (counts[label] ??= { n: 0, flagged: 0, kinds: {} });
    k.n++;
    if (kinds.size > 0) k.flagged++;
    for (const kind of kinds) k.kinds[kind] = (k.kinds[kind] ?? 0) + 1;
  }
  await st.close();
  const support = counts.SUPPORT ?? { n: 0, flagged: 0, kinds: {} };
  const bad = { n: (counts.REFUTE?.n ?? 0) + (counts.NEI?.n ?? 0), flagged: (counts.REFUTE?.flagged ?? 0) + (counts.NEI?.flagged ?? 0) };
  const precision = bad.flagged + support.flagged > 0 ? bad.flagged / (bad.flagged + support.flagged) : 0;
  const recall = bad.n > 0 ? bad.flagged / bad.n : 0;
  return {
    data: 'citation-integrity dev (public; dev figures)',
    claims: claims.length,
    byLabel: counts,
    // "Flag" = the audit says the cited source does not back the sentence.
    flagPrecision: Math.round(precision * 1000) / 1000,
    flagRecall: Math.round(recall * 1000) / 1000,
    falseFlagRateOnSupport: support.n > 0 ? Math.round((support.flagged / support.n) * 1000) / 1000 : 0,
    baseRateInaccurate: Math.round((bad.n / Math.max(1, bad.n + support.n)) * 1000) / 1000,
    ms: Math.round(performance.now() - t),
  };
}

const citint = await citationIntegrity();
if (citint) {
  const saved = JSON.parse(readFileSync('bench/results/audit.json', 'utf8')) as Record<string, unknown>;
  writeFileSync('bench/results/audit.json', `${JSON.stringify({ ...saved, citationIntegrityDev: citint }, null, 2)}\n`);
  console.log(JSON.stringify(citint));
}
