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

const mode = import.meta.url === pathToFileURL(process.argv[1] ?? "").href ? process.argv[2] : "import";
if (mode === 'annotate') await annotate();
else if (mode === 'health') await health();
else if (mode !== "import") {
  console.error('usage: node --import tsx bench/serve/serve-audit.ts annotate|health [--sentences N] [--seconds S] [--threads N] [--module PATH]');
  process.exit(2);
}
