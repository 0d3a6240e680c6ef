// `verity serve --queue redis://…` with a `verity worker`, both as real processes on a real
// Redis: a check posted to the server's HTTP API is run by the worker and its report served
// back; bad options and an unreachable Redis are clear errors.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/run-cli.js';
import { spawnVerity, type RunningVerity } from '../helpers/spawn-verity.js';
import { REDIS_URL, freshQueueName, redisAvailable } from '../helpers/redis-test-server.js';
import { until } from './queue-conformance.js';

const dir = mkdtempSync(join(tmpdir(), 'verity-serve-queue-'));
const children: ChildProcessWithoutNullStreams[] = [];
after(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

const DOC = `# Harbour statistics 2024

The port authority reported that 412 ships docked at Elmsford harbour in 2024.
Of those 412 ships, 37 were cruise liners and the rest were cargo vessels.
`;

function start(args: string[]): RunningVerity {
  return spawnVerity(args, children);
}

async function corpus(name: string): Promise<string> {
  writeFileSync(join(dir, 'doc.md'), DOC);
  const db = join(dir, name);
  const r = await runCli(['ingest', join(dir, 'doc.md'), '--db', db]);
  assert.equal(r.code, 0, r.stderr);
  return db;
}

test('verity serve: --name without --queue, and an unreachable Redis, are clear errors', async () => {
  const db = await corpus('e.db');
  const lone = await runCli(['serve', '--db', db, '--name', 'q1'], { env: { VERITY_QUEUE_URL: '' } });
  assert.equal(lone.code, 2);
  assert.match(lone.stderr, /--name "q1" names a Redis queue, but no --queue was given/);
  const down = await runCli(['serve', '--db', db, '--port', '0', '--queue', 'redis://:secret@127.0.0.1:9']);
  assert.equal(down.code, 1);
  assert.match(down.stderr, /\[jobs\] cannot connect \(Redis at "redis:\/\/:\*\*\*@127\.0\.0\.1:9"\)/);
  assert.doesNotMatch(down.stderr, /secret/);
});

if (redisAvailable('verity serve --queue')) {
  test('verity serve --queue: a check posted over HTTP is run by a worker process and served back', async () => {
    const db = await corpus('s.db');
    const name = freshQueueName('serve');
    const server = start(['serve', '--db', db, '--port', '0', '--queue', REDIS_URL, '--name', name, '--json']);
    await until(() => /"url": "http:[^"]+"/.test(server.out()) || server.child.exitCode !== null, 'the server prints its address', 30_000);
    const url = /"url": "(http:[^"]+)"/.exec(server.out())?.[1] ?? assert.fail(`no address in: ${server.out()} ${server.err()}`);
    const posted = await fetch(`${url}/api/checks`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ input: '412 ships docked at Elmsford harbour in 2024' }) });
    assert.equal(posted.status, 202);
    const { id } = (await posted.json()) as { id: string };
    // No worker yet: the server runs nothing itself, so the job waits in Redis.
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(((await (await fetch(`${url}/api/jobs/${id}`)).json()) as { status: string }).status, 'queued');

    const worker = start(['worker', '--db', db, '--queue', REDIS_URL, '--name', name]);
    await until(async () => ['done', 'failed'].includes(((await (await fetch(`${url}/api/jobs/${id}`)).json()) as { status: string }).status), 'the worker runs the check', 60_000);
    const md = await fetch(`${url}/api/jobs/${id}/report?format=md`);
    assert.equal(md.status, 200);
    assert.match(await md.text(), /412 ships/);
    assert.match(worker.err(), new RegExp(`job ${id} done`));

    worker.child.kill('SIGTERM');
    server.child.kill('SIGTERM');
    assert.equal(await worker.exited, 0, worker.err());
    assert.equal(await server.exited, 0, server.err());
  });
}
