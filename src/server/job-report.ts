// A finished job's report in one of the formats: the check's report through the report
// renderers, the audit's result through the audit annotators (the article is re-read from the
// job's input, which is deterministic).
import { VerityError, quote } from '../errors.js';
import { renderReport, REPORT_FORMATS } from '../report/index.js';
import { annotateHtml, annotateMarkdown, auditJson, readArticle } from '../audit/index.js';
import type { JobSnapshot, JobSpec } from '../jobs/index.js';
import type { AuditResult } from '../audit/index.js';
import { articleFormat } from './job-runner.js';
import type { VerityJobResult } from './job-runner.js';
import { HttpError } from './http/http-error.js';

export interface RenderedReport {
  body: string;
  contentType: string;
  extension: string;
}

const TYPES: Record<string, { contentType: string; extension: string }> = {
  md: { contentType: 'text/markdown; charset=utf-8', extension: 'md' },
  html: { contentType: 'text/html; charset=utf-8', extension: 'html' },
  json: { contentType: 'application/json; charset=utf-8', extension: 'json' },
  claimreview: { contentType: 'application/ld+json; charset=utf-8', extension: 'claimreview.json' },
};

/** The JSON document a job's report is: the check's Report, or the audit's JSON. */
export function reportJson(result: VerityJobResult): unknown {
  return result.kind === 'check' ? result.report : auditJson(result.audit);
}

/** Renders an audit's report in md, html or json (the CPU-heavy part: re-reads the article). */
export function renderAudit(spec: JobSpec, audit: AuditResult, format: 'md' | 'html' | 'json'): string {
  if (format === 'json') return `${JSON.stringify(auditJson(audit), null, 2)}\n`;
  const article = readArticle(spec.input, articleFormat(spec));
  return format === 'html' ? annotateHtml(article, audit) : annotateMarkdown(article, audit);
}

/** Where an audit is rendered: in this thread (the default) or by a worker thread. */
export type AuditRenderer = (spec: JobSpec, audit: AuditResult, format: 'md' | 'html' | 'json') => Promise<string>;

const renderHere: AuditRenderer = async (spec, audit, format) => renderAudit(spec, audit, format);

export async function renderJobReport(job: JobSnapshot<VerityJobResult>, format: string, renderer: AuditRenderer = renderHere): Promise<RenderedReport> {
  const type = TYPES[format];
  if (!type) {
    throw new HttpError(400, { code: 'BAD_INPUT', component: 'server', problem: `unknown report format ${quote(format)}`, fix: `use ?format= one of ${REPORT_FORMATS.join(', ')}` });
  }
  if (job.status !== 'done' || job.result === null) {
    const why = job.status === 'failed' || job.status === 'cancelled' ? `${job.status}${job.error ? `: ${job.error.problem}` : ''}` : `still ${job.status}`;
    throw new HttpError(409, {
      code: job.status === 'failed' || job.status === 'cancelled' ? 'JOB_FAILED' : 'NOT_READY',
      component: 'server',
      problem: `job ${quote(job.id)} has no report: it is ${why}`,
      fix: job.status === 'queued' || job.status === 'running' ? `wait for the "done" event of GET /api/jobs/${job.id}/events, then ask again` : 'submit the job again',
    });
  }
  const result = job.result;
  if (result.kind === 'check') {
    try {
      return { body: renderReport(result.report, format), ...type };
    } catch (e) {
      if (e instanceof VerityError && e.code === 'UNSUPPORTED') throw new HttpError(400, e);
      throw e;
    }
  }
  if (format === 'claimreview') {
    throw new HttpError(400, { code: 'UNSUPPORTED', component: 'server', problem: 'an article audit has no ClaimReview form', fix: 'use ?format=md, html or json for an audit' });
  }
  return { body: await renderer(job.spec, result.audit, format as 'md' | 'html' | 'json'), ...type };
}

/** Rendered reports by job and format, so a big audit is rendered once however often it is read. */
export interface ReportCache {
  get(job: JobSnapshot<VerityJobResult>, format: string, renderer?: AuditRenderer): Promise<RenderedReport>;
}

/** A cache holding at most `maxChars` characters of rendered reports (default 64 million); the least recently read goes first. */
export function createReportCache(maxChars = 64_000_000): ReportCache {
  const kept = new Map<string, RenderedReport>();
  let chars = 0;
  return {
    async get(job, format, renderer) {
      const key = `${job.id}\n${job.finishedAt ?? ''}\n${format}`;
      const hit = kept.get(key);
      if (hit) {
        kept.delete(key);
        kept.set(key, hit);
        return hit;
      }
      const rendered = await renderJobReport(job, format, renderer);
      if (rendered.body.length <= maxChars) {
        kept.set(key, rendered);
        chars += rendered.body.length;
        for (const [k, v] of kept) {
          if (chars <= maxChars) break;
          kept.delete(k);
          chars -= v.body.length;
        }
      }
      return rendered;
    },
  };
}
