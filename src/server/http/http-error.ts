// Errors as HTTP answers: a VerityError with the status it is sent with, and the JSON body
// every error response has: {"error": {"code", "component", "problem", "fix"}}; JSON answers.
import { VerityError, isVerityError } from '../../errors.js';
import type { VerityErrorOptions } from '../../errors.js';
import type { JobError } from '../../jobs/index.js';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export class HttpError extends Error {
  readonly status: number;
  readonly error: VerityError;
  readonly headers: Record<string, string>;

  constructor(status: number, error: VerityError | VerityErrorOptions, headers: Record<string, string> = {}) {
    const err = isVerityError(error) ? error : new VerityError(error);
    super(err.message);
    this.name = 'HttpError';
    this.status = status;
    this.error = err;
    this.headers = headers;
  }
}

/** The status for an error the library threw (the handler sets its own status where it knows better). */
export function statusForCode(code: string): number {
  switch (code) {
    case 'USAGE':
    case 'BAD_INPUT':
      return 400;
    case 'FORBIDDEN':
      return 403;
    case 'NOT_FOUND':
      return 404;
    case 'TOO_LARGE':
      return 413;
    case 'UNSUPPORTED':
      return 400;
    case 'BUSY':
    case 'UNAVAILABLE':
      return 503;
    default:
      return 500;
  }
}

/** Any thrown value as an HttpError: a VerityError keeps its fields, anything else is an INTERNAL 500. */
export function asHttpError(e: unknown): HttpError {
  if (e instanceof HttpError) return e;
  if (isVerityError(e)) return new HttpError(statusForCode(e.code), e, e.retryable ? { 'retry-after': '5' } : {});
  return new HttpError(500, {
    code: 'INTERNAL',
    component: 'server',
    problem: `unexpected failure: ${e instanceof Error ? e.message : String(e)}`,
    fix: 'this is a bug in Verity; please report it with the request that caused it',
    cause: e,
  });
}

export interface ErrorBody {
  error: { code: string; component: string; problem: string; fix: string | null; retryable?: boolean };
}

export function errorBody(e: VerityError | JobError): ErrorBody {
  return { error: { code: e.code, component: e.component, problem: e.problem, fix: e.fix ?? null, retryable: e.retryable } };
}

/** A JSON answer as every route sends it: indented, UTF-8, with a final newline. */
export function jsonAnswer(c: Context, status: number, value: unknown, headers: Record<string, string> = {}): Response {
  return c.body(`${JSON.stringify(value, null, 2)}\n`, status as ContentfulStatusCode, { 'content-type': 'application/json; charset=utf-8', ...headers });
}

/**
 * The answer to a request @hono/node-server could not turn into a Request (a malformed Host
 * header or request target): the usual JSON error, 400.
 */
export function malformedRequest(e: unknown): Response {
  const body = errorBody(new VerityError({ code: 'BAD_INPUT', component: 'server', problem: `the request is malformed: ${e instanceof Error ? e.message : String(e)}`, fix: 'send a request with a valid Host header and path' }));
  return new Response(`${JSON.stringify(body, null, 2)}\n`, { status: 400, headers: { 'content-type': 'application/json; charset=utf-8', 'x-content-type-options': 'nosniff', 'cache-control': 'no-store', 'content-security-policy': "default-src 'none'; frame-ancestors 'none'", connection: 'close' } });
}
