// The Redis-backed queue (BullMQ): the Queue contract with its state in Redis, so one or more
// servers submit and follow jobs that any number of `verity worker` processes run. Given a
// runner, the queue also works jobs itself (then it behaves like the in-process queue, with
// state that survives a restart).
//
// Events reach subscribers by Redis pub/sub (one channel per queue); each event is also kept in
// the job's event list, which a new subscriber replays first, so nothing is missed or repeated
// (events are told apart by their seq).
import { randomUUID } from 'node:crypto';
import type { Queue as BullQueue } from 'bullmq';
import type { Redis } from 'ioredis';
import { VerityError, quote } from '../errors.js';
import { cancelledError } from './job-error.js';
import { checkRedisUrl, closeRedis, connectRedis, redactRedisUrl, redisError } from './redis-connection.js';
import { BULL_PREFIX, RedisJobState } from './redis-job-state.js';
import { DEFAULT_QUEUE_NAME, checkQueueName, positiveWhole, startRedisWorker } from './redis-worker.js';
import type { RedisWorker } from './redis-worker.js';
import { isTerminal } from './queue.js';
import type { JobEvent, JobListener, JobRunner, JobSnapshot, JobSpec, Queue, QueueStats } from './queue.js';

export interface RedisQueueOptions<R> {
  /** redis:// or rediss:// URL, e.g. redis://127.0.0.1:6379/0 (a password in it is never printed). */
  url: string;
  /** Queue name (default "verity"): the servers and workers of one deployment use the same. */
  name?: string;
  /** When given, this process also runs jobs (`concurrency` at once) besides any `verity worker`. */
  run?: JobRunner<R>;
  /** Jobs this process runs at once when `run` is given (default 1). */
  concurrency?: number;
  /** Jobs waiting to start before `submit` refuses with BUSY (default 100; counted across all servers). */
  maxQueued?: number;
  /**
   * Finished jobs kept for `get` (default 100); the oldest finished is evicted first. This and
   * `maxEvents` are stored in Redis when the queue opens, and every worker applies them (the
   * last server to open sets them).
   */
  history?: number;
  /** Events kept per job for replay (default 500); the oldest progress events are dropped first. */
  maxEvents?: number;
  /** Lock and stalled-check timings of the built-in worker (see RedisWorkerOptions). */
  lockMs?: number;
  stalledCheckMs?: number;
  maxRecoveries?: number;
  /**
   * What `close` does with the jobs this queue submitted that have not ended: cancel them (true,
   * the default, as the Queue contract says) or leave them to the workers (false: a server
   * restart then loses nothing; clients follow the jobs again by id).
   */
  cancelOnClose?: boolean;
  /** How long `close` waits for cancelled running jobs to end (default 5000 ms). */
  closeWaitMs?: number;
  now?: () => Date;
  newId?: () => string;
  log?: (line: string) => void;
}

interface Subscription {
  id: string;
  listener: JobListener;
  /** The seq of the last event delivered. */
  last: number;
  /** Live events held while the recorded ones are replayed. */
  buffer: JobEvent[] | null;
  ended: boolean;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export class RedisQueue<R> implements Queue<R> {
  readonly engine = 'redis';
  readonly name: string;
  private readonly url: string;
  private readonly maxQueued: number;
  private readonly history: number;
  private readonly maxEvents: number;
  private readonly cancelOnClose: boolean;
  private readonly closeWaitMs: number;
  private readonly now: () => Date;
  private readonly newId: () => string;
  private ready: Promise<void> | null = null;
  private client: Redis | null = null;
  private subscriber: Redis | null = null;
  private state: RedisJobState | null = null;
  private bull: BullQueue | null = null;
  private worker: RedisWorker | null = null;
  private readonly subs = new Map<string, Set<Subscription>>();
  /** Jobs submitted here that have not been seen to end (cancelled by `close`). */
  private readonly submitted = new Set<string>();
  /** open → closing (close called) → closed (connections gone; reads use short-lived connections). */
  private phase: 'open' | 'closing' | 'closed' = 'open';
  private closing: Promise<void> | null = null;

  constructor(private readonly options: RedisQueueOptions<R>) {
    checkRedisUrl(options.url);
    this.url = options.url;
    this.name = checkQueueName(options.name ?? DEFAULT_QUEUE_NAME);
    this.maxQueued = positiveWhole('maxQueued', options.maxQueued, 100);
    this.history = positiveWhole('history', options.history, 100);
    this.maxEvents = positiveWhole('maxEvents', options.maxEvents, 500);
    positiveWhole('concurrency', options.concurrency, 1);
    this.cancelOnClose = options.cancelOnClose ?? true;
    this.closeWaitMs = positiveWhole('closeWaitMs', options.closeWaitMs, 5000, 0);
    this.now = options.now ?? (() => new Date());
    this.newId = options.newId ?? randomUUID;
  }

  /** Connects (again, after a failure) and resolves when the queue can be used. */
  connect(): Promise<void> {
    if (this.phase === 'closed') return Promise.reject(this.unavailable());
    this.ready ??= this.open().catch((e: unknown) => {
      this.ready = null;
      throw e;
    });
    return this.ready;
  }

  private async open(): Promise<void> {
    const opened: Redis[] = [];
    try {
      const client = await connectRedis(this.url);
      opened.push(client);
      const subscriber = await connectRedis(this.url);
      opened.push(subscriber);
      const state = new RedisJobState(client, { url: this.url, name: this.name, maxEvents: this.maxEvents, history: this.history });
      let firstReady = true;
      subscriber.on('message', (channel: string, message: string) => {
        if (channel === state.eventsChannel) this.onEvent(message);
      });
      // After a lost connection, catch up from the recorded events.
      subscriber.on('ready', () => {
        if (firstReady) return;
        for (const set of this.subs.values()) for (const s of set) void this.catchUp(s).catch(() => undefined);
      });
      await state.publishBounds();
      await subscriber.subscribe(state.eventsChannel);
      firstReady = false;
      const { Queue: BullQueueClass } = await import('bullmq');
      const bull = new BullQueueClass(this.name, { connection: client, prefix: BULL_PREFIX });
      bull.on('error', () => undefined);
      await bull.waitUntilReady();
      let worker: RedisWorker | null = null;
      if (this.options.run) {
        worker = await startRedisWorker<R>({
          url: this.url,
          name: this.name,
          run: this.options.run,
          client,
          maxEvents: this.maxEvents,
          history: this.history,
          ...(this.options.concurrency !== undefined ? { concurrency: this.options.concurrency } : {}),
          ...(this.options.lockMs !== undefined ? { lockMs: this.options.lockMs } : {}),
          ...(this.options.stalledCheckMs !== undefined ? { stalledCheckMs: this.options.stalledCheckMs } : {}),
          ...(this.options.maxRecoveries !== undefined ? { maxRecoveries: this.options.maxRecoveries } : {}),
          ...(this.options.now ? { now: this.options.now } : {}),
          ...(this.options.log ? { log: this.options.log } : {}),
        });
      }
      this.client = client;
      this.subscriber = subscriber;
      this.state = state;
      this.bull = bull;
      this.worker = worker;
    } catch (e) {
      for (const c of opened) await closeRedis(c);
      throw redisError(this.url, e, 'open the job queue');
    }
  }

  private unavailable(): VerityError {
    return new VerityError({ code: 'UNAVAILABLE', component: 'jobs', problem: 'the queue is shutting down and takes no new jobs', fix: 'retry once the server has restarted', retryable: true });
  }

  /** The state over the open connection, or over a short-lived one once the queue is closed. */
  private async withState<T>(fn: (state: RedisJobState) => Promise<T>): Promise<T> {
    if (this.phase !== 'closed') {
      await this.connect();
      return fn(this.state!);
    }
    const client = await connectRedis(this.url);
    try {
      return await fn(new RedisJobState(client, { url: this.url, name: this.name, maxEvents: this.maxEvents, history: this.history }));
    } finally {
      await closeRedis(client);
    }
  }

  async submit(spec: JobSpec): Promise<string> {
    if (this.phase !== 'open') throw this.unavailable();
    await this.connect();
    const state = this.state!;
    const id = this.newId();
    const copy: JobSpec = { kind: spec.kind, input: spec.input, ...(spec.options ? { options: { ...spec.options } } : {}) };
    // One round trip: the record (with the maxQueued check) and BullMQ's add are written back to
    // back on the same connection, so Redis runs the record first and a worker never takes a job
    // it has no record of. When the line is full the add is undone before BUSY is thrown (a
    // worker that takes it meanwhile finds no record and drops it).
    const recorded = state.createIfRoom(id, copy, this.now().toISOString(), this.maxQueued);
    const added = this.bull!.add(copy.kind, copy, { jobId: id, removeOnComplete: true, removeOnFail: true }).then(
      () => null,
      (e: unknown) => e,
    );
    let waiting: number | null;
    try {
      waiting = await recorded;
    } catch (e) {
      const addError = await added;
      if (addError === null) await this.bull!.remove(id).catch(() => undefined);
      throw e;
    }
    const addError = await added;
    if (waiting !== null) {
      if (addError === null) await this.bull!.remove(id).catch(() => undefined);
      throw new VerityError({ code: 'BUSY', component: 'jobs', problem: `${waiting} jobs are already waiting (the limit is ${this.maxQueued})`, fix: 'retry in a little while', retryable: true });
    }
    if (addError !== null) {
      await state.discard(id).catch(() => undefined);
      throw redisError(this.url, addError, 'queue a job');
    }
    this.submitted.add(id);
    return id;
  }

  get(id: string): Promise<JobSnapshot<R> | null> {
    return this.withState((s) => s.read<R>(id));
  }

  async subscribe(id: string, listener: JobListener): Promise<() => void> {
    if (this.phase === 'closed') {
      // Closed: replay what is recorded; nothing live follows.
      const { exists, events } = await this.withState((s) => s.events(id));
      if (!exists) throw unknownJob(id);
      try {
        for (const e of events) listener(e);
      } catch {
        // A listener that throws is dropped.
      }
      return () => undefined;
    }
    await this.connect();
    const sub: Subscription = { id, listener, last: 0, buffer: [], ended: false };
    let set = this.subs.get(id);
    if (!set) this.subs.set(id, (set = new Set()));
    set.add(sub);
    try {
      const exists = await this.catchUp(sub);
      if (!exists) {
        this.drop(sub);
        throw unknownJob(id);
      }
    } catch (e) {
      this.drop(sub);
      throw e;
    }
    return () => this.drop(sub);
  }

  /** Delivers the recorded events after `sub.last`, then the live ones held meanwhile. */
  private async catchUp(sub: Subscription): Promise<boolean> {
    sub.buffer ??= [];
    const { exists, events } = await this.state!.events(sub.id);
    if (!exists) return false;
    for (const e of events) this.deliver(sub, e);
    const held = sub.buffer.sort((a, b) => a.seq - b.seq);
    sub.buffer = null;
    for (const e of held) this.deliver(sub, e);
    return true;
  }

  private onEvent(message: string): void {
    let event: JobEvent;
    try {
      event = JSON.parse(message) as JobEvent;
    } catch {
      return;
    }
    if (event.type === 'done' || event.type === 'failed' || event.type === 'cancelled') this.submitted.delete(event.id);
    const set = this.subs.get(event.id);
    if (!set) return;
    for (const sub of [...set]) {
      if (sub.buffer) sub.buffer.push(event);
      else this.deliver(sub, event);
    }
  }

  private deliver(sub: Subscription, event: JobEvent): void {
    if (sub.ended || event.seq <= sub.last) return;
    sub.last = event.seq;
    try {
      sub.listener(event);
    } catch {
      // A listener that throws (e.g. a closed connection) is dropped; the job goes on.
      this.drop(sub);
      return;
    }
    if (event.type === 'done' || event.type === 'failed' || event.type === 'cancelled') this.drop(sub);
  }

  private drop(sub: Subscription): void {
    sub.ended = true;
    const set = this.subs.get(sub.id);
    if (!set) return;
    set.delete(sub);
    if (set.size === 0) this.subs.delete(sub.id);
  }

  async cancel(id: string): Promise<boolean> {
    if (this.phase === 'closed') return this.withState(async (s) => (await s.markCancel(id)) !== null);
    await this.connect();
    const state = this.state!;
    const was = await state.markCancel(id);
    if (was === null) return false;
    this.worker?.abortLocal(id);
    if (was === 'queued') {
      // Take it out of the line unless a worker has it already (then the worker sees the mark).
      let removed = false;
      try {
        const job = await this.bull!.getJob(id);
        if (job) {
          await job.remove();
          removed = true;
        } else removed = true;
      } catch {
        removed = false;
      }
      if (removed) await state.finish(id, 'cancelled', null, cancelledError(id, 'before it started'), this.now().toISOString(), cancelledError(id, 'before it started'));
    }
    return true;
  }

  async stats(): Promise<QueueStats> {
    return this.withState((s) => s.counts(Date.now()));
  }

  close(): Promise<void> {
    if (this.closing) return this.closing;
    this.phase = 'closing';
    this.closing = this.shutdown().finally(() => {
      this.phase = 'closed';
    });
    return this.closing;
  }

  private async shutdown(): Promise<void> {
    const ready = this.ready;
    if (!ready) return;
    try {
      await ready;
    } catch {
      return;
    }
    const stopping: string[] = [];
    if (this.cancelOnClose) {
      for (const id of [...this.submitted]) {
        try {
          const snap = await this.state!.read(id);
          if (snap && snap.status === 'running') stopping.push(id);
          await this.cancel(id);
        } catch {
          // Redis gone: nothing more can be cancelled.
          break;
        }
      }
    }
    // Jobs of other servers running here go back in line for another worker.
    if (this.worker) await this.worker.close('handback').catch(() => undefined);
    const deadline = Date.now() + this.closeWaitMs;
    for (const id of stopping) {
      while (Date.now() < deadline) {
        const snap = await this.state!.read(id).catch(() => null);
        if (!snap || isTerminal(snap.status)) break;
        await sleep(50);
      }
    }
    if (this.bull) await Promise.race([this.bull.close().catch(() => undefined), sleep(2000)]);
    if (this.subscriber) await closeRedis(this.subscriber);
    if (this.client) await closeRedis(this.client);
    this.subs.clear();
  }

  /** Where the queue is, for logs (password redacted). */
  get location(): string {
    return `${redactRedisUrl(this.url)} (queue ${quote(this.name)})`;
  }
}

function unknownJob(id: string): VerityError {
  return new VerityError({ code: 'NOT_FOUND', component: 'jobs', problem: `no job with id ${quote(id)} (never submitted, or finished long enough ago to be dropped from the history)`, fix: 'submit the job again' });
}

/**
 * A Redis-backed queue. It connects in the background at once; a Redis that cannot be reached
 * makes every call fail with UNAVAILABLE (naming the URL, password hidden) until it can.
 * Use `openRedisQueue` to wait for the connection (a server should, to fail at start).
 */
export function createRedisQueue<R>(options: RedisQueueOptions<R>): RedisQueue<R> {
  const queue = new RedisQueue<R>(options);
  queue.connect().catch(() => undefined);
  return queue;
}

/** A Redis-backed queue, connected: rejects (VerityError UNAVAILABLE) when Redis cannot be reached. */
export async function openRedisQueue<R>(options: RedisQueueOptions<R>): Promise<RedisQueue<R>> {
  const queue = new RedisQueue<R>(options);
  try {
    await queue.connect();
  } catch (e) {
    await queue.close();
    throw e;
  }
  return queue;
}
