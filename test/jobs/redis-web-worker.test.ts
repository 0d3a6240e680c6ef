// `verity serve --queue … --web --fetch` with `verity worker` processes on a real Redis: a worker
// started without --web fails a web check with an error naming the flag; one started with
// --web --fetch runs web checks and fetch audits against the recorded web. Flag usage errors.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/run-cli.js';
import { spawnVerity, type RunningVerity } from '../helpers/spawn-verity.js';
import { REDIS_URL, freshQueueName, redisAvailable } from '../helpers/redis-test-server.js';
import { startWebFixtureServer, type WebFixtureServer } from '../check/check-web-server.js';
import { fixtureText, startCitedPages } from '../fixtures/audit-fetch/server.js';
import type { LocalServer } from '../web/local-server.js';
import { until } from './queue-conformance.js';

const dir = mkdtempSync(join(tmpdir(), 'verity-web-worker-'));
const children: ChildProcessWithoutNullStreams[] = [];
let web: WebFixtureServer;
let pages: LocalServer;
before(async () => {
  web = await startWebFixtureServer();
  pages = await startCitedPages();
});
after(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  await web.close();
  await pages.close();
  rmSync(dir, { recursive: true, force: true });
});

const CLAIM = '31 of 52 cities in Examplestan restrict cars in their centres';
const DOC = `# Harbour statistics 2024

The port authority reported that 412 ships docked at Elmsford harbour in 2024.
`;

function start(args: string[]): RunningVerity {
  return spawnVerity(args, children, { VERITY_WEB_ALLOW_PRIVATE: '1', VERITY_WIKIPEDIA_URL: web.origin });
}

test('verity worker: --web-* or --fetch-limit without their switch are usage errors; --help names the flags', async () => {
  const db = join(dir, 'none.db');
  const r1 = await runCli(['worker', '--db', db, '--web-url', 'http://127.0.0.1:1']);
  assert.equal(r1.code, 2);
  assert.match(r1.stderr, /\[worker\] --web-url is given without --web\. Fix: add --web/);
  const r2 = await runCli(['worker', '--db', db, '--fetch-limit', '5']);
  assert.equal(r2.code, 2);
  assert.match(r2.stderr, /\[worker\] --fetch-limit is given without --fetch/);
  const help = await runCli(['worker', '--help']);
  assert.match(help.stdout, /--web {14}allow check jobs to search the web/);
  assert.match(help.stdout, /--fetch {12}allow audit jobs to fetch/);
});

if (redisAvailable('verity worker --web')) {
  test('a web check fails on a worker without --web (naming it) and runs on one with --web; a fetch audit runs with --fetch', async () => {
    writeFileSync(join(dir, 'doc.md'), DOC);
    const db = join(dir, 'w.db');
    assert.equal((await runCli(['ingest', join(dir, 'doc.md'), '--db', db])).code, 0);
    const name = freshQueueName('web');
    const server = start(['serve', '--db', db, '--port', '0', '--queue', REDIS_URL, '--name', name, '--web', '--fetch', '--json']);
    await until(() => /"url": "http:[^"]+"/.test(server.out()) || server.child.exitCode !== null, 'the server prints its address', 30_000);
    const url = /"url": "(http:[^"]+)"/.exec(server.out())?.[1] ?? assert.fail(`no address in: ${server.out()} ${server.err()}`);
    const job = async (id: string): Promise<Record<string, unknown>> => {
      let last: Record<string, unknown> = {};
      await until(
        async () => {
          last = (await (await fetch(`${url}/api/jobs/${id}`)).json()) as Record<string, unknown>;
          return ['done', 'failed', 'cancelled'].includes(String(last.status));
        },
        `job ${id} ends`,
        60_000,
      );
      return last;
    };
    const postCheck = async (): Promise<string> => {
      const res = await fetch(`${url}/api/checks`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ input: CLAIM, web: true }) });
      assert.equal(res.status, 202, await res.clone().text());
      return ((await res.json()) as { id: string }).id;
    };

    const plain = start(['worker', '--db', db, '--queue', REDIS_URL, '--name', name]);
    await until(() => /worker ready/.test(plain.out()) || plain.child.exitCode !== null, 'the plain worker is ready', 30_000);
    const searches = web.searches.length;
    const refused = await job(await postCheck());
    assert.equal(refused.status, 'failed');
    const error = refused.error as { code: string; problem: string; fix: string };
    assert.equal(error.code, 'FORBIDDEN');
    assert.match(error.problem, /the worker running it was started without --web/);
    assert.match(error.fix, /verity worker --web/);
    assert.equal(web.searches.length, searches, 'the plain worker searched nothing');
    plain.child.kill('SIGTERM');
    assert.equal(await plain.exited, 0, plain.err());

    const worker = start(['worker', '--db', db, '--queue', REDIS_URL, '--name', name, '--web', '--fetch']);
    await until(() => /press Ctrl\+C/.test(worker.out()) || worker.child.exitCode !== null, 'the web worker is ready', 30_000);
    assert.match(worker.out(), /check jobs may search the web \(wikipedia at .*\); audit jobs may fetch the cited pages/);
    const checked = await job(await postCheck());
    assert.equal(checked.status, 'done', JSON.stringify(checked.error));
    const report = checked.report as { verdict: { label: string }; sources: Array<{ uri: string }> };
    assert.equal(report.verdict.label, 'supported');
    assert.ok(report.sources.some((s) => s.uri === `${web.origin}/wiki/Car-free_zones_in_Examplestan`));

    const posted = await fetch(`${url}/api/audits?fetch=1`, { method: 'POST', headers: { 'content-type': 'text/markdown' }, body: fixtureText('article.md', pages.origin) });
    assert.equal(posted.status, 202);
    const audited = await job(((await posted.json()) as { id: string }).id);
    assert.equal(audited.status, 'done', JSON.stringify(audited.error));
    const refs = (audited.report as { references: Array<{ n: number; fetched?: { status?: string } }> }).references;
    assert.equal(refs.find((r) => r.n === 1)?.fetched?.status, 'added');

    worker.child.kill('SIGTERM');
    server.child.kill('SIGTERM');
    assert.equal(await worker.exited, 0, worker.err());
    assert.equal(await server.exited, 0, server.err());
  });
}
