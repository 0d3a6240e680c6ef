// `verity batch` from the command line: reports identical to `verity check` for the same claim,
// a summary per row with bad rows reported, exit codes, a resumed run, a batch process killed
// mid-run losing no finished report, usage errors, and the same batch through a real Redis queue
// and a worker.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/run-cli.js';
import { spawnVerity } from '../helpers/spawn-verity.js';
import { JOURNAL_FILE } from '../../src/batch/index.js';
import { REDIS_URL, freshQueueName, redisAvailable } from '../helpers/redis-test-server.js';
import { startRedisWorker } from '../../src/jobs/index.js';
import { createJobRunner, type VerityJobResult } from '../../src/server/job-runner.js';
import { openStore } from '../../src/store/sqlite/open.js';

const dir = mkdtempSync(join(tmpdir(), 'verity-batch-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const db = join(dir, 'c.db');
const CLAIMS = ['140 of 196 countries have a possession offence', 'Which countries criminalize mere possession?'];

/** A JSON report without what differs between two runs (the time and the stage timings). */
function stable(json: string): unknown {
  const r = JSON.parse(json) as { provenance: Record<string, unknown> };
  delete r.provenance.createdAt;
  delete r.provenance.timingsMs;
  return r;
}

interface SummaryRow {
  id: string;
  status: string;
  report?: string;
  error?: string;
}

async function corpus(): Promise<void> {
  const ing = await runCli(['ingest', join(process.cwd(), 'test/fixtures/ingest/corpus'), '--db', db]);
  assert.equal(ing.code, 0, ing.stderr);
}

test('verity batch: reports identical to verity check; bad rows in the summary; exit 1; a rerun skips what is done', async () => {
  await corpus();
  const file = join(dir, 'claims.jsonl');
  writeFileSync(file, [JSON.stringify({ id: 'a', claim: CLAIMS[0] }), JSON.stringify({ id: 'b', question: CLAIMS[1] }), '{not json', JSON.stringify({ id: 'e', claim: '  ' })].join('\n'));
  const out = join(dir, 'out');
  const run = await runCli(['batch', file, '--out', out, '--db', db, '--summary', 'json']);
  assert.equal(run.code, 1, run.stderr);
  assert.match(run.stderr, /^batch: 4\/4 .*rows\/s, ETA 0:00, 2 failed$/m, 'plain progress lines with the rate and time left');
  assert.match(run.stderr, /2 of 4 rows checked \(0 done before\), 2 failed/);
  const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as { done: number; failed: number; results: SummaryRow[] };
  assert.deepEqual(summary.results.map((r) => [r.id, r.status]), [['a', 'done'], ['b', 'done'], ['3', 'error'], ['e', 'error']]);
  assert.match(summary.results[3]?.error ?? '', /the question or claim is empty/);
  for (const [k, claim] of CLAIMS.entries()) {
    const checked = await runCli(['check', claim, '--db', db, '--format', 'json']);
    assert.equal(checked.code, 0, checked.stderr);
    assert.deepEqual(stable(readFileSync(join(out, summary.results[k]?.report ?? ''), 'utf8')), stable(checked.stdout));
  }
  const again = await runCli(['batch', file, '--out', out, '--db', db, '--json']);
  assert.equal(again.code, 1);
  assert.deepEqual((({ rows, done, failed, skipped, interrupted }) => ({ rows, done, failed, skipped, interrupted }))(JSON.parse(again.stdout)), { rows: 4, done: 2, failed: 2, skipped: 2, interrupted: false });
});

test('verity batch killed mid-run (SIGKILL) loses no finished report; the rerun skips them and does the rest', async () => {
  await corpus();
  const file = join(dir, 'many.csv');
  const claims = Array.from({ length: 40 }, (_, i) => `${100 + i} of 196 countries have a possession offence`);
  writeFileSync(file, ['id,claim', ...claims.map((c, i) => `r${i},${c}`)].join('\n'));
  const out = join(dir, 'killed');
  const children: ChildProcessWithoutNullStreams[] = [];
  const run = spawnVerity(['batch', file, '--out', out, '--db', db, '--concurrency', '2'], children);
  const journal = join(out, JOURNAL_FILE);
  const finished = (): { id: string; status: string; report?: string }[] =>
    existsSync(journal)
      ? readFileSync(journal, 'utf8')
          .split('\n')
          .filter((l) => l.trim() !== '')
          .map((l) => JSON.parse(l) as { id: string; status: string; report?: string })
      : [];
  for (let waited = 0; finished().length < 3 && waited < 120_000; waited += 50) await sleep(50);
  run.child.kill('SIGKILL');
  await run.exited;
  const before = finished();
  assert.ok(before.length >= 3 && before.length < claims.length, `killed after ${before.length} rows: ${run.err()}`);
  // Every row the journal calls done has its whole report on disk.
  for (const r of before) {
    assert.equal(r.status, 'done');
    const report = JSON.parse(readFileSync(join(out, r.report ?? ''), 'utf8')) as { provenance?: unknown };
    assert.equal(typeof report.provenance, 'object', `${r.id}: a whole report`);
  }
  const again = await runCli(['batch', file, '--out', out, '--db', db, '--json']);
  assert.equal(again.code, 0, again.stderr);
  const outcome = JSON.parse(again.stdout) as { rows: number; done: number; skipped: number; failed: number };
  // Every row is done; exactly the rows finished before the kill are skipped, not checked again.
  assert.deepEqual([outcome.rows, outcome.done, outcome.failed, outcome.skipped], [claims.length, claims.length, 0, before.length]);
  const summary = readFileSync(join(out, 'summary.csv'), 'utf8');
  for (let i = 0; i < claims.length; i++) assert.match(summary, new RegExp(`,r${i},done,`));
});

test('verity batch --threads 2 checks in worker threads and writes the reports --threads 0 writes in this process', async () => {
  await corpus();
  const file = join(dir, 'threads.csv');
  writeFileSync(file, ['id,claim', ...CLAIMS.map((c, i) => `t${i},"${c}"`), 't2,"120 of 196 countries have a possession offence"'].join('\n'));
  const reports = (out: string): unknown[] => {
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as { results: SummaryRow[] };
    return summary.results.map((r) => stable(readFileSync(join(out, r.report ?? ''), 'utf8')));
  };
  const threaded = await runCli(['batch', file, '--out', join(dir, 'threaded'), '--db', db, '--threads', '2', '--summary', 'json']);
  assert.equal(threaded.code, 0, threaded.stderr);
  assert.match(threaded.stderr, /^batch: checking in 2 worker threads$/m);
  const here = await runCli(['batch', file, '--out', join(dir, 'here'), '--db', db, '--threads', '0', '--summary', 'json']);
  assert.equal(here.code, 0, here.stderr);
  assert.doesNotMatch(here.stderr, /worker thread/);
  assert.equal(reports(join(dir, 'here')).length, 3);
  assert.deepEqual(reports(join(dir, 'threaded')), reports(join(dir, 'here')));
});

test('verity batch: usage errors name the flag and the fix', async () => {
  const cases: [string[], RegExp][] = [
    [['batch'], /no batch file given/],
    [['batch', 'x.csv'], /no --out folder given/],
    [['batch', 'x.csv', '--out', dir, '--format', 'pdf'], /unknown --format "pdf"/],
    [['batch', 'x.csv', '--out', dir, '--summary', 'xml'], /unknown --summary "xml"/],
    [['batch', 'x.csv', '--out', dir, '--concurrency', '99'], /--concurrency "99" is not a whole number from 1 to 16/],
    [['batch', 'x.csv', '--out', dir, '--threads', '17'], /--threads "17" is not a whole number from 0 to 16/],
  ];
  for (const [argv, message] of cases) {
    const r = await runCli(argv);
    assert.equal(r.code, 2, argv.join(' '));
    assert.match(r.stderr, message);
  }
  const missing = await runCli(['batch', join(dir, 'none.csv'), '--out', join(dir, 'o')]);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /\[batch\] cannot read ".*none\.csv"/);
});

if (redisAvailable('verity batch --redis')) {
  test('verity batch --redis: rows go to the workers; the reports are the ones a local batch writes', async () => {
    await corpus();
    const file = join(dir, 'claims.csv');
    writeFileSync(file, `id,claim\nr1,${CLAIMS[0]}\nr2,\n`);
    const local = join(dir, 'local');
    assert.equal((await runCli(['batch', file, '--out', local, '--db', db])).code, 1);
    const name = freshQueueName('batch');
    const store = await openStore(db, { readonly: true });
    const worker = await startRedisWorker<VerityJobResult>({ url: REDIS_URL, name, run: createJobRunner(store, {}, 'worker') });
    try {
      const remote = join(dir, 'remote');
      const run = await runCli(['batch', file, '--out', remote, '--redis', REDIS_URL, '--queue-name', name, '--concurrency', '2']);
      assert.equal(run.code, 1, run.stderr);
      const rows = (dirPath: string): string[] => readFileSync(join(dirPath, 'summary.csv'), 'utf8').trim().split('\r\n');
      assert.match(rows(remote)[2] ?? '', /^2,r2,error,.*the question or claim is empty/);
      const report = (d: string): string => readFileSync(join(d, 'reports', (rows(d)[1] ?? '').split(',')[7]?.replace(/^reports\//, '') ?? ''), 'utf8');
      assert.deepEqual(stable(report(remote)), stable(report(local)));
    } finally {
      await worker.close();
      await store.close();
    }
  });
}
