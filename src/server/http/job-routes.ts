// The job routes: submit a check or an audit, read a job (an audit's claims paged), follow its
// events, read its report, cancel it, get a ticket for its URLs. Each parses the request, calls
// the queue or the report cache, and answers; errors are thrown as HttpError.
import type { Context, Hono, MiddlewareHandler } from 'hono';
import type { Store } from '../../contracts.js';
import { quote } from '../../errors.js';
import type { JobSnapshot, JobSpec, Queue } from '../../jobs/index.js';
import { streamJobEvents } from './event-stream.js';
import { HttpError, errorBody, jsonAnswer } from './http-error.js';
import { reportJson } from '../job-report.js';
import type { AuditRenderer, ReportCache } from '../job-report.js';
import { notEnabledError, validateJobSpec, wantsFetch, wantsWeb } from '../job-runner.js';
import type { JobCapabilities, VerityJobResult } from '../job-runner.js';
import type { HandlerAuth } from '../authorize.js';
import { bodyChecks, bodyText, mediaType } from './request-body.js';
import type { ServerEnv } from './server-env.js';

export interface RouteOptions {
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
   * GET /api/health and GET /api/openapi.json, which answer without one, and the event stream
   * and report of a job, which also take `?ticket=` from POST /api/jobs/:id/ticket. Unset: no
   * authentication (the default, for loopback).
   */
  auth?: HandlerAuth | null;
  /** Rendered reports kept for the next read (the server makes one per process). */
  reports: ReportCache;
  /** Renders an audit's md/html/json report (default: in this thread); the server passes its job threads. */
  renderAudit?: AuditRenderer;
}

export const NO_CAPABILITIES: JobCapabilities = { web: null, fetch: null };

/** The policy of a rendered report: no script at all, its own inline style, framed only by this origin. */
const REPORT_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'; sandbox";

const AUDIT_TYPES: Record<string, 'md' | 'html' | 'txt'> = { 'text/markdown': 'md', 'text/x-markdown': 'md', 'text/html': 'html', 'text/plain': 'txt' };

export function links(id: string): Record<string, string> {
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

function pageParam(c: Context, name: string, fallback: number, max: number): number {
  const value = c.req.query(name);
  if (value === undefined) return fallback;
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
function jobView(job: JobSnapshot<VerityJobResult>, c: Context): Record<string, unknown> {
  let report: unknown = null;
  let page: Record<string, unknown> = {};
  if (job.result?.kind === 'audit') {
    const offset = pageParam(c, 'offset', 0, Number.MAX_SAFE_INTEGER);
    const limit = pageParam(c, 'limit', DEFAULT_CLAIMS_PAGE, MAX_CLAIMS_PAGE);
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

/** The job id of a /api/jobs/:id… path, decoded (400 when its URL encoding is broken). */
function jobId(c: Context): string {
  const raw = /^\/api\/jobs\/([^/]+)/.exec(new URL(c.req.url).pathname)?.[1] ?? '';
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new HttpError(400, { code: 'BAD_INPUT', component: 'server', problem: `the job id ${quote(raw)} is not valid URL encoding`, fix: 'use the id POST /api/checks or /api/audits returned' });
  }
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

async function submit(c: Context, o: RouteOptions, spec: JobSpec): Promise<Response> {
  validateJobSpec(spec);
  const allowed = o.capabilities ?? NO_CAPABILITIES;
  if ((wantsWeb(spec) && !allowed.web) || (wantsFetch(spec) && !allowed.fetch)) throw new HttpError(403, notEnabledError(spec, 'server'));
  const id = await o.queue.submit(spec);
  const job = await o.queue.get(id);
  return jsonAnswer(c, 202, { id, kind: spec.kind, status: job?.status ?? 'queued', position: job?.position ?? null, links: links(id) }, { location: `/api/jobs/${encodeURIComponent(id)}` });
}

const CHECK_FIX = 'send {"input": "<question or claim>"}';

async function postCheck(c: Context<ServerEnv>, o: RouteOptions): Promise<Response> {
  const text = await bodyText(c, 'check');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (e) {
    throw new HttpError(400, { code: 'BAD_INPUT', component: 'check', problem: `the request body is not valid JSON (${(e as Error).message})`, fix: CHECK_FIX });
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new HttpError(400, { code: 'BAD_INPUT', component: 'check', problem: `the request body is ${Array.isArray(body) ? 'an array' : body === null ? 'null' : `a ${typeof body}`}, not an object`, fix: CHECK_FIX });
  }
  const input = (body as Record<string, unknown>).input;
  if (typeof input !== 'string') {
    throw new HttpError(400, { code: 'BAD_INPUT', component: 'check', problem: input === undefined ? 'the request body has no "input" field' : `"input" is a ${input === null ? 'null' : typeof input}, not a string`, fix: CHECK_FIX });
  }
  const web = (body as Record<string, unknown>).web;
  if (web !== undefined && typeof web !== 'boolean') {
    throw new HttpError(400, { code: 'BAD_INPUT', component: 'check', problem: `"web" is ${JSON.stringify(web)}, not true or false`, fix: 'send {"input": "…", "web": true} to search the web too, or leave "web" out' });
  }
  const about = (body as Record<string, unknown>).about;
  if (about !== undefined && typeof about !== 'string') {
    throw new HttpError(400, { code: 'BAD_INPUT', component: 'check', problem: `"about" is ${JSON.stringify(about)}, not a string`, fix: 'send {"input": "…", "about": "<what the claim is about>"}, or leave "about" out' });
  }
  const options = { ...(web === true ? { web: true } : {}), ...(typeof about === 'string' ? { about } : {}) };
  return submit(c, o, { kind: 'check', input, ...(Object.keys(options).length > 0 ? { options } : {}) });
}

/** ?fetch=1 (or true) asks for the cited pages; 0, false or nothing does not; anything else is a 400. */
function fetchParam(c: Context): boolean {
  const value = c.req.query('fetch');
  if (value === undefined || value === '0' || value === 'false') return false;
  if (value === '1' || value === 'true') return true;
  throw new HttpError(400, { code: 'BAD_INPUT', component: 'audit', problem: `?fetch=${quote(value)} is not 1 or 0`, fix: 'use POST /api/audits?fetch=1 to fetch the cited pages, or leave fetch out' });
}

async function postAudit(c: Context<ServerEnv>, o: RouteOptions): Promise<Response> {
  const fetch = fetchParam(c);
  const text = await bodyText(c, 'audit');
  const format = AUDIT_TYPES[mediaType(c.req.header('content-type')).type]!;
  return submit(c, o, { kind: 'audit', input: text, options: { format, ...(fetch ? { fetch: true } : {}) } });
}

async function report(c: Context, o: RouteOptions): Promise<Response> {
  const job = await jobOr404(o.queue, jobId(c));
  const format = c.req.query('format') ?? 'json';
  const rendered = await o.reports.get(job, format, o.renderAudit);
  const headers: Record<string, string> = { 'content-type': rendered.contentType };
  if (format === 'html') {
    headers['content-security-policy'] = REPORT_POLICY;
    headers['x-frame-options'] = 'SAMEORIGIN';
  }
  if (c.req.query('download') === '1') headers['content-disposition'] = `attachment; filename="verity-${job.spec.kind}-${job.id.replace(/[^\w-]/g, '')}.${rendered.extension}"`;
  return c.body(rendered.body, 200, headers);
}

/** POST /api/jobs/:id/ticket: a ticket for the job's event stream and report URLs (bearer token required). */
async function issueTicket(c: Context, o: RouteOptions): Promise<Response> {
  if (!o.auth) {
    throw new HttpError(404, { code: 'NOT_FOUND', component: 'serve', problem: 'this server has no access tokens, so it issues no tickets', fix: 'open the events and report URLs directly' });
  }
  const id = jobId(c);
  await jobOr404(o.queue, id);
  const { ticket, expiresAt } = o.auth.tickets.issue(id);
  const base = links(id);
  const q = `ticket=${encodeURIComponent(ticket)}`;
  return jsonAnswer(c, 200, {
    id,
    ticket,
    expiresAt: new Date(expiresAt).toISOString(),
    links: { events: `${base.events}?${q}`, md: `${base.md}&${q}`, html: `${base.html}&${q}`, json: `${base.json}&${q}`, claimreview: `${base.claimreview}&${q}` },
  });
}

async function events(c: Context<ServerEnv>, o: RouteOptions): Promise<Response> {
  const id = jobId(c);
  await jobOr404(o.queue, id);
  // HEAD (answered by the GET route): the headers only, no subscription.
  if (c.req.method === 'HEAD') return c.body(null, 200, { 'content-type': 'text/event-stream; charset=utf-8' });
  const last = Number(c.req.header('last-event-id') ?? c.req.query('after') ?? 0);
  return streamJobEvents(c, o.queue, id, links, { after: Number.isSafeInteger(last) && last > 0 ? last : 0, ...(o.heartbeatMs ? { heartbeatMs: o.heartbeatMs } : {}) });
}

async function cancel(c: Context, o: RouteOptions): Promise<Response> {
  const id = jobId(c);
  const job = await jobOr404(o.queue, id);
  if (!(await o.queue.cancel(id))) {
    throw new HttpError(409, { code: 'CONFLICT', component: 'server', problem: `job ${quote(id)} has already ended (${job.status})`, fix: 'nothing to cancel' });
  }
  return jsonAnswer(c, 202, { id, cancelling: true, links: links(id) });
}

/** Registers the job routes on the app. */
export function jobRoutes(app: Hono<ServerEnv>, o: RouteOptions): void {
  const [checkType, checkLimit] = bodyChecks(['application/json'], o.maxBodyBytes, 'check');
  app.post('/api/checks', checkType, checkLimit, (c) => postCheck(c, o));
  const [auditType, auditLimit] = bodyChecks(Object.keys(AUDIT_TYPES), o.maxBodyBytes, 'audit');
  // ?fetch= is checked before the body is asked for.
  const auditQuery: MiddlewareHandler<ServerEnv> = async (c, next) => {
    fetchParam(c);
    await next();
  };
  app.post('/api/audits', auditQuery, auditType, auditLimit, (c) => postAudit(c, o));
  app.get('/api/jobs/:id', async (c) => jsonAnswer(c, 200, jobView(await jobOr404(o.queue, jobId(c)), c)));
  app.delete('/api/jobs/:id', (c) => cancel(c, o));
  app.get('/api/jobs/:id/events', (c) => events(c, o));
  app.get('/api/jobs/:id/report', (c) => report(c, o));
  app.post('/api/jobs/:id/ticket', (c) => issueTicket(c, o));
}
