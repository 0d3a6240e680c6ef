// Where an in-process queue keeps its jobs so they outlive the process: a journal of job
// records (spec, status, times, result or error), written as a job changes and read back when
// the queue starts. The SQLite journal (store/job-journal.ts) is the implementation; this is
// the contract, in plain data, so jobs/ never touches a database.
import type { JobError, JobSpec, JobStatus } from './queue.js';

/** One job as the journal keeps it. */
export interface JobRecord<R> {
  id: string;
  spec: JobSpec;
  status: JobStatus;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  result: R | null;
  error: JobError | null;
}

export interface JobJournal<R> {
  /** Every job kept, oldest first. */
  load(): JobRecord<R>[];
  /** Writes the job's current state (insert or replace). */
  put(job: JobRecord<R>): void;
  /** Forgets a job (dropped from the history). */
  remove(id: string): void;
  close(): void;
}
