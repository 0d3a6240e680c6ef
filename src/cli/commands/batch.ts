// `verity batch`: check every claim or question of a CSV or JSONL file in one process (or through
// the Redis workers), one report per row plus a summary table; resumable.
import { readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import type { Command } from '../command.js';
import { VerityError, quote } from '../../errors.js';
import { resolveDbPath } from '../../config.js';
import { REPORT_FORMATS, formatName, isReportFormat } from '../../report/index.js';
import { batchFormat, isSummaryFormat, readBatchRows, renderSummary, runBatch, SUMMARY_FORMATS, type BatchProgress, type CheckOne } from '../../batch/index.js';
import { ANALYST_HELP, ANALYST_OPTIONS, analystFromFlags } from '../analyst-flags.js';
import { optionalWholeFlag } from '../whole-flag.js';
import type { Store } from '../../contracts.js';
import type { Analyst } from '../../analyst/index.js';

export const MAX_BATCH_CONCURRENCY = 16;
export const MAX_BATCH_THREADS = 16;

/** Threads a local batch checks in by default: one per core, at most 4. */
export const defaultBatchThreads = (): number => Math.min(4, availableParallelism());

const HELP = `verity batch — check many claims or questions from a CSV or JSONL file

Usage: verity batch FILE --out DIR [--db FILE|postgres://…] [--format json|md|html|claimreview]
                    [--summary csv|json|html] [--threads N] [--concurrency N] [--column NAME]
                    [--redis redis://… [--queue-name NAME]] [--analyst rules|llm …] [--json]

FILE is CSV with a header row (the column checked is claim, question, input or text, or the
one --column names; an "id" column names the rows) or JSONL (one object per line with one of
those fields and an optional "id", or one JSON string per line). An "about" column or field
gives what the row's claim is about, as verity check --about does. Each row gets the report
\`verity check\` would write for it, in DIR/reports/, and DIR/summary.<csv|json|html> lists every
row: status, verdict, confidence, report file, or the row's error. A row that cannot be read,
an empty claim or one over the length limit is reported in the summary and the batch goes on.

Resumable: each finished row is recorded in DIR/batch-journal.jsonl after its report is
written, so an interrupted batch (Ctrl+C, a crash) loses no finished report, and running the
same command again skips the rows already done. Progress (with the rate and time left) goes to
stderr: a bar on a terminal, plain lines otherwise.

Options:
  --out DIR          output folder (created; reused to resume)
  --db FILE          corpus database (default: $VERITY_DB, else .verity/verity.db)
  --format FORMAT    report format: json (default), md, html, claimreview
  --summary FORMAT   summary table: csv (default), json or html
  --threads N        worker threads that check rows, each with its own read-only connection
                     to the corpus, 0 to ${MAX_BATCH_THREADS} (default: one per core, at most 4; 0
                     checks in this process). The reports are the same either way
  --concurrency N    rows checked at once, 1 to ${MAX_BATCH_CONCURRENCY} (default: the threads, or 1 in this
                     process; 4 with --redis)
  --column NAME      the CSV column or JSON field to check
  --redis URL        submit the rows as check jobs to the Redis queue that \`verity worker\`
                     processes take jobs from, instead of checking here (--db is then unused)
  --queue-name NAME  the queue's name (default verity)
${ANALYST_HELP}  --json             print the outcome as JSON
  -h, --help         this help

Examples:
  verity batch claims.csv --out checked/
  verity batch claims.jsonl --out checked/ --format html --summary html
  verity batch claims.csv --out checked/ --redis redis://127.0.0.1:6379 --concurrency 8
`;

function clockTime(ms: number): string {
  const s = Math.round(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** "2.4 rows/s, ETA 1:05, 1 failed, 10 skipped" */
export function progressDetail(p: BatchProgress): string {
  const rate = p.elapsedMs > 0 ? (p.done / p.elapsedMs) * 1000 : 0;
  const parts = [`${rate.toFixed(1)} rows/s`, `ETA ${p.etaMs === null ? '?' : clockTime(p.etaMs)}`];
  if (p.failed > 0) parts.push(`${p.failed} failed`);
  if (p.skipped > 0) parts.push(`${p.skipped} done before`);
  return parts.join(', ');
}

/** Checks in this process, on `store`. */
async function localCheck(store: Store, analyst: Analyst | undefined): Promise<CheckOne> {
  const { checkInput } = await import('../../check/index.js');
  return (input, about) => checkInput(store, input, { analyst, ...(about !== undefined ? { about } : {}) });
}

/**
 * Checks in `size` worker threads (server/job-threads.ts, as `verity serve` runs its jobs), each
 * opening the corpus read-only itself and building the analyst from its settings, so a batch uses
 * every core; null when the analyst cannot be rebuilt in a thread (then the batch runs here).
 */
async function threadCheck(location: string, size: number, analyst: Analyst | undefined, log: (line: string) => void): Promise<{ check: CheckOne; close: () => Promise<void> } | null> {
  const { threadJobPlan } = await import('../../server/thread-jobs.js');
  const plan = threadJobPlan(analyst ? { analyst } : {});
  if (!plan.fits({ kind: 'check', input: 'x' })) return null;
  const { JobThreads } = await import('../../server/job-threads.js');
  // No warm-up: the first rows warm each thread, and a warm-up check and audit would be work on top.
  const threads = new JobThreads({ location, size, jobs: plan.settings, nice: null, warmUp: false, log });
  try {
    await threads.ready();
  } catch (e) {
    await threads.close();
    throw e;
  }
  log(`batch: checking in ${size} worker thread${size === 1 ? '' : 's'}`);
  let task = 0;
  const check: CheckOne = async (input, about) => {
    // A signal per row: the pool listens on it until the row ends (a batch stops between rows, see runBatch).
    const result = await threads.run({ kind: 'check', input, ...(about !== undefined ? { options: { about } } : {}) }, { id: String(++task), signal: new AbortController().signal, onProgress: () => undefined }, null);
    if (result.kind !== 'check') throw new VerityError({ code: 'INTERNAL', component: 'batch', problem: `a check thread answered with a ${result.kind} result`, fix: 'this is a bug in Verity; run the batch with --threads 0 and report it' });
    return result.report;
  };
  return { check, close: () => threads.close() };
}

export const batchCommand: Command = {
  name: 'batch',
  summary: 'check many claims or questions from a CSV or JSONL file; one report each and a summary (resumable)',
  help: HELP,
  options: {
    db: { type: 'string' },
    out: { type: 'string' },
    format: { type: 'string' },
    summary: { type: 'string' },
    concurrency: { type: 'string' },
    threads: { type: 'string' },
    column: { type: 'string' },
    redis: { type: 'string' },
    'queue-name': { type: 'string' },
    ...ANALYST_OPTIONS,
  },
  async run(ctx) {
    const usage = (problem: string, fix: string): VerityError => new VerityError({ code: 'USAGE', component: 'batch', problem, fix });
    const [file, ...extra] = ctx.positionals;
    if (file === undefined || extra.length > 0) throw usage(file === undefined ? 'no batch file given' : `one batch file at a time (got ${ctx.positionals.length})`, 'run verity batch FILE --out DIR (see verity batch --help)');
    const outFlag = typeof ctx.values.out === 'string' ? ctx.values.out.trim() : '';
    if (outFlag === '') throw usage('no --out folder given', 'pass --out DIR: the reports, the summary and the journal that makes the batch resumable go there');
    const format = typeof ctx.values.format === 'string' ? formatName(ctx.values.format) : 'json';
    if (!isReportFormat(format)) throw usage(`unknown --format ${quote(format)}`, `use one of ${REPORT_FORMATS.join(', ')}`);
    const summaryFormat = typeof ctx.values.summary === 'string' ? ctx.values.summary : 'csv';
    if (!isSummaryFormat(summaryFormat)) throw usage(`unknown --summary ${quote(summaryFormat)}`, `use one of ${SUMMARY_FORMATS.join(', ')}`);
    const redisUrl = typeof ctx.values.redis === 'string' ? ctx.values.redis.trim() : undefined;
    if (redisUrl === '') throw usage('--redis is empty', 'pass a Redis URL, e.g. --redis redis://127.0.0.1:6379');
    const threads = redisUrl ? 0 : (optionalWholeFlag('batch', 'threads', ctx.values.threads, 0, MAX_BATCH_THREADS) ?? defaultBatchThreads());
    const concurrency = optionalWholeFlag('batch', 'concurrency', ctx.values.concurrency, 1, MAX_BATCH_CONCURRENCY) ?? (redisUrl ? 4 : Math.max(1, threads));
    const path = resolve(ctx.cwd, file);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (e) {
      throw new VerityError({ code: 'NOT_FOUND', component: 'batch', problem: `cannot read ${quote(path)}: ${(e as Error).message}`, fix: 'pass the path of a CSV or JSONL file of claims', cause: e });
    }
    const rows = readBatchRows(text, batchFormat(path, text), typeof ctx.values.column === 'string' ? ctx.values.column : undefined);
    const outDir = resolve(ctx.cwd, outFlag);
    const analyst = await analystFromFlags(ctx);

    const stopper = new AbortController();
    const onSignal = (): void => {
      if (stopper.signal.aborted) process.exit(130);
      ctx.out.notice('verity: stopping after the rows in progress (Ctrl+C again to stop at once; finished reports are kept)');
      stopper.abort();
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    let close: () => Promise<void> = async () => undefined;
    try {
      let check: CheckOne;
      if (redisUrl) {
        const { openRedisQueue } = await import('../../jobs/redis-queue.js');
        const { queueCheck } = await import('../../batch/queue-check.js');
        const queue = await openRedisQueue<import('../../batch/index.js').CheckJobResult>({ url: redisUrl, ...(typeof ctx.values['queue-name'] === 'string' ? { name: ctx.values['queue-name'] } : {}), maxQueued: Math.max(100, concurrency * 2) });
        close = () => queue.close();
        check = queueCheck(queue);
      } else {
        const location = resolveDbPath(typeof ctx.values.db === 'string' ? ctx.values.db : undefined, ctx.env, ctx.cwd);
        const { openStore } = await import('../../store/sqlite/open.js');
        // Opened here too, so a missing or foreign corpus fails before any thread starts.
        const store = await openStore(location, { readonly: true });
        const inThreads = threads > 0 ? await threadCheck(location, threads, analyst, (line) => ctx.out.notice(line)) : null;
        if (inThreads) await store.close();
        close = inThreads ? inThreads.close : () => store.close();
        check = inThreads ? inThreads.check : await localCheck(store, analyst);
      }
      const outcome = await runBatch({
        rows,
        outDir,
        format,
        concurrency,
        check,
        signal: stopper.signal,
        onProgress: (p) => ctx.out.progress({ stage: 'batch', done: p.done, total: p.total, detail: progressDetail(p) }),
      });
      const summaryPath = join(outDir, `summary.${summaryFormat}`);
      writeFileSync(summaryPath, renderSummary(outcome.results, summaryFormat));
      const failed = outcome.results.filter((r) => r.status === 'error');
      if (ctx.out.json) {
        ctx.out.printJson({ rows: rows.length, done: outcome.results.length - failed.length, failed: failed.length, skipped: outcome.skipped, interrupted: outcome.interrupted, summary: summaryPath, elapsedMs: outcome.elapsedMs });
      } else {
        for (const r of failed) ctx.out.notice(`row ${r.row} (id ${r.id}): ${r.error ?? 'failed'}`);
        ctx.out.notice(`${outcome.interrupted ? 'interrupted: ' : ''}${outcome.results.length - failed.length} of ${rows.length} rows checked (${outcome.skipped} done before), ${failed.length} failed, in ${(outcome.elapsedMs / 1000).toFixed(1)} s; summary ${summaryPath}`);
      }
      return outcome.interrupted ? 130 : failed.length > 0 ? 1 : 0;
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      await close();
    }
  },
};
