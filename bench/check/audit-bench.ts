// Benchmark: audit of ~2,000-word articles against small corpora. Writes bench/results/audit.json.
// Run: node --import tsx bench/check/audit-bench.ts   (builds dist/ first: the cold runs use the built CLI)
//
// Two figures per article, side by side:
// - cold: what a user waits for — a fresh `node dist/cli/main.js audit article.md --db corpus.db
//   --json` process per run (start-up, module loading, model weights, first WordNet lookups, JIT,
//   the audit, the JSON), wall time from spawn to exit, median of 5, and its CPU time;
// - warm: `auditArticle` run 5 times in this process after one untimed run (the figure for a
//   long-running server or a batch of articles).
// Two articles: "repeated" (the fixture articles repeated to 2,000 words: the morning's figures,
// kept comparable) and "varied" (no sentence twice — the demo article, each fixture article once and
// sample-corpus documents — so that nothing gains from a claim seen before).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store/sqlite/open.js';
import { ingestPaths, ingestText } from '../../src/ingest/index.js';
import { auditArticle, readArticle } from '../../src/audit/index.js';
import { CASES } from '../../test/fixtures/audit/cases.js';

const RUNS = 5;
const TARGET_MS = 2000;
const CLI = 'dist/cli/main.js';
const dir = mkdtempSync(join(os.tmpdir(), 'verity-audit-bench-'));

async function fixtureCorpus(path: string, withExamples: boolean): Promise<void> {
  const st = await openStore(path);
  for (const c of CASES) for (const d of c.corpus) await ingestText(st, { text: d.text, meta: { uri: d.uri, title: d.title, kind: d.kind ?? 'ngo' }, retrievedAt: '2026-01-01T00:00:00.000Z' });
  if (withExamples) await ingestPaths(st, ['examples/corpus'], { now: () => new Date('2026-01-01T00:00:00.000Z') });
  await st.close();
}

/** The Markdown fixture articles' bodies and numbered sources, references renumbered from `base`, `copies` times over or until `minWords`. */
function fixtureBodies(base: number, copies: number, minWords: number): { bodies: string[]; refs: string[]; words: number; next: number } {
  const bodies: string[] = [];
  const refs: string[] = [];
  let words = 0;
  let n = base;
  for (let copy = 0; copy < copies && words < minWords; copy++) {
    for (const c of CASES.filter((x) => x.format === 'md')) {
      const [body = '', list = ''] = c.article.split(/\n## (?:Sources|References)\n/);
      const at = n;
      bodies.push(body.replace(/^# .*$/m, '').replace(/\[(\d+)\]/g, (_m, d: string) => `[${at + Number(d)}]`));
      for (const line of list.split('\n')) {
        const m = /^(?:\[(\d+)\]|(\d+)\.)\s+(.*)$/.exec(line.trim());
        if (m) refs.push(`[${at + Number(m[1] ?? m[2])}] ${m[3]}`);
      }
      n += 5;
      words += body.split(/\s+/).length;
    }
  }
  return { bodies, refs, words, next: n };
}

const countWords = (text: string): number => text.split(/\s+/).length;

// "repeated": the fixture articles' bodies, repeated (references renumbered per copy) to about 2,000 words.
function repeatedArticle(): string {
  const f = fixtureBodies(0, Infinity, 2000);
  return `# Benchmark article\n\n${f.bodies.join('\n\n')}\n\n## Sources\n\n${f.refs.join('\n')}\n`;
}

// "varied": the demo article (its 12 references are sample-corpus documents), each Markdown fixture
// article once, then sample-corpus documents' text (uncited) until 2,000 words. No sentence repeats.
function variedArticle(): string {
  const demo = readFileSync('examples/articles/possession-laws-worldwide.md', 'utf8').replace(/<!--[\s\S]*?-->/g, '');
  const [demoBody = '', demoList = ''] = demo.split(/\n## References\n/);
  const refs = demoList
    .split('\n')
    .map((l) => /^(\d+)\.\s+(.*)$/.exec(l.trim()))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => `[${m[1]}] ${m[2]}`);
  const f = fixtureBodies(refs.length, 1, Infinity);
  const parts = [demoBody.trim(), ...f.bodies];
  let words = countWords(parts.join('\n\n'));
  for (const file of readdirSync('examples/corpus').filter((x) => x.endsWith('.md')).sort()) {
    if (words >= 2000) break;
    const body = readFileSync(join('examples/corpus', file), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '').replace(/^#+ /gm, '### ');
    parts.push(body.trim());
    words += countWords(body);
  }
  return `${parts.join('\n\n')}\n\n## Sources\n\n${[...refs, ...f.refs].join('\n')}\n`;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const ms = (x: number): number => Math.round(x);
const load = (): number => Math.round((os.loadavg()[0] ?? 0) * 10) / 10;

// CPU time of finished child processes (user + system, ms), from /proc on Linux; null elsewhere.
function childrenCpuMs(): number | null {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').replace(/^.*\) /s, '').split(' ');
    // After "(comm) " the list starts at field 3 (state): cutime and cstime (fields 16, 17) are at 13 and 14.
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / 100;
  } catch {
    return null;
  }
}

// Build the CLI from the current sources so that the cold runs never time a stale dist/.
const builtBefore = Date.now();
const tsc = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { encoding: 'utf8' });
if (statSync(CLI).mtimeMs < builtBefore - 1000) {
  console.error(`verity: [bench] "tsc -p tsconfig.build.json" did not write ${CLI}:\n${tsc.stdout}${tsc.stderr}`);
  process.exit(1);
}
if (tsc.status !== 0) console.error(`bench: tsc reported type errors (dist/ was still written):\n${tsc.stdout.split('\n').slice(0, 5).join('\n')}`);

interface ProcessRun {
  wallMs: number;
  cpuMs: number | null;
  stdout: string;
}
function runCli(args: string[]): ProcessRun {
  const cpu0 = childrenCpuMs();
  const t = performance.now();
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const wallMs = performance.now() - t;
  const cpu1 = childrenCpuMs();
  if (r.status !== 0) {
    console.error(`verity: [bench] "node ${CLI} ${args.join(' ')}" exited with ${String(r.status)}: ${r.stderr}`);
    process.exit(1);
  }
  return { wallMs, cpuMs: cpu0 !== null && cpu1 !== null ? cpu1 - cpu0 : null, stdout: r.stdout };
}
const cpuMedian = (rs: ProcessRun[]): number | null => (rs.every((r) => r.cpuMs !== null) ? ms(median(rs.map((r) => r.cpuMs ?? 0))) : null);

// The start-up floor: `verity --version` (Node start-up + the CLI's module graph).
const floor: ProcessRun[] = [];
for (let i = 0; i < RUNS; i++) floor.push(runCli(['--version']));

async function measure(name: string, article: string, withExamples: boolean): Promise<Record<string, unknown>> {
  const dbPath = join(dir, `${name}.db`);
  const articlePath = join(dir, `${name}.md`);
  await fixtureCorpus(dbPath, withExamples);
  writeFileSync(articlePath, article);
  const loadBefore = load();

  // Cold: a fresh process per run.
  const cold: ProcessRun[] = [];
  for (let i = 0; i < RUNS; i++) cold.push(runCli(['audit', articlePath, '--db', dbPath, '--json']));
  const cliResult = JSON.parse(cold[0]?.stdout ?? '{}') as { summary?: { claims: number; flags: number }; timingsMs?: Record<string, number> };

  // Warm: in this process, the same corpus file, after one untimed run.
  const store = await openStore(dbPath, { readonly: true });
  const first = performance.now();
  const warmup = await auditArticle(store, readArticle(article, 'md'));
  const firstInProcessMs = performance.now() - first;
  const runs: number[] = [];
  const cpu: number[] = [];
  let stages: Record<string, number> = {};
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    const c = process.cpuUsage();
    const r = await auditArticle(store, readArticle(article, 'md'));
    runs.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
    stages = r.timingsMs;
  }
  const corpus = await store.stats();
  await store.close();

  // The CLI must have produced the same audit as the library.
  if (cliResult.summary?.claims !== warmup.summary.claims || cliResult.summary.flags !== warmup.summary.flags) {
    console.error(`verity: [bench] ${name}: the CLI found ${String(cliResult.summary?.claims)} claims / ${String(cliResult.summary?.flags)} flags, the library ${warmup.summary.claims} / ${warmup.summary.flags}`);
    process.exit(1);
  }
  const coldMedian = median(cold.map((r) => r.wallMs));
  return {
    words: countWords(article),
    claims: warmup.summary.claims,
    flags: warmup.summary.flags,
    corpus,
    cold: {
      command: `node ${CLI} audit ${name}.md --db ${name}.db --json`,
      // Wall time from spawn to exit of a fresh process, per run and the median.
      medianMs: ms(coldMedian),
      maxMs: ms(Math.max(...cold.map((r) => r.wallMs))),
      runsMs: cold.map((r) => ms(r.wallMs)),
      // User + system CPU of the process: what the audit costs, whatever else the machine is doing.
      medianCpuMs: cpuMedian(cold),
      // The audit's own stages inside the first cold process (from its JSON).
      stagesMs: cliResult.timingsMs ?? {},
    },
    warm: {
      medianMs: ms(median(runs)),
      maxMs: ms(Math.max(...runs)),
      medianCpuMs: ms(median(cpu)),
      firstInProcessMs: ms(firstInProcessMs),
      stagesMs: stages,
    },
    loadAverage: { before: loadBefore, after: load() },
    // Judged on the cold median: a user runs `verity audit article.md` once.
    pass: coldMedian < TARGET_MS,
  };
}

const repeated = await measure('repeated', repeatedArticle(), false);
const varied = await measure('varied', variedArticle(), true);
rmSync(dir, { recursive: true, force: true });

const result = {
  bench: 'audit',
  runs: RUNS,
  targetMs: TARGET_MS,
  startup: {
    command: `node ${CLI} --version`,
    medianMs: ms(median(floor.map((r) => r.wallMs))),
    medianCpuMs: cpuMedian(floor),
  },
  repeated,
  varied,
  pass: repeated.pass === true && varied.pass === true,
  cpus: os.cpus().length,
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
import { existsSync } from 'node:fs';

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
