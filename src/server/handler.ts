// The HTTP routes: parse the request, call the queue or the store, answer. No logic the library
// lacks lives here. Every error is JSON {"error": {code, component, problem, fix}} with its status.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Store } from '../contracts.js';
import { quote } from '../errors.js';
import { ENGINE, ENGINE_VERSION } from '../version.js';
import type { JobSnapshot, JobSpec, Queue } from '../jobs/index.js';
import { streamJobEvents } from './event-stream.js';
import { HttpError, asHttpError, errorBody } from './http-error.js';
import { reportJson } from './job-report.js';
import type { AuditRenderer, ReportCache } from './job-report.js';
import { notEnabledError, validateJobSpec, wantsFetch, wantsWeb } from './job-runner.js';
import type { JobCapabilities, VerityJobResult } from './job-runner.js';
import { readBodyText, requireMediaType } from './request-body.js';
import { uiPage, uiPolicy } from './ui-page.js';
import { authorize } from './authorize.js';
import type { Access, HandlerAuth } from './authorize.js';
import { EARLY_ERROR_GRACE_MS } from './edge-limits.js';


export interface HandlerOptions {
  store: Store;
  queue: Queue<VerityJobResult>;
  /** Largest request body read, in bytes (default 2 MiB). */
  maxBodyBytes: number;
  /** Host names (lower case, no port) the Host header may carry; null accepts any (a public bind). */
  allowedHosts: ReadonlySet<string> | null;
  heartbeatMs?: number;
  /**
   * What jobs may ask for beyond the corpus (default: nothing). A check with "web": true or an
   * audit with fetch=1 that is not allowed is refused with 403 before it is queued.
   */
  capabilities?: JobCapabilities;
  /** Where unexpected (INTERNAL) failures are logged. */
  log: (line: string) => void;
  /**
   * When set, every /api/* request needs `Authorization: Bearer <token>` (401 otherwise), except
   * GET /api/health, which answers only {"ok": true} without one, and the event stream and
   * report of a job, which also take `?ticket=` from POST /api/jobs/:id/ticket. Unset: no
   * authentication (the default, for loopback).
   */
  auth?: HandlerAuth | null;
  /** Rendered reports kept for the next read (the server makes one per process). */
  reports: ReportCache;
  /** Renders an audit's md/html/json report (default: in this thread); the server passes its job threads. */
  renderAudit?: AuditRenderer;
}

/** Headers every answer carries. */
const BASE_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-origin',
  'cache-control': 'no-store',
  // JSON, Markdown and the rest are data: nothing in them may run or be framed (the page and HTML reports set their own).
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
};

/** The policy of a rendered report: no script at all, its own inline style, framed only by this origin. */
const REPORT_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'; sandbox";

const AUDIT_TYPES: Record<string, 'md' | 'html' | 'txt'> = { 'text/markdown': 'md', 'text/x-markdown': 'md', 'text/html': 'html', 'text/plain': 'txt' };

function send(res: ServerResponse, status: number, body: string, headers: Record<string, string>): void {
  res.writeHead(status, { ...BASE_HEADERS, 'content-length': String(Buffer.byteLength(body)), ...headers });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  send(res, status, `${JSON.stringify(value, null, 2)}\n`, { 'content-type': 'application/json; charset=utf-8', ...headers });
}

function links(id: string): Record<string, string> {
  const base = `/api/jobs/${encodeURIComponent(id)}`;
  return {
    self: base,
    events: `${base}/events`,
    md: `${base}/report?format=md`,
    html: `${base}/report?format=html`,
    json: `${base}/report?format=json`,
    claimreview: `${base}/report?format=claimreview`,
  };
}

/** Claims an audit job's GET /api/jobs/:id shows at once by default, and at most (?limit=). */
export const DEFAULT_CLAIMS_PAGE = 100;
export const MAX_CLAIMS_PAGE = 1000;

function pageParam(url: URL, name: string, fallback: number, max: number): number {
  const value = url.searchParams.get(name);
  if (value === null) return fallback;
  const n = /^\d{1,9}$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n > max) {
    throw new HttpError(400, { code: 'BAD_INPUT', component: 'server', problem: `?${name}=${quote(value)} is not a whole number from 0 to ${max}`, fix: `use ?offset=N&limit=M with M at most ${MAX_CLAIMS_PAGE}` });
  }
  return n;
}

/**
 * A job as JSON. An audit's report is paged: its claims from ?offset= (default 0), at most
 * ?limit= of them (default 100, at most 1000), with `claimsPage` saying which and how many in
 * all; the whole report is GET /api/jobs/:id/report?format=json.
 */
function jobView(job: JobSnapshot<VerityJobResult>, url: URL): Record<string, unknown> {
  let report: unknown = null;
  let page: Record<string, unknown> = {};
  if (job.result?.kind === 'audit') {
    const offset = pageParam(url, 'offset', 0, Number.MAX_SAFE_INTEGER);
    const limit = pageParam(url, 'limit', DEFAULT_CLAIMS_PAGE, MAX_CLAIMS_PAGE);
    const all = job.result.audit.claims;
    report = reportJson({ kind: 'audit', audit: { ...job.result.audit, claims: all.slice(offset, offset + limit) } });
    page = { claimsPage: { offset, limit, total: all.length, next: offset + limit < all.length ? `${links(job.id).self}?offset=${offset + limit}&limit=${limit}` : null } };
  } else if (job.result) report = reportJson(job.result);
  return {
    id: job.id,
    kind: job.spec.kind,
    status: job.status,
    createdAt: job.createdAt,
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
    position: job.position,
    progress: job.progress,
    report,
    ...page,
    ...(job.error ? errorBody(job.error) : {}),
    links: links(job.id),
  };
}

function methodNotAllowed(method: string, path: string, allowed: string[]): HttpError {
  return new HttpError(405, { code: 'USAGE', component: 'server', problem: `${method} is not allowed on ${path}`, fix: `use ${allowed.join(' or ')}` }, { allow: allowed.join(', ') });
}

function notFound(path: string): HttpError {
  return new HttpError(404, {
    code: 'NOT_FOUND',
    component: 'server',
    problem: `no route ${quote(path)}`,
    fix: 'the API is POST /api/checks, POST /api/audits, GET /api/jobs/:id, GET /api/jobs/:id/events, GET /api/jobs/:id/report?format=…, DELETE /api/jobs/:id, POST /api/jobs/:id/ticket, GET /api/health, GET /api/capabilities',
  });
}

async function jobOr404(queue: Queue<VerityJobResult>, id: string): Promise<JobSnapshot<VerityJobResult>> {
  const job = await queue.get(id);
  if (!job) {
    throw new HttpError(404, {
      code: 'NOT_FOUND',
      component: 'server',
      problem: `no job with id ${quote(id)} (never submitted, or finished long ago and dropped from the history)`,
      fix: 'submit it again with POST /api/checks or POST /api/audits',
    });
  }
  return job;
}

/** Refuses a Host header naming another host (DNS rebinding) and a cross-site Origin on a write. */
function guard(req: IncomingMessage, allowedHosts: ReadonlySet<string> | null): void {
  const host = req.headers.host ?? '';
  if (allowedHosts) {
    const name = host.replace(/:\d+$/, '').toLowerCase();
    if (!allowedHosts.has(name)) {
      throw new HttpError(403, { code: 'FORBIDDEN', component: 'server', problem: `the Host header ${quote(host)} is not this server's`, fix: `open the page as http://localhost or http://127.0.0.1 (the server is bound to loopback)` });
    }
  }
  const origin = req.headers.origin;
  if (origin !== undefined && req.method !== 'GET' && req.method !== 'HEAD') {
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
}

const NO_CAPABILITIES: JobCapabilities = { web: null, fetch: null };

async function submit(res: ServerResponse, o: HandlerOptions, spec: JobSpec): Promise<void> {
  const queue = o.queue;
  validateJobSpec(spec);
  const allowed = o.capabilities ?? NO_CAPABILITIES;
  if ((wantsWeb(spec) && !allowed.web) || (wantsFetch(spec) && !allowed.fetch)) throw new HttpError(403, notEnabledError(spec, 'server'));
  const id = await queue.submit(spec);
  const job = await queue.get(id);
  sendJson(res, 202, { id, kind: spec.kind, status: job?.status ?? 'queued', position: job?.position ?? null, links: links(id) }, { location: `/api/jobs/${encodeURIComponent(id)}` });
}

async function postCheck(req: IncomingMessage, res: ServerResponse, o: HandlerOptions): Promise<void> {
  requireMediaType(req, ['application/json'], 'check');
  const text = await readBodyText(req, o.maxBodyBytes, 'check');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (e) {
    throw new HttpError(400, { code: 'BAD_INPUT', component: 'check', problem: `the request body is not valid JSON (${(e as Error).message})`, fix: 'send {"input": "<question or claim>"}' });
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new HttpError(400, { code: 'BAD_INPUT', component: 'check', problem: `the request body is ${Array.isArray(body) ? 'an array' : body === null ? 'null' : `a ${typeof body}`}, not an object`, fix: 'send {"input": "<question or claim>"}' });
  }
  const input = (body as Record<string, unknown>).input;
  if (typeof input !== 'string') {
    throw new HttpError(400, {
      code: 'BAD_INPUT',
      component: 'check',
      problem: input === undefined ? 'the request body has no "input" field' : `"input" is a ${input === null ? 'null' : typeof input}, not a string`,
      fix: 'send {"input": "<question or claim>"}',
    });
  }
  const web = (body as Record<string, unknown>).web;
  if (web !== undefined && typeof web !== 'boolean') {
    throw new HttpError(400, { code: 'BAD_INPUT', component: 'check', problem: `"web" is ${JSON.stringify(web)}, not true or false`, fix: 'send {"input": "…", "web": true} to search the web too, or leave "web" out' });
  }
  await submit(res, o, { kind: 'check', input, ...(web === true ? { options: { web: true } } : {}) });
}

/** ?fetch=1 (or true) asks for the cited pages; 0, false or nothing does not; anything else is a 400. */
function fetchParam(url: URL): boolean {
  const value = url.searchParams.get('fetch');
  if (value === null || value === '0' || value === 'false') return false;
  if (value === '1' || value === 'true') return true;
  throw new HttpError(400, { code: 'BAD_INPUT', component: 'audit', problem: `?fetch=${quote(value)} is not 1 or 0`, fix: 'use POST /api/audits?fetch=1 to fetch the cited pages, or leave fetch out' });
}

async function postAudit(req: IncomingMessage, url: URL, res: ServerResponse, o: HandlerOptions): Promise<void> {
  const fetch = fetchParam(url);
  const media = requireMediaType(req, Object.keys(AUDIT_TYPES), 'audit');
  const text = await readBodyText(req, o.maxBodyBytes, 'audit');
  await submit(res, o, { kind: 'audit', input: text, options: { format: AUDIT_TYPES[media.type]!, ...(fetch ? { fetch: true } : {}) } });
}

async function health(res: ServerResponse, o: HandlerOptions, access: Access | null): Promise<void> {
  if (access === 'anonymous') {
    // Without a token the health check says only that the server is up: no corpus or queue details.
    sendJson(res, 200, { ok: true });
    return;
  }
  const stats = await o.store.stats();
  sendJson(res, 200, {
    ok: true,
    engine: ENGINE,
    version: ENGINE_VERSION,
    store: { engine: o.store.engine, sources: stats.sources, passages: stats.passages },
    queue: { engine: o.queue.engine, ...(await o.queue.stats()) },
    capabilities: o.capabilities ?? NO_CAPABILITIES,
    ...(o.auth ? { auth: o.auth.backoff.stats() } : {}),
  });
}

async function report(url: URL, res: ServerResponse, o: HandlerOptions, id: string): Promise<void> {
  const job = await jobOr404(o.queue, id);
  const format = url.searchParams.get('format') ?? 'json';
  const rendered = await o.reports.get(job, format, o.renderAudit);
  const headers: Record<string, string> = { 'content-type': rendered.contentType };
  if (format === 'html') {
    headers['content-security-policy'] = REPORT_POLICY;
    headers['x-frame-options'] = 'SAMEORIGIN';
  }
  if (url.searchParams.get('download') === '1') headers['content-disposition'] = `attachment; filename="verity-${job.spec.kind}-${job.id.replace(/[^\w-]/g, '')}.${rendered.extension}"`;
  send(res, 200, rendered.body, headers);
}

/** POST /api/jobs/:id/ticket: a ticket for the job's event stream and report URLs (bearer token required). */
async function issueTicket(res: ServerResponse, o: HandlerOptions, id: string): Promise<void> {
  if (!o.auth) {
    throw new HttpError(404, { code: 'NOT_FOUND', component: 'serve', problem: 'this server has no access tokens, so it issues no tickets', fix: 'open the events and report URLs directly' });
  }
  await jobOr404(o.queue, id);
  const { ticket, expiresAt } = o.auth.tickets.issue(id);
  const base = links(id);
  const q = `ticket=${encodeURIComponent(ticket)}`;
  sendJson(res, 200, {
    id,
    ticket,
    expiresAt: new Date(expiresAt).toISOString(),
    links: { events: `${base.events}?${q}`, md: `${base.md}&${q}`, html: `${base.html}&${q}`, json: `${base.json}&${q}`, claimreview: `${base.claimreview}&${q}` },
  });
}

async function route(req: IncomingMessage, res: ServerResponse, o: HandlerOptions): Promise<void> {
  guard(req, o.allowedHosts);
  const method = req.method ?? 'GET';
  const url = new URL(req.url ?? '/', 'http://server.invalid');
  const path = url.pathname;

  if (path === '/') {
    if (method !== 'GET') throw methodNotAllowed(method, path, ['GET']);
    const nonce = randomBytes(16).toString('base64');
    send(res, 200, uiPage(nonce, o.capabilities ?? NO_CAPABILITIES, { auth: Boolean(o.auth) }), { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': uiPolicy(nonce), 'x-frame-options': 'DENY' });
    return;
  }
  const access = o.auth && path.startsWith('/api/') ? authorize(req, url, path, o.auth) : null;
  if (path === '/api/health') {
    if (method !== 'GET') throw methodNotAllowed(method, path, ['GET']);
    return health(res, o, access);
  }
  if (path === '/api/checks') {
    if (method !== 'POST') throw methodNotAllowed(method, path, ['POST']);
    return postCheck(req, res, o);
  }
  if (path === '/api/audits') {
    if (method !== 'POST') throw methodNotAllowed(method, path, ['POST']);
    return postAudit(req, url, res, o);
  }
  if (path === '/api/capabilities') {
    if (method !== 'GET') throw methodNotAllowed(method, path, ['GET']);
    sendJson(res, 200, o.capabilities ?? NO_CAPABILITIES);
    return;
  }
  const m = /^\/api\/jobs\/([^/]+)(\/events|\/report|\/ticket)?$/.exec(path);
  if (m) {
    let id: string;
    try {
      id = decodeURIComponent(m[1]!);
    } catch {
      throw new HttpError(400, { code: 'BAD_INPUT', component: 'server', problem: `the job id ${quote(m[1]!)} is not valid URL encoding`, fix: 'use the id POST /api/checks or /api/audits returned' });
    }
    const tail = m[2];
    if (tail === '/events') {
      if (method !== 'GET') throw methodNotAllowed(method, path, ['GET']);
      await jobOr404(o.queue, id);
      const last = Number(req.headers['last-event-id'] ?? url.searchParams.get('after') ?? 0);
      return streamJobEvents(res, o.queue, id, links, { headers: BASE_HEADERS, after: Number.isSafeInteger(last) && last > 0 ? last : 0, ...(o.heartbeatMs ? { heartbeatMs: o.heartbeatMs } : {}) });
    }
    if (tail === '/report') {
      if (method !== 'GET') throw methodNotAllowed(method, path, ['GET']);
      return report(url, res, o, id);
    }
    if (tail === '/ticket') {
      if (method !== 'POST') throw methodNotAllowed(method, path, ['POST']);
      return issueTicket(res, o, id);
    }
    if (method === 'GET') {
      sendJson(res, 200, jobView(await jobOr404(o.queue, id), url));
      return;
    }
    if (method === 'DELETE') {
      const job = await jobOr404(o.queue, id);
      const cancelled = await o.queue.cancel(id);
      if (!cancelled) {
        throw new HttpError(409, { code: 'CONFLICT', component: 'server', problem: `job ${quote(id)} has already ended (${job.status})`, fix: 'nothing to cancel' });
      }
      sendJson(res, 202, { id, cancelling: true, links: links(id) });
      return;
    }
    throw methodNotAllowed(method, path, ['GET', 'DELETE']);
  }
  throw notFound(path);
}

/** The request handler for node:http's createServer. */
export function createHandler(options: HandlerOptions): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    route(req, res, options).catch((e: unknown) => {
      const err = asHttpError(e);
      if (err.status >= 500 && err.error.code === 'INTERNAL') options.log(`verity: [server] ${req.method} ${req.url}: ${err.error.message}`);
      if (res.headersSent) {
        res.destroy();
        return;
      }
      // An answer sent before the whole body arrived (401, 403, 413 …) closes the connection:
      // a client may not hold it open by trickling a body nobody will read.
      const early = !req.complete;
      sendJson(res, err.status, errorBody(err.error), early ? { ...err.headers, connection: 'close' } : err.headers);
      if (early) {
        req.resume();
        const timer = setTimeout(() => req.socket.destroy(), EARLY_ERROR_GRACE_MS);
        timer.unref();
        req.on('end', () => clearTimeout(timer));
      }
    });
  };
}
