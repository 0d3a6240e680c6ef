// The body of one of `verity serve`'s job threads (server/job-threads.ts): opens the corpus
// from the location it is given (read-only unless its jobs ingest web pages), rebuilds the
// analyst and the web engine from their settings (server/thread-jobs.ts), then runs checks and
// audits and renders audit reports as the server asks, posting progress and the result back.
// Lives at the top of src/ because it opens a store engine, which server/ never does.
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { openStore } from './store/sqlite/open.js';
import type { Store } from './contracts.js';
import { toJobError } from './jobs/job-error.js';
import { createJobRunner } from './server/job-runner.js';
import type { JobRunnerOptions } from './server/job-runner.js';
import { createAnalyst, retryNotice } from './analyst/index.js';
import { renderAudit } from './server/job-report.js';
import { PART_CLAIMS, splitAudit } from './server/result-parts.js';
import type { AuditResult } from './audit/index.js';
import type { FromThread, ThreadStoreLocation, ToThread } from './server/job-threads.js';
import { VerityError } from './errors.js';

const port = parentPort;
if (!port) throw new Error('job-thread.ts runs only as a worker thread');
const { location, writable, jobs, nice, warmUp: warmUpAsked, partClaims } = workerData as ThreadStoreLocation;
// Below the request thread: on a busy machine the server answers first and the jobs wait.
// (On Linux a thread has its own nice value, and this sets the calling thread's.) Nice 5, not 10:
// a nice value also ranks the jobs below every other process, and at 10 (a ninth of a nice-0
// process's share) a loaded machine starved them — 0.1 jobs/s against 2–2.5 at 5, with the same
// health latency (docs/bench-reliability.md). A batch's threads (nice: null) keep the process's priority.
if (nice !== null) {
  try {
    setPriority(Math.min(19, nice ?? Number(process.env.VERITY_JOB_THREAD_NICE ?? 5)));
  } catch {
    // Not permitted, or not supported here: the jobs run at the server's priority.
  }
}
let store: Promise<Store> | null = null;
let network: Promise<JobRunnerOptions> | null = null;
const controllers = new Map<number, AbortController>();
/** Who waits for the request thread to take a result part, by task. */
const acks = new Map<number, () => void>();

const post = (m: FromThread): void => port.postMessage(m);

/** The analyst, web engine and fetch settings of this thread's jobs, built once. */
async function networkOptions(): Promise<JobRunnerOptions> {
  const options: JobRunnerOptions = {};
  if (jobs?.analyst) options.analyst = await createAnalyst(jobs.analyst, { onRetry: (r) => post({ type: 'notice', line: retryNotice(r) }) });
  if (jobs?.web) {
    const { engine, ...rest } = jobs.web;
    const { createWebSearch } = await import('./web/web-documents.js');
    options.web = { ...rest, search: createWebSearch(engine.engine, engine.options) };
  }
  if (jobs?.fetch) options.fetch = jobs.fetch;
  return options;
}

async function handle(m: Extract<ToThread, { type: 'run' | 'render' }>): Promise<void> {
  try {
    if (m.type === 'render') {
      const audit = typeof m.audit === 'string' ? (JSON.parse(m.audit) as AuditResult) : m.audit;
      post({ type: 'done', task: m.task, value: renderAudit(m.spec, audit, m.format) });
      return;
    }
    store ??= openStore(location, { readonly: writable !== true });
    const controller = new AbortController();
    controllers.set(m.task, controller);
    const fixed = m.nowIso;
    const run = createJobRunner(await store, { ...(await network), ...(fixed ? { now: () => new Date(fixed) } : {}) });
    const value = await run(m.spec, { id: String(m.task), signal: controller.signal, onProgress: (progress) => post({ type: 'progress', task: m.task, progress }) });
    // An audit goes as JSON text in parts, each sent once the request thread has taken the last
    // (VERITY_RESULT_PART_CLAIMS=0: as one structured clone, as before; for the bench's comparison).
    const perPart = partClaims ?? Number(process.env.VERITY_RESULT_PART_CLAIMS ?? PART_CLAIMS);
    if (value.kind === 'check' || !(perPart > 0)) {
      post({ type: 'done', task: m.task, value });
      return;
    }
    const { head, mark, parts } = splitAudit(value.audit, perPart);
    for (const json of parts) {
      const taken = new Promise<void>((resolve) => acks.set(m.task, resolve));
      post({ type: 'part', task: m.task, json });
      await taken;
    }
    post({ type: 'done-audit', task: m.task, head, mark });
  } catch (e) {
    post({ type: 'error', task: m.task, error: toJobError(e, m.spec.kind) });
  } finally {
    controllers.delete(m.task);
    acks.delete(m.task);
  }
}

port.on('message', (m: ToThread) => {
  if (m.type === 'ack') {
    acks.get(m.task)?.();
    return;
  }
  if (m.type === 'cancel') {
    controllers.get(m.task)?.abort(new VerityError({ code: 'CANCELLED', component: 'jobs', problem: 'the job was cancelled', fix: 'submit it again if you still need it' }));
    return;
  }
  void handle(m);
});
const WARM_UP_CLAIM = 'In 2020, 31 of 52 towns reported a rise of 12 percent in the number of ferries.';
const WARM_UP_ARTICLE = `# A short note\n\n${WARM_UP_CLAIM} The council said the cost fell from $4.1 million to $3.2 million [1].\n\n## References\n\n1. Harbour report, https://example.org/report\n`;

/**
 * Warms the thread once it is ready: one rules check and one tiny audit against the corpus, results
 * dropped, so the models, the lexicon and the compiled code they load on first use are in place
 * before the first real job (a cold thread's first check took ~10× the CPU of the next). Jobs that
 * arrive meanwhile run alongside it. VERITY_JOB_THREAD_WARMUP=0 turns it off, and so does a pool
 * started with `warmUp: false` (`verity batch`); the thread then says it ran neither.
 */
async function warmUp(): Promise<void> {
  if (process.env.VERITY_JOB_THREAD_WARMUP === '0' || warmUpAsked === false) {
    post({ type: 'warm', check: false, audit: false, ms: 0 });
    return;
  }
  const started = Date.now();
  const ran = { check: false, audit: false };
  try {
    store ??= openStore(location, { readonly: writable !== true });
    const run = createJobRunner(await store);
    const ctx = { id: 'warm-up', signal: new AbortController().signal, onProgress: () => undefined };
    ran.check = await run({ kind: 'check', input: WARM_UP_CLAIM }, ctx).then(() => true, () => false);
    ran.audit = await run({ kind: 'audit', input: WARM_UP_ARTICLE, options: { format: 'md' } }, ctx).then(() => true, () => false);
  } catch {
    // An unreadable corpus: the first job reports it.
  }
  post({ type: 'warm', ...ran, ms: Date.now() - started });
}

// The engine and the analyst (and the modules behind them) are built before the thread says it
// is ready, so a first web or LLM job does not wait for them; a failure shows in that job.
network = networkOptions();
void network
  .then(
    () => post({ type: 'ready' }),
    () => post({ type: 'ready' }),
  )
  .then(warmUp);
