// The in-process queue: jobs run in this process with bounded concurrency; their state, events
// and a bounded history of finished jobs live in memory, and, given a journal, are written there
// so a restarted queue resumes the jobs that waited and marks those that ran as interrupted.
import { randomUUID } from 'node:crypto';
import { VerityError, quote } from '../errors.js';
import { cancelledError, toJobError } from './job-error.js';
import { isTerminal } from './queue.js';
import type { JobError, JobEvent, JobEventBody, JobListener, JobRunner, JobSnapshot, JobSpec, Queue, QueueStats } from './queue.js';
import type { JobJournal, JobRecord } from './job-journal.js';
import { knownJson } from './result-json.js';

export interface InProcessQueueOptions<R> {
  run: JobRunner<R>;
  /** Jobs run at once (default 1: a check keeps one core busy). */
  concurrency?: number;
  /** Jobs waiting to start before `submit` refuses with BUSY (default 100). */
  maxQueued?: number;
  /** Finished jobs kept for `get` (default 100); the oldest finished is evicted first. */
  history?: number;
  /** Also evict finished jobs while their inputs add up to more than this many characters (default 20,000,000). */
  historyChars?: number;
  /** Events kept per job for replay (default 500); the oldest progress events are dropped first. */
  maxEvents?: number;
  now?: () => Date;
  newId?: () => string;
  /**
   * Where jobs are kept across restarts (default: nowhere). On start the queue reads it back:
   * queued jobs wait again (and run), a job that was running fails INTERRUPTED (retryable: it is
   * not re-run, in case it is what stopped the server), finished ones are kept in the history.
   */
  journal?: JobJournal<R>;
}

/** A job as this queue keeps it: its snapshot (but the position, computed when asked) and its live state. */
interface Entry<R> extends Omit<JobSnapshot<R>, 'position'> {
  events: JobEvent[];
  /** The seq of the last event emitted. */
  seq: number;
  listeners: Set<JobListener>;
  controller: AbortController | null;
  settled: Promise<void> | null;
}

function positiveInt(name: string, value: number | undefined, fallback: number): number {
  const v = value ?? fallback;
  if (!Number.isInteger(v) || v < 1) {
    throw new VerityError({ code: 'USAGE', component: 'jobs', problem: `${name} must be a whole number of at least 1, got ${quote(String(v))}`, fix: `pass a positive ${name}` });
  }
  return v;
}

export class InProcessQueue<R> implements Queue<R> {
  readonly engine = 'in-process';
  private readonly run: JobRunner<R>;
  private readonly concurrency: number;
  private readonly maxQueued: number;
  private readonly history: number;
  private readonly historyChars: number;
  private readonly maxEvents: number;
  private readonly now: () => Date;
  private readonly newId: () => string;
  private readonly jobs = new Map<string, Entry<R>>();
  private readonly waiting: string[] = [];
  private readonly finished: string[] = [];
  private running = 0;
  private retainedChars = 0;
  private closed = false;
  private readonly journal: JobJournal<R> | null;
  /** Set on close: nothing more is written to the journal. */
  private detached = false;
  /** Journal writes that failed (the jobs went on in memory). */
  journalFailures = 0;

  constructor(options: InProcessQueueOptions<R>) {
    this.run = options.run;
    this.concurrency = positiveInt('concurrency', options.concurrency, 1);
    this.maxQueued = positiveInt('maxQueued', options.maxQueued, 100);
    this.history = positiveInt('history', options.history, 100);
    this.historyChars = positiveInt('historyChars', options.historyChars, 20_000_000);
    this.maxEvents = positiveInt('maxEvents', options.maxEvents, 500);
    this.now = options.now ?? (() => new Date());
    this.newId = options.newId ?? randomUUID;
    this.journal = options.journal ?? null;
    if (this.journal) this.restore(this.journal);
  }

  /** Reads the journal back (see InProcessQueueOptions.journal). */
  private restore(journal: JobJournal<R>): void {
    for (const r of journal.load()) {
      const e: Entry<R> = { ...r, progress: null, events: [], seq: 0, listeners: new Set(), controller: null, settled: null };
      this.jobs.set(r.id, e);
      if (r.status === 'queued') this.waiting.push(r.id);
      else if (r.status === 'running') this.finish(e, 'failed', null, interruptedError(r.id, e.startedAt));
      else {
        // Finished before the restart: its terminal event is all there is to replay.
        const error = r.error ?? cancelledError(r.id, 'before the restart');
        const body: JobEventBody = r.status === 'done' ? { type: 'done', id: r.id } : r.status === 'failed' ? { type: 'failed', id: r.id, error } : { type: 'cancelled', id: r.id, error };
        e.events.push({ ...body, seq: ++e.seq });
        this.finished.push(r.id);
        this.retainedChars += r.spec.input.length;
      }
    }
    this.evict();
    this.pump();
  }

  /** Writes the job to the journal, if any; a failed write leaves the job going on in memory. */
  private record(e: Entry<R>): void {
    if (!this.journal || this.detached) return;
    const r: JobRecord<R> = { id: e.id, spec: e.spec, status: e.status, createdAt: e.createdAt, startedAt: e.startedAt, finishedAt: e.finishedAt, result: e.result, error: e.error };
    try {
      const json = knownJson(e.result);
      if (json === undefined) this.journal.put(r);
      else this.journal.put(r, json);
    } catch {
      this.journalFailures++;
    }
  }

  async submit(spec: JobSpec): Promise<string> {
    if (this.closed) {
      throw new VerityError({ code: 'UNAVAILABLE', component: 'jobs', problem: 'the queue is shutting down and takes no new jobs', fix: 'retry once the server has restarted', retryable: true });
    }
    if (this.waiting.length >= this.maxQueued) {
      throw new VerityError({
        code: 'BUSY',
        component: 'jobs',
        problem: `${this.waiting.length} jobs are already waiting (the limit is ${this.maxQueued})`,
        fix: 'retry in a little while',
        retryable: true,
      });
    }
    const id = this.newId();
    if (this.jobs.has(id)) throw new VerityError({ code: 'INTERNAL', component: 'jobs', problem: `job id ${quote(id)} is already in use`, fix: 'the id generator must give unique ids' });
    const entry: Entry<R> = {
      id,
      spec: { kind: spec.kind, input: spec.input, ...(spec.options ? { options: { ...spec.options } } : {}) },
      status: 'queued',
      createdAt: this.now().toISOString(),
      startedAt: null,
      finishedAt: null,
      progress: null,
      result: null,
      error: null,
      events: [],
      seq: 0,
      listeners: new Set(),
      controller: null,
      settled: null,
    };
    this.jobs.set(id, entry);
    this.waiting.push(id);
    this.record(entry);
    this.pump();
    return id;
  }

  async get(id: string): Promise<JobSnapshot<R> | null> {
    const e = this.jobs.get(id);
    if (!e) return null;
    const at = this.waiting.indexOf(id);
    return {
      id: e.id,
      spec: e.spec,
      status: e.status,
      createdAt: e.createdAt,
      startedAt: e.startedAt,
      finishedAt: e.finishedAt,
      progress: e.progress,
      position: at >= 0 ? at : null,
      result: e.result,
      error: e.error,
    };
  }

  async subscribe(id: string, listener: JobListener): Promise<() => void> {
    const e = this.jobs.get(id);
    if (!e) throw unknownJob(id);
    try {
      for (const ev of [...e.events]) listener(ev);
    } catch {
      // Same rule as for live events: a listener that throws is dropped.
      return () => undefined;
    }
    if (isTerminal(e.status)) return () => undefined;
    e.listeners.add(listener);
    return () => {
      e.listeners.delete(listener);
    };
  }

  async cancel(id: string): Promise<boolean> {
    const e = this.jobs.get(id);
    if (!e || isTerminal(e.status)) return false;
    if (e.status === 'queued') {
      this.waiting.splice(this.waiting.indexOf(id), 1);
      this.finish(e, 'cancelled', null, cancelledError(id, 'before it started'));
      return true;
    }
    e.controller?.abort(new VerityError({ code: 'CANCELLED', component: 'jobs', problem: `job ${quote(id)} was cancelled`, fix: 'submit it again if you still need it' }));
    return true;
  }

  async stats(): Promise<QueueStats> {
    return { queued: this.waiting.length, running: this.running, finished: this.finished.length, concurrency: this.concurrency };
  }

  async close(): Promise<void> {
    this.closed = true;
    // The journal keeps the jobs as they are now: queued ones wait for the next start, running ones are reported interrupted then.
    this.detached = true;
    for (const id of [...this.waiting]) await this.cancel(id);
    const pending: Promise<void>[] = [];
    for (const e of this.jobs.values()) {
      if (e.status !== 'running') continue;
      e.controller?.abort(new VerityError({ code: 'CANCELLED', component: 'jobs', problem: `job ${quote(e.id)} was stopped because the queue closed`, fix: 'submit it again once the server has restarted' }));
      if (e.settled) pending.push(e.settled);
    }
    await Promise.all(pending);
  }

  private pump(): void {
    while (!this.closed && this.running < this.concurrency && this.waiting.length > 0) {
      const id = this.waiting.shift()!;
      const e = this.jobs.get(id);
      if (!e) continue;
      this.running++;
      e.status = 'running';
      e.startedAt = this.now().toISOString();
      e.controller = new AbortController();
      this.record(e);
      this.emit(e, { type: 'status', id, status: 'running' });
      e.settled = this.execute(e, e.controller.signal);
    }
  }

  /** Runs one job on a later turn of the event loop, so the submitter's reply goes out first. */
  private async execute(e: Entry<R>, signal: AbortSignal): Promise<void> {
    await new Promise<void>((resolve) => setImmediate(resolve));
    try {
      if (signal.aborted) throw signal.reason;
      const result = await this.run(e.spec, {
        id: e.id,
        signal,
        onProgress: (p) => {
          if (e.status !== 'running' || signal.aborted) return;
          e.progress = { ...p };
          this.emit(e, { type: 'progress', id: e.id, progress: e.progress });
        },
      });
      if (signal.aborted) this.finish(e, 'cancelled', null, cancelledError(e.id, 'while it ran'));
      else this.finish(e, 'done', result, null);
    } catch (err) {
      if (signal.aborted) this.finish(e, 'cancelled', null, cancelledError(e.id, 'while it ran'));
      else this.finish(e, 'failed', null, toJobError(err, e.spec.kind));
    } finally {
      this.running--;
      e.controller = null;
      this.pump();
    }
  }

  private finish(e: Entry<R>, status: 'done' | 'failed' | 'cancelled', result: R | null, error: JobError | null): void {
    e.status = status;
    e.finishedAt = this.now().toISOString();
    e.result = result;
    e.error = error;
    if (status === 'done') this.emit(e, { type: 'done', id: e.id });
    else if (status === 'failed') this.emit(e, { type: 'failed', id: e.id, error: error! });
    else this.emit(e, { type: 'cancelled', id: e.id, error: error! });
    e.listeners.clear();
    this.record(e);
    this.finished.push(e.id);
    this.retainedChars += e.spec.input.length;
    this.evict();
  }

  private evict(): void {
    while (this.finished.length > this.history || (this.retainedChars > this.historyChars && this.finished.length > 0)) {
      const id = this.finished.shift()!;
      const e = this.jobs.get(id);
      if (!e) continue;
      this.retainedChars -= e.spec.input.length;
      this.jobs.delete(id);
      try {
        if (!this.detached) this.journal?.remove(id);
      } catch {
        this.journalFailures++;
      }
    }
  }

  /** Records an event for replay (dropping the oldest progress when full) and delivers it. */
  private emit(e: Entry<R>, body: JobEventBody): void {
    const event: JobEvent = { ...body, seq: ++e.seq };
    if (e.events.length >= this.maxEvents) {
      const oldest = e.events.findIndex((x) => x.type === 'progress');
      if (oldest >= 0) e.events.splice(oldest, 1);
    }
    e.events.push(event);
    for (const listener of [...e.listeners]) {
      try {
        listener(event);
      } catch {
        // A listener that throws (e.g. a closed connection) is dropped; the job goes on.
        e.listeners.delete(listener);
      }
    }
  }
}

/** The error of a job that was running when its server stopped. */
function interruptedError(id: string, startedAt: string | null): JobError {
  return toJobError(
    new VerityError({
      code: 'INTERRUPTED',
      component: 'jobs',
      problem: `job ${quote(id)} was running${startedAt ? ` (since ${startedAt})` : ''} when the server stopped, so it did not finish`,
      fix: 'submit it again',
      retryable: true,
    }),
  );
}

function unknownJob(id: string): VerityError {
  return new VerityError({ code: 'NOT_FOUND', component: 'jobs', problem: `no job with id ${quote(id)} (never submitted, or finished long enough ago to be dropped from the history)`, fix: 'submit the job again' });
}

/** An in-process queue (see InProcessQueueOptions for the bounds and their defaults). */
export function createInProcessQueue<R>(options: InProcessQueueOptions<R>): Queue<R> {
  return new InProcessQueue(options);
}
