// Issue 16: job throughput in threads. A job thread's first check loaded the models, the lexicon
// and the code they compile on first use (about ten times the CPU of the next check), so each
// thread's first job was slow. A thread now warms up once it is ready — one rules check and one
// tiny audit against the corpus, results dropped — and says so; VERITY_JOB_THREAD_WARMUP=0 turns
// it off, and so does `warmUp: false` (what `verity batch` passes: its rows warm the threads). Real threads over a real corpus file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JobThreads } from '../../src/server/job-threads.js';
import { storeOfDocs } from '../check/helpers.js';
import { CARS_CORPUS } from '../fixtures/llm/corpus.js';

const CLAIM = '31 of 52 cities in Examplestan restrict cars in their centres';
const noJob = { id: 'j', signal: new AbortController().signal, onProgress: () => undefined };

async function corpusFile(): Promise<{ dir: string; db: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'verity-warm-'));
  const db = join(dir, 'corpus.db');
  await (await storeOfDocs(CARS_CORPUS, db)).close();
  return { dir, db };
}

test('each job thread warms up with a check and an audit once it is ready, and still runs jobs', { timeout: 180_000 }, async () => {
  const { dir, db } = await corpusFile();
  const threads = new JobThreads({ location: db, size: 2 });
  try {
    await threads.ready();
    const warm = await threads.warm();
    assert.equal(warm.length, 2);
    for (const w of warm) assert.deepEqual({ check: w.check, audit: w.audit }, { check: true, audit: true });
    const result = await threads.run({ kind: 'check', input: CLAIM }, noJob, null);
    assert.equal(result.kind, 'check');
  } finally {
    await threads.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

/** A pool of one thread that must not warm up: it says it ran no warm-up, and its job runs. */
async function runsWithoutWarmUp(warmUp?: boolean): Promise<void> {
  const { dir, db } = await corpusFile();
  const threads = new JobThreads({ location: db, size: 1, ...(warmUp === undefined ? {} : { warmUp }) });
  try {
    await threads.ready();
    // The thread says it ran neither the warm-up check nor the audit.
    assert.deepEqual(await threads.warm(), [{ check: false, audit: false, ms: 0 }]);
    const result = await threads.run({ kind: 'check', input: CLAIM }, noJob, null);
    assert.equal(result.kind, 'check');
  } finally {
    await threads.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

test('VERITY_JOB_THREAD_WARMUP=0: no warm-up', { timeout: 180_000 }, async () => {
  const before = process.env.VERITY_JOB_THREAD_WARMUP;
  process.env.VERITY_JOB_THREAD_WARMUP = '0';
  try {
    await runsWithoutWarmUp();
  } finally {
    if (before === undefined) delete process.env.VERITY_JOB_THREAD_WARMUP;
    else process.env.VERITY_JOB_THREAD_WARMUP = before;
  }
});

test('warmUp: false (what verity batch passes): no warm-up, the jobs still run', { timeout: 180_000 }, async () => {
  await runsWithoutWarmUp(false);
});
