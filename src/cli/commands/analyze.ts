// `verity analyze`: sentences with offsets, figures, dates, cues and check-worthiness of a text.
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command } from '../command.js';
import type { Output } from '../output.js';
import { VerityError, quote } from '../../errors.js';
import { analyzeText } from '../../text/index.js';
import type { Figure, SentenceAnalysis } from '../../model.js';

/** Larger inputs are refused rather than analysed for minutes. */
export const MAX_ANALYZE_BYTES = 20 * 1024 * 1024;

const HELP = `Usage: verity analyze <file|-> [--reference YYYY-MM-DD] [--json]

Splits a text into sentences and, for each, lists the figures it states (value, bound,
approximation, unit or counted noun, whole, what is counted), the dates and time spans,
the cues (negation and its scope, hedges, contrast, attribution) and a check-worthiness
score in [0,1] (how much the sentence states a checkable fact). All offsets are UTF-16
offsets into the text as read (after a leading byte-order mark is removed).

"-" reads standard input. The input must be UTF-8 text of at most ${MAX_ANALYZE_BYTES / 1024 / 1024} MB.

Options:
  --reference DATE  resolve relative dates ("last year", "three years ago") against DATE
  --json            print {"sentences": [{"text", "start", "end", "checkworthiness",
                    "figures": [{"value", "text", "start", "end", "approximate", "bound",
                    "unit", "whole", "predicate", "high"}], "dates": [...], "cues": [...]}]}
  -h, --help        this help

Examples:
  verity analyze article.txt
  echo "140 of 196 countries criminalize simple possession." | verity analyze - --json
`;

async function readStdin(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk as Uint8Array);
    size += b.length;
    if (size > MAX_ANALYZE_BYTES) {
      throw new VerityError({ code: 'TOO_LARGE', component: 'analyze', problem: `standard input is larger than ${MAX_ANALYZE_BYTES} bytes`, fix: 'split the text into smaller files' });
    }
    chunks.push(b);
  }
  return Buffer.concat(chunks);
}

async function readInput(arg: string, cwd: string, stdin: NodeJS.ReadableStream): Promise<{ name: string; bytes: Buffer }> {
  if (arg === '-') return { name: 'standard input', bytes: await readStdin(stdin) };
  const path = resolve(cwd, arg);
  let info;
  try {
    info = await stat(path);
  } catch (cause) {
    throw new VerityError({ code: 'NOT_FOUND', component: 'analyze', problem: `cannot read ${quote(arg)}: no such file`, fix: 'check the path, or pass "-" to read standard input', cause });
  }
  if (info.isDirectory()) {
    throw new VerityError({ code: 'BAD_INPUT', component: 'analyze', problem: `${quote(arg)} is a folder, not a text file`, fix: 'pass one text file (use "verity ingest" for folders)' });
  }
  if (info.size > MAX_ANALYZE_BYTES) {
    throw new VerityError({ code: 'TOO_LARGE', component: 'analyze', problem: `${quote(arg)} is ${info.size} bytes, more than the ${MAX_ANALYZE_BYTES}-byte limit`, fix: 'split the text into smaller files' });
  }
  try {
    return { name: arg, bytes: await readFile(path) };
  } catch (cause) {
    throw new VerityError({ code: 'IO', component: 'analyze', problem: `cannot read ${quote(arg)}: ${(cause as Error).message}`, fix: 'check the file permissions', cause });
  }
}

/** Decode UTF-8 text, refusing binary data (NUL bytes or invalid UTF-8) with a clear error. */
export function decodeText(bytes: Buffer, name: string): string {
  const head = bytes.subarray(0, 8192);
  const start = JSON.stringify(head.subarray(0, 8).toString('latin1'));
  if (head.includes(0)) {
    throw new VerityError({ code: 'BAD_INPUT', component: 'analyze', problem: `${name === 'standard input' ? name : quote(name)} is binary, not text (it contains NUL bytes; starts with ${start})`, fix: 'pass a UTF-8 text file (convert PDFs or Word files to text first, or ingest them with "verity ingest")' });
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch (cause) {
    throw new VerityError({ code: 'BAD_INPUT', component: 'analyze', problem: `${name === 'standard input' ? name : quote(name)} is not UTF-8 text (starts with ${start})`, fix: 'convert it to UTF-8 first (e.g. iconv -f latin1 -t utf-8)', cause });
  }
}

function parseReference(value: string | boolean | string[] | undefined): Date | undefined {
  if (typeof value !== 'string') return undefined;
  const d = /^\d{4}-\d{2}-\d{2}$/.test(value.trim()) ? new Date(`${value.trim()}T00:00:00Z`) : new Date(NaN);
  if (Number.isNaN(d.getTime())) {
    throw new VerityError({ code: 'USAGE', component: 'analyze', problem: `--reference ${quote(value)} is not a date`, fix: 'pass a date as YYYY-MM-DD, e.g. --reference 2024-06-15' });
  }
  return d;
}

function figureJson(f: Figure): Record<string, unknown> {
  return { value: f.value, text: f.text, start: f.start, end: f.end, approximate: f.approximate, bound: f.bound, unit: f.unit, whole: f.whole, predicate: f.predicate, high: f.high ?? null };
}

function describeFigure(f: Figure): string {
  const parts = [`value ${f.high != null ? `${f.value}–${f.high}` : f.value}`];
  if (f.bound !== '=') parts.push(`bound ${f.bound}`);
  if (f.approximate) parts.push('approximate');
  if (f.unit) parts.push(`unit ${f.unit}`);
  if (f.whole !== null) parts.push(`of ${f.whole}`);
  if (f.predicate) parts.push(`counts ${quote(f.predicate, 60)}`);
  return `${quote(f.text, 60)}: ${parts.join(', ')}`;
}

function printText(out: Output, sentences: SentenceAnalysis[]): void {
  for (const s of sentences) {
    const score = s.checkworthiness.toFixed(2);
    out.line(`${out.dim(`[${s.start}–${s.end}]`)} ${s.checkworthiness >= 0.5 ? out.bold(score) : score}  ${s.text.replace(/\s+/g, ' ')}`);
    for (const f of s.figures) out.line(`    ${'figure'.padEnd(8)}  ${describeFigure(f)}`);
    for (const d of s.dates) out.line(`    ${d.kind.padEnd(8)}  ${quote(d.text, 60)}: ${d.kind === 'span' ? `${d.value ?? '…'} to ${d.until ?? '…'}` : (d.value ?? 'unresolved')}`);
    for (const c of s.cues) out.line(`    ${(c.kind === 'attribution' ? 'source' : c.kind).padEnd(8)}  ${quote(c.text, 30)}${c.scope ? ` → ${quote(c.scope, 60)}` : ''}`);
  }
  const figures = sentences.reduce((n, s) => n + s.figures.length, 0);
  const dates = sentences.reduce((n, s) => n + s.dates.length, 0);
  const worthy = sentences.filter((s) => s.checkworthiness >= 0.5).length;
  out.line();
  out.line(`${sentences.length} sentence${sentences.length === 1 ? '' : 's'}, ${figures} figure${figures === 1 ? '' : 's'}, ${dates} date${dates === 1 ? '' : 's'}; ${worthy} check-worthy (score ≥ 0.50).`);
}

export const analyzeCommand: Command = {
  name: 'analyze',
  summary: 'show the sentences, figures, dates, cues and check-worthiness of a text',
  help: HELP,
  options: { reference: { type: 'string' } },
  async run({ positionals, values, out, cwd, stdin }) {
    if (positionals.length !== 1) {
      throw new VerityError({
        code: 'USAGE',
        component: 'analyze',
        problem: positionals.length === 0 ? 'no input given' : `expected one input, got ${positionals.length} (${positionals.map((p) => quote(p, 30)).join(', ')})`,
        fix: 'pass one text file, or "-" to read standard input: verity analyze article.txt',
      });
    }
    const reference = parseReference(values.reference);
    const { name, bytes } = await readInput(positionals[0] ?? '-', cwd, stdin);
    const text = decodeText(bytes, name);
    const sentences = analyzeText(text, reference ? { reference } : {});
    if (out.json) {
      out.printJson({
        sentences: sentences.map((s) => ({
          text: s.text,
          start: s.start,
          end: s.end,
          checkworthiness: s.checkworthiness,
          figures: s.figures.map(figureJson),
          dates: s.dates.map((d) => ({ kind: d.kind, text: d.text, start: d.start, end: d.end, value: d.value, until: d.until ?? null })),
          cues: s.cues.map((c) => ({ kind: c.kind, text: c.text, start: c.start, end: c.end, scope: c.scope ?? null })),
        })),
      });
      return 0;
    }
    if (sentences.length === 0) {
      out.line(`No sentences in ${name === 'standard input' ? name : quote(name)}: it is empty or only whitespace.`);
      return 0;
    }
    printText(out, sentences);
    return 0;
  },
};
