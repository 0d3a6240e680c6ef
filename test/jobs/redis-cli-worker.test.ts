// `verity worker` against a real Redis: a worker process runs a check submitted by a server-side
// queue, on its own corpus, and stops cleanly on SIGTERM; bad options and an unreachable Redis
// are clear errors.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openRedisQueue } from '../../src/jobs/index.js';
import type { RedisQueue } from '../../src/jobs/index.js';
import type { VerityJobResult } from '../../src/server/job-runner.js';
import { runCli } from '../helpers/run-cli.js';
import { REDIS_URL, freshQueueName, redisAvailable } from '../helpers/redis-test-server.js';
import { until } from './queue-conformance.js';

const dir = mkdtempSync(join(tmpdir(), 'verity-worker-'));
const open: Array<{ close(): Promise<void> }> = [];
after(async () => {
  for (const q of open.reverse()) await q.close();
  rmSync(dir, { recursive: true, force: true });
});

const DOC = `# Harbour statistics 2024

The port authority reported that 412 ships docked at Elmsford harbour in 2024.
Of those 412 ships, 37 were cruise liners and the rest were cargo vessels.
The authority said the harbour handled more ships in 2024 than in any earlier year.
`;

test('verity worker: usage errors and an unreachable Redis are clear errors', async () => {
  const bad = await runCli(['worker', '--concurrency', '0', '--db', join(dir, 'none.db')]);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--concurrency "0" is not a whole number from 1 to 64/);
  writeFileSync(join(dir, 'doc.md'), DOC);
  const ingest = await runCli(['ingest', join(dir, 'doc.md'), '--db', join(dir, 'c.db')]);
  assert.equal(ingest.code, 0, ingest.stderr);
  const down = await runCli(['worker', '--db', join(dir, 'c.db'), '--queue', 'redis://:pw@127.0.0.1:9']);
  assert.equal(down.code, 1);
  assert.match(down.stderr, /\[jobs\] cannot connect \(Redis at "redis:\/\/:\*\*\*@127\.0\.0\.1:9"\): connect ECONNREFUSED 127\.0\.0\.1:9\. Fix: start redis-server or check --queue\/VERITY_QUEUE_URL/);
  assert.doesNotMatch(down.stderr, /:pw@/);
});

if (redisAvailable('verity worker')) {
  test('verity worker: runs a check submitted to the queue, then stops on SIGTERM', async () => {
    writeFileSync(join(dir, 'doc.md'), DOC);
    const db = join(dir, 'w.db');
    assert.equal((await runCli(['ingest', join(dir, 'doc.md'), '--db', db])).code, 0);
    const name = freshQueueName('cli');
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'worker', '--db', db, '--queue', REDIS_URL, '--name', name], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1' },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (err += c.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      await until(() => /worker ready/.test(out) || child.exitCode !== null, 'the worker is ready', 30_000);
      assert.match(out, /worker ready \(queue redis:\/\/127\.0\.0\.1:\d+\/?\d* ".+", concurrency 1, corpus .*w\.db: 1 sources/);
      const queue: RedisQueue<VerityJobResult> = await openRedisQueue<VerityJobResult>({ url: REDIS_URL, name });
      open.push(queue);
      assert.equal((await queue.stats()).concurrency, 1, 'the worker process is counted');
      const id = await queue.submit({ kind: 'check', input: '412 ships docked at Elmsford harbour in 2024' });
      await until(async () => ['done', 'failed'].includes((await queue.get(id))?.status ?? ''), 'the check ends', 60_000);
      const job = await queue.get(id);
      assert.equal(job?.status, 'done', JSON.stringify(job?.error));
      assert.equal(job?.result?.kind, 'check');
      const report = job?.result?.kind === 'check' ? job.result.report : null;
      assert.equal(report?.input, '412 ships docked at Elmsford harbour in 2024');
      assert.ok((report?.sources.length ?? 0) >= 1, 'the report cites the ingested document');
      assert.equal(job?.progress === null, false, 'progress was recorded');
      assert.match(err, new RegExp(`job ${id} \\(check\\) started`));
      // The worker logs the end just after recording it, so the line may trail the state by a moment.
      await until(() => new RegExp(`job ${id} done`).test(err), 'the worker logs the end', 5000).catch(() => undefined);
      assert.match(err, new RegExp(`job ${id} done`));
    } finally {
      child.kill('SIGTERM');
    }
    assert.equal(await exited, 0, err);
    assert.match(err, /\[worker\] stopped/);
  });
}
