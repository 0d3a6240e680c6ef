// `verity serve`: the web page and JSON API over checks and audits, until interrupted.
import { resolve } from 'node:path';
import type { Command } from '../command.js';
import { resolveDbPath } from '../../config.js';
import { VerityError, quote } from '../../errors.js';
import { isPostgresUrl, openStore } from '../../store/sqlite/open.js';
import { openJobJournal } from '../../store/sqlite/job-journal.js';
import type { SqliteJobJournal } from '../../store/sqlite/job-journal.js';
import type { JobJournal } from '../../jobs/index.js';
import type { VerityJobResult } from '../../server/index.js';
import { DEFAULT_HOST, DEFAULT_PORT, MIN_TOKEN_LENGTH, TOKENS_ENV, isLoopback, newToken, readTokenFile, startServer, tokensFromEnv } from '../../server/index.js';
import { redactRedisUrl } from '../../jobs/index.js';
import { WEB_JOB_HELP, WEB_JOB_OPTIONS, openServerRedisQueue, queueUrlFrom, webJobFlags, webJobLine } from './worker.js';
import { ANALYST_HELP, ANALYST_OPTIONS, analystFromFlags } from '../analyst-flags.js';
import { optionalWholeFlag } from '../whole-flag.js';

const HELP = `verity serve — a web page and an HTTP API for checks and audits

Usage: verity serve [--db FILE] [--port N] [--host ADDRESS] [--token-file FILE | --no-auth]
                    [--concurrency N] [--jobs-db FILE] [--threads N]
                    [--request-timeout S] [--headers-timeout S] [--max-connections N]
                    [--queue redis://… [--name NAME]]
                    [--analyst rules|llm --llm-url URL --llm-model NAME]
                    [--web [--web-engine wikipedia|searxng] [--web-url URL] [--web-limit N]]
                    [--fetch [--fetch-limit N]] [--json]
       verity serve --new-token

Opens the corpus once (read-only unless --web or --fetch) and serves until Ctrl+C:
  GET  /                          a page: type a question or claim (Check) or paste an
                                  article (Audit), follow the progress, read the report
  POST /api/checks                {"input": "<question or claim>"} → 202 {"id": …};
                                  {"input": …, "web": true} searches the web too (--web)
  POST /api/audits                the article as the body (text/markdown, text/html or
                                  text/plain) → 202 {"id": …}; ?fetch=1 fetches the cited
                                  pages not in the corpus first (--fetch)
  GET  /api/jobs/:id              status, progress, and the report JSON when done
  GET  /api/jobs/:id/events       Server-Sent Events: progress …, then done / failed
  GET  /api/jobs/:id/report?format=md|html|json|claimreview
  DELETE /api/jobs/:id            cancel a queued or running job
  POST /api/jobs/:id/ticket       (with tokens) a 10-minute ?ticket= for the job's events
                                  and report URLs, for clients that cannot send headers
  GET  /api/health                corpus and queue counts (only {"ok": true} without a token)
  GET  /api/capabilities          what jobs may ask for: {"web": …|null, "fetch": …|null}
Errors are JSON: {"error": {"code", "component", "problem", "fix"}}. Bodies over 2 MiB get 413.

It binds ${DEFAULT_HOST} (this machine only) unless --host is given. With --token-file (or
$${TOKENS_ENV}) every /api request needs "Authorization: Bearer <token>" (401 otherwise)
and the page asks for the token. Another address than loopback is refused unless tokens are
configured or --no-auth says that anyone who can reach it may use it.

Without --web and --fetch the server never touches the network and a request asking for
either is refused (403, naming the flag). With them, anyone who may use the API can make it
fetch web pages and add them to the corpus: keep it on loopback, a trusted network, or tokens.
With --queue, the workers run the jobs: start them with the same flags.

Options:
  --db FILE          corpus database (default: $VERITY_DB, else .verity/verity.db)
  --port N           port (default ${DEFAULT_PORT}; 0 picks a free one)
  --host ADDRESS     address to bind (default ${DEFAULT_HOST}; a non-loopback address needs
                     --token-file or --no-auth)
  --token-file FILE  access tokens, one per line (# comments), each at least ${MIN_TOKEN_LENGTH} characters;
                     the file must not be readable by others (chmod 600). $${TOKENS_ENV}
                     (comma-separated) adds tokens too
  --no-auth          serve a non-loopback --host without tokens (anyone who can reach it)
  --new-token        print a fresh random token (32 bytes, base64url) and exit
  --concurrency N    jobs run at once by this process (default 1; the rest wait in line;
                     with --queue, default 0: the workers run them)
  --jobs-db FILE     where this process keeps its jobs across restarts (default: beside a
                     SQLite corpus, e.g. verity.jobs.db next to verity.db; none for PostgreSQL).
                     After a restart, waiting jobs run and running ones fail INTERRUPTED
  --threads N        worker threads that run checks and audits and render audit reports, so
                     the server answers while they run (default: concurrency + 1; 0 runs them
                     in the request thread)
  --request-timeout S  seconds a client has to send a whole request (default 60)
  --headers-timeout S  seconds a client has to send a request's headers (default 10)
  --max-connections N  connections open at once; more are closed (default 256)
  --queue URL        keep jobs in Redis (default: in this process; $VERITY_QUEUE_URL also
                     selects it), run by any number of "verity worker" processes on the same
                     corpus and queue; see docs/jobs.md
  --name NAME        the queue's name in Redis (default "verity"; the workers' --name)
${ANALYST_HELP}                     (with --queue, for the jobs this process runs; workers take their own)
${WEB_JOB_HELP}  --json             print the address as JSON on start
  -h, --help         this help

Examples:
  verity serve
  verity serve --db corpus.db --port 9000
  verity serve --new-token >> tokens.txt && chmod 600 tokens.txt
  verity serve --db corpus.db --host 0.0.0.0 --token-file tokens.txt
  verity serve --db corpus.db --web --fetch
  verity serve --db postgres://verity@db/verity --queue redis://127.0.0.1:6379   # and: verity worker --db … --queue …
  curl -s localhost:8080/api/checks -H 'content-type: application/json' -d '{"input":"140 of 196 countries criminalize possession"}'
`;

/** The access tokens of --token-file and $VERITY_SERVE_TOKENS together, or null when neither is given. */
function accessTokens(flag: string | boolean | string[] | undefined, env: NodeJS.ProcessEnv, cwd: string): string[] | null {
  if (flag !== undefined && (typeof flag !== 'string' || flag.trim() === '')) {
    throw new VerityError({ code: 'USAGE', component: 'serve', problem: '--token-file is empty', fix: 'pass --token-file FILE, a file with one token per line' });
  }
  const fromFile = typeof flag === 'string' ? readTokenFile(resolve(cwd, flag)) : [];
  const fromEnv = tokensFromEnv(env) ?? [];
  const all = [...new Set([...fromFile, ...fromEnv])];
  return all.length > 0 ? all : null;
}

/** The default job journal of a SQLite corpus: `verity.jobs.db` beside `verity.db`. */
export function defaultJobsDb(dbPath: string): string | null {
  if (dbPath === ':memory:' || isPostgresUrl(dbPath)) return null;
  return /\.db$/i.test(dbPath) ? dbPath.replace(/\.db$/i, '.jobs.db') : `${dbPath}.jobs.db`;
}

/** The job journal of --jobs-db (or the default); a default one that cannot be opened (a read-only folder) leaves jobs in memory, with a warning. */
function openJournal(flag: string | boolean | string[] | undefined, dbPath: string, cwd: string, notice: (line: string) => void): SqliteJobJournal | null {
  if (flag !== undefined && (typeof flag !== 'string' || flag.trim() === '')) {
    throw new VerityError({ code: 'USAGE', component: 'serve', problem: '--jobs-db is empty', fix: 'pass --jobs-db FILE, or leave it out for the default beside the corpus' });
  }
  const path = typeof flag === 'string' ? resolve(cwd, flag) : defaultJobsDb(dbPath);
  if (path === null) return null;
  try {
    return openJobJournal(path);
  } catch (e) {
    if (typeof flag === 'string') throw e;
    notice(`verity: [serve] warning: cannot keep jobs in ${path} (${e instanceof VerityError ? e.problem : String(e)}); they live in memory and are lost on restart. Fix: pass --jobs-db FILE in a writable folder`);
    return null;
  }
}

export const serveCommand: Command = {
  name: 'serve',
  summary: 'serve a web page and an HTTP API for checks and audits (loopback by default)',
  help: HELP,
  options: { db: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' }, 'token-file': { type: 'string' }, 'no-auth': { type: 'boolean' }, 'new-token': { type: 'boolean' }, concurrency: { type: 'string' }, 'jobs-db': { type: 'string' }, threads: { type: 'string' }, 'request-timeout': { type: 'string' }, 'headers-timeout': { type: 'string' }, 'max-connections': { type: 'string' }, queue: { type: 'string' }, name: { type: 'string' }, ...ANALYST_OPTIONS, ...WEB_JOB_OPTIONS },
  async run(ctx) {
    if (ctx.positionals.length > 0) {
      throw new VerityError({ code: 'USAGE', component: 'serve', problem: `unexpected argument ${quote(ctx.positionals[0]!)}`, fix: 'run verity serve [--db FILE] [--port N] [--host ADDRESS]' });
    }
    if (ctx.values['new-token'] === true) {
      ctx.out.line(newToken());
      return 0;
    }
    const port = optionalWholeFlag('serve', 'port', ctx.values.port, 0, 65535) ?? DEFAULT_PORT;
    const queueUrl = queueUrlFrom(ctx.values.queue, ctx.env, null);
    // With a Redis queue the workers run the jobs; the server runs some itself only when asked.
    const concurrency = optionalWholeFlag('serve', 'concurrency', ctx.values.concurrency, queueUrl ? 0 : 1, 64);
    const threads = optionalWholeFlag('serve', 'threads', ctx.values.threads, 0, 64);
    const requestTimeout = optionalWholeFlag('serve', 'request-timeout', ctx.values['request-timeout'], 1, 3600);
    const headersTimeout = optionalWholeFlag('serve', 'headers-timeout', ctx.values['headers-timeout'], 1, 3600);
    const maxConnections = optionalWholeFlag('serve', 'max-connections', ctx.values['max-connections'], 1, 100_000);
    const limits = {
      ...(requestTimeout !== undefined ? { requestTimeoutMs: requestTimeout * 1000 } : {}),
      ...(headersTimeout !== undefined ? { headersTimeoutMs: headersTimeout * 1000 } : {}),
      ...(maxConnections !== undefined ? { maxConnections } : {}),
    };
    const queueName = typeof ctx.values.name === 'string' ? ctx.values.name.trim() : undefined;
    if (queueName !== undefined && queueUrl === null) {
      throw new VerityError({ code: 'USAGE', component: 'serve', problem: `--name ${quote(queueName)} names a Redis queue, but no --queue was given`, fix: 'add --queue redis://HOST:PORT (or set VERITY_QUEUE_URL), or drop --name' });
    }
    const hostFlag = typeof ctx.values.host === 'string' ? ctx.values.host.trim() : undefined;
    if (hostFlag === '') throw new VerityError({ code: 'USAGE', component: 'serve', problem: '--host is empty', fix: `pass an address, e.g. --host ${DEFAULT_HOST}` });
    const tokens = accessTokens(ctx.values['token-file'], ctx.env, ctx.cwd);
    const noAuth = ctx.values['no-auth'] === true;
    if (noAuth && tokens) {
      throw new VerityError({ code: 'USAGE', component: 'serve', problem: `--no-auth contradicts the access tokens of ${typeof ctx.values['token-file'] === 'string' ? '--token-file' : `$${TOKENS_ENV}`}`, fix: `drop --no-auth to require a token, or drop --token-file and unset ${TOKENS_ENV} to serve without one` });
    }
    const host = hostFlag ?? DEFAULT_HOST;
    if (!tokens && !noAuth && !isLoopback(host)) {
      throw new VerityError({
        code: 'USAGE',
        component: 'serve',
        problem: `refusing to bind ${quote(host)}: it is not a loopback address, and no access tokens are configured`,
        fix: `pass --token-file FILE (make a token with verity serve --new-token) so every API request needs a token, or --no-auth to serve anyone who can reach ${host}`,
      });
    }
    const analyst = await analystFromFlags(ctx);
    const net = await webJobFlags(ctx, 'serve');
    const dbPath = resolveDbPath(typeof ctx.values.db === 'string' ? ctx.values.db : undefined, ctx.env, ctx.cwd);
    // Writable only when web sources or fetched pages may be ingested.
    const store = await openStore(dbPath, { readonly: !net.web && !net.fetch });
    try {
      const stats = await store.stats();
      if (stats.passages === 0 && !net.web) ctx.out.notice(`verity: [serve] warning: the corpus at ${store.location} is empty; checks will fail until you run verity ingest`);
      const journal = queueUrl ? null : openJournal(ctx.values['jobs-db'], dbPath, ctx.cwd, (line) => ctx.out.notice(line));
      const queue = queueUrl
        ? await openServerRedisQueue({ url: queueUrl, store, analyst, ...net, concurrency: concurrency ?? 0, ...(queueName ? { name: queueName } : {}), log: (line) => ctx.out.notice(line) })
        : undefined;
      let server: Awaited<ReturnType<typeof startServer>>;
      try {
        server = await startServer({
          store,
          ...(queue ? { queue } : {}),
          ...(journal ? { journal: journal as JobJournal<VerityJobResult> } : {}),
          analyst,
          ...net,
          host,
          allowPublic: noAuth,
          ...(tokens ? { tokens } : {}),
          port,
          ...(concurrency !== undefined && !queue ? { concurrency } : {}),
          ...(threads !== undefined ? { threads } : {}),
          limits,
          log: (line) => ctx.out.notice(line),
        });
      } catch (e) {
        await queue?.close();
        journal?.close();
        throw e;
      }
      // Listen for the signals before saying where we serve: a client may stop us as soon as it reads that.
      const interrupted = new Promise<void>((resolve) => {
        const stop = (): void => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          resolve();
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
      if (ctx.out.json) {
        ctx.out.printJson({ url: server.url, host: server.host, port: server.port, loopback: server.loopback, auth: server.auth ? 'bearer' : 'none', db: store.location, sources: stats.sources, passages: stats.passages, web: net.web ? net.web.search.name : null, fetch: net.fetch !== undefined });
      } else {
        ctx.out.line(`verity: serving ${server.url}/ (corpus ${store.location}: ${stats.sources} sources, ${stats.passages} passages)`);
        if (analyst.name !== 'rules') ctx.out.line(`verity: check reports are written by ${analyst.name}; every sentence still goes through the verifier`);
        const netLine = webJobLine(net);
        if (netLine) ctx.out.line(netLine);
        if (queueUrl) ctx.out.line(`verity: jobs go to the Redis queue ${queueName ?? 'verity'} at ${redactRedisUrl(queueUrl)}; start verity worker processes to run them`);
        ctx.out.line(
          server.auth
            ? `verity: bound to ${server.host}; every API request needs one of the ${tokens?.length ?? 0} access token${tokens?.length === 1 ? '' : 's'} (Authorization: Bearer …)`
            : server.loopback
              ? `verity: bound to ${server.host}, so only this machine can connect; to serve others, pass --host 0.0.0.0 --token-file FILE (verity serve --new-token makes a token)`
              : `verity: warning: bound to ${server.host}, reachable from other machines, with no authentication (--no-auth)`,
        );
        ctx.out.line('verity: press Ctrl+C to stop');
      }
      await interrupted;
      ctx.out.notice('verity: [serve] stopping');
      await server.close();
      journal?.close();
      return 0;
    } finally {
      await store.close();
    }
  },
};
