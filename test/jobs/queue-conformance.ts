// The Queue contract's conformance suite: every Queue implementation runs these tests (the
// in-process queue, and the Redis-backed one in test/jobs/redis-queue.test.ts). Runners are
// driven by hand (deferreds). Events may reach listeners a moment after the state changes (a
// remote queue delivers them by pub/sub), so the tests wait for them rather than assume them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { JobContext, JobEvent, JobRunner, JobSpec, Queue } from '../../src/jobs/index.js';
import { VerityError } from '../../src/errors.js';

/** Makes a fresh queue of the implementation under test, running jobs with `run`. */
export type QueueFactory = (options: { run: JobRunner<string>; concurrency?: number; maxQueued?: number }) => Queue<string>;

interface Gate {
  spec: JobSpec;
  ctx: JobContext;
  finish(value: string): void;
  fail(e: unknown): void;
}

/** A queue whose jobs wait until the test finishes them; `started` lists them in start order. */
function manualQueue(make: QueueFactory, options: { concurrency?: number; maxQueued?: number } = {}) {
  const started: Gate[] = [];
  const queue = make({
    ...options,
    run: (spec, ctx) =>
      new Promise<string>((resolve, reject) => {
        started.push({ spec, ctx, finish: resolve, fail: reject });
        ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason));
      }),
  });
  return { queue, started };
}

export const tick = (): Promise<void> => new Promise((r) => setImmediate(r));
/** Waits for a condition: a few event-loop turns (an in-process queue), then up to 10 s in 5 ms steps (a remote one). */
export async function until(cond: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await cond()) return;
    await tick();
  }
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await cond()) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  assert.fail(`timed out waiting for ${what}`);
}

export async function statusOf(queue: Queue<string>, id: string): Promise<string | undefined> {
  return (await queue.get(id))?.status;
}

export function queueConformance(name: string, make: QueueFactory): void {
  test(`${name}: runs at most \`concurrency\` jobs at once, and starts queued jobs in submission order`, async () => {
    const { queue, started } = manualQueue(make, { concurrency: 2 });
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
    assert.match(last?.createdAt ?? '', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
    assert.deepEqual(await queue.stats(), { queued: 0, running: 0, finished: 4, concurrency: 2 });
  });

  test(`${name}: progress events arrive in order, live and replayed, ending with one terminal event`, async () => {
    const { queue, started } = manualQueue(make);
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
    await until(() => live.length === 5, 'the five events delivered');
    const expected = ['status:running', 'progress:plan 1/1', 'progress:retrieve 1/2', 'progress:retrieve 2/2', 'done'];
    const show = (e: JobEvent): string => (e.type === 'progress' ? `progress:${e.progress.stage} ${e.progress.done}/${e.progress.total}` : e.type === 'status' ? `status:${e.status}` : e.type);
    assert.deepEqual(live.map(show), expected);
    assert.deepEqual(live.map((e) => e.seq), [1, 2, 3, 4, 5], 'events are numbered 1, 2, 3 …');
    stop();
    // Progress reported after the job ended is ignored.
    ctx.onProgress({ stage: 'late', done: 1, total: 1 });
    const replayed: JobEvent[] = [];
    await queue.subscribe(id, (e) => replayed.push(e));
    assert.deepEqual(replayed.map(show), expected);
    assert.deepEqual(replayed.map((e) => e.seq), [1, 2, 3, 4, 5], 'a replay keeps the numbers');
  });

  test(`${name}: a job that throws a VerityError fails with its code, component, problem and fix`, async () => {
    const { queue, started } = manualQueue(make);
    const id = await queue.submit({ kind: 'check', input: 'x' });
    const events: JobEvent[] = [];
    await queue.subscribe(id, (e) => events.push(e));
    await until(() => started.length === 1, 'start');
    started[0]!.fail(new VerityError({ code: 'NOT_FOUND', component: 'check', problem: 'the corpus at "x.db" is empty', fix: 'ingest documents first', retryable: false }));
    await until(async () => (await statusOf(queue, id)) === 'failed', 'failed');
    await until(() => events.at(-1)?.type === 'failed', 'the failed event delivered');
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

  test(`${name}: a job that throws something else fails as INTERNAL naming the message, and the next job still runs`, async () => {
    const { queue, started } = manualQueue(make);
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

  test(`${name}: cancel: a queued job never starts; a running job is aborted and ends cancelled; finished or unknown jobs cannot be cancelled`, async () => {
    const { queue, started } = manualQueue(make);
    const a = await queue.submit({ kind: 'check', input: 'a' });
    const b = await queue.submit({ kind: 'check', input: 'b' });
    const c = await queue.submit({ kind: 'check', input: 'c' });
    await until(() => started.length === 1, 'a starts');

    const bEvents: JobEvent[] = [];
    await queue.subscribe(b, (e) => bEvents.push(e));
    assert.equal(await queue.cancel(b), true);
    assert.equal(await statusOf(queue, b), 'cancelled');
    await until(() => bEvents.length > 0, 'the cancelled event delivered');
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

  test(`${name}: a running job that completes after being cancelled still ends cancelled`, async () => {
    const started: JobContext[] = [];
    let release: () => void = () => undefined;
    const queue = make({
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

  test(`${name}: submit refuses with BUSY (retryable) when the waiting line is full`, async () => {
    const { queue, started } = manualQueue(make, { maxQueued: 2 });
    await queue.submit({ kind: 'check', input: '1' });
    await until(() => started.length === 1, 'the first job starts');
    await queue.submit({ kind: 'check', input: '2' });
    await queue.submit({ kind: 'check', input: '3' });
    await assert.rejects(
      () => queue.submit({ kind: 'check', input: '4' }),
      (e: unknown) => e instanceof VerityError && e.code === 'BUSY' && e.retryable && /2 jobs are already waiting \(the limit is 2\)/.test(e.message),
    );
    await queue.close();
  });

  test(`${name}: close cancels queued jobs, aborts running ones, waits for them, and refuses new jobs`, async () => {
    const { queue, started } = manualQueue(make);
    const a = await queue.submit({ kind: 'check', input: 'a' });
    const b = await queue.submit({ kind: 'check', input: 'b' });
    await until(() => started.length === 1, 'start');
    await queue.close();
    assert.equal(await statusOf(queue, a), 'cancelled');
    assert.equal(await statusOf(queue, b), 'cancelled');
    assert.equal(started.length, 1);
    await assert.rejects(() => queue.submit({ kind: 'check', input: 'c' }), (e: unknown) => e instanceof VerityError && e.code === 'UNAVAILABLE');
  });

  test(`${name}: unknown ids: get gives null, subscribe throws NOT_FOUND naming the id`, async () => {
    const { queue } = manualQueue(make);
    assert.equal(await queue.get('missing'), null);
    await assert.rejects(() => queue.subscribe('missing', () => undefined), /no job with id "missing"/);
  });

  test(`${name}: a listener that throws is dropped; the job and other listeners carry on`, async () => {
    const { queue, started } = manualQueue(make);
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
    await until(() => seen.at(-1) === 'done', 'the done event delivered');
    assert.deepEqual(seen, ['status', 'progress', 'done']);
  });
}
