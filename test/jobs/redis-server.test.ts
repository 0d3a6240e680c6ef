// The HTTP server over the Redis-backed queue, wired the way `verity serve --queue redis://…`
// would be (openServerRedisQueue): the server only submits and follows; a separate worker (the
// same runner as the server's own) runs the jobs. The API answers as with the in-process queue: the same report,
// progress over SSE, and a stream that resumes after Last-Event-ID without repeats.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkInput } from '../../src/check/index.js';
import { renderReport } from '../../src/report/index.js';
import { startRedisWorker } from '../../src/jobs/index.js';
import { openServerRedisQueue, queueUrlFrom } from '../../src/cli/commands/worker.js';
import type { RedisWorker } from '../../src/jobs/index.js';
import { createJobRunner } from '../../src/server/job-runner.js';
import type { VerityJobResult } from '../../src/server/job-runner.js';
import { FIXED_NOW, smallStore } from '../check/helpers.js';
import { postJson, readEvents, testServer, waitForJob } from '../server/helpers.js';
import type { TestServer } from '../server/helpers.js';
import { REDIS_URL, freshQueueName, redisAvailable } from '../helpers/redis-test-server.js';

const CLAIM = 'Ruritania criminalizes possession of banned images';

if (redisAvailable('server on the redis queue')) {
  let t: TestServer;
  let worker: RedisWorker;
  before(async () => {
    const name = freshQueueName('serve');
    const store = await smallStore();
    const queue = await openServerRedisQueue({ url: REDIS_URL, name, store });
    t = await testServer({ queue, store });
    worker = await startRedisWorker<VerityJobResult>({ url: REDIS_URL, name, run: createJobRunner(t.store, { now: FIXED_NOW }) });
  });
  after(async () => {
    await worker.close();
    await t.close();
  });

  test('a check through the API runs on a worker and gives the report the library writes', async () => {
    const health = (await (await fetch(`${t.url}/api/health`)).json()) as { queue: { engine: string; concurrency: number } };
    assert.equal(health.queue.engine, 'redis');
    assert.equal(health.queue.concurrency, 1);
    const res = await postJson(`${t.url}/api/checks`, { input: CLAIM });
    assert.equal(res.status, 202);
    const { id, links } = (await res.json()) as { id: string; links: Record<string, string> };
    const events = await readEvents(`${t.url}${links.events}`);
    assert.equal(events.at(-1)?.event, 'done', events.map((e) => e.event).join(','));
    assert.deepEqual(events.map((e) => e.id), events.map((_e, i) => i + 1), 'SSE ids are the seq numbers 1, 2, 3 …');
    assert.deepEqual(events.filter((e) => e.event === 'progress').map((e) => e.data.stage), ['plan', 'retrieve', 'compose', 'verify']);
    const job = await waitForJob(t.url, id);
    assert.equal(job.status, 'done');
    const expected = await checkInput(t.store, CLAIM, { now: FIXED_NOW });
    const md = await fetch(`${t.url}/api/jobs/${id}/report?format=md`);
    assert.equal(await md.text(), renderReport(expected, 'md'));

    const resumed = await readEvents(`${t.url}${links.events}`, { 'last-event-id': '2' });
    assert.deepEqual(resumed.map((e) => e.id), events.filter((e) => e.id > 2).map((e) => e.id), 'a reconnecting client gets only what it has not seen');
  });
}

test('queueUrlFrom: --queue, else $VERITY_QUEUE_URL, else the fallback; an empty --queue is a usage error', () => {
  assert.equal(queueUrlFrom('redis://a:1', { VERITY_QUEUE_URL: 'redis://b:2' }), 'redis://a:1');
  assert.equal(queueUrlFrom(undefined, { VERITY_QUEUE_URL: 'redis://b:2' }), 'redis://b:2');
  assert.equal(queueUrlFrom(undefined, {}), 'redis://127.0.0.1:6379');
  assert.equal(queueUrlFrom(undefined, {}, null), null, 'serve: no --queue means the in-process queue');
  assert.throws(() => queueUrlFrom(' ', {}), /--queue is empty/);
});
