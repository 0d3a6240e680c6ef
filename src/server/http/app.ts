// The HTTP edge on hono: the middleware every request passes (secure headers, the Host and
// Origin guard, the access check, 405 for a known path with another method, a time limit on
// answers) and the routes. No logic the library lacks lives here. Every error is JSON
// {"error": {code, component, problem, fix}} with its status.
import { Hono } from 'hono';
import type { Context, MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { methodNotAllowed } from 'hono/method-not-allowed';
import { timeout } from 'hono/timeout';
import { getConnInfo } from '@hono/node-server/conninfo';
import { quote } from '../../errors.js';
import { HttpError, asHttpError, errorBody, jsonAnswer } from './http-error.js';
import { ENGINE, ENGINE_VERSION } from '../../version.js';
import { authorize } from '../authorize.js';
import type { HandlerAuth } from '../authorize.js';
import { jobRoutes, NO_CAPABILITIES } from './job-routes.js';
import type { RouteOptions } from './job-routes.js';
import { openApiDocument } from './openapi.js';
import { uiPage, UI_POLICY } from '../ui-page.js';
import type { ServerEnv } from './server-env.js';

export interface AppOptions extends RouteOptions {
  /** Time a GET or DELETE may take to be answered (the event stream excepted), then 503. */
  answerTimeoutMs: number;
}

/** Headers every data answer carries (hono/secure-headers, which leaves a header a route set itself). */
const DATA_HEADERS = secureHeaders({
  // JSON, Markdown and the rest are data: nothing in them may run or be framed (the page and HTML reports set their own).
  contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
  xFrameOptions: 'DENY',
  // Plain HTTP: TLS, and with it HSTS, is the business of a proxy in front (docs/security.md).
  strictTransportSecurity: false,
  overwrite: false,
});

/** The page's headers: its own policy with a fresh nonce per response, never framed. */
const PAGE_HEADERS = secureHeaders({ contentSecurityPolicy: UI_POLICY, xFrameOptions: 'DENY', strictTransportSecurity: false });

/** The JSON error answer for any thrown value; an answer sent before the body was read closes the connection. */
function errorResponse(c: Context<ServerEnv>, e: unknown, log: (line: string) => void): Response {
  // hono's own exceptions (its timeout) carry Verity's error as their cause.
  const err = e instanceof HTTPException ? (e.cause instanceof HttpError ? e.cause : fromHonoException(e)) : asHttpError(e);
  if (err.status >= 500 && err.error.code === 'INTERNAL') log(`verity: [server] ${c.req.method} ${new URL(c.req.url).pathname}: ${err.error.message}`);
  // A client may not hold the connection open by trickling a body nobody will read.
  const early = !c.env.incoming.complete;
  const headers = early ? { ...err.headers, connection: 'close' } : err.headers;
  return jsonAnswer(c, err.status, errorBody(err.error), headers);
}

function fromHonoException(e: HTTPException): HttpError {
  return new HttpError(e.status, { code: e.status >= 500 ? 'INTERNAL' : 'BAD_INPUT', component: 'server', problem: e.message || `HTTP ${e.status}`, fix: 'send the request again; if it keeps failing, report it with the request' });
}

function notFound(path: string): HttpError {
  return new HttpError(404, {
    code: 'NOT_FOUND',
    component: 'server',
    problem: `no route ${quote(path)}`,
    fix: 'the API is POST /api/checks, POST /api/audits, GET /api/jobs/:id, GET /api/jobs/:id/events, GET /api/jobs/:id/report?format=…, DELETE /api/jobs/:id, POST /api/jobs/:id/ticket, GET /api/health, GET /api/capabilities, GET /api/openapi.json',
  });
}

/** Refuses a Host header naming another host (DNS rebinding) and a cross-site Origin on a write. */
function guard(allowedHosts: ReadonlySet<string> | null): MiddlewareHandler<ServerEnv> {
  return async (c, next) => {
    const host = c.req.header('host') ?? '';
    if (allowedHosts) {
      const name = host.replace(/:\d+$/, '').toLowerCase();
      if (!allowedHosts.has(name)) {
        throw new HttpError(403, { code: 'FORBIDDEN', component: 'server', problem: `the Host header ${quote(host)} is not this server's`, fix: `open the page as http://localhost or http://127.0.0.1 (the server is bound to loopback)` });
      }
    }
    // hono/csrf checks only form-like content types; every write with a foreign Origin is refused here.
    const origin = c.req.header('origin');
    if (origin !== undefined && c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      let same = false;
      try {
        same = new URL(origin).host.toLowerCase() === host.toLowerCase();
      } catch {
        same = false;
      }
      if (!same) {
        throw new HttpError(403, { code: 'FORBIDDEN', component: 'server', problem: `a request from the origin ${quote(origin)} may not submit jobs here`, fix: 'submit from the page this server serves, or from a client that sends no cross-site Origin' });
      }
    }
    await next();
  };
}

/** Every /api/* request with tokens configured: a bearer token, a job ticket, or the anonymous health check. */
function access(auth: HandlerAuth | null | undefined): MiddlewareHandler<ServerEnv> {
  return async (c, next) => {
    const url = new URL(c.req.url);
    c.set('access', auth && url.pathname.startsWith('/api/') ? authorize({ method: c.req.method, authorization: c.req.header('authorization'), client: getConnInfo(c).remote.address ?? 'unknown' }, url, url.pathname, auth) : null);
    await next();
  };
}

function methodError(method: string, path: string, allowed: string[]): HttpError {
  return new HttpError(405, { code: 'USAGE', component: 'server', problem: `${method} is not allowed on ${path}`, fix: `use ${allowed.join(' or ')}` }, { allow: allowed.join(', ') });
}

function answerTimeout(ms: number): MiddlewareHandler<ServerEnv> {
  const late = (): HTTPException =>
    new HTTPException(503, { cause: new HttpError(503, { code: 'UNAVAILABLE', component: 'server', problem: `the answer took longer than ${ms} ms`, fix: 'try again; if it keeps happening the store or the queue is overloaded', retryable: true }, { 'retry-after': '5' }) });
  const limit = timeout(ms, late);
  // An upload is bounded by the request timeout (it may take longer at a slow client's pace), and an event stream lasts as long as its job.
  return async (c, next) => (c.req.method === 'POST' || /\/events$/.test(c.req.path) ? next() : limit(c, next));
}

/** The hono app: middleware, routes, and the JSON answers for errors, unknown routes and wrong methods. */
export function createApp(o: AppOptions): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>();
  app.onError((e, c) => errorResponse(c, e, o.log));
  app.notFound((c) => errorResponse(c, notFound(new URL(c.req.url).pathname), o.log));
  app.use(DATA_HEADERS);
  app.use(async (c, next) => {
    await next();
    if (!c.res.headers.has('cache-control')) c.res.headers.set('cache-control', 'no-store');
  });
  app.use(guard(o.allowedHosts));
  app.use(access(o.auth));
  app.use(methodNotAllowed({ app, onMethodNotAllowed: (c, methods) => errorResponse(c as Context<ServerEnv>, methodError(c.req.method, new URL(c.req.url).pathname, methods.filter((m) => m !== 'HEAD')), o.log) }));
  app.use(answerTimeout(o.answerTimeoutMs));

  app.get('/api/health', (c) => health(c, o));
  app.get('/', PAGE_HEADERS, (c) => c.body(uiPage(c.get('secureHeadersNonce') ?? '', o.capabilities ?? NO_CAPABILITIES, { auth: Boolean(o.auth) }), 200, { 'content-type': 'text/html; charset=utf-8' }));
  app.get('/api/capabilities', (c) => jsonAnswer(c, 200, o.capabilities ?? NO_CAPABILITIES));
  app.get('/api/openapi.json', (c) => jsonAnswer(c, 200, openApiDocument()));
  jobRoutes(app, o);
  return app;
}

async function health(c: Context<ServerEnv>, o: RouteOptions): Promise<Response> {
  // Without a token the health check says only that the server is up: no corpus or queue details.
  if (c.get('access') === 'anonymous') return jsonAnswer(c, 200, { ok: true });
  const stats = await o.store.stats();
  return jsonAnswer(c, 200, {
    ok: true,
    engine: ENGINE,
    version: ENGINE_VERSION,
    store: { engine: o.store.engine, sources: stats.sources, passages: stats.passages },
    queue: { engine: o.queue.engine, ...(await o.queue.stats()) },
    capabilities: o.capabilities ?? NO_CAPABILITIES,
    ...(o.auth ? { auth: o.auth.backoff.stats() } : {}),
  });
}

