// A worker for the Redis-backed queue: takes jobs from BullMQ, runs them with the runner it is
// given (the same runner the in-process queue uses), and records their progress and end in
// Redis. Many workers, on many machines, may serve one queue.
//
// Crash safety is BullMQ's: a running job is locked by its worker, which renews the lock while
// it runs; when a worker dies (kill -9, power loss) the lock lapses and another worker's stalled
// check puts the job back in line, where it starts again from the beginning. A job whose
// workers die more than `maxRecoveries` times fails (WORKER_LOST) instead of looping.
import { randomUUID } from 'node:crypto';
import type { Job, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { VerityError, quote } from '../errors.js';
import type { ProgressEvent } from '../model.js';
import { cancelledError, toJobError } from './job-error.js';
import { closeRedis, connectRedis, redactRedisUrl, redisError } from './redis-connection.js';
import { BULL_PREFIX, RedisJobState } from './redis-job-state.js';
import type { JobError, JobRunner, JobSpec } from './queue.js';

export interface RedisWorkerOptions<R> {
  /** redis:// or rediss:// URL (a password in it is never printed). */
  url: string;
  /** Queue name (default "verity"); servers and workers of one deployment use the same. */
  name?: string;
  /** Does the work; its result must be JSON-serialisable. */
  run: JobRunner<R>;
  /** Jobs this worker runs at once (default 1). */
  concurrency?: number;
  /** How long a worker that stops answering keeps its job before others may take it (default 30,000 ms). */
  lockMs?: number;
  /** How often this worker looks for jobs whose worker died (default 30,000 ms). */
  stalledCheckMs?: number;
  /** Times a job may be restarted after its worker died before it fails (default 1). */
  maxRecoveries?: number;
  /** Events kept per job, and finished jobs kept (defaults 500, 100), when no server has set them (a server's values win). */
  maxEvents?: number;
  history?: number;
  now?: () => Date;
  /** Where the worker says what it does (a line per job start and end). */
  log?: (line: string) => void;
  /** @internal A command connection to share (the queue's own, when it also works jobs). */
  client?: Redis;
}

/** How a worker stops: let running jobs finish, or put them back in line for another worker. */
export type WorkerStopMode = 'finish' | 'handback';

export interface RedisWorker {
  readonly id: string;
  readonly concurrency: number;
  /** Ids of the jobs running here now. */
  running(): string[];
  /** Aborts a job running here (after it was marked cancelled in Redis); false when it does not run here. */
  abortLocal(id: string): boolean;
  /** Stops taking jobs, then waits for the running ones to finish ('finish', the default) or hands them back ('handback'). */
  close(mode?: WorkerStopMode): Promise<void>;
}

export const DEFAULT_QUEUE_NAME = 'verity';

/** Refuses a queue name BullMQ or Redis keys could not carry. */
export function checkQueueName(name: string): string {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(name)) {
    throw new VerityError({ code: 'USAGE', component: 'jobs', problem: `the queue name ${quote(name)} is not 1-64 letters, digits, "-" or "_"`, fix: 'pick a simple name such as "verity"' });
  }
  return name;
}

export function positiveWhole(name: string, value: number | undefined, fallback: number, min = 1): number {
  const v = value ?? fallback;
  if (!Number.isInteger(v) || v < min) {
    throw new VerityError({ code: 'USAGE', component: 'jobs', problem: `${name} must be a whole number of at least ${min}, got ${quote(String(v))}`, fix: `pass a whole ${name} of at least ${min}` });
  }
  return v;
}

function lostError(id: string, lost: number): JobError {
  return toJobError(
    new VerityError({
      code: 'WORKER_LOST',
      component: 'jobs',
      problem: `job ${quote(id)} is not started again: its worker stopped before it ended ${lost === 1 ? 'once' : `${lost} times`} (killed, out of memory, or cut off from Redis)`,
      fix: "read the workers' logs for the cause, then submit the job again",
    }),
  );
}

const HANDBACK = Symbol('handback');

class RedisWorkerImpl<R> implements RedisWorker {
  readonly id = randomUUID();
  readonly concurrency: number;
  private readonly controllers = new Map<string, AbortController>();
  private readonly handingBack = new Set<string>();
  /** The jobs being processed here (settled when their end is recorded, or recording failed). */
  private readonly inflight = new Set<Promise<void>>();
  private heartbeat: NodeJS.Timeout | null = null;
  private closing: Promise<void> | null = null;
  private worker: Worker | null = null;

  constructor(
    private readonly options: RedisWorkerOptions<R>,
    private readonly state: RedisJobState,
    private readonly ownClient: boolean,
    private readonly subscriber: Redis,
    private readonly bullConnection: Redis,
    private readonly maxRecoveries: number,
  ) {
    this.concurrency = positiveWhole('concurrency', options.concurrency, 1);
  }

  private now(): string {
    return (this.options.now ?? (() => new Date()))().toISOString();
  }

  private log(line: string): void {
    this.options.log?.(line);
  }

  private get member(): string {
    return `${this.id} ${this.concurrency}`;
  }

  async begin(WorkerClass: typeof Worker, lockMs: number, stalledCheckMs: number): Promise<void> {
    this.subscriber.on('message', (channel: string, id: string) => {
      if (channel === this.state.cancelChannel) this.abortLocal(id);
    });
    await this.subscriber.subscribe(this.state.cancelChannel);
    await this.beat();
    this.heartbeat = setInterval(() => {
      this.beat().catch((e: unknown) => this.log(`verity: [jobs] warning: ${redisError(this.options.url, e, 'register the worker').message}`));
    }, 5000);
    this.heartbeat.unref();
    const worker = new WorkerClass(
      this.state.options.name,
      (job, token) => {
        const p = this.process(job, token);
        const settled = p.then(
          () => undefined,
          () => undefined,
        );
        this.inflight.add(settled);
        void settled.finally(() => this.inflight.delete(settled));
        return p;
      },
      {
        connection: this.bullConnection,
        prefix: BULL_PREFIX,
        concurrency: this.concurrency,
        lockDuration: lockMs,
        stalledInterval: stalledCheckMs,
        // BullMQ would fail a job stalled more often than this; the start script fails it first (WORKER_LOST).
        maxStalledCount: this.maxRecoveries + 1,
        autorun: true,
      },
    );
    worker.on('error', (e) => this.log(`verity: [jobs] warning: ${redisError(this.options.url, e, 'take jobs').message}`));
    this.worker = worker;
    await worker.waitUntilReady();
  }

  private async beat(): Promise<void> {
    await this.state.heartbeat(this.member, Date.now() + 15_000);
  }

  running(): string[] {
    return [...this.controllers.keys()];
  }

  abortLocal(id: string): boolean {
    const c = this.controllers.get(id);
    if (!c) return false;
    if (!c.signal.aborted) c.abort(new VerityError({ code: 'CANCELLED', component: 'jobs', problem: `job ${quote(id)} was cancelled`, fix: 'submit it again if you still need it' }));
    return true;
  }

  private async process(job: Job, token: string | undefined): Promise<void> {
    const id = job.id ?? '';
    const spec = job.data as JobSpec;
    const controller = new AbortController();
    this.controllers.set(id, controller);
    // Built only when needed: a VerityError per job (with its stack) is a measurable cost.
    const cancelled = (): JobError => cancelledError(id, 'while it ran');
    try {
      const outcome = await this.state.start(id, this.now(), this.maxRecoveries + 1);
      if (outcome === 'missing' || outcome === 'finished') return;
      if (outcome === 'cancel') {
        const error = cancelledError(id, 'before it started');
        await this.state.finish(id, 'cancelled', null, error, this.now(), error);
        return;
      }
      if (outcome === 'lost') {
        await this.state.finish(id, 'failed', null, lostError(id, this.maxRecoveries + 1), this.now(), null);
        this.log(`verity: [jobs] job ${id} failed: its workers stopped ${this.maxRecoveries + 1} times`);
        return;
      }
      this.log(`verity: [jobs] job ${id} (${spec.kind}) started`);
      const signal = controller.signal;
      let open = true;
      const writes = new Set<Promise<void>>();
      const onProgress = (p: ProgressEvent): void => {
        if (!open || signal.aborted) return;
        const w = this.state.progress(id, { ...p }).catch((e: unknown) => this.log(`verity: [jobs] warning: ${redisError(this.options.url, e, 'record progress').message}`));
        writes.add(w);
        void w.finally(() => writes.delete(w));
      };
      let result: R | null = null;
      let thrown: unknown = null;
      let ok = false;
      try {
        if (signal.aborted) throw signal.reason;
        result = await this.options.run(spec, { id, signal, onProgress });
        ok = true;
      } catch (e) {
        thrown = e;
      }
      open = false;
      await Promise.all([...writes]);
      // Handed back unless it managed to finish anyway (then its result stands).
      if (!ok && this.handingBack.has(id) && signal.reason === HANDBACK) {
        await this.state.requeue(id);
        await job.moveToWait(token);
        this.log(`verity: [jobs] job ${id} handed back to the queue`);
        const { WaitingError } = await import('bullmq');
        throw new WaitingError();
      }
      // A job asked to stop that returned anyway ends cancelled: the finish script reads the
      // cancel mark and answers 'cancel-requested', and only then is the error built and sent.
      const status: 'done' | 'failed' | 'cancelled' = signal.aborted && signal.reason !== HANDBACK ? 'cancelled' : ok ? 'done' : 'failed';
      let recorded = await this.state.finish(id, status, status === 'done' ? result : null, status === 'failed' ? toJobError(thrown, spec.kind) : status === 'cancelled' ? cancelled() : null, this.now(), null);
      if (recorded === 'cancel-requested') recorded = await this.state.finish(id, 'cancelled', null, cancelled(), this.now(), cancelled());
      this.log(`verity: [jobs] job ${id} ${recorded ?? status}`);
    } finally {
      this.controllers.delete(id);
      this.handingBack.delete(id);
    }
  }

  close(mode: WorkerStopMode = 'finish'): Promise<void> {
    this.closing ??= this.stop(mode);
    if (mode === 'handback') this.handBack();
    return this.closing;
  }

  /** Asks the running jobs to stop and go back in line (a second, impatient stop). */
  private handBack(): void {
    for (const [id, c] of this.controllers) {
      if (c.signal.aborted) continue;
      this.handingBack.add(id);
      c.abort(HANDBACK);
    }
  }

  private async stop(mode: WorkerStopMode): Promise<void> {
    if (this.heartbeat) clearInterval(this.heartbeat);
    if (mode === 'handback') this.handBack();
    try {
      const worker = this.worker;
      if (worker) {
        // With Redis gone BullMQ's graceful close never returns: force it (nothing can be recorded anyway).
        const force = this.state.client.status !== 'ready';
        const closed = worker.close(force).then(
          () => true,
          () => true,
        );
        // Running jobs end (or go back in line) first; then BullMQ gets a few seconds to let go
        // of Redis, and is forced when Redis is gone.
        await Promise.all([...this.inflight]);
        const timer = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 5000).unref());
        if (!(await Promise.race([closed, timer]))) {
          void worker.close(true).catch(() => undefined);
          void worker.disconnect().catch(() => undefined);
        }
      }
    } finally {
      await this.state.leave(this.member).catch(() => undefined);
      await closeRedis(this.subscriber);
      await closeRedis(this.bullConnection);
      if (this.ownClient) await closeRedis(this.state.client);
    }
  }
}

/**
 * Starts a worker: connects (failing at once, with the URL and the fix, when Redis cannot be
 * reached), registers itself (the queue's stats count its concurrency), and takes jobs until closed.
 */
export async function startRedisWorker<R>(options: RedisWorkerOptions<R>): Promise<RedisWorker> {
  const name = checkQueueName(options.name ?? DEFAULT_QUEUE_NAME);
  const lockMs = positiveWhole('lockMs', options.lockMs, 30_000, 100);
  const stalledCheckMs = positiveWhole('stalledCheckMs', options.stalledCheckMs, 30_000, 100);
  const maxRecoveries = positiveWhole('maxRecoveries', options.maxRecoveries, 1, 0);
  const maxEvents = positiveWhole('maxEvents', options.maxEvents, 500);
  const history = positiveWhole('history', options.history, 100);
  positiveWhole('concurrency', options.concurrency, 1);
  let bullmq: typeof import('bullmq');
  try {
    bullmq = await import('bullmq');
  } catch (e) {
    throw new VerityError({ code: 'UNSUPPORTED', component: 'jobs', problem: `the bullmq package cannot be loaded: ${e instanceof Error ? e.message : String(e)}`, fix: 'run npm install (bullmq is a dependency of verity)' });
  }
  const opened: Redis[] = [];
  try {
    const client = options.client ?? (await connectRedis(options.url));
    if (!options.client) opened.push(client);
    const subscriber = await connectRedis(options.url);
    opened.push(subscriber);
    const bullConnection = await connectRedis(options.url, { blocking: true });
    opened.push(bullConnection);
    const state = new RedisJobState(client, { url: options.url, name, maxEvents, history });
    const worker = new RedisWorkerImpl<R>(options, state, !options.client, subscriber, bullConnection, maxRecoveries);
    await worker.begin(bullmq.Worker, lockMs, stalledCheckMs);
    options.log?.(`verity: [jobs] worker ${worker.id.slice(0, 8)} takes jobs from ${redactRedisUrl(options.url)} (queue ${quote(name)}, concurrency ${worker.concurrency})`);
    return worker;
  } catch (e) {
    for (const c of opened) await closeRedis(c);
    throw redisError(options.url, e, 'start a worker');
  }
}
