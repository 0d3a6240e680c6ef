// Where an in-process queue keeps its jobs so they outlive the process: a journal of job
// records (spec, status, times, result or error), written as a job changes and read back when
// the queue starts. The SQLite journal (store/sqlite/job-journal.ts) is the implementation; this is
// the contract, in plain data, so jobs/ never touches a database.
import type { JobSnapshot } from './queue.js';

/** One job as the journal keeps it: its snapshot without the live parts (progress, place in line). */
export type JobRecord<R> = Omit<JobSnapshot<R>, 'progress' | 'position'>;

export interface JobJournal<R> {
  /** Every job kept, oldest first. */
  load(): JobRecord<R>[];
  /**
   * Writes the job's current state (insert or replace). `resultJson`, when given, is the JSON text
   * of `job.result`, to be written as it is (so a large result is not serialised again).
   */
  put(job: JobRecord<R>, resultJson?: string): void;
  /** Forgets a job (dropped from the history). */
  remove(id: string): void;
  close(): void;
}
