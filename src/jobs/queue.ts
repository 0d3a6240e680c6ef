// The job queue contract: long work (a check, an article audit) submitted by a client and
// followed by id. The server depends on this interface only. Implementations:
//   - in-process (default, `createInProcessQueue`): jobs run in this process, state in memory;
//   - the Redis-backed queue (`createRedisQueue`, BullMQ; src/jobs/redis-queue.ts) for many `verity worker` processes.
//
// Everything here is plain, JSON-serialisable data (specs, snapshots, events, errors) so a
// queue whose state lives outside the process can implement the same contract unchanged. The
// result type R is whatever the runner returns; an out-of-process queue needs it to be JSON.
//
// This module imports only the shared vocabulary.
import type { ProgressEvent } from '../model.js';

export const JOB_KINDS = ['check', 'audit'] as const;
export type JobKind = (typeof JOB_KINDS)[number];

/** What a client asks for. `options` are kind-specific and JSON-serialisable (e.g. an audit's input format). */
export interface JobSpec {
  kind: JobKind;
  /** The question or claim (check), or the article text (audit). */
  input: string;
  options?: Record<string, string | number | boolean>;
}

/**
 * A job's life: queued → running → done | failed | cancelled. A queued job can be cancelled
 * before it starts; a running one is asked to stop (its runner sees the abort signal) and ends
 * cancelled when it does.
 */
export type JobStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

export const TERMINAL_STATUSES: readonly JobStatus[] = ['done', 'failed', 'cancelled'];

export function isTerminal(status: JobStatus): boolean {
  return TERMINAL_STATUSES.includes(status);
}

/** A failed job's error as data: the VerityError fields it threw (INTERNAL when it threw something else). */
export interface JobError {
  code: string;
  component: string;
  problem: string;
  fix: string | null;
  retryable: boolean;
  message: string;
}

/** What a queue knows of a job at one moment. */
export interface JobSnapshot<R> {
  id: string;
  spec: JobSpec;
  status: JobStatus;
  /** ISO timestamps from the queue's clock. */
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** The latest progress event, or null before the first. */
  progress: ProgressEvent | null;
  /** Jobs ahead of this one while it is queued (0 = next to start); null once it has started. */
  position: number | null;
  /** Set when status is done. */
  result: R | null;
  /** Set when status is failed (and, with code CANCELLED, when cancelled). */
  error: JobError | null;
}

/** What happened, without its place in the job's sequence. */
export type JobEventBody =
  | { type: 'status'; id: string; status: JobStatus }
  | { type: 'progress'; id: string; progress: ProgressEvent }
  | { type: 'done'; id: string }
  | { type: 'failed'; id: string; error: JobError }
  | { type: 'cancelled'; id: string; error: JobError };

/**
 * Events of one job, in order: a `status` when it starts running, any number of `progress`,
 * then exactly one terminal event (`done`, `failed` or `cancelled`), after which nothing more
 * is sent for that job. `seq` numbers a job's events 1, 2, 3 … and never changes, so a client
 * that reconnects can skip what it has seen (SSE Last-Event-ID) even when old events were dropped.
 */
export type JobEvent = JobEventBody & { seq: number };

export type JobListener = (event: JobEvent) => void;

/** What a runner gets besides the spec: where to report progress and when to stop. */
export interface JobContext {
  id: string;
  onProgress: (event: ProgressEvent) => void;
  /** Aborted when the job is cancelled or the queue closes; a runner should stop soon after. */
  signal: AbortSignal;
}

/** Does the work of one job. Throwing a VerityError fails the job with its fields kept. */
export type JobRunner<R> = (spec: JobSpec, context: JobContext) => Promise<R>;

export interface QueueStats {
  queued: number;
  running: number;
  /** Finished jobs still held (the history, bounded). */
  finished: number;
  concurrency: number;
}

/**
 * A queue of jobs. Every method is async so a queue whose state is remote fits the same contract.
 *
 * Guarantees every implementation gives (test/jobs checks them):
 * - at most `concurrency` jobs run at once; queued jobs start in submission order;
 * - `submit` refuses (VerityError BUSY, retryable) when the waiting line is full, and
 *   (VerityError UNAVAILABLE) after `close`;
 * - `get` returns null for an id it does not know (never submitted, or evicted from history);
 *   queued and running jobs are never evicted;
 * - `subscribe` replays the job's events so far, then delivers live ones, in order, ending with
 *   the terminal event; subscribing to a finished job replays and ends at once; it throws
 *   VerityError NOT_FOUND for an unknown id;
 * - a job that throws a VerityError fails with that error's code, component, problem and fix;
 *   anything else thrown fails it as INTERNAL;
 * - a job cancelled while running ends `cancelled` even if its runner then returns a result;
 * - a listener that throws is dropped; the job and the other listeners go on.
 * test/jobs/queue-conformance.ts is the suite; run it against a new implementation.
 */
export interface Queue<R> {
  /** Name of the implementation, e.g. "in-process". */
  readonly engine: string;
  submit(spec: JobSpec): Promise<string>;
  get(id: string): Promise<JobSnapshot<R> | null>;
  /** Returns a function that stops the listener. */
  subscribe(id: string, listener: JobListener): Promise<() => void>;
  /** Cancel a queued or running job. False when the job is unknown or already finished. */
  cancel(id: string): Promise<boolean>;
  stats(): Promise<QueueStats>;
  /** Refuse new jobs, cancel queued ones, abort running ones and wait for them to settle. */
  close(): Promise<void>;
}
