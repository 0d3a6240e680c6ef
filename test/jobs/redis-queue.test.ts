// The Redis-backed queue against a real Redis: the Queue conformance suite (each queue on a
// fresh queue name, working its own jobs), then what only a shared, out-of-process queue has:
// state seen from a second server, event numbers that survive reconnecting, bounded history,
// and a clear error when Redis cannot be reached.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createRedisQueue, openRedisQueue, startRedisWorker } from '../../src/jobs/index.js';
import type { JobContext, JobEvent, Queue, RedisWorker } from '../../src/jobs/index.js';
import { VerityError } from '../../src/errors.js';
import { REDIS_URL, adminRedis, freshQueueName, redisAvailable } from '../helpers/redis-test-server.js';
import { queueConformance, statusOf, until } from './queue-conformance.js';

const open: Array<{ close(): Promise<void> }> = [];
after(async () => {
  for (const q of open.reverse()) await q.close();
});

if (redisAvailable('redis queue')) {
  queueConformance('redis', (options) => {
    const queue = createRedisQueue<string>({ url: REDIS_URL, name: freshQueueName('conf'), ...options });
    open.push(queue);
    return queue;
  });

  test('redis: a second server sees the same jobs, positions, progress and numbered events', async () => {
    const name = freshQueueName('share');
    const started: JobContext[] = [];
    const release: Array<(v: string) => void> = [];
    const a = await openRedisQueue<string>({ url: REDIS_URL, name, run: (_s, ctx) => new Promise((resolve) => { started.push(ctx); release.push(resolve); }) });
    const b = await openRedisQueue<string>({ url: REDIS_URL, name });
    open.push(a, b);
    const first = await b.submit({ kind: 'check', input: 'one' });
    const second = await b.submit({ kind: 'audit', input: 'two', options: { format: 'md' } });
    await until(() => started.length === 1, 'the first job starts on server a');
    assert.equal((await a.get(second))?.position, 0);
    assert.deepEqual((await a.get(second))?.spec, { kind: 'audit', input: 'two', options: { format: 'md' } });
    started[0]!.onProgress({ stage: 'retrieve', done: 1, total: 3, detail: 'é "quoted" \\ text' });
    await until(async () => (await b.get(first))?.progress?.done === 1, 'progress seen by server b');
    assert.deepEqual((await b.get(first))?.progress, { stage: 'retrieve', done: 1, total: 3, detail: 'é "quoted" \\ text' });
    assert.deepEqual(await b.stats(), { queued: 1, running: 1, finished: 0, concurrency: 1 });
    const seen: JobEvent[] = [];
    await b.subscribe(first, (e) => seen.push(e));
    release[0]!('result one');
    await until(() => seen.at(-1)?.type === 'done', 'done delivered to server b');
    assert.deepEqual(seen.map((e) => [e.seq, e.type]), [[1, 'status'], [2, 'progress'], [3, 'done']]);
    const job = await b.get(first);
    assert.equal(job?.status, 'done');
    assert.equal(job?.result, 'result one');
    assert.ok(job?.startedAt && job.finishedAt && job.startedAt <= job.finishedAt);
    await until(() => started.length === 2, 'the second job starts');
    release[1]!('result two');
    await until(async () => (await statusOf(b, second)) === 'done', 'second done');
  });

  test('redis: a subscriber that reconnects resumes after the last seq it saw (no repeats, nothing lost)', async () => {
    const name = freshQueueName('resume');
    let ctx: JobContext | undefined;
    let finish: (v: string) => void = () => undefined;
    const server = await openRedisQueue<string>({ url: REDIS_URL, name, run: (_s, c) => new Promise((resolve) => { ctx = c; finish = resolve; }) });
    open.push(server);
    const id = await server.submit({ kind: 'check', input: 'x' });
    const firstPart: JobEvent[] = [];
    const stop = await server.subscribe(id, (e) => firstPart.push(e));
    await until(() => ctx !== undefined, 'start');
    ctx!.onProgress({ stage: 'plan', done: 1, total: 2 });
    await until(() => firstPart.length === 2, 'two events');
    stop();
    ctx!.onProgress({ stage: 'plan', done: 2, total: 2 });
    finish('ok');
    await until(async () => (await statusOf(server, id)) === 'done', 'done');
    // Another server (a reconnecting client may reach any): replays all; the client skips seq ≤ 2.
    const other = await openRedisQueue<string>({ url: REDIS_URL, name });
    open.push(other);
    const all: JobEvent[] = [];
    await other.subscribe(id, (e) => all.push(e));
    assert.deepEqual(all.map((e) => e.seq), [1, 2, 3, 4]);
    assert.deepEqual(all.slice(0, 2), firstPart, 'the same events carry the same numbers');
    assert.deepEqual(all.filter((e) => e.seq > 2).map((e) => e.type), ['progress', 'done']);
  });

  test("redis: replay keeps the newest progress when a job emits more events than it keeps; history is bounded (the server's bounds, applied by a worker started with others)", async () => {
    const name = freshQueueName('bounds');
    const queue = await openRedisQueue<string>({ url: REDIS_URL, name, maxEvents: 4, history: 2 });
    open.push(queue);
    const worker = await startRedisWorker<string>({
      url: REDIS_URL,
      name,
      maxEvents: 500,
      history: 100,
      run: async (_s, c) => {
        for (let i = 1; i <= 10; i++) c.onProgress({ stage: 'audit', done: i, total: 10 });
        return 'ok';
      },
    });
    open.push(worker);
    const ids: string[] = [];
    for (const input of ['a', 'b', 'c']) {
      const id = await queue.submit({ kind: 'audit', input });
      ids.push(id);
      await until(async () => (await statusOf(queue, id)) === 'done', `${input} done`);
    }
    const events: JobEvent[] = [];
    await queue.subscribe(ids[2]!, (e) => events.push(e));
    assert.deepEqual(events.map((e) => (e.type === 'progress' ? e.progress.done : e.type)), ['status', 9, 10, 'done']);
    assert.deepEqual(events.map((e) => e.seq), [1, 10, 11, 12], 'numbers are kept when older events are dropped');
    assert.equal(await queue.get(ids[0]!), null, 'the oldest finished job was evicted');
    assert.equal(await adminRedis().exists(`verity:${name}:vj:${ids[0]}`, `verity:${name}:ve:${ids[0]}`), 0, 'its keys are gone');
    assert.equal((await queue.get(ids[1]!))?.status, 'done');
    assert.equal((await queue.stats()).finished, 2);
  });

  test('redis: cancel from another server reaches the worker running the job; a queued job is removed from the line', async () => {
    const name = freshQueueName('cancel');
    const seen: JobContext[] = [];
    let aborted = 0;
    const worker: RedisWorker = await startRedisWorker<string>({
      url: REDIS_URL,
      name,
      run: (_s, ctx) =>
        new Promise((_resolve, reject) => {
          seen.push(ctx);
          ctx.signal.addEventListener('abort', () => {
            aborted++;
            reject(ctx.signal.reason);
          });
        }),
    });
    open.push(worker);
    const server = await openRedisQueue<string>({ url: REDIS_URL, name });
    open.push(server);
    const running = await server.submit({ kind: 'check', input: 'a' });
    const queued = await server.submit({ kind: 'check', input: 'b' });
    await until(() => seen.length === 1, 'the worker starts a');
    assert.equal(await server.cancel(queued), true);
    assert.equal(await statusOf(server, queued), 'cancelled');
    assert.equal(await adminRedis().lpos(`verity:${name}:wait`, queued), null, 'b left the BullMQ line');
    assert.equal(await server.cancel(running), true);
    await until(() => aborted === 1, 'the worker sees the abort');
    await until(async () => (await statusOf(server, running)) === 'cancelled', 'a cancelled');
    const job = await server.get(running);
    assert.equal(job?.error?.code, 'CANCELLED');
    assert.match(job?.error?.problem ?? '', /was cancelled \(while it ran\)/);
    assert.equal(seen.length, 1, 'b never started');
    assert.equal(await server.cancel(running), false);
  });

  test('redis: close with cancelOnClose false leaves submitted jobs to the workers', async () => {
    const name = freshQueueName('keep');
    const server = await openRedisQueue<string>({ url: REDIS_URL, name, cancelOnClose: false });
    const id = await server.submit({ kind: 'check', input: 'later' });
    await server.close();
    assert.equal(await statusOf(server, id), 'queued', 'still waiting for a worker');
    const worker = await startRedisWorker<string>({ url: REDIS_URL, name, run: async (spec) => `ran ${spec.input}` });
    open.push(worker);
    const reader = await openRedisQueue<string>({ url: REDIS_URL, name });
    open.push(reader);
    await until(async () => (await statusOf(reader, id)) === 'done', 'done by the worker');
    assert.equal((await reader.get(id))?.result, 'ran later');
  });
}

const hasRedisServer = spawnSync('redis-server', ['--version']).error === undefined;
test('redis: Redis going away under an open queue: calls fail UNAVAILABLE with the fix, and close still returns', { skip: !REDIS_URL ? 'needs VERITY_TEST_REDIS_URL' : !hasRedisServer ? 'needs redis-server on the PATH (it starts and kills a private one)' : false }, async () => {
  const port = 20000 + (process.pid % 20000);
  const server = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const exited = new Promise((r) => server.once('exit', r));
  try {
    const url = `redis://127.0.0.1:${port}`;
    let queue: Queue<string> | null = null;
    await until(async () => {
      queue = await openRedisQueue<string>({ url, name: 'down', run: async () => 'ran' }).catch(() => null);
      return queue !== null;
    }, 'the private redis-server answers');
    const q = queue! as Queue<string>;
    const id = await q.submit({ kind: 'check', input: 'before' });
    await until(async () => (await statusOf(q, id)) === 'done', 'done while Redis is up');
    server.kill('SIGKILL');
    await exited;
    await assert.rejects(
      () => q.submit({ kind: 'check', input: 'after' }),
      (e: unknown) => e instanceof VerityError && e.code === 'UNAVAILABLE' && e.retryable && e.message.includes(`Redis at "${url}"`) && e.message.includes('Fix: start redis-server or check --queue/VERITY_QUEUE_URL'),
    );
    const t0 = Date.now();
    await q.close();
    assert.ok(Date.now() - t0 < 20_000, `close took ${Date.now() - t0} ms`);
  } finally {
    server.kill('SIGKILL');
  }
});

// Needs no Redis: a port nobody listens on.
test('redis: an unreachable Redis is a clear error naming the URL (password hidden) and the fix', async () => {
  const url = 'redis://:s3cret@127.0.0.1:9/0';
  const check = (e: unknown): boolean => {
    assert.ok(e instanceof VerityError, String(e));
    assert.equal(e.code, 'UNAVAILABLE');
    assert.equal(e.component, 'jobs');
    assert.equal(e.retryable, true);
    assert.match(e.message, /redis:\/\/:\*\*\*@127\.0\.0\.1:9\/0/);
    assert.doesNotMatch(e.message, /s3cret/);
    assert.match(e.message, /Fix: start redis-server or check --queue\/VERITY_QUEUE_URL/);
    return true;
  };
  await assert.rejects(() => openRedisQueue({ url }), check);
  const lazy: Queue<string> = createRedisQueue<string>({ url });
  await assert.rejects(() => lazy.submit({ kind: 'check', input: 'x' }), check);
  await assert.rejects(() => lazy.get('x'), check);
  await lazy.close();
  await assert.rejects(() => startRedisWorker({ url, run: async () => 'x' }), check);
  assert.throws(() => createRedisQueue({ url: 'http://127.0.0.1:6379' }), /not a redis:\/\/ or rediss:\/\/ URL.*Fix: pass --queue redis:\/\/HOST:PORT/);
});
