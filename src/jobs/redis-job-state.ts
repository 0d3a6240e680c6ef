// The state of Redis-queued jobs that BullMQ does not keep: status, progress, result, error and
// the numbered event log of each job, kept in Redis so every server and worker sees the same.
// Each change is one Lua script, so a status change, its event (with the next seq) and the
// pub/sub message announcing it happen together. BullMQ only dispatches: it holds the waiting
// line, gives jobs to workers, and hands a dead worker's job to another.
//
// Keys (P = "verity:<queue name>"):
//   P:vj:<id>      hash: status, spec, createdAt, startedAt, finishedAt, progress, result, error,
//                  seq (last event number), starts (times a worker began it), cancel (asked to stop)
//   P:ve:<id>      list: the job's events as JSON, oldest first (bounded; oldest progress dropped)
//   P:vqueued, P:vrunning   sets of ids by status;   P:vfinished   list of finished ids (history)
//   P:vevents      pub/sub channel: every event of every job;   P:vcancel   channel: ids to stop
//   P:vworkers     sorted set: live workers ("<worker id> <concurrency>", scored by expiry time)
//   P:vconfig      hash: history and maxEvents as the servers set them (workers follow them, so
//                  the bounds are the server's even when a worker was started with other values)
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { ProgressEvent } from '../model.js';
import { redisError } from './redis-connection.js';
import type { JobError, JobEvent, JobEventBody, JobSnapshot, JobSpec, JobStatus } from './queue.js';

/** BullMQ's key prefix for Verity's queues (BullMQ's own keys are "verity:<name>:wait" …). */
export const BULL_PREFIX = 'verity';

export interface RedisJobStateOptions {
  url: string;
  name: string;
  /** Events kept per job for replay. */
  maxEvents: number;
  /** Finished jobs kept. */
  history: number;
}

// Appends an event (taking the next seq), trims the oldest progress event when the log is
// full, and publishes it. `body` is the event's JSON without seq, starting with {"type":.
const EMIT = `
local function emit(hkey, ekey, channel, maxEvents, body)
  local seq = redis.call('HINCRBY', hkey, 'seq', 1)
  local ev = '{"seq":' .. seq .. ',' .. string.sub(body, 2)
  redis.call('RPUSH', ekey, ev)
  if redis.call('LLEN', ekey) > tonumber(maxEvents) then
    local head = redis.call('LRANGE', ekey, 0, 50)
    for i, s in ipairs(head) do
      if string.match(s, '^{"seq":%d+,"type":"progress"') then
        redis.call('LSET', ekey, i - 1, '__verity_drop__')
        redis.call('LREM', ekey, 1, '__verity_drop__')
        break
      end
    end
  end
  redis.call('PUBLISH', channel, ev)
  return seq
end
local function terminal(st)
  return st == 'done' or st == 'failed' or st == 'cancelled'
end
`;

// The bound a server set in P:vconfig, else the caller's own.
const SETTING = `
local function setting(configKey, field, fallback)
  return tonumber(redis.call('HGET', configKey, field) or fallback)
end
`;

// KEYS: hkey, ekey, queued, running, config. ARGV: channel, maxEvents, startedAt, status-running body, max starts, id.
const START = `${EMIT}${SETTING}
local st = redis.call('HGET', KEYS[1], 'status')
if not st then return 'missing' end
if terminal(st) then return 'finished' end
if redis.call('HEXISTS', KEYS[1], 'cancel') == 1 then return 'cancel' end
local starts = redis.call('HINCRBY', KEYS[1], 'starts', 1)
if starts > tonumber(ARGV[5]) then return 'lost' end
redis.call('SREM', KEYS[3], ARGV[6])
redis.call('SADD', KEYS[4], ARGV[6])
if st ~= 'running' then
  redis.call('HSET', KEYS[1], 'status', 'running', 'startedAt', ARGV[3])
end
emit(KEYS[1], KEYS[2], ARGV[1], setting(KEYS[5], 'maxEvents', ARGV[2]), ARGV[4])
return 'run'
`;

// KEYS: hkey, ekey, config. ARGV: channel, maxEvents, progress JSON, progress body.
const PROGRESS = `${EMIT}${SETTING}
if redis.call('HGET', KEYS[1], 'status') ~= 'running' then return 0 end
redis.call('HSET', KEYS[1], 'progress', ARGV[3])
emit(KEYS[1], KEYS[2], ARGV[1], setting(KEYS[3], 'maxEvents', ARGV[2]), ARGV[4])
return 1
`;

// KEYS: hkey, ekey, queued, running, finished, config. ARGV: channel, maxEvents, finishedAt, status,
// result JSON or '', error JSON or '', body, history, cancelled error JSON, cancelled body, id, key prefix.
// A job asked to stop that then returns a result still ends cancelled (with the cancelled error
// given, or, when none is given, nothing is recorded and 'cancel-requested' is returned). Returns
// the status recorded, or 0 when the job had already ended (or is unknown).
const FINISH = `${EMIT}${SETTING}
local st = redis.call('HGET', KEYS[1], 'status')
if not st or terminal(st) then return 0 end
local status, result, err, body = ARGV[4], ARGV[5], ARGV[6], ARGV[7]
if status == 'done' and redis.call('HEXISTS', KEYS[1], 'cancel') == 1 then
  if ARGV[9] == '' then return 'cancel-requested' end
  status, result, err, body = 'cancelled', '', ARGV[9], ARGV[10]
end
redis.call('HSET', KEYS[1], 'status', status, 'finishedAt', ARGV[3])
if result ~= '' then redis.call('HSET', KEYS[1], 'result', result) end
if err ~= '' then redis.call('HSET', KEYS[1], 'error', err) end
redis.call('SREM', KEYS[3], ARGV[11])
redis.call('SREM', KEYS[4], ARGV[11])
emit(KEYS[1], KEYS[2], ARGV[1], setting(KEYS[6], 'maxEvents', ARGV[2]), body)
redis.call('RPUSH', KEYS[5], ARGV[11])
local history = setting(KEYS[6], 'history', ARGV[8])
while redis.call('LLEN', KEYS[5]) > history do
  local old = redis.call('LPOP', KEYS[5])
  redis.call('DEL', ARGV[12] .. ':vj:' .. old, ARGV[12] .. ':ve:' .. old)
end
return status
`;

// Records a new queued job unless the line is full. KEYS: hkey, queued. ARGV: max queued, spec
// JSON, createdAt, id. Returns -1 when recorded, else the number of jobs waiting (BUSY).
const SUBMIT = `
local waiting = redis.call('SCARD', KEYS[2])
if waiting >= tonumber(ARGV[1]) then return waiting end
redis.call('HSET', KEYS[1], 'status', 'queued', 'spec', ARGV[2], 'createdAt', ARGV[3], 'seq', '0', 'starts', '0')
redis.call('SADD', KEYS[2], ARGV[4])
return -1
`;

// A running job handed back to the line by a stopping worker. KEYS: hkey, ekey, queued, running,
// config. ARGV: channel, maxEvents, status-queued body, id.
const REQUEUE = `${EMIT}${SETTING}
if redis.call('HGET', KEYS[1], 'status') ~= 'running' then return 0 end
redis.call('HSET', KEYS[1], 'status', 'queued')
redis.call('HDEL', KEYS[1], 'startedAt', 'progress')
redis.call('HINCRBY', KEYS[1], 'starts', -1)
redis.call('SREM', KEYS[4], ARGV[4])
redis.call('SADD', KEYS[3], ARGV[4])
emit(KEYS[1], KEYS[2], ARGV[1], setting(KEYS[5], 'maxEvents', ARGV[2]), ARGV[3])
return 1
`;

// KEYS: hkey, ekey. Returns the recorded events, or nil for an unknown job.
const EVENTS = `
if redis.call('EXISTS', KEYS[1]) == 0 then return false end
return redis.call('LRANGE', KEYS[2], 0, -1)
`;

// KEYS: hkey. ARGV: cancel channel, id. Returns the status it found when it marked the job, or false.
const CANCEL = `
local st = redis.call('HGET', KEYS[1], 'status')
if st ~= 'queued' and st ~= 'running' then return false end
redis.call('HSET', KEYS[1], 'cancel', '1')
redis.call('PUBLISH', ARGV[1], ARGV[2])
return st
`;

/** A job's event body as JSON with "type" first (the scripts splice seq in front of it). */
function bodyJson(body: JobEventBody): string {
  return JSON.stringify(body);
}

/** A script run by its SHA1 (EVALSHA), so its text crosses the wire only when Redis lacks it. */
interface Script {
  body: string;
  sha: string;
}

function script(body: string): Script {
  return { body, sha: createHash('sha1').update(body).digest('hex') };
}

const SCRIPTS = {
  start: script(START),
  progress: script(PROGRESS),
  finish: script(FINISH),
  requeue: script(REQUEUE),
  cancel: script(CANCEL),
  events: script(EVENTS),
};

function parseJson<T>(text: string | undefined | null): T | null {
  if (text === undefined || text === null || text === '') return null;
  return JSON.parse(text) as T;
}

export type StartOutcome = 'run' | 'missing' | 'finished' | 'cancel' | 'lost';

/** Reads and changes job state in Redis; every method turns a Redis failure into a VerityError. */
export class RedisJobState {
  readonly prefix: string;
  readonly eventsChannel: string;
  readonly cancelChannel: string;
  readonly workersKey: string;
  readonly queuedKey: string;
  readonly runningKey: string;
  readonly finishedKey: string;
  readonly waitKey: string;
  readonly configKey: string;

  constructor(
    readonly client: Redis,
    readonly options: RedisJobStateOptions,
  ) {
    this.prefix = `${BULL_PREFIX}:${options.name}`;
    this.eventsChannel = `${this.prefix}:vevents`;
    this.cancelChannel = `${this.prefix}:vcancel`;
    this.workersKey = `${this.prefix}:vworkers`;
    this.queuedKey = `${this.prefix}:vqueued`;
    this.runningKey = `${this.prefix}:vrunning`;
    this.finishedKey = `${this.prefix}:vfinished`;
    this.waitKey = `${this.prefix}:wait`;
    this.configKey = `${this.prefix}:vconfig`;
  }

  jobKey(id: string): string {
    return `${this.prefix}:vj:${id}`;
  }

  eventsKey(id: string): string {
    return `${this.prefix}:ve:${id}`;
  }

  /** Runs a script by SHA1, sending its text once when Redis does not have it (NOSCRIPT). */
  private async run(s: Script, keys: readonly string[], args: readonly (string | number)[]): Promise<unknown> {
    try {
      return await this.client.evalsha(s.sha, keys.length, ...keys, ...args);
    } catch (e) {
      if (!(e instanceof Error) || !e.message.includes('NOSCRIPT')) throw e;
      return this.client.eval(s.body, keys.length, ...keys, ...args);
    }
  }

  private async call<T>(doing: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      throw redisError(this.options.url, e, doing);
    }
  }

  /** Sets the history and event bounds every worker of this queue applies (a server's settings). */
  async publishBounds(): Promise<void> {
    await this.call('set the queue bounds', () => this.client.hset(this.configKey, 'history', this.options.history, 'maxEvents', this.options.maxEvents));
  }

  /**
   * Records a new queued job in one round trip, unless `maxQueued` jobs already wait: then
   * nothing is recorded and the number waiting is returned (null when recorded). The command
   * is written to the connection before this returns (no await first), so a command issued
   * next on the same connection (BullMQ's add) runs after it in Redis.
   */
  createIfRoom(id: string, spec: JobSpec, createdAt: string, maxQueued: number): Promise<number | null> {
    return this.call('record a job', async () => {
      const out = await this.client.eval(SUBMIT, 2, this.jobKey(id), this.queuedKey, maxQueued, JSON.stringify(spec), createdAt, id);
      return Number(out) < 0 ? null : Number(out);
    });
  }

  /** Forgets a job whose hand-over to BullMQ failed. */
  async discard(id: string): Promise<void> {
    await this.call('forget a job', () => this.client.multi().del(this.jobKey(id), this.eventsKey(id)).srem(this.queuedKey, id).exec());
  }

  /** A worker begins (or, after a dead worker, begins again) a job. `maxStarts` bounds the restarts. */
  async start(id: string, startedAt: string, maxStarts: number): Promise<StartOutcome> {
    const body = bodyJson({ type: 'status', id, status: 'running' });
    const out = await this.call('start a job', () =>
      this.run(SCRIPTS.start, [this.jobKey(id), this.eventsKey(id), this.queuedKey, this.runningKey, this.configKey], [this.eventsChannel, this.options.maxEvents, startedAt, body, maxStarts, id]),
    );
    return out as StartOutcome;
  }

  async progress(id: string, progress: ProgressEvent): Promise<void> {
    const p = JSON.stringify(progress);
    const body = bodyJson({ type: 'progress', id, progress });
    await this.call('record progress', () => this.run(SCRIPTS.progress, [this.jobKey(id), this.eventsKey(id), this.configKey], [this.eventsChannel, this.options.maxEvents, p, body]));
  }

  /**
   * Ends a job (once; later calls do nothing). Returns the status this call recorded, or null
   * when the job had already ended. A 'done' of a job asked to stop is recorded as 'cancelled'
   * with the `cancelled` error; when `cancelled` is null nothing is recorded then and
   * 'cancel-requested' is returned (the caller finishes it again with the error: building one
   * per job costs more than that rare second call).
   */
  async finish(
    id: string,
    status: 'done' | 'failed' | 'cancelled',
    result: unknown,
    error: JobError | null,
    finishedAt: string,
    cancelled: JobError | null,
  ): Promise<'done' | 'failed' | 'cancelled' | 'cancel-requested' | null> {
    const body: JobEventBody =
      status === 'done' ? { type: 'done', id } : status === 'failed' ? { type: 'failed', id, error: error! } : { type: 'cancelled', id, error: error! };
    const out = await this.call('finish a job', () =>
      this.run(
        SCRIPTS.finish,
        [this.jobKey(id), this.eventsKey(id), this.queuedKey, this.runningKey, this.finishedKey, this.configKey],
        [
          this.eventsChannel,
          this.options.maxEvents,
          finishedAt,
          status,
          status === 'done' ? JSON.stringify(result ?? null) : '',
          error ? JSON.stringify(error) : '',
          bodyJson(body),
          this.options.history,
          cancelled ? JSON.stringify(cancelled) : '',
          cancelled ? bodyJson({ type: 'cancelled', id, error: cancelled }) : '',
          id,
          this.prefix,
        ],
      ),
    );
    return out === 'done' || out === 'failed' || out === 'cancelled' || out === 'cancel-requested' ? out : null;
  }

  /** Puts a running job back in the waiting state (its worker is stopping). */
  async requeue(id: string): Promise<void> {
    const body = bodyJson({ type: 'status', id, status: 'queued' });
    await this.call('hand back a job', () => this.run(SCRIPTS.requeue, [this.jobKey(id), this.eventsKey(id), this.queuedKey, this.runningKey, this.configKey], [this.eventsChannel, this.options.maxEvents, body, id]));
  }

  /** Marks a queued or running job as asked to stop and tells the workers; returns the status it had, or null. */
  async markCancel(id: string): Promise<'queued' | 'running' | null> {
    const out = await this.call('cancel a job', () => this.run(SCRIPTS.cancel, [this.jobKey(id)], [this.cancelChannel, id]));
    return out === 'queued' || out === 'running' ? out : null;
  }

  /** A job's snapshot (position included while queued), or null for an unknown id. */
  async read<R>(id: string): Promise<JobSnapshot<R> | null> {
    const [hash, wait, at] = await this.call('read a job', async () => {
      const res = await this.client.multi().hgetall(this.jobKey(id)).llen(this.waitKey).lpos(this.waitKey, id).exec();
      if (!res) throw new Error('the transaction was aborted');
      for (const [err] of res) if (err) throw err;
      return [res[0]![1] as Record<string, string>, res[1]![1] as number, res[2]![1] as number | null];
    });
    if (!hash.status) return null;
    const status = hash.status as JobStatus;
    // BullMQ adds at the left of its wait list and takes from the right. A queued job not in
    // the list is being handed to a worker right now: next to start.
    const position = status === 'queued' ? (at === null ? 0 : wait - 1 - at) : null;
    return {
      id,
      spec: parseJson<JobSpec>(hash.spec) ?? { kind: 'check', input: '' },
      status,
      createdAt: hash.createdAt ?? '',
      startedAt: hash.startedAt ?? null,
      finishedAt: hash.finishedAt ?? null,
      progress: parseJson<ProgressEvent>(hash.progress),
      position,
      result: status === 'done' ? parseJson<R>(hash.result) : null,
      error: parseJson<JobError>(hash.error),
    };
  }

  /** Whether the job is known, and its recorded events. */
  async events(id: string): Promise<{ exists: boolean; events: JobEvent[] }> {
    const raw = await this.call('read job events', () => this.run(SCRIPTS.events, [this.jobKey(id), this.eventsKey(id)], []));
    if (!Array.isArray(raw)) return { exists: false, events: [] };
    return { exists: true, events: raw.map((s) => JSON.parse(String(s)) as JobEvent) };
  }

  /** Jobs waiting, running and held in the history, and the concurrency of the live workers. */
  async counts(now: number): Promise<{ queued: number; running: number; finished: number; concurrency: number }> {
    return this.call('count jobs', async () => {
      const res = await this.client
        .multi()
        .scard(this.queuedKey)
        .scard(this.runningKey)
        .llen(this.finishedKey)
        .zremrangebyscore(this.workersKey, '-inf', now)
        .zrange(this.workersKey, 0, -1)
        .exec();
      if (!res) throw new Error('the transaction was aborted');
      for (const [err] of res) if (err) throw err;
      const workers = res[4]![1] as string[];
      const concurrency = workers.reduce((sum, w) => sum + (Number(w.split(' ')[1]) || 0), 0);
      return { queued: res[0]![1] as number, running: res[1]![1] as number, finished: res[2]![1] as number, concurrency };
    });
  }

  /** Announces a live worker until `expiresAt` (ms since the epoch); called again before then. */
  async heartbeat(member: string, expiresAt: number): Promise<void> {
    await this.call('register a worker', () => this.client.zadd(this.workersKey, expiresAt, member));
  }

  async leave(member: string): Promise<void> {
    await this.call('unregister a worker', () => this.client.zrem(this.workersKey, member));
  }
}
