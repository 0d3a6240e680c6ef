// Limits at the connection level, which belong to the Node http server: short header and
// request timeouts (checked every second), a cap on open connections, and `Expect:
// 100-continue` handed to the routes (a 413 or 401 is sent instead of "100 Continue", so an
// oversized or refused upload is never sent at all).
import { createServer } from 'node:http';
import type { RequestListener, Server } from 'node:http';
import { VerityError, quote } from '../../errors.js';

/** Whole time to receive a request's headers (default 10 s). */
export const DEFAULT_HEADERS_TIMEOUT_MS = 10_000;
/** Whole time to receive a request, headers and body (default 60 s: 2 MiB at about 35 KB/s). */
export const DEFAULT_REQUEST_TIMEOUT_MS = 60_000;
/** Idle time of a kept-alive connection between requests (default 5 s, Node's own). */
export const DEFAULT_KEEP_ALIVE_TIMEOUT_MS = 5_000;
/** Time a GET or DELETE may take to be answered, then 503 (default 30 s; uploads are bounded by the request timeout, the event stream by its job). */
export const DEFAULT_ANSWER_TIMEOUT_MS = 30_000;
/** Connections open at once; more are closed as they arrive (default 256). */
export const DEFAULT_MAX_CONNECTIONS = 256;

export interface EdgeLimits {
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  keepAliveTimeoutMs: number;
  answerTimeoutMs: number;
  maxConnections: number;
}

export type EdgeLimitOptions = Partial<EdgeLimits>;

function wholeMs(name: string, value: number | undefined, fallback: number, min: number): number {
  const v = value ?? fallback;
  if (!Number.isInteger(v) || v < min) {
    throw new VerityError({ code: 'USAGE', component: 'serve', problem: `${name} must be a whole number of at least ${min}, got ${quote(String(v))}`, fix: `pass a whole ${name} of at least ${min}, or leave it out for the default (${fallback})` });
  }
  return v;
}

/** The limits with their defaults filled in; refuses nonsense (and a headers timeout longer than the request timeout). */
export function edgeLimits(options: EdgeLimitOptions = {}): EdgeLimits {
  const limits: EdgeLimits = {
    headersTimeoutMs: wholeMs('headersTimeoutMs', options.headersTimeoutMs, DEFAULT_HEADERS_TIMEOUT_MS, 100),
    requestTimeoutMs: wholeMs('requestTimeoutMs', options.requestTimeoutMs, DEFAULT_REQUEST_TIMEOUT_MS, 100),
    keepAliveTimeoutMs: wholeMs('keepAliveTimeoutMs', options.keepAliveTimeoutMs, DEFAULT_KEEP_ALIVE_TIMEOUT_MS, 100),
    answerTimeoutMs: wholeMs('answerTimeoutMs', options.answerTimeoutMs, DEFAULT_ANSWER_TIMEOUT_MS, 100),
    maxConnections: wholeMs('maxConnections', options.maxConnections, DEFAULT_MAX_CONNECTIONS, 1),
  };
  if (limits.headersTimeoutMs > limits.requestTimeoutMs) {
    throw new VerityError({ code: 'USAGE', component: 'serve', problem: `the headers timeout (${limits.headersTimeoutMs} ms) is longer than the request timeout (${limits.requestTimeoutMs} ms)`, fix: 'make the request timeout at least as long as the headers timeout' });
  }
  return limits;
}

/**
 * The node:http server for a request listener (@hono/node-server's), with the timeouts checked
 * every second (Node's default is every 30 s) and the connection cap. A request that sends
 * `Expect: 100-continue` goes to the same listener without "100 Continue": that is sent only
 * when a route wants the body (request-body.ts), so an upload refused before (401, 403, 413 by
 * its Content-Length) is never sent at all.
 */
export function edgeServer(limits: EdgeLimits, listener: RequestListener): Server {
  const server = createServer(
    {
      connectionsCheckingInterval: Math.min(1_000, limits.headersTimeoutMs),
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
    },
    listener,
  );
  server.maxConnections = limits.maxConnections;
  server.on('checkContinue', listener);
  return server;
}
