// The in-process queue against the Queue contract: concurrency, order, progress events, failure,
// cancellation, eviction, back-pressure and shutdown. Runners are driven by hand (deferreds).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createInProcessQueue } from '../../src/jobs/index.js';
import type { JobContext, JobEvent, JobSpec, Queue } from '../../src/jobs/index.js';
import { VerityError } from '../../src/errors.js';

interface Gate {
  spec: JobSpec;
  ctx: JobContext;
  finish(value: string): void;
  fail(e: unknown): void;
}

/** A queue whose jobs wait until the test finishes them; `started` lists them in start order. */
function manualQueue(options: { concurrency?: number; history?: number; historyChars?: number; maxQueued?: number; maxEvents?: number } = {}) {
  const started: Gate[] = [];
  let n = 0;
  const queue = createInProcessQueue<string>({
    ...options,
    newId: () => `job-${++n}`,
    now: () => new Date('2026-01-15T12:00:00.000Z'),
    run: (spec, ctx) =>
      new Promise<string>((resolve, reject) => {
        started.push({ spec, ctx, finish: resolve, fail: reject });
        ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason));
      }),
  });
  return { queue, started };
}

const tick = (): Promise<void> => new Promise((r) => setImmediate(r));
async function until(cond: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await cond()) return;
    await tick();
  }
  assert.fail(`timed out waiting for ${what}`);
}

async function statusOf(queue: Queue<string>, id: string): Promise<string | undefined> {
  return (await queue.get(id))?.status;
}

test('runs at most `concurrency` jobs at once, and starts queued jobs in submission order', async () => {
  const { queue, started } = manualQueue({ concurrency: 2 });
  const ids: string[] = [];
  for (const input of ['a', 'b', 'c', 'd']) ids.push(await queue.submit({ kind: 'check', input }));
  await until(() => started.length === 2, 'two starts');
  await tick();
  assert.equal(started.length, 2, 'a third job must not start while two run');
  assert.deepEqual(await queue.stats(), { queued: 2, running: 2, finished: 0, concurrency: 2 });
  assert.equal((await queue.get(ids[2]!))?.position, 0);
  assert.equal((await queue.get(ids[3]!))?.position, 1);
  assert.equal((await queue.get(ids[0]!))?.position, null);

  started[1]!.finish('B');
  await until(() => started.length === 3, 'third start');
  assert.equal(started[2]!.spec.input, 'c');
  started[0]!.finish('A');
  await until(() => started.length === 4, 'fourth start');
  assert.equal(started[3]!.spec.input, 'd');
  started[2]!.finish('C');
  started[3]!.finish('D');
  await until(async () => (await statusOf(queue, ids[3]!)) === 'done', 'last done');
  const last = await queue.get(ids[3]!);
  assert.equal(last?.result, 'D');
  assert.equal(last?.error, null);
  assert.equal(last?.createdAt, '2026-01-15T12:00:00.000Z');
  assert.deepEqual(await queue.stats(), { queued: 0, running: 0, finished: 4, concurrency: 2 });
});

test('default concurrency is 1', async () => {
  const { queue, started } = manualQueue();
  await queue.submit({ kind: 'check', input: 'a' });
  await queue.submit({ kind: 'check', input: 'b' });
  await until(() => started.length === 1, 'one start');
  for (let i = 0; i < 5; i++) await tick();
  assert.equal(started.length, 1);
  assert.equal((await queue.stats()).concurrency, 1);
  await queue.close();
});

test('progress events arrive in order, live and replayed, ending with one terminal event', async () => {
  const { queue, started } = manualQueue();
  const id = await queue.submit({ kind: 'check', input: 'x' });
  const live: JobEvent[] = [];
  const stop = await queue.subscribe(id, (e) => live.push(e));
  await until(() => started.length === 1, 'start');
  const { ctx } = started[0]!;
  ctx.onProgress({ stage: 'plan', done: 1, total: 1 });
  ctx.onProgress({ stage: 'retrieve', done: 1, total: 2 });
  ctx.onProgress({ stage: 'retrieve', done: 2, total: 2 });
  assert.deepEqual((await queue.get(id))?.progress, { stage: 'retrieve', done: 2, total: 2 });
  started[0]!.finish('ok');
  await until(async () => (await statusOf(queue, id)) === 'done', 'done');
  const expected = ['status:running', 'progress:plan 1/1', 'progress:retrieve 1/2', 'progress:retrieve 2/2', 'done'];
  const show = (e: JobEvent): string => (e.type === 'progress' ? `progress:${e.progress.stage} ${e.progress.done}/${e.progress.total}` : e.type === 'status' ? `status:${e.status}` : e.type);
  assert.deepEqual(live.map(show), expected);
  stop();
  // Progress reported after the job ended is ignored.
  ctx.onProgress({ stage: 'late', done: 1, total: 1 });
  const replayed: JobEvent[] = [];
  await queue.subscribe(id, (e) => replayed.push(e));
  assert.deepEqual(replayed.map(show), expected);
});

test('replay keeps the newest progress when a job emits more events than it keeps', async () => {
  const { queue, started } = manualQueue({ maxEvents: 4 });
  const id = await queue.submit({ kind: 'audit', input: 'x' });
  await until(() => started.length === 1, 'start');
  for (let i = 1; i <= 10; i++) started[0]!.ctx.onProgress({ stage: 'audit', done: i, total: 10 });
  started[0]!.finish('ok');
  await until(async () => (await statusOf(queue, id)) === 'done', 'done');
  const events: JobEvent[] = [];
  await queue.subscribe(id, (e) => events.push(e));
  assert.deepEqual(
    events.map((e) => (e.type === 'progress' ? e.progress.done : e.type)),
    ['status', 9, 10, 'done'],
    'oldest progress dropped first; the status and terminal events stay',
  );
});

test('a job that throws a VerityError fails with its code, component, problem and fix', async () => {
  const { queue, started } = manualQueue();
  const id = await queue.submit({ kind: 'check', input: 'x' });
  const events: JobEvent[] = [];
  await queue.subscribe(id, (e) => events.push(e));
  await until(() => started.length === 1, 'start');
  started[0]!.fail(new VerityError({ code: 'NOT_FOUND', component: 'check', problem: 'the corpus at "x.db" is empty', fix: 'ingest documents first', retryable: false }));
  await until(async () => (await statusOf(queue, id)) === 'failed', 'failed');
  const job = await queue.get(id);
  assert.deepEqual(job?.error, {
    code: 'NOT_FOUND',
    component: 'check',
    problem: 'the corpus at "x.db" is empty',
    fix: 'ingest documents first',
    retryable: false,
    message: 'verity: [check] the corpus at "x.db" is empty. Fix: ingest documents first',
  });
  assert.equal(job?.result, null);
  const last = events.at(-1);
  assert.equal(last?.type, 'failed');
  assert.equal(last?.type === 'failed' ? last.error.code : '', 'NOT_FOUND');
});

test('a job that throws something else fails as INTERNAL naming the message, and the next job still runs', async () => {
  const { queue, started } = manualQueue();
  const a = await queue.submit({ kind: 'audit', input: 'x' });
  const b = await queue.submit({ kind: 'check', input: 'y' });
  await until(() => started.length === 1, 'start');
  started[0]!.fail(new TypeError('boom'));
  await until(() => started.length === 2, 'second start');
  const job = await queue.get(a);
  assert.equal(job?.status, 'failed');
  assert.equal(job?.error?.code, 'INTERNAL');
  assert.equal(job?.error?.component, 'audit');
  assert.match(job?.error?.problem ?? '', /boom/);
  started[1]!.finish('fine');
  await until(async () => (await statusOf(queue, b)) === 'done', 'b done');
});

test('cancel: a queued job never starts; a running job is aborted and ends cancelled; finished or unknown jobs cannot be cancelled', async () => {
  const { queue, started } = manualQueue();
  const a = await queue.submit({ kind: 'check', input: 'a' });
  const b = await queue.submit({ kind: 'check', input: 'b' });
  const c = await queue.submit({ kind: 'check', input: 'c' });
  await until(() => started.length === 1, 'a starts');

  const bEvents: JobEvent[] = [];
  await queue.subscribe(b, (e) => bEvents.push(e));
  assert.equal(await queue.cancel(b), true);
  assert.equal(await statusOf(queue, b), 'cancelled');
  assert.deepEqual(bEvents.map((e) => e.type), ['cancelled']);
  assert.equal((await queue.get(b))?.error?.code, 'CANCELLED');

  assert.equal(await queue.cancel(a), true);
  assert.equal(started[0]!.ctx.signal.aborted, true, 'the runner sees the abort');
  await until(async () => (await statusOf(queue, a)) === 'cancelled', 'a cancelled');
  assert.equal((await queue.get(a))?.error?.code, 'CANCELLED');

  await until(() => started.length === 2, 'c starts');
  assert.equal(started[1]!.spec.input, 'c', 'the cancelled queued job was skipped');
  started[1]!.finish('C');
  await until(async () => (await statusOf(queue, c)) === 'done', 'c done');
  assert.equal(await queue.cancel(c), false);
  assert.equal(await queue.cancel('nope'), false);
});

test('a running job that completes after being cancelled still ends cancelled', async () => {
  const started: JobContext[] = [];
  let release: () => void = () => undefined;
  const queue = createInProcessQueue<string>({
    run: (_spec, ctx) =>
      new Promise<string>((resolve) => {
        started.push(ctx);
        release = () => resolve('late');
      }),
  });
  const id = await queue.submit({ kind: 'check', input: 'x' });
  await until(() => started.length === 1, 'start');
  await queue.cancel(id);
  release();
  await until(async () => (await statusOf(queue, id)) === 'cancelled', 'cancelled');
  assert.equal((await queue.get(id))?.result, null);
});

test('history is bounded: the oldest finished jobs are evicted, queued and running ones never', async () => {
  const { queue, started } = manualQueue({ history: 2 });
  const ids: string[] = [];
  for (const input of ['a', 'b', 'c']) {
    const id = await queue.submit({ kind: 'check', input });
    ids.push(id);
    await until(() => started.length === ids.length, `${input} starts`);
    started.at(-1)!.finish(input.toUpperCase());
    await until(async () => (await statusOf(queue, id)) === 'done', `${input} done`);
  }
  const running = await queue.submit({ kind: 'check', input: 'r' });
  const waiting = await queue.submit({ kind: 'check', input: 'w' });
  await until(() => started.length === 4, 'r starts');
  assert.equal(await queue.get(ids[0]!), null, 'the oldest finished job is gone');
  assert.equal((await queue.get(ids[1]!))?.result, 'B');
  assert.equal((await queue.get(ids[2]!))?.result, 'C');
  await assert.rejects(() => queue.subscribe(ids[0]!, () => undefined), (e: unknown) => e instanceof VerityError && e.code === 'NOT_FOUND');
  assert.equal(await statusOf(queue, running), 'running');
  assert.equal(await statusOf(queue, waiting), 'queued');
  assert.equal((await queue.stats()).finished, 2);
  await queue.close();
});

test('history is also bounded by the characters of the inputs it holds', async () => {
  const { queue, started } = manualQueue({ history: 100, historyChars: 10 });
  const ids: string[] = [];
  for (const input of ['aaaa', 'bbbb', 'cccc']) {
    const id = await queue.submit({ kind: 'audit', input });
    ids.push(id);
    await until(() => started.length === ids.length, 'start');
    started.at(-1)!.finish('ok');
    await until(async () => (await statusOf(queue, id)) === 'done', 'done');
  }
  assert.equal(await queue.get(ids[0]!), null, '12 characters > 10: the oldest goes');
  assert.notEqual(await queue.get(ids[1]!), null);
  assert.notEqual(await queue.get(ids[2]!), null);
});

test('submit refuses with BUSY (retryable) when the waiting line is full', async () => {
  const { queue } = manualQueue({ maxQueued: 2 });
  await queue.submit({ kind: 'check', input: '1' });
  await tick();
  await queue.submit({ kind: 'check', input: '2' });
  await queue.submit({ kind: 'check', input: '3' });
  await assert.rejects(
    () => queue.submit({ kind: 'check', input: '4' }),
    (e: unknown) => e instanceof VerityError && e.code === 'BUSY' && e.retryable && /2 jobs are already waiting \(the limit is 2\)/.test(e.message),
  );
  await queue.close();
});

test('close cancels queued jobs, aborts running ones, waits for them, and refuses new jobs', async () => {
  const { queue, started } = manualQueue();
  const a = await queue.submit({ kind: 'check', input: 'a' });
  const b = await queue.submit({ kind: 'check', input: 'b' });
  await until(() => started.length === 1, 'start');
  await queue.close();
  assert.equal(await statusOf(queue, a), 'cancelled');
  assert.equal(await statusOf(queue, b), 'cancelled');
  assert.equal(started.length, 1);
  await assert.rejects(() => queue.submit({ kind: 'check', input: 'c' }), (e: unknown) => e instanceof VerityError && e.code === 'UNAVAILABLE');
});

test('unknown ids: get gives null, subscribe throws NOT_FOUND naming the id', async () => {
  const { queue } = manualQueue();
  assert.equal(await queue.get('missing'), null);
  await assert.rejects(() => queue.subscribe('missing', () => undefined), /no job with id "missing"/);
});

test('bad bounds are refused with a message naming the value', () => {
  assert.throws(() => createInProcessQueue({ run: async () => 1, concurrency: 0 }), /concurrency must be a whole number of at least 1, got "0"/);
  assert.throws(() => createInProcessQueue({ run: async () => 1, history: 1.5 }), /history must be a whole number/);
});

test('a listener that throws is dropped; the job and other listeners carry on', async () => {
  const { queue, started } = manualQueue();
  const id = await queue.submit({ kind: 'check', input: 'x' });
  const seen: string[] = [];
  await queue.subscribe(id, () => {
    throw new Error('broken pipe');
  });
  await queue.subscribe(id, (e) => seen.push(e.type));
  await until(() => started.length === 1, 'start');
  started[0]!.ctx.onProgress({ stage: 'plan', done: 1, total: 1 });
  started[0]!.finish('ok');
  await until(async () => (await statusOf(queue, id)) === 'done', 'done');
  assert.deepEqual(seen, ['status', 'progress', 'done']);
});
