// The batch journal: one JSON line per finished row, appended after its report file is in place
// (written to a temporary name, then renamed). A run that is interrupted loses no finished
// report, and the next run with the same output folder skips the rows the journal records as
// done whose report file is still there.
import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { VerityError, quote } from '../errors.js';

export const JOURNAL_FILE = 'batch-journal.jsonl';
export const REPORTS_FOLDER = 'reports';

/** What the batch knows of one row once it is finished. */
export interface RowResult {
  row: number;
  id: string;
  key: string;
  input: string;
  status: 'done' | 'error';
  /** Set when done. */
  kind?: 'claim' | 'question';
  verdict?: string | null;
  confidence?: number | null;
  title?: string;
  /** The report file, relative to the output folder. */
  report?: string;
  /** Set when status is error: the message (as `verity check` prints it). */
  error?: string;
  code?: string;
  ms: number;
}

function ioError(what: string, path: string, e: unknown): VerityError {
  return new VerityError({ code: 'IO', component: 'batch', problem: `cannot ${what} ${quote(path)}: ${(e as Error).message}`, fix: 'choose a writable --out folder', cause: e });
}

export class Journal {
  readonly path: string;

  constructor(readonly outDir: string) {
    this.path = join(outDir, JOURNAL_FILE);
    try {
      mkdirSync(join(outDir, REPORTS_FOLDER), { recursive: true });
    } catch (e) {
      throw ioError('create the output folder', outDir, e);
    }
  }

  /** The rows recorded so far, latest record per key; a torn last line (a crash mid-write) is ignored. */
  read(): Map<string, RowResult> {
    const found = new Map<string, RowResult>();
    if (!existsSync(this.path)) return found;
    let text: string;
    try {
      text = readFileSync(this.path, 'utf8');
    } catch (e) {
      throw ioError('read the journal', this.path, e);
    }
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      try {
        const r = JSON.parse(line) as RowResult;
        if (typeof r.key === 'string') found.set(r.key, r);
      } catch {
        // A line cut short by an interruption: that row is simply done again.
      }
    }
    return found;
  }

  /** Whether a recorded row is done and its report is still on disk. */
  isDone(r: RowResult | undefined): boolean {
    return r !== undefined && r.status === 'done' && r.report !== undefined && existsSync(join(this.outDir, r.report));
  }

  /** Writes a report under reports/ atomically (temporary file, then rename); returns its relative path. */
  writeReport(name: string, body: string): string {
    const rel = join(REPORTS_FOLDER, name);
    const path = join(this.outDir, rel);
    try {
      writeFileSync(`${path}.partial`, body);
      renameSync(`${path}.partial`, path);
    } catch (e) {
      throw ioError('write the report', path, e);
    }
    return rel;
  }

  append(r: RowResult): void {
    try {
      appendFileSync(this.path, `${JSON.stringify(r)}\n`);
    } catch (e) {
      throw ioError('append to the journal', this.path, e);
    }
  }
}
