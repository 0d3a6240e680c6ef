// A small pool of worker threads for the CPU-heavy part of the server's jobs: running checks and
// audits (web checks, fetching audits and LLM-analyst checks included: a thread makes its own
// network calls), and rendering an audit's report. Each thread opens the corpus itself from its
// location (read-only, or writable when it ingests web pages) and rebuilds the engine, fetch
// settings and analyst from plain settings (thread-jobs.ts); a task passes the job spec in and
// gets the result (or the rendered text) back, so the request thread only routes and answers. Progress comes back as messages; a cancelled task is
// told to stop and, if it has not within a grace period, its thread is replaced.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { VerityError } from '../errors.js';
import type { JobContext, JobError, JobSpec } from '../jobs/index.js';
import type { AuditResult } from '../audit/index.js';
import type { ProgressEvent } from '../model.js';
import type { VerityJobResult } from './job-runner.js';
import type { ThreadJobSettings } from './thread-jobs.js';
import { AuditParts, auditForThread } from './result-parts.js';

/** What a thread needs to open the corpus and run jobs. */
export interface ThreadStoreLocation {
  /** The store's location as openStore takes it (a file path or a postgres:// URL). */
  location: string;
  /** Open it for writing (web checks and fetching audits ingest what they read; default read-only). */
  writable?: boolean;
  /** The analyst, web and fetch settings of the jobs (default: rules only, no network). */
  jobs?: ThreadJobSettings;
  /**
   * The threads' nice value (default $VERITY_JOB_THREAD_NICE, else 10: below the server's request
   * thread); null leaves them at the process's priority (`verity batch`, whose main thread only waits).
   */
  nice?: number | null;
  /**
   * Warm each thread up once it is ready, with one check and one audit against the corpus (default
   * true: a server's first job then runs warm). `verity batch` passes false: its first rows warm the
   * threads anyway, and on a large corpus the warm-up's own check and audit are work on top (at a
   * million passages they doubled the CPU of a 20-row batch in two threads; docs/bench-scale.md).
   */
  warmUp?: boolean;
  /** Claims per part when an audit result is sent to the request thread (default PART_CLAIMS, result-parts.ts). */
  partClaims?: number;
}

/** Messages to a thread. */
export type ToThread =
  | { type: 'run'; task: number; spec: JobSpec; nowIso: string | null }
  /** `audit` as JSON text when the request thread has it (result-parts.ts). */
  | { type: 'render'; task: number; spec: JobSpec; audit: AuditResult | string; format: 'md' | 'html' | 'json' }
  | { type: 'cancel'; task: number }
  /** A part of the task's result was taken: the thread may send the next. */
  | { type: 'ack'; task: number };

/** Messages from a thread. */
export type FromThread =
  | { type: 'ready' }
  /** The thread has warmed up (a check and an audit run once, results dropped; see job-thread.ts). */
  | { type: 'warm'; check: boolean; audit: boolean; ms: number }
  | { type: 'progress'; task: number; progress: ProgressEvent }
  | { type: 'notice'; line: string }
  | { type: 'done'; task: number; value: VerityJobResult | string }
  /** An audit result comes as parts of its claims' JSON text, then the rest of it (result-parts.ts). */
  | { type: 'part'; task: number; json: string }
  | { type: 'done-audit'; task: number; head: string; mark: string }
  | { type: 'error'; task: number; error: JobError };

export interface JobThreadsOptions extends ThreadStoreLocation {
  /** Threads in the pool (default 2: one job and one render at a time on a 2-core machine). */
  size?: number;
  /** How long a cancelled task may take to stop before its thread is replaced (default 2 s). */
  cancelGraceMs?: number;
  /** The thread's script (default: src/job-thread, next to this folder). */
  script?: URL;
  /** Where the threads' notices go (an LLM request retried …; default: dropped). */
  log?: (line: string) => void;
}

interface Task {
  id: number;
  message: ToThread;
  onProgress: ((p: ProgressEvent) => void) | null;
  resolve: (value: VerityJobResult | string) => void;
  reject: (e: unknown) => void;
  /** The parts of an audit result received so far. */
  parts: AuditParts | null;
}

interface Slot {
  worker: Worker;
  task: Task | null;
  /** Settles when the thread has loaded its modules (or failed to). */
  ready: Promise<void>;
  /** What the thread's warm-up ran, once it is done (neither, at once, when warm-up is off). */
  warm: Promise<{ check: boolean; audit: boolean; ms: number }>;
}

const DEFAULT_SCRIPT = new URL('../job-thread.js', import.meta.url);

/** Starts a thread on `script`; when only the TypeScript source exists (a run under tsx), through tsx's loader. */
function startThread(script: URL, data: ThreadStoreLocation): Worker {
  if (existsSync(fileURLToPath(script))) return new Worker(script, { workerData: data });
  // Resolved from here, so it works whatever the working directory.
  const tsx = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(script.href)}); })`;
  return new Worker(bootstrap, { eval: true, workerData: data });
}

function internalError(problem: string, cause: unknown): VerityError {
  return new VerityError({ code: 'INTERNAL', component: 'serve', problem: `${problem}: ${cause instanceof Error ? cause.message : String(cause)}`, fix: 'this is a bug in Verity; please report it with the job that caused it', cause });
}

/** The error a thread reported, as the VerityError it was. */
function fromJobError(e: JobError): VerityError {
  return new VerityError({ code: e.code, component: e.component, problem: e.problem, ...(e.fix ? { fix: e.fix } : {}), retryable: e.retryable });
}

export class JobThreads {
  private readonly slots: Slot[] = [];
  private readonly waiting: Task[] = [];
  private readonly script: URL;
  private readonly data: ThreadStoreLocation;
  private readonly graceMs: number;
  private readonly log: (line: string) => void;
  private nextTask = 1;
  private closed = false;

  constructor(options: JobThreadsOptions) {
    const size = options.size ?? 2;
    if (!Number.isInteger(size) || size < 1) {
      throw new VerityError({ code: 'USAGE', component: 'serve', problem: `the thread pool size must be a whole number of at least 1, got ${String(size)}`, fix: 'pass a positive number of threads' });
    }
    this.script = options.script ?? DEFAULT_SCRIPT;
    this.data = { location: options.location, ...(options.writable ? { writable: true } : {}), ...(options.jobs ? { jobs: options.jobs } : {}), ...(options.nice !== undefined ? { nice: options.nice } : {}), ...(options.warmUp === false ? { warmUp: false } : {}), ...(options.partClaims !== undefined ? { partClaims: options.partClaims } : {}) };
    this.log = options.log ?? (() => undefined);
    this.graceMs = options.cancelGraceMs ?? 2_000;
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  get size(): number {
    return this.slots.length;
  }

  /** Resolves once every thread has loaded (so the first job does not compete with start-up). */
  async ready(): Promise<void> {
    try {
      await Promise.all(this.slots.map((s) => s.ready));
    } catch (e) {
      throw new VerityError({ code: 'INTERNAL', component: 'serve', problem: `a job thread could not start: ${e instanceof Error ? e.message : String(e)}`, fix: 'this is a bug in Verity (or a broken install); please report it', cause: e });
    }
  }

  /** Resolves once every thread has warmed up, with what each ran (neither with warmUp false or VERITY_JOB_THREAD_WARMUP=0). */
  warm(): Promise<Array<{ check: boolean; audit: boolean; ms: number }>> {
    return Promise.all(this.slots.map((s) => s.warm));
  }

  /** Runs a check or an audit in a thread; `nowIso` fixes the reports' clock. */
  run(spec: JobSpec, ctx: JobContext, nowIso: string | null): Promise<VerityJobResult> {
    return this.submit((task) => ({ type: 'run', task, spec, nowIso }), ctx.onProgress, ctx.signal) as Promise<VerityJobResult>;
  }

  /** Renders an audit's report in a thread. */
  render(spec: JobSpec, audit: AuditResult, format: 'md' | 'html' | 'json'): Promise<string> {
    return this.submit((task) => ({ type: 'render', task, spec, audit: auditForThread(audit), format }), null, null) as Promise<string>;
  }

  /** Stops every thread; tasks still waiting or running fail (UNAVAILABLE). */
  async close(): Promise<void> {
    this.closed = true;
    const gone = new VerityError({ code: 'UNAVAILABLE', component: 'serve', problem: 'the server is shutting down', fix: 'submit the job again once it has restarted', retryable: true });
    for (const t of this.waiting.splice(0)) t.reject(gone);
    await Promise.all(
      this.slots.map(async (s) => {
        s.task?.reject(gone);
        s.task = null;
        await s.worker.terminate();
      }),
    );
  }

  private submit(make: (task: number) => ToThread, onProgress: ((p: ProgressEvent) => void) | null, signal: AbortSignal | null): Promise<VerityJobResult | string> {
    return new Promise((resolve, reject) => {
      if (this.closed) {
        reject(new VerityError({ code: 'UNAVAILABLE', component: 'serve', problem: 'the server is shutting down', fix: 'retry once it has restarted', retryable: true }));
        return;
      }
      const id = this.nextTask++;
      const task: Task = { id, message: make(id), onProgress, resolve, reject, parts: null };
      if (signal) {
        if (signal.aborted) {
          reject(signal.reason);
          return;
        }
        signal.addEventListener('abort', () => this.cancel(task, signal.reason), { once: true });
      }
      this.waiting.push(task);
      this.dispatch();
    });
  }

  private cancel(task: Task, reason: unknown): void {
    const at = this.waiting.indexOf(task);
    if (at >= 0) {
      this.waiting.splice(at, 1);
      task.reject(reason);
      return;
    }
    const slot = this.slots.find((s) => s.task === task);
    if (!slot) return;
    slot.worker.postMessage({ type: 'cancel', task: task.id } satisfies ToThread);
    const timer = setTimeout(() => {
      // Still busy with it: replace the thread.
      if (slot.task !== task) return;
      slot.task = null;
      task.reject(reason);
      void slot.worker.terminate();
      this.replace(slot);
    }, this.graceMs);
    timer.unref();
  }

  private spawn(): Slot {
    const worker = startThread(this.script, this.data);
    const ready = new Promise<void>((resolve, reject) => {
      const onMessage = (m: FromThread): void => {
        if (m.type !== 'ready') return;
        worker.off('message', onMessage);
        worker.off('error', reject);
        resolve();
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
    });
    const warm = new Promise<{ check: boolean; audit: boolean; ms: number }>((resolve) => {
      const onMessage = (m: FromThread): void => {
        if (m.type !== 'warm') return;
        worker.off('message', onMessage);
        resolve({ check: m.check, audit: m.audit, ms: m.ms });
      };
      worker.on('message', onMessage);
    });
    const slot: Slot = { worker, task: null, ready, warm };
    ready.catch(() => undefined);
    slot.worker.on('message', (m: FromThread) => this.receive(slot, m));
    slot.worker.on('error', (e: Error) => {
      const task = slot.task;
      slot.task = null;
      task?.reject(new VerityError({ code: 'INTERNAL', component: 'serve', problem: `a job thread failed: ${e.message}`, fix: 'this is a bug in Verity; please report it with the job that caused it', cause: e }));
    });
    slot.worker.on('exit', () => {
      if (this.closed || !this.slots.includes(slot)) return;
      const task = slot.task;
      slot.task = null;
      task?.reject(new VerityError({ code: 'INTERNAL', component: 'serve', problem: 'a job thread stopped while it ran a job', fix: 'submit the job again; if it happens again, report it with the job' }));
      this.replace(slot);
    });
    return slot;
  }

  private replace(slot: Slot): void {
    const at = this.slots.indexOf(slot);
    if (at < 0 || this.closed) return;
    this.slots[at] = this.spawn();
    this.dispatch();
  }

  private receive(slot: Slot, m: FromThread): void {
    if (m.type === 'ready' || m.type === 'warm') return;
    if (m.type === 'notice') {
      this.log(m.line);
      return;
    }
    const task = slot.task;
    const current = task !== null && task.id === m.task;
    if (m.type === 'part') {
      // Parsed in this turn; the thread sends the next part once told, so requests get turns between parts.
      if (current) {
        try {
          (task.parts ??= new AuditParts()).add(m.json);
        } catch (e) {
          this.fail(slot, task, e);
          return;
        }
      }
      slot.worker.postMessage({ type: 'ack', task: m.task } satisfies ToThread);
      return;
    }
    if (!current) return;
    if (m.type === 'progress') {
      task.onProgress?.(m.progress);
      return;
    }
    slot.task = null;
    if (m.type === 'done') task.resolve(m.value);
    else if (m.type === 'done-audit') {
      try {
        task.resolve((task.parts ?? new AuditParts()).finish(m.head, m.mark));
      } catch (e) {
        task.reject(internalError('a job thread sent an audit result that does not read back', e));
      }
      task.parts = null;
    } else task.reject(fromJobError(m.error));
    this.dispatch();
  }

  /** A result that cannot be read back: the task fails and its thread is replaced. */
  private fail(slot: Slot, task: Task, e: unknown): void {
    slot.task = null;
    task.reject(internalError('a job thread sent a result part that does not read back', e));
    void slot.worker.terminate();
    this.replace(slot);
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (this.waiting.length === 0) return;
      if (slot.task) continue;
      const task = this.waiting.shift()!;
      slot.task = task;
      slot.worker.postMessage(task.message);
    }
  }
}
