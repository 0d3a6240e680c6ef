// `verity worker`: runs checks and audits taken from a Redis queue (BullMQ) until interrupted,
// with the same runner as `verity serve`.
import type { Command, CommandContext, OptionSpec } from '../command.js';
import { resolveDbPath } from '../../config.js';
import { VerityError, quote } from '../../errors.js';
import { openStore } from '../../store/sqlite/open.js';
import type { Store } from '../../contracts.js';
import { DEFAULT_QUEUE_NAME, openRedisQueue, redactRedisUrl, startRedisWorker } from '../../jobs/index.js';
import type { Queue } from '../../jobs/index.js';
import { createJobRunner } from '../../server/job-runner.js';
import type { Analyst } from '../../analyst/index.js';
import { ANALYST_HELP, ANALYST_OPTIONS, analystFromFlags } from '../analyst-flags.js';
import { optionalWholeFlag, wholeFlag } from '../whole-flag.js';
import type { JobFetchOptions, JobWebOptions, VerityJobResult } from '../../server/job-runner.js';
import { DEFAULT_WEB_LIMIT } from '../../check/index.js';
import { DEFAULT_FETCH_LIMIT, MAX_FETCH_LIMIT } from '../../audit/index.js';
import { webOptionsFromEnv } from '../../web/env-options.js';
import { MAX_WEB_LIMIT, WEB_OPTIONS, webSearchFromFlags } from '../web-flags.js';

export const DEFAULT_QUEUE_URL = 'redis://127.0.0.1:6379';

/** The Redis URL from --queue, else $VERITY_QUEUE_URL, else `fallback` (USAGE when --queue is given empty). */
export function queueUrlFrom(flag: string | boolean | string[] | undefined, env: NodeJS.ProcessEnv, fallback: string | null = DEFAULT_QUEUE_URL): string | null {
  const given = typeof flag === 'string' ? flag.trim() : undefined;
  if (given === '') throw new VerityError({ code: 'USAGE', component: 'cli', problem: '--queue is empty', fix: `pass a Redis URL, e.g. --queue ${DEFAULT_QUEUE_URL}` });
  return given ?? (env.VERITY_QUEUE_URL?.trim() || fallback);
}


/** The opt-in network flags of serve and worker (the same as check --web and audit --fetch). */
export const WEB_JOB_OPTIONS: OptionSpec = {
  ...WEB_OPTIONS,
  fetch: { type: 'boolean' },
  'fetch-limit': { type: 'string' },
};

/** Help lines for WEB_JOB_OPTIONS, aligned like the commands' option lists. */
export const WEB_JOB_HELP = `  --web              allow check jobs to search the web ({"input": …, "web": true}): the
                     results are read and ingested into the corpus, which is then opened
                     for writing (created if missing). Without it no job touches the network
  --web-engine E     wikipedia (default) or searxng
  --web-url URL      the engine's address (default: wikipedia $VERITY_WIKIPEDIA_URL, else
                     https://en.wikipedia.org/w/api.php; searxng $VERITY_SEARXNG_URL, required)
  --web-limit N      results read per search, 1 to ${MAX_WEB_LIMIT} (default ${DEFAULT_WEB_LIMIT})
  --fetch            allow audit jobs to fetch the article's cited pages not in the corpus
                     (POST /api/audits?fetch=1) and ingest them; opens the corpus for writing
  --fetch-limit N    URLs fetched per audit at most, 1 to ${MAX_FETCH_LIMIT} (default ${DEFAULT_FETCH_LIMIT})
                     Private addresses are refused unless VERITY_WEB_ALLOW_PRIVATE=1 (tests,
                     intranets); VERITY_WEB_TIMEOUT_MS, VERITY_WEB_USER_AGENT as for check --web
`;

/**
 * The runner's web and fetch options from --web, --web-engine, --web-url, --web-limit, --fetch and --fetch-limit (each absent
 * without its flag). A --web-* or --fetch-limit flag without --web or --fetch is a usage error.
 * Call before opening the store: the store is writable exactly when one of them is given.
 */
export async function webJobFlags(ctx: CommandContext, component: 'serve' | 'worker'): Promise<{ web?: JobWebOptions; fetch?: JobFetchOptions }> {
  const v = ctx.values;
  const usage = (problem: string, fix: string): VerityError => new VerityError({ code: 'USAGE', component, problem, fix });
  const out: { web?: JobWebOptions; fetch?: JobFetchOptions } = {};
  const webOptions = v.web === true || v.fetch === true ? webOptionsFromEnv(ctx.env) : {};
  const web = await webSearchFromFlags(ctx, { component, purpose: 'let check jobs search the web', web: webOptions });
  if (web) out.web = web;
  const rawFetchLimit = v['fetch-limit'];
  if (v.fetch !== true) {
    if (rawFetchLimit !== undefined) throw usage('--fetch-limit is given without --fetch', 'add --fetch to let audit jobs fetch the cited pages, or drop --fetch-limit');
  } else {
    out.fetch = { web: webOptions, limit: typeof rawFetchLimit === 'string' ? wholeFlag(component, 'fetch-limit', rawFetchLimit, 1, MAX_FETCH_LIMIT, 'e.g. --fetch-limit 5') : DEFAULT_FETCH_LIMIT };
  }
  return out;
}

/** One line saying what the network flags allow, or null without them. */
export function webJobLine(flags: { web?: JobWebOptions; fetch?: JobFetchOptions }): string | null {
  const parts: string[] = [];
  if (flags.web) parts.push(`check jobs may search the web (${flags.web.search.name} at ${flags.web.search.endpoint}, ${flags.web.limit ?? DEFAULT_WEB_LIMIT} results per search)`);
  if (flags.fetch) parts.push(`audit jobs may fetch the cited pages (at most ${flags.fetch.limit ?? DEFAULT_FETCH_LIMIT})`);
  return parts.length > 0 ? `verity: ${parts.join('; ')}; the corpus is open for writing` : null;
}

export interface ServerRedisQueueOptions {
  url: string;
  /** Queue name (default "verity"). */
  name?: string;
  /** The server's corpus: needed only when the server also runs jobs. */
  store: Store;
  /** Jobs the server itself runs at once besides the workers (default 0: workers only). */
  concurrency?: number;
  now?: () => Date;
  /** Who writes check reports for the jobs the server runs itself (default: the rules analyst). */
  analyst?: Analyst;
  /** Web sources and fetching for the jobs the server runs itself (serve --web / --fetch). */
  web?: JobWebOptions;
  fetch?: JobFetchOptions;
  log?: (line: string) => void;
}

/**
 * For `verity serve --queue redis://…`: the Redis queue a server passes to startServer({ queue }).
 * Connected before it returns (UNAVAILABLE naming the URL when Redis is down). Jobs left unfinished
 * when the server stops stay queued for the workers (cancelOnClose false).
 */
export async function openServerRedisQueue(options: ServerRedisQueueOptions): Promise<Queue<VerityJobResult>> {
  const runHere = (options.concurrency ?? 0) > 0;
  return openRedisQueue<VerityJobResult>({
    url: options.url,
    name: options.name ?? DEFAULT_QUEUE_NAME,
    cancelOnClose: false,
    ...(runHere
      ? {
          run: createJobRunner(options.store, {
            ...(options.now ? { now: options.now } : {}),
            ...(options.analyst ? { analyst: options.analyst } : {}),
            ...(options.web ? { web: options.web } : {}),
            ...(options.fetch ? { fetch: options.fetch } : {}),
          }),
          concurrency: options.concurrency!,
        }
      : {}),
    ...(options.log ? { log: options.log } : {}),
  });
}

const HELP = `verity worker — run checks and audits from a Redis queue

Usage: verity worker [--db FILE|postgres://…] [--queue redis://…] [--name NAME] [--concurrency N]
                     [--analyst rules|llm --llm-url URL --llm-model NAME]
                     [--web [--web-engine wikipedia|searxng] [--web-url URL] [--web-limit N]]
                     [--fetch [--fetch-limit N]] [--json]

Takes jobs submitted to a Redis-backed queue (by a server started with a Redis queue) and
runs them, reporting their progress, until interrupted. Run as many workers, on as many
machines, as you like: each takes the next job in line. Every worker and server of one
deployment must reach the same corpus (a PostgreSQL URL, or copies of one SQLite file) and
use the same --queue and --name.

Stopping: Ctrl+C (SIGINT) or SIGTERM stops taking jobs and lets the running ones finish; a
second one hands the running jobs back to the queue, where another worker starts them again.
A worker that dies (kill -9, power loss) holds its job until its lock lapses (30 s) and another
worker's check for stalled jobs (every 30 s) notices: about a minute later the job starts again
on another worker. A job whose workers die twice fails (WORKER_LOST).

A check that asks for web sources runs only on a worker started with --web, an audit that
asks to fetch its cited pages only on one started with --fetch; elsewhere it fails with an
error naming the flag. Start every worker of a queue with the server's flags.

Options:
  --db FILE          corpus database (default: $VERITY_DB, else .verity/verity.db),
                     or a postgres:// URL
  --queue URL        Redis URL (default: $VERITY_QUEUE_URL, else ${DEFAULT_QUEUE_URL})
  --name NAME        queue name (default "${DEFAULT_QUEUE_NAME}")
  --concurrency N    jobs run at once (default 1: a check keeps one core busy)
${ANALYST_HELP}${WEB_JOB_HELP}  --json             print the worker's settings as JSON on start
  -h, --help         this help

Examples:
  redis-server --port 6379 --bind 127.0.0.1 --daemonize yes
  verity worker --db corpus.db
  VERITY_QUEUE_URL=redis://queue.internal:6379 verity worker --db postgres://verity@db/verity --concurrency 2
  verity worker --db corpus.db --web --fetch        # with: verity serve --db corpus.db --queue … --web --fetch
`;

export const workerCommand: Command = {
  name: 'worker',
  summary: 'run checks and audits from a Redis queue (many workers, many machines)',
  help: HELP,
  options: { db: { type: 'string' }, queue: { type: 'string' }, name: { type: 'string' }, concurrency: { type: 'string' }, ...ANALYST_OPTIONS, ...WEB_JOB_OPTIONS },
  async run(ctx) {
    if (ctx.positionals.length > 0) {
      throw new VerityError({ code: 'USAGE', component: 'worker', problem: `unexpected argument ${quote(ctx.positionals[0]!)}`, fix: 'run verity worker [--db FILE] [--queue redis://…] [--concurrency N]' });
    }
    const concurrency = optionalWholeFlag('worker', 'concurrency', ctx.values.concurrency, 1, 64) ?? 1;
    const url = queueUrlFrom(ctx.values.queue, ctx.env) ?? DEFAULT_QUEUE_URL;
    const name = typeof ctx.values.name === 'string' ? ctx.values.name : DEFAULT_QUEUE_NAME;
    const analyst = await analystFromFlags(ctx);
    const net = await webJobFlags(ctx, 'worker');
    const dbPath = resolveDbPath(typeof ctx.values.db === 'string' ? ctx.values.db : undefined, ctx.env, ctx.cwd);
    // Writable only when web or fetched pages may be ingested.
    const store = await openStore(dbPath, { readonly: !net.web && !net.fetch });
    try {
      const stats = await store.stats();
      if (stats.passages === 0 && !net.web) ctx.out.notice(`verity: [worker] warning: the corpus at ${store.location} is empty; checks will fail until you run verity ingest`);
      const worker = await startRedisWorker({ url, name, concurrency, run: createJobRunner(store, { analyst, ...net }, 'worker'), log: (line) => ctx.out.notice(line) });
      // Listen for the signals before saying we are ready: a supervisor may stop us as soon as it reads that.
      let stops = 0;
      let settle: { resolve: () => void; reject: (e: unknown) => void } = { resolve: () => undefined, reject: () => undefined };
      const done = new Promise<void>((resolve, reject) => {
        settle = { resolve, reject };
      });
      const stop = (): void => {
        stops++;
        if (stops === 1) {
          const n = worker.running().length;
          ctx.out.notice(n > 0 ? `verity: [worker] stopping: finishing ${n} running job${n === 1 ? '' : 's'}; interrupt again to hand ${n === 1 ? 'it' : 'them'} back to the queue` : 'verity: [worker] stopping');
          worker.close('finish').then(settle.resolve, settle.reject);
        } else {
          ctx.out.notice('verity: [worker] handing the running jobs back to the queue');
          void worker.close('handback');
        }
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
      if (ctx.out.json) {
        ctx.out.printJson({ worker: worker.id, queue: redactRedisUrl(url), name, concurrency, db: store.location, sources: stats.sources, passages: stats.passages, web: net.web ? net.web.search.name : null, fetch: net.fetch !== undefined });
      } else {
        ctx.out.line(`verity: worker ready (queue ${redactRedisUrl(url)} ${quote(name)}, concurrency ${concurrency}, corpus ${store.location}: ${stats.sources} sources, ${stats.passages} passages)`);
        const line = webJobLine(net);
        if (line) ctx.out.line(line);
        ctx.out.line('verity: press Ctrl+C to stop');
      }
      try {
        await done;
      } finally {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
      }
      ctx.out.notice('verity: [worker] stopped');
      return 0;
    } finally {
      await store.close();
    }
  },
};
