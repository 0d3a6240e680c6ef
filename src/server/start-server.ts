// Starting and stopping the server: bind (loopback unless told otherwise), wire the queue and
// the shared store into the handler, and shut down cleanly (streams ended, jobs stopped).
import type { Server } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import { isIP } from 'node:net';
import type { Store } from '../contracts.js';
import { VerityError, quote } from '../errors.js';
import { createInProcessQueue } from '../jobs/index.js';
import type { Queue } from '../jobs/index.js';
import { createApp } from './http/app.js';
import { createTokenCheck, validateTokens } from './access-tokens.js';
import { createTicketIssuer } from './job-ticket.js';
import { createJobRunner, runnerCapabilities } from './job-runner.js';
import { edgeLimits, edgeServer } from './http/edge-limits.js';
import type { EdgeLimitOptions } from './http/edge-limits.js';
import { malformedRequest } from './http/http-error.js';
import { createAuthBackoff } from './auth-backoff.js';
import { JobThreads } from './job-threads.js';
import { createReportCache } from './job-report.js';
import { threadJobPlan, threadsWrite } from './thread-jobs.js';
import type { JobJournal, JobRunner } from '../jobs/index.js';
import type { AuthBackoffOptions } from './auth-backoff.js';
import type { Analyst } from '../analyst/index.js';
import type { JobFetchOptions, JobWebOptions, VerityJobResult } from './job-runner.js';

export const DEFAULT_PORT = 8080;
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_MAX_BODY_BYTES = 2 * 1024 * 1024;

export interface ServerOptions {
  /** The corpus, opened once (read-only) by the caller and shared by every job. Not closed by the server. */
  store: Store;
  /** Address to bind (default 127.0.0.1). */
  host?: string;
  /** Port (default 8080; 0 picks a free one). */
  port?: number;
  /**
   * Must be true to bind an address other than loopback without `tokens` (the CLI's --no-auth):
   * anyone who can reach the server may then use it.
   */
  allowPublic?: boolean;
  /**
   * Access tokens (each at least 24 characters; see access-tokens.ts). When given, every /api/*
   * request needs `Authorization: Bearer <one of them>`, and a non-loopback address may be bound.
   */
  tokens?: readonly string[];
  /** How long a ticket from POST /api/jobs/:id/ticket is valid (default 10 minutes). */
  ticketTtlMs?: number;
  /** The queue (default: an in-process queue running checks and audits on `store`). */
  queue?: Queue<VerityJobResult>;
  /** Where the default queue keeps its jobs across restarts (default: in memory only). Not closed by the server. */
  journal?: JobJournal<VerityJobResult>;
  /** Jobs run at once by the default queue (default 1). */
  concurrency?: number;
  /** Finished jobs the default queue keeps (default 100). */
  history?: number;
  /** Largest request body, in bytes (default 2 MiB). */
  maxBodyBytes?: number;
  /** Interval of the keep-alive comments on event streams (default 15 s). */
  heartbeatMs?: number;
  /** Clock for reports (default: the system clock). */
  now?: () => Date;
  /** Who writes check reports in the default queue (default: the rules analyst). */
  analyst?: Analyst;
  /**
   * Allow check jobs to search the web (`POST /api/checks {"input", "web": true}`). Without it
   * such a request is refused (403 naming --web) and no job touches the network. The store must
   * then be writable. With a `queue` given, it only says what the API accepts: the queue's
   * runners (workers) need their own.
   */
  web?: JobWebOptions;
  /** Allow audit jobs to fetch the cited pages (`POST /api/audits?fetch=1`); as `web`, with --fetch. */
  fetch?: JobFetchOptions;
  log?: (line: string) => void;
  /** Header/request/keep-alive/answer timeouts and the connection cap (defaults in http/edge-limits.ts). */
  limits?: EdgeLimitOptions;
  /**
   * Worker threads that run checks and audits and render audit reports, so the request thread
   * only answers (default: concurrency + 1 for a store with a location; 0 for an in-memory store,
   * which a thread cannot open). Web checks, fetching audits and LLM-analyst checks run there too
   * (the threads then open the corpus for writing); only those whose options cannot be rebuilt
   * in a thread (an injected resolver or page loader, an analyst not made by createAnalyst) run
   * in the request thread, cooperatively (thread-jobs.ts).
   */
  threads?: number;
  /** Back-off after repeated wrong tokens (defaults in auth-backoff.ts); used with `tokens`. */
  authBackoff?: Omit<AuthBackoffOptions, 'log'>;
}

export interface RunningServer {
  /** e.g. http://127.0.0.1:8080 */
  url: string;
  host: string;
  port: number;
  /** True when the bound address is loopback. */
  loopback: boolean;
  /** True when API requests need a bearer token. */
  auth: boolean;
  queue: Queue<VerityJobResult>;
  /** Stop accepting, end open streams, stop the jobs. Leaves the store open. */
  close(): Promise<void>;
}

/** True for addresses only this machine can reach: 127.0.0.0/8, ::1, localhost. */
export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h === '::1' || h === '0:0:0:0:0:0:0:1') return true;
  if (isIP(h) === 4) return h.startsWith('127.');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(h);
  return mapped !== null && mapped[1]!.startsWith('127.');
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (e: NodeJS.ErrnoException): void => {
      server.off('listening', onListening);
      const why = e.code === 'EADDRINUSE' ? `port ${port} is already in use` : e.code === 'EACCES' ? `binding port ${port} needs more privileges` : e.code === 'EADDRNOTAVAIL' || e.code === 'ENOTFOUND' ? `${quote(host)} is not an address of this machine` : e.message;
      reject(new VerityError({ code: 'IO', component: 'serve', problem: `cannot listen on ${host}:${port}: ${why}`, fix: e.code === 'EADDRNOTAVAIL' || e.code === 'ENOTFOUND' ? 'pass --host with an address of this machine, e.g. 127.0.0.1' : 'choose another --port (0 picks a free one)', cause: e }));
    };
    const onListening = (): void => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const host = options.host ?? DEFAULT_HOST;
  const port = options.port ?? DEFAULT_PORT;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new VerityError({ code: 'USAGE', component: 'serve', problem: `the port ${quote(String(port))} is not a whole number from 0 to 65535`, fix: 'pass --port N, e.g. --port 8080 (0 picks a free one)' });
  }
  const loopback = isLoopback(host);
  const tokens = options.tokens && options.tokens.length > 0 ? validateTokens(options.tokens.map((token, i) => ({ token, where: `tokens[${i}]` })), 'tokens') : null;
  if (!loopback && !tokens && options.allowPublic !== true) {
    throw new VerityError({
      code: 'USAGE',
      component: 'serve',
      problem: `refusing to bind ${quote(host)}: it is not a loopback address, and no access tokens are configured`,
      fix: `pass --token-file FILE (one token per line; make one with verity serve --new-token) so every API request needs a token, or --no-auth to serve anyone who can reach ${host}; or leave --host out to serve this machine only`,
    });
  }
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const concurrency = options.concurrency ?? 1;
  const threadCount = options.threads ?? (options.store.location === ':memory:' ? 0 : concurrency + 1);
  // Web checks, fetching audits and LLM checks run in the threads too when their settings are plain data.
  const plan = threadJobPlan(options);
  const threads = threadCount > 0 ? new JobThreads({ location: options.store.location, size: threadCount, writable: threadsWrite(plan.settings), jobs: plan.settings, log }) : null;
  try {
    await threads?.ready();
  } catch (e) {
    await threads?.close();
    throw e;
  }
  const inThread = createJobRunner(options.store, {
    ...(options.now ? { now: options.now } : {}),
    ...(options.analyst ? { analyst: options.analyst } : {}),
    ...(options.web ? { web: options.web } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const run: JobRunner<VerityJobResult> = threads ? (spec, ctx) => (plan.fits(spec) ? threads.run(spec, ctx, options.now ? options.now().toISOString() : null) : inThread(spec, ctx)) : inThread;
  const queue =
    options.queue ??
    createInProcessQueue<VerityJobResult>({
      run,
      concurrency,
      ...(options.journal ? { journal: options.journal } : {}),
      ...(options.history !== undefined ? { history: options.history } : {}),
    });
  const limits = edgeLimits(options.limits);
  const app = createApp({
      store: options.store,
      queue,
      maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
      // On loopback only local names are accepted in Host (a page on another site cannot reach the API through DNS rebinding).
      allowedHosts: loopback ? new Set(['localhost', '127.0.0.1', '[::1]', host.toLowerCase()]) : null,
      log,
      auth: tokens
        ? { tokens: createTokenCheck(tokens), tickets: createTicketIssuer(options.ticketTtlMs !== undefined ? { ttlMs: options.ticketTtlMs } : {}), backoff: createAuthBackoff({ ...options.authBackoff, log }) }
        : null,
      capabilities: runnerCapabilities(options),
      reports: createReportCache(),
      ...(threads ? { renderAudit: (spec, audit, format) => threads.render(spec, audit, format) } : {}),
      ...(options.heartbeatMs !== undefined ? { heartbeatMs: options.heartbeatMs } : {}),
      answerTimeoutMs: limits.answerTimeoutMs,
  });
  // A request node-server cannot turn into a Request (a malformed Host or target) gets the usual JSON 400.
  const server = edgeServer(limits, getRequestListener(app.fetch, { errorHandler: malformedRequest }));
  await listen(server, port, host);
  const address = server.address();
  const boundPort = typeof address === 'object' && address !== null ? address.port : port;
  const urlHost = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  let closing: Promise<void> | null = null;
  return {
    url: `http://${urlHost}:${boundPort}`,
    host,
    port: boundPort,
    loopback,
    auth: tokens !== null,
    queue,
    close() {
      closing ??= (async () => {
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        await queue.close();
        await threads?.close();
        server.closeAllConnections();
        await stopped;
      })();
      return closing;
    },
  };
}
