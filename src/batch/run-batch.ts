// `verity batch` as a library: check every row of a batch file with a bounded number at once,
// write one report per row and a journal line per finished row, skip rows a previous run
// finished, and keep going past rows that fail. How a row is checked is given (in this process,
// or through a job queue), so the reports are exactly those `verity check` writes.
import type { Report } from '../model.js';
import { isVerityError } from '../errors.js';
import { renderReport, type ReportFormat } from '../report/index.js';
import { Journal, type RowResult } from './journal.js';
import type { BatchRow } from './rows.js';

/** Checks one row's text; `about` is the row's topic (its "about" column or field), when it has one. */
export type CheckOne = (input: string, about?: string) => Promise<Report>;

export interface BatchProgress {
  /** Rows finished in this run (done or failed), and rows this run has to do. */
  done: number;
  total: number;
  failed: number;
  /** Rows skipped because a previous run finished them. */
  skipped: number;
  elapsedMs: number;
  /** Estimated time left, null until the first row finishes. */
  etaMs: number | null;
}

export interface BatchOptions {
  rows: readonly BatchRow[];
  outDir: string;
  format: ReportFormat;
  /** Rows checked at once (default 1). */
  concurrency?: number;
  check: CheckOne;
  onProgress?: (p: BatchProgress) => void;
  /** When aborted, no new row starts; rows already running finish and are recorded. */
  signal?: AbortSignal;
  /** Milliseconds clock (default Date.now). */
  clock?: () => number;
}

export interface BatchOutcome {
  /** One result per row, in input order (rows not reached after an abort are absent). */
  results: RowResult[];
  done: number;
  failed: number;
  skipped: number;
  interrupted: boolean;
  elapsedMs: number;
}

const EXTENSION: Record<ReportFormat, string> = { md: 'md', html: 'html', json: 'json', claimreview: 'jsonld' };

/** Runs the batch; throws only when the output folder or journal cannot be written. */
export async function runBatch(options: BatchOptions): Promise<BatchOutcome> {
  const clock = options.clock ?? Date.now;
  const started = clock();
  const journal = new Journal(options.outDir);
  const previous = journal.read();
  const results = new Map<string, RowResult>();
  const todo: BatchRow[] = [];
  for (const row of options.rows) {
    const before = previous.get(row.key);
    if (before && journal.isDone(before)) results.set(row.key, before);
    else todo.push(row);
  }
  const skipped = options.rows.length - todo.length;
  let done = 0;
  let failed = 0;
  const progress = (): void => {
    const elapsedMs = clock() - started;
    options.onProgress?.({ done, total: todo.length, failed, skipped, elapsedMs, etaMs: done === 0 ? null : Math.round((elapsedMs / done) * (todo.length - done)) });
  };
  progress();

  const one = async (row: BatchRow): Promise<RowResult> => {
    const t0 = clock();
    const base = { row: row.row, id: row.id, key: row.key, input: row.input };
    if (row.error !== undefined) return { ...base, status: 'error', code: 'BAD_INPUT', error: `verity: [batch] row ${row.row} (${row.where}) cannot be read: ${row.error}. Fix: correct that row and run the batch again`, ms: 0 };
    try {
      const report = await options.check(row.input, row.about);
      const name = `${String(row.row).padStart(6, '0')}-${row.key.slice(0, 8)}.${EXTENSION[options.format]}`;
      const rel = journal.writeReport(name, renderReport(report, options.format));
      return { ...base, status: 'done', kind: report.kind, verdict: report.verdict?.label ?? null, confidence: report.verdict?.confidence ?? null, title: report.title, report: rel, ms: clock() - t0 };
    } catch (e) {
      if (isVerityError(e) && e.code === 'IO' && e.component === 'batch') throw e;
      const message = e instanceof Error ? e.message : String(e);
      return { ...base, status: 'error', code: isVerityError(e) ? e.code : 'INTERNAL', error: message, ms: clock() - t0 };
    }
  };

  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < todo.length && !options.signal?.aborted) {
      const row = todo[next++] as BatchRow;
      const r = await one(row);
      journal.append(r);
      results.set(row.key, r);
      done++;
      if (r.status === 'error') failed++;
      progress();
    }
  };
  const n = Math.max(1, Math.min(options.concurrency ?? 1, todo.length || 1));
  await Promise.all(Array.from({ length: n }, worker));
  const ordered = options.rows.flatMap((r) => results.get(r.key) ?? []);
  return { results: ordered, done, failed, skipped, interrupted: next < todo.length, elapsedMs: clock() - started };
}
