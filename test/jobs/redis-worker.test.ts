// Workers of the Redis-backed queue against a real Redis: several workers share the line; a
// worker killed mid-job (kill -9) leaves the job to another worker once its lock lapses (and a
// job whose workers keep dying fails WORKER_LOST); a stopping worker finishes its job, or hands
// it back to the line for another worker.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { openRedisQueue, startRedisWorker } from '../../src/jobs/index.js';
import type { JobEvent, RedisQueue, RedisWorker } from '../../src/jobs/index.js';
import { REDIS_URL, freshQueueName, redisAvailable } from '../helpers/redis-test-server.js';
import { statusOf, until } from './queue-conformance.js';

const open: Array<{ close(): Promise<void> }> = [];
const children: ChildProcess[] = [];
after(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  for (const q of open.reverse()) await q.close();
});

/** Starts the slow worker fixture in its own process; resolves once it takes jobs. */
async function slowWorkerProcess(name: string): Promise<{ child: ChildProcess; started: string[] }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/jobs/fixtures/redis-slow-worker.ts', REDIS_URL, name, '1000'], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  const started: string[] = [];
  let ready = false;
  let text = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    text += chunk.toString('utf8');
    const lines = text.split('\n');
    text = lines.pop() ?? '';
    for (const line of lines) {
      if (line === 'ready') ready = true;
      const m = /^started (.+)$/.exec(line);
      if (m) started.push(m[1]!);
    }
  });
  await until(() => ready || child.exitCode !== null, 'the worker process starts', 30_000);
  assert.equal(child.exitCode, null, 'the worker process exited early');
  return { child, started };
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

if (redisAvailable('redis worker')) {
  test('two workers share the work: each runs jobs, at most its concurrency at once', async () => {
    const name = freshQueueName('two');
    const byWorker = new Map<string, number>();
    let running = 0;
    let most = 0;
    const makeRun = (label: string) => async (): Promise<string> => {
      running++;
      most = Math.max(most, running);
      byWorker.set(label, (byWorker.get(label) ?? 0) + 1);
      await sleep(40);
      running--;
      return label;
    };
    const w1 = await startRedisWorker<string>({ url: REDIS_URL, name, run: makeRun('w1') });
    const w2 = await startRedisWorker<string>({ url: REDIS_URL, name, run: makeRun('w2') });
    const server = await openRedisQueue<string>({ url: REDIS_URL, name });
    open.push(w1, w2, server);
    assert.equal((await server.stats()).concurrency, 2, 'the live workers are counted');
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) ids.push(await server.submit({ kind: 'check', input: `q${i}` }));
    await until(async () => (await Promise.all(ids.map((id) => statusOf(server, id)))).every((s) => s === 'done'), 'all done');
    assert.ok((byWorker.get('w1') ?? 0) >= 1 && (byWorker.get('w2') ?? 0) >= 1, `both workers ran jobs: ${JSON.stringify([...byWorker])}`);
    assert.equal((byWorker.get('w1') ?? 0) + (byWorker.get('w2') ?? 0), 8, 'each job ran once');
    assert.ok(most <= 2, `at most two at once, saw ${most}`);
    const results = await Promise.all(ids.map(async (id) => (await server.get(id))?.result));
    assert.ok(results.every((r) => r === 'w1' || r === 'w2'));
  });

  test('a worker killed mid-job (kill -9): another worker takes the job once its lock lapses, and it runs to the end', async () => {
    const name = freshQueueName('kill');
    const { child, started } = await slowWorkerProcess(name);
    const server = await openRedisQueue<string>({ url: REDIS_URL, name });
    open.push(server);
    const id = await server.submit({ kind: 'check', input: 'survive' });
    await until(() => started.includes(id), 'the job starts in the child', 30_000);
    await until(async () => (await server.get(id))?.progress?.stage === 'slow', 'its progress is recorded');
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    assert.equal(await statusOf(server, id), 'running', 'a dead worker leaves the job running until its lock lapses');
    const events: JobEvent[] = [];
    await server.subscribe(id, (e) => events.push(e));
    const rescuer = await startRedisWorker<string>({ url: REDIS_URL, name, stalledCheckMs: 200, run: async (spec) => `rescued ${spec.input}` });
    open.push(rescuer);
    await until(async () => (await statusOf(server, id)) === 'done', 'the rescuer finishes it', 20_000);
    assert.equal((await server.get(id))?.result, 'rescued survive');
    await until(() => events.at(-1)?.type === 'done', 'done delivered');
    assert.deepEqual(
      events.map((e) => (e.type === 'status' ? `status:${e.status}` : e.type)),
      ['status:running', 'progress', 'status:running', 'done'],
      'the restart is announced by a second running status',
    );
    assert.deepEqual(events.map((e) => e.seq), [1, 2, 3, 4]);
  });

  test('a job whose workers keep dying fails WORKER_LOST instead of looping', async () => {
    const name = freshQueueName('lost');
    const { child, started } = await slowWorkerProcess(name);
    const server = await openRedisQueue<string>({ url: REDIS_URL, name });
    open.push(server);
    const id = await server.submit({ kind: 'check', input: 'poison' });
    await until(() => started.includes(id), 'the job starts in the child', 30_000);
    child.kill('SIGKILL');
    let ran = 0;
    const rescuer = await startRedisWorker<string>({ url: REDIS_URL, name, stalledCheckMs: 200, maxRecoveries: 0, run: async () => `ran ${++ran}` });
    open.push(rescuer);
    await until(async () => (await statusOf(server, id)) === 'failed', 'failed', 20_000);
    const job = await server.get(id);
    assert.equal(job?.error?.code, 'WORKER_LOST');
    assert.match(job?.error?.problem ?? '', /is not started again: its worker stopped before it ended once \(killed, out of memory, or cut off from Redis\)/);
    assert.equal(ran, 0, 'the job was not run again');
  });

  test('a stopping worker finishes its running job first (finish), or hands it back to the line (handback)', async () => {
    const name = freshQueueName('stop');
    let release: (v: string) => void = () => undefined;
    const starts: string[] = [];
    const first: RedisWorker = await startRedisWorker<string>({
      url: REDIS_URL,
      name,
      run: (spec, ctx) =>
        new Promise((resolve, reject) => {
          starts.push(spec.input);
          release = resolve;
          ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason));
        }),
    });
    const server = await openRedisQueue<string>({ url: REDIS_URL, name });
    open.push(server);
    const a = await server.submit({ kind: 'check', input: 'a' });
    await until(() => starts.length === 1, 'a starts');
    const stopping = first.close('finish');
    await sleep(100);
    assert.equal(await statusOf(server, a), 'running', 'a graceful stop waits for the job');
    release('A');
    await stopping;
    assert.equal(await statusOf(server, a), 'done');
    assert.equal((await server.get(a))?.result, 'A');

    const second = await startRedisWorker<string>({ url: REDIS_URL, name, run: (spec, ctx) => new Promise((_resolve, reject) => { starts.push(spec.input); ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason)); }) });
    const b = await server.submit({ kind: 'check', input: 'b' });
    const events: JobEvent[] = [];
    await server.subscribe(b, (e) => events.push(e));
    await until(() => starts.length === 2, 'b starts');
    const stop = second.close('finish');
    await sleep(50);
    await second.close('handback'); // a second Ctrl+C
    await stop;
    await until(async () => (await statusOf(server, b)) === 'queued', 'b is back in line');
    assert.equal((await server.get(b))?.position, 0, 'at the front of the line');
    const third = await startRedisWorker<string>({ url: REDIS_URL, name, run: async (spec) => `third ${spec.input}` });
    open.push(third);
    await until(async () => (await statusOf(server, b)) === 'done', 'b done by the next worker');
    assert.equal((await server.get(b))?.result, 'third b');
    await until(() => events.at(-1)?.type === 'done', 'done delivered');
    assert.deepEqual(events.map((e) => (e.type === 'status' ? `status:${e.status}` : e.type)), ['status:running', 'status:queued', 'status:running', 'done']);
  });
}

/**
 * A worker on queue `name` whose job ignores its abort signal and returns a result only when
 * released, and that job submitted and running.
 */
async function runningJobThatIgnoresCancel(name: string): Promise<{ queue: RedisQueue<string>; id: string; release: () => void }> {
  let release = (): void => undefined;
  const started: string[] = [];
  const worker = await startRedisWorker<string>({
    url: REDIS_URL,
    name,
    run: (_spec, ctx) => {
      started.push(ctx.id);
      return new Promise<string>((resolve) => (release = () => resolve('late result')));
    },
  });
  open.push({ close: () => worker.close('finish') });
  const queue = await openRedisQueue<string>({ url: REDIS_URL, name });
  open.push(queue);
  const id = await queue.submit({ kind: 'check', input: 'x' });
  await until(() => started.length === 1, 'the job starts');
  return { queue, id, release: () => release() };
}

if (redisAvailable('redis worker')) {
  test('a running job asked to stop that returns a result anyway ends cancelled (no result, one cancelled event)', async () => {
    const name = freshQueueName('cancel-late');
    const { queue, id, release } = await runningJobThatIgnoresCancel(name);
    const events: JobEvent[] = [];
    await queue.subscribe(id, (e) => events.push(e));
    assert.equal(await queue.cancel(id), true);
    // The worker may have seen the cancel (its signal aborted) or not yet: either way it ends cancelled.
    release();
    await until(async () => (await statusOf(queue, id)) === 'cancelled', 'cancelled');
    const job = await queue.get(id);
    assert.equal(job?.result, null);
    assert.equal(job?.error?.code, 'CANCELLED');
    await until(() => events.some((e) => e.type === 'cancelled'), 'the cancelled event');
    assert.equal(events.filter((e) => e.type === 'cancelled' || e.type === 'done' || e.type === 'failed').length, 1);
  });

  test('a job whose cancel mark is set but not yet announced to its worker, and that then returns, ends cancelled', async () => {
    const name = freshQueueName('cancel-mark');
    const { queue, id, release } = await runningJobThatIgnoresCancel(name);
    const { Redis } = await import('ioredis');
    const r = new Redis(REDIS_URL);
    try {
      // The mark queue.cancel sets, without its announcement: the worker's signal stays unaborted.
      await r.hset(`verity:${name}:vj:${id}`, 'cancel', '1');
    } finally {
      r.disconnect();
    }
    release();
    await until(async () => ['done', 'cancelled'].includes((await statusOf(queue, id)) ?? ''), 'the job ends');
    const job = await queue.get(id);
    assert.equal(job?.status, 'cancelled');
    assert.equal(job?.result, null);
    assert.equal(job?.error?.code, 'CANCELLED');
    assert.match(job?.error?.message ?? '', /while it ran/);
  });

  test('submit: the waiting-line bound holds for submits racing from two servers, and a refused job leaves nothing in BullMQ', async () => {
    const name = freshQueueName('bound');
    // No worker: every accepted job stays queued.
    const a = await openRedisQueue<string>({ url: REDIS_URL, name, maxQueued: 3 });
    const b = await openRedisQueue<string>({ url: REDIS_URL, name, maxQueued: 3 });
    open.push(a, b);
    const tries = Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? a : b).submit({ kind: 'check', input: String(i) }));
    const settled = await Promise.allSettled(tries);
    const accepted = settled.filter((s) => s.status === 'fulfilled');
    const refused = settled.filter((s): s is PromiseRejectedResult => s.status === 'rejected');
    assert.equal(accepted.length, 3, 'exactly maxQueued jobs are accepted');
    for (const r of refused) assert.equal((r.reason as { code?: string }).code, 'BUSY');
    assert.equal((await a.stats()).queued, 3);
    const { Redis } = await import('ioredis');
    const r = new Redis(REDIS_URL);
    try {
      assert.equal(await r.llen(`verity:${name}:wait`), 3, "BullMQ's line holds only the accepted jobs");
    } finally {
      r.disconnect();
    }
    for (const s of accepted) if (s.status === 'fulfilled') assert.equal((await a.get(s.value))?.position !== null, true);
  });
}
