// Issue 16 row 1: a large audit must not freeze `verity serve`. Two measurements (figures in
// docs/bench-serve.md):
//   node --import tsx bench/serve/serve-audit.ts annotate [--sentences 25000] [--module PATH]
//     the Markdown and HTML annotators on a long article (test/helpers/big-article.ts) with every
//     sentence flagged (the worst case: one mark and one note per sentence), wall time of each;
//     --module times another copy of src/audit/annotate.ts (e.g. the one before the fix);
//   node --import tsx bench/serve/serve-audit.ts health [--sentences 25000] [--seconds 60] [--threads N]
//     a real server (loopback, a corpus file) auditing the article while GET /api/health is polled
//     every 20 ms; after --seconds the audit is cancelled (a whole 25,000-sentence audit takes far
//     longer); then 8 parallel job reads and a report read of a finished small audit. Prints p50,
//     p99 and max of the health latencies. --threads 0 runs the jobs in the request thread (as
//     before the fix).
//   node --import tsx bench/serve/serve-audit.ts handover [--claims 20000] [--part-claims 200]
//     the end of a large audit (its result handed to the request thread, the journal write): one
//     structured clone (as before) against JSON text in parts, two rounds in alternating order.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readArticle, annotateMarkdown, annotateHtml } from '../../src/audit/index.js';
import type { Article, AuditClaim, AuditResult } from '../../src/audit/index.js';
import { splitSentences } from '../../src/text/index.js';
import { openStore } from '../../src/store/sqlite/open.js';
import { startServer } from '../../src/server/index.js';
import { auditCorpusFile, bigArticle } from '../../test/helpers/big-article.js';
import { pollHealthFor } from '../../test/helpers/health-poller.js';
import { percentile } from '../percentile.js';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { openJobJournal } from '../../src/store/sqlite/job-journal.js';
import type { JobJournal } from '../../src/jobs/index.js';
import type { VerityJobResult } from '../../src/server/index.js';

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}
const textFlag = (name: string): string | null => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? null) : null;
};

/** An audit result flagging every sentence of the article (only what the annotators read is filled in). */
export function everySentenceFlagged(article: Article): AuditResult {
  const claims = splitSentences(article.text).map(
    (s, i): AuditClaim => ({
      start: s.start,
      end: s.end,
      text: article.text.slice(s.start, s.end),
      status: 'unsupported',
      citations: [],
      references: [],
      figures: [],
      flags: [{ kind: 'uncited', message: `Sentence ${i + 1} cites no source.`, evidence: [] }],
      checkworthiness: 1,
      kind: 'factual',
      cited: null,
      corpus: { result: 'not-found', refs: [], evidence: [], reason: 'none' },
    }),
  );
  const byKind = { 'figure-source-mismatch': 0, 'figure-meaning-mismatch': 0, 'date-source-mismatch': 0, arithmetic: 0, 'internal-inconsistency': 0, 'citation-unsupported': 0, contradicted: 0, uncited: claims.length };
  return { schemaVersion: 1, title: article.title, format: article.format, claims, references: [], missingReferences: [], summary: { claims: claims.length, supported: 0, contradicted: 0, unsupported: claims.length, unverifiable: 0, flags: claims.length, byKind, bySeverity: { error: 0, warning: claims.length, note: 0 } }, warnings: [], timingsMs: {} };
}

async function annotate(): Promise<void> {
  const { text, sentences } = bigArticle(flag('sentences', 25_000));
  const article = readArticle(text, 'md');
  const result = everySentenceFlagged(article);
  const module = textFlag('module');
  const impl = module ? ((await import(pathToFileURL(module).href)) as { annotateMarkdown: typeof annotateMarkdown; annotateHtml: typeof annotateHtml }) : { annotateMarkdown, annotateHtml };
  let t = performance.now();
  const md = impl.annotateMarkdown(article, result);
  const mdMs = performance.now() - t;
  t = performance.now();
  const html = impl.annotateHtml(article, result);
  const htmlMs = performance.now() - t;
  console.log(JSON.stringify({ module: module ?? 'src/audit/annotate.ts', chars: text.length, sentences, flagged: result.claims.length, markdownMs: Math.round(mdMs), markdownChars: md.length, htmlMs: Math.round(htmlMs), htmlChars: html.length, loadAverage: os.loadavg()[0] }));
}

function summary(latencies: number[]): Record<string, number> {
  const s = [...latencies].sort((a, b) => a - b);
  const r = (x: number): number => Math.round(x * 10) / 10;
  return { answers: s.length, p50Ms: r(percentile(s, 50)), p99Ms: r(percentile(s, 99)), maxMs: r(s.at(-1) ?? 0) };
}

async function health(): Promise<void> {
  const dir = mkdtempSync(join(os.tmpdir(), 'verity-serve-audit-'));
  const db = join(dir, 'corpus.db');
  await auditCorpusFile(db);
  const store = await openStore(db, { readonly: true });
  const threads = flag('threads', -1);
  const server = await startServer({ store, port: 0, log: () => undefined, ...(threads >= 0 ? { threads } : {}) });
  try {
    const { text, sentences } = bigArticle(flag('sentences', 25_000));
    const seconds = flag('seconds', 60);
    // A small audit first, finished, to read back during the last phase.
    const small = bigArticle(400).text;
    const smallId = ((await (await fetch(`${server.url}/api/audits`, { method: 'POST', headers: { 'content-type': 'text/markdown' }, body: small })).json()) as { id: string }).id;
    await (await fetch(`${server.url}/api/jobs/${smallId}/events`)).text();

    // The poller has a thread of its own: a frozen server thread must not freeze the measurement too.
    const during = pollHealthFor(server.url, seconds * 1000, 20);
    const res = await fetch(`${server.url}/api/audits`, { method: 'POST', headers: { 'content-type': 'text/markdown' }, body: text });
    const { id } = (await res.json()) as { id: string };
    const duringAudit = await during;
    const job = (await (await fetch(`${server.url}/api/jobs/${id}`)).json()) as { status: string; progress: unknown };
    await fetch(`${server.url}/api/jobs/${id}`, { method: 'DELETE' });
    const auditPhase = { ...summary(duringAudit.latencies), failed: duringAudit.failures };

    const reading = pollHealthFor(server.url, 3_000, 20);
    const t = performance.now();
    await Promise.all([...Array.from({ length: 8 }, () => fetch(`${server.url}/api/jobs/${smallId}`).then((r) => r.arrayBuffer())), fetch(`${server.url}/api/jobs/${smallId}/report?format=md`).then((r) => r.arrayBuffer())]);
    const readsMs = Math.round(performance.now() - t);
    const duringReads = await reading;
    const readPhase = { ...summary(duringReads.latencies), failed: duringReads.failures };
    console.log(JSON.stringify({ threads: threads >= 0 ? threads : 'default', chars: text.length, sentences, seconds, statusAfter: job.status, progressAfter: job.progress, healthDuringAudit: auditPhase, readsMs, healthDuringReads: readPhase, loadAverage: os.loadavg()[0] }));
  } finally {
    await server.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** An article of `n` cited sentences without figures: on an empty corpus its audit is quick, and its result has `n` claims. */
function citedArticle(n: number): string {
  const words = ['harbour', 'council', 'ferry', 'timetable', 'ministry', 'river', 'school', 'clinic', 'bridge', 'market'];
  const lines = Array.from({ length: n }, (_, i) => `The ${words[i % 10]} board said the ${words[(i * 3) % 10]} office changed its ${words[(i * 7) % 10]} plan after the review [${(i % 50) + 1}].`);
  const paras: string[] = [];
  for (let i = 0; i < lines.length; i += 5) paras.push(lines.slice(i, i + 5).join(' '));
  return `# Long\n\n${paras.join('\n\n')}\n\n## Sources\n\n${Array.from({ length: 50 }, (_, k) => `[${k + 1}] Report ${k + 1}, https://example.org/r${k + 1}`).join('\n')}\n`;
}

/**
 * The end of a large audit: its result crossing to the request thread and the journal write.
 * For each way of handing the result over (one structured clone, as before; JSON text in parts),
 * a server with a job journal audits a 20,000-claim article on an empty corpus while health is
 * polled from a thread of its own in 2 s windows; reports health over the whole job and in the
 * window the job ended in, and the request thread's own event-loop delay.
 */
async function handover(): Promise<void> {
  const claims = flag('claims', 20_000);
  const text = citedArticle(claims);
  const rows: Array<Record<string, unknown>> = [];
  const ways = [
    { name: 'one structured clone (before)', parts: '0' },
    { name: 'JSON text in parts (after)', parts: String(flag('part-claims', 200)) },
  ];
  for (const round of [1, 2]) {
    for (const way of round === 1 ? ways : [...ways].reverse()) {
      const dir = mkdtempSync(join(os.tmpdir(), 'verity-handover-'));
      await (await openStore(join(dir, 'corpus.db'))).close();
      const store = await openStore(join(dir, 'corpus.db'), { readonly: true });
      const journal = openJobJournal(join(dir, 'jobs.db'));
      process.env.VERITY_RESULT_PART_CLAIMS = way.parts;
      const server = await startServer({ store, port: 0, log: () => undefined, journal: journal as JobJournal<VerityJobResult> });
      const loop = monitorEventLoopDelay({ resolution: 10 });
      try {
        const res = await fetch(`${server.url}/api/audits`, { method: 'POST', headers: { 'content-type': 'text/markdown' }, body: text });
        const { id } = (await res.json()) as { id: string };
        let doneAt: number | null = null;
        const finished = fetch(`${server.url}/api/jobs/${id}/events`).then(async (r) => {
          await r.text();
          doneAt = performance.now();
        });
        loop.enable();
        const all: number[] = [];
        let failed = 0;
        let endWindow: number[] = [];
        const started = performance.now();
        for (;;) {
          const from = performance.now();
          const w = await pollHealthFor(server.url, 2_000, 20);
          all.push(...w.latencies);
          failed += w.failures;
          if (doneAt !== null && doneAt >= from - 50) endWindow = w.latencies;
          if (doneAt !== null && doneAt < from) break;
        }
        await finished;
        loop.disable();
        const job = (await (await fetch(`${server.url}/api/jobs/${id}?limit=1`)).json()) as { status: string; claimsPage?: { total: number } };
        rows.push({ round, way: way.name, status: job.status, claims: job.claimsPage?.total, jobSeconds: Math.round((doneAt! - started) / 100) / 10, health: summary(all), failed, healthInEndWindow: summary(endWindow), loopDelay: { p99Ms: Math.round(loop.percentile(99) / 1e5) / 10, maxMs: Math.round(loop.max / 1e5) / 10 }, loadAverage: os.loadavg()[0] });
        console.log(JSON.stringify(rows.at(-1)));
      } finally {
        await server.close();
        journal.close();
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      }
    }
  }
}

const mode = import.meta.url === pathToFileURL(process.argv[1] ?? "").href ? process.argv[2] : "import";
if (mode === 'annotate') await annotate();
else if (mode === 'health') await health();
else if (mode === 'handover') await handover();
else if (mode !== "import") {
  console.error('usage: node --import tsx bench/serve/serve-audit.ts annotate|health|handover [--claims N] [--part-claims N] [--sentences N] [--seconds S] [--threads N] [--module PATH]');
  process.exit(2);
}
