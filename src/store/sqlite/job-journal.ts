// The SQLite job journal: the in-process queue's jobs in a small database file of their own
// (beside the corpus by default, e.g. verity.jobs.db next to verity.db), so a restarted
// `verity serve` resumes the jobs that were waiting and reports those that were running as
// interrupted. Plain JSON in one table; WAL, so a write never waits on a reader.
import Database from 'better-sqlite3';
import { VerityError, quote } from '../../errors.js';
import { sqliteError } from './sqlite-errors.js';

/** The journal's record of a job, as the queue's contract (jobs/job-journal.ts) has it. */
export interface JournalRecord {
  id: string;
  spec: { kind: 'check' | 'audit'; input: string; options?: Record<string, string | number | boolean> };
  status: 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  result: unknown;
  error: { code: string; component: string; problem: string; fix: string | null; retryable: boolean; message: string } | null;
}

const SCHEMA = `CREATE TABLE IF NOT EXISTS jobs (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,
  record TEXT NOT NULL
)`;

export class SqliteJobJournal {
  private readonly db: Database.Database;
  private readonly upsert: Database.Statement;
  private readonly del: Database.Statement;

  constructor(readonly path: string) {
    try {
      this.db = new Database(path);
      this.db.pragma('busy_timeout = 5000');
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = NORMAL');
      this.db.exec(SCHEMA);
    } catch (e) {
      throw sqliteError(e, path, 'open the job journal');
    }
    this.upsert = this.db.prepare('INSERT INTO jobs (id, created_at, record) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET record = excluded.record');
    this.del = this.db.prepare('DELETE FROM jobs WHERE id = ?');
  }

  load<R>(): Array<JournalRecord & { result: R | null }> {
    const rows = this.db.prepare('SELECT id, record FROM jobs ORDER BY created_at, rowid').all() as Array<{ id: string; record: string }>;
    return rows.map((row) => {
      try {
        return JSON.parse(row.record) as JournalRecord & { result: R | null };
      } catch (e) {
        throw new VerityError({ code: 'DB_INVALID', component: 'jobs', problem: `the job ${quote(row.id)} in the job journal ${quote(this.path)} is not valid JSON`, fix: `delete ${this.path} (its jobs are lost) and restart`, cause: e });
      }
    });
  }

  /** Writes the job; `resultJson` (the JSON text of `job.result`, when the caller has it) is written as it is. */
  put(job: JournalRecord, resultJson?: string): void {
    if (resultJson === undefined) {
      this.upsert.run(job.id, job.createdAt, JSON.stringify(job));
      return;
    }
    const { result: _result, ...rest } = job;
    this.upsert.run(job.id, job.createdAt, `${JSON.stringify(rest).slice(0, -1)},"result":${resultJson}}`);
  }

  remove(id: string): void {
    this.del.run(id);
  }

  close(): void {
    this.db.close();
  }
}

/** Opens (creating when needed) the job journal at `path`. */
export function openJobJournal(path: string): SqliteJobJournal {
  return new SqliteJobJournal(path);
}
