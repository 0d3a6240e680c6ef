// Limits at the connection level, so slow or unwanted clients cannot hold the server: short
// header and request timeouts (checked every second), a cap on open connections, and
// `Expect: 100-continue` answered only once the body is wanted (a 413 or 401 is sent instead of
// "100 Continue", so an oversized or refused upload is never sent at all).
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { VerityError, quote } from '../errors.js';

/** Whole time to receive a request's headers (default 10 s). */
export const DEFAULT_HEADERS_TIMEOUT_MS = 10_000;
/** Whole time to receive a request, headers and body (default 60 s: 2 MiB at about 35 KB/s). */
export const DEFAULT_REQUEST_TIMEOUT_MS = 60_000;
/** Idle time of a kept-alive connection between requests (default 5 s, Node's own). */
export const DEFAULT_KEEP_ALIVE_TIMEOUT_MS = 5_000;
/** Connections open at once; more are closed as they arrive (default 256). */
export const DEFAULT_MAX_CONNECTIONS = 256;
/** After an error answer sent before the body was read, how long the rest may drain before the connection is closed. */
export const EARLY_ERROR_GRACE_MS = 1_000;

export interface EdgeLimits {
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  keepAliveTimeoutMs: number;
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
    maxConnections: wholeMs('maxConnections', options.maxConnections, DEFAULT_MAX_CONNECTIONS, 1),
  };
  if (limits.headersTimeoutMs > limits.requestTimeoutMs) {
    throw new VerityError({ code: 'USAGE', component: 'serve', problem: `the headers timeout (${limits.headersTimeoutMs} ms) is longer than the request timeout (${limits.requestTimeoutMs} ms)`, fix: 'make the request timeout at least as long as the headers timeout' });
  }
  return limits;
}

/** Sets the timeouts and the connection cap on a node:http server. */
export function applyEdgeLimits(server: Server, limits: EdgeLimits): void {
  server.headersTimeout = limits.headersTimeoutMs;
  server.requestTimeout = limits.requestTimeoutMs;
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  server.maxConnections = limits.maxConnections;
}

/** Requests that sent `Expect: 100-continue` and have not been told to go on yet: their response. */
const waitingForContinue = new WeakMap<IncomingMessage, ServerResponse>();

/**
 * Handles `Expect: 100-continue` (node:http's 'checkContinue'): the request goes to `handler`
 * without "100 Continue"; that is sent only when the handler starts reading the body
 * (`continueBody`), so a request refused before (401, 403, 413 by Content-Length) never uploads.
 */
export function handleExpectContinue(server: Server, handler: (req: IncomingMessage, res: ServerResponse) => void): void {
  server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => {
    waitingForContinue.set(req, res);
    handler(req, res);
  });
}

/** Tells a client waiting on `Expect: 100-continue` to send its body (nothing otherwise). */
export function continueBody(req: IncomingMessage): void {
  const res = waitingForContinue.get(req);
  if (!res) return;
  waitingForContinue.delete(req);
  if (!res.headersSent) res.writeContinue();
}
