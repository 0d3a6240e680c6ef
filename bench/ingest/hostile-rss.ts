// Issue 16's target "peak RSS ≤ 1 GB for any input within the default limits": the hostile and
// the maximal inputs, generated here (never committed), each given to a fresh `verity` process
// (ingest, or audit) with the default limits, and that process's peak resident memory (the kernel's
// maxRSS, every thread included, read by bench/ingest/rss-probe.mjs, and the kernel's VmHWM read from
// outside every 250 ms) printed with its outcome:
//   node --import tsx bench/ingest/hostile-rss.ts [--only NAME] [--limit-seconds 300]
// A run still going at --limit-seconds is stopped and its peak so far reported ("stopped").
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { bombPdf } from '../../test/reliability/pdf-bomb.js';
import { auditCorpusFile, bigArticle } from '../../test/helpers/big-article.js';

const MIB = 1024 * 1024;
/** Just under the loaders' default 50 MiB (ingest/load/decode.ts). */
const NEAR_CAP = 50 * MIB - 64 * 1024;
const SENTENCE = 'The harbour authority reported that cargo volumes rose by 12 percent in 2024 compared with the year before, while the council said 31 of 52 ferries ran on time.';

/** `unit(i)` repeated until `bytes`. */
function filled(bytes: number, unit: (i: number) => string, head = '', tail = ''): string {
  const parts: string[] = [head];
  let size = head.length + tail.length;
  for (let i = 0; size < bytes; i++) {
    const u = unit(i);
    if (size + u.length > bytes) break;
    parts.push(u);
    size += u.length;
  }
  parts.push(tail);
  return parts.join('');
}

const nested = (depth: number, body: string): string => `<html><head><title>Deep page</title></head><body>${'<div>'.repeat(depth)}${body}${'</div>'.repeat(depth)}</body></html>`;

interface Case {
  name: string;
  /** What the case is, for the table. */
  what: string;
  file: string;
  make: () => Promise<string | Buffer>;
  /** `verity` arguments; FILE and DB are replaced. */
  args: string[];
}

const ingest = ['ingest', 'FILE', '--db', 'DB', '--json'];
const CASES: Case[] = [
  { name: 'txt-50mib', what: 'plain text, 50 MiB of prose', file: 'big.txt', make: async () => filled(NEAR_CAP, (i) => `${SENTENCE} (${i})${i % 8 === 7 ? '\n\n' : ' '}`), args: ingest },
  { name: 'md-50mib', what: 'Markdown, 50 MiB (headings, lists, links)', file: 'big.md', make: async () => filled(NEAR_CAP, (i) => (i % 20 === 0 ? `\n## Section ${i}\n\n` : i % 5 === 0 ? `- ${SENTENCE} [link](https://example.org/${i})\n` : `${SENTENCE}\n\n`), '---\ntitle: Big\n---\n'), args: ingest },
  { name: 'jsonl-50mib', what: 'JSONL, 50 MiB (1 KB records)', file: 'big.jsonl', make: async () => filled(NEAR_CAP, (i) => `${JSON.stringify({ title: `Record ${i}`, uri: `https://example.org/r/${i}`, text: `${SENTENCE} `.repeat(6) })}\n`), args: ingest },
  { name: 'html-50mib', what: 'HTML, 50 MiB of flat paragraphs', file: 'big.html', make: async () => filled(NEAR_CAP, () => `<p>${SENTENCE}</p>\n`, '<html><head><title>Big</title></head><body><article>', '</article></body></html>'), args: ingest },
  { name: 'html-50mib-elements', what: 'HTML, 50 MiB of empty elements (≈ 5 M nodes)', file: 'elements.html', make: async () => filled(NEAR_CAP, () => '<span></span><i></i>', '<html><body><p>', '</p></body></html>'), args: ingest },
  { name: 'html-deep-10000', what: 'HTML nested 10,000 levels (row 2)', file: 'deep.html', make: async () => nested(10_000, `<p>${SENTENCE}</p>`), args: ingest },
  { name: 'html-deep-1000-55kb', what: 'HTML nested 1,000 levels, 55 KB (row 3)', file: 'deep55.html', make: async () => nested(1_000, filled(44_000, () => `<p>${SENTENCE}</p>`)), args: ingest },
  { name: 'html-deep-1000-50mib', what: 'HTML nested 1,000 levels around 50 MiB of paragraphs', file: 'deepbig.html', make: async () => nested(1_000, filled(NEAR_CAP - 20_000, () => `<p>${SENTENCE}</p>\n`)), args: ingest },
  { name: 'pdf-bomb-2.6g', what: 'PDF, 2.6 MB inflating to 2.6 GB (row 4)', file: 'bomb.pdf', make: () => bombPdf(2600 * MIB), args: ingest },
  { name: 'pdf-bomb-a85-2.6g', what: 'PDF, ASCII85-wrapped Flate bomb to 2.6 GB', file: 'bomb85.pdf', make: () => bombPdf(2600 * MIB, undefined, 'a85-flate'), args: ingest },
  { name: 'pdf-at-cap', what: 'PDF inflating to 31 MiB (under the 32 MiB cap), read by PDF.js', file: 'cap.pdf', make: () => bombPdf(31 * MIB), args: ingest },
  { name: 'audit-2000', what: 'audit of a 2,000-sentence article (to the end)', file: 'a2000.md', make: async () => bigArticle(2_000).text, args: ['audit', 'FILE', '--db', 'CORPUS', '--format', 'md', '--out', 'OUT'] },
  { name: 'audit-max', what: 'audit of a 25,000-sentence article at the 2,000,000-character cap (row 1)', file: 'amax.md', make: async () => bigArticle(Number.POSITIVE_INFINITY).text, args: ['audit', 'FILE', '--db', 'CORPUS', '--format', 'md', '--out', 'OUT'] },
];

function flag(name: string): string | null {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? null) : null;
}

async function run(c: Case, dir: string, corpus: string, limitMs: number): Promise<Record<string, unknown>> {
  const file = join(dir, c.file);
  writeFileSync(file, await c.make());
  const rssFile = join(dir, `${c.name}.rss`);
  const args = c.args.map((a) => (a === 'FILE' ? file : a === 'DB' ? join(dir, `${c.name}.db`) : a === 'CORPUS' ? corpus : a === 'OUT' ? join(dir, `${c.name}.out`) : a));
  const started = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', '--import', resolve('bench/ingest/rss-probe.mjs'), resolve('src/cli/main.ts'), ...args], { env: { ...process.env, VERITY_RSS_FILE: rssFile }, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  child.stdout.resume();
  // The peak is also read from outside, every 250 ms (the kernel's VmHWM): a child busy in one long
  // synchronous step cannot run the probe's timer, so for a run stopped at the limit only this is right.
  let hwmKiB = 0;
  const watch = setInterval(() => {
    try {
      const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      if (m) hwmKiB = Math.max(hwmKiB, Number(m[1]));
    } catch {
      // Gone, or no /proc here.
    }
  }, 250);
  let stopped = false;
  const timer = setTimeout(() => {
    stopped = true;
    child.kill('SIGKILL');
  }, limitMs);
  const code = await new Promise<number | null>((r) => child.on('close', (n) => r(n)));
  clearTimeout(timer);
  clearInterval(watch);
  const peakKiB = Math.max(hwmKiB, existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) : 0);
  rmSync(file, { force: true });
  const message = (/verity: \[[a-z]+\][^\n]*/.exec(err)?.[0] ?? err.trim().split('\n').at(-1) ?? '').slice(0, 160) || null;
  return { name: c.name, what: c.what, seconds: Math.round((Date.now() - started) / 100) / 10, outcome: stopped ? 'stopped' : code === 0 ? 'ok' : `exit ${code}`, peakRssMiB: Math.round(peakKiB / 1024), ...(message ? { message } : {}) };
}

const only = flag('only');
const limitMs = Number(flag('limit-seconds') ?? 300) * 1000;
const dir = mkdtempSync(join(os.tmpdir(), 'verity-hostile-rss-'));
try {
  const corpus = join(dir, 'corpus.db');
  await auditCorpusFile(corpus);
  for (const c of CASES.filter((x) => only === null || x.name === only)) console.log(JSON.stringify({ ...(await run(c, dir, corpus, limitMs)), loadAverage: Math.round((os.loadavg()[0] ?? 0) * 100) / 100 }));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
