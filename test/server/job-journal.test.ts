// In-process jobs outlive `verity serve` (issue 16, row 14): killed with SIGKILL while an audit
// runs and a check waits, a restarted server on the same corpus still knows every job: the
// finished one with its report, the running one failed INTERRUPTED (retryable), the waiting one
// resumed and done. The journal is a SQLite file beside the corpus (or --jobs-db).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { storeOfDocs } from '../check/helpers.js';
import { SMALL_CORPUS } from '../fixtures/check/small-corpus.js';
import { bigArticle } from '../helpers/big-article.js';
import { spawnServe } from './serve-process.js';
import type { ErrorJson } from './helpers.js';

const CLAIM = 'Ruritania criminalizes possession of banned images';

let dir: string;
let db: string;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'verity-journal-'));
  db = join(dir, 'corpus.db');
  await (await storeOfDocs(SMALL_CORPUS, db)).close();
});
after(() => rmSync(dir, { recursive: true, force: true }));

async function until<T>(what: string, read: () => Promise<T>, done: (v: T) => boolean, ms = 120_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (done(v)) return v;
    if (Date.now() > end) throw new Error(`${what}: still ${JSON.stringify(v).slice(0, 300)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

type Job = { status: string; report: { verdict?: { label: string } } | null } & Partial<ErrorJson>;
const getJob = async (url: string, id: string): Promise<Job> => (await (await fetch(`${url}/api/jobs/${id}`)).json()) as Job;

test('after kill -9 and a restart: the finished job keeps its report, the running one is INTERRUPTED, the waiting one runs', async () => {
  const first = await spawnServe(['--db', db]);
  let finished: string;
  let running: string;
  let waiting: string;
  try {
    const submit = async (path: string, type: string, body: string): Promise<string> => {
      const res = await fetch(`${first.url}${path}`, { method: 'POST', headers: { 'content-type': type }, body });
      assert.equal(res.status, 202);
      return ((await res.json()) as { id: string }).id;
    };
    finished = await submit('/api/checks', 'application/json', JSON.stringify({ input: CLAIM }));
    await until('the first check', () => getJob(first.url, finished), (j) => j.status === 'done');
    running = await submit('/api/audits', 'text/markdown', bigArticle(Number.POSITIVE_INFINITY).text);
    waiting = await submit('/api/checks', 'application/json', JSON.stringify({ input: CLAIM }));
    await until('the audit to start', () => getJob(first.url, running), (j) => j.status === 'running');
    assert.equal((await getJob(first.url, waiting)).status, 'queued');
  } finally {
    await first.kill();
  }
  assert.ok(existsSync(join(dir, 'corpus.jobs.db')), 'no job journal beside the corpus');

  const second = await spawnServe(['--db', db]);
  try {
    const done = await getJob(second.url, finished);
    assert.equal(done.status, 'done');
    assert.equal(done.report?.verdict?.label, 'supported');
    const report = await fetch(`${second.url}/api/jobs/${finished}/report?format=md`);
    assert.equal(report.status, 200);
    const events = await (await fetch(`${second.url}/api/jobs/${finished}/events`)).text();
    assert.match(events, /event: done/);

    const interrupted = await getJob(second.url, running);
    assert.equal(interrupted.status, 'failed');
    assert.equal(interrupted.error?.code, 'INTERRUPTED');
    assert.match(interrupted.error?.problem ?? '', /was running \(since .*\) when the server stopped/);
    assert.equal((interrupted.error as { retryable?: boolean } | undefined)?.retryable, true);

    const resumed = await until('the waiting check', () => getJob(second.url, waiting), (j) => j.status === 'done' || j.status === 'failed');
    assert.equal(resumed.status, 'done');
    assert.equal(resumed.report?.verdict?.label, 'supported');
  } finally {
    assert.equal(await second.stop(), 0);
  }
});
