// The in-process queue: the Queue conformance suite, then what is particular to it (default
// concurrency, bounded history and event replay, its bounds checked).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createInProcessQueue } from '../../src/jobs/index.js';
import type { JobContext, JobEvent, JobSpec } from '../../src/jobs/index.js';
import { VerityError } from '../../src/errors.js';
import { queueConformance, statusOf, tick, until } from './queue-conformance.js';

queueConformance('in-process', (options) => createInProcessQueue(options));

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
  assert.deepEqual(events.map((e) => e.seq), [1, 10, 11, 12], 'the kept events keep their numbers');
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

test('bad bounds are refused with a message naming the value', () => {
  assert.throws(() => createInProcessQueue({ run: async () => 1, concurrency: 0 }), /concurrency must be a whole number of at least 1, got "0"/);
  assert.throws(() => createInProcessQueue({ run: async () => 1, history: 1.5 }), /history must be a whole number/);
});
