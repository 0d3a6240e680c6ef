// A finished job's report in one of the formats: the check's report through the report
// renderers, the audit's result through the audit annotators (the article is re-read from the
// job's input, which is deterministic).
import { VerityError, quote } from '../errors.js';
import { renderReport, REPORT_FORMATS } from '../report/index.js';
import { annotateHtml, annotateMarkdown, auditJson, readArticle } from '../audit/index.js';
import type { JobSnapshot } from '../jobs/index.js';
import { articleFormat } from './job-runner.js';
import type { VerityJobResult } from './job-runner.js';
import { HttpError } from './http-error.js';

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

export function renderJobReport(job: JobSnapshot<VerityJobResult>, format: string): RenderedReport {
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
  if (format === 'json') return { body: `${JSON.stringify(auditJson(result.audit), null, 2)}\n`, ...type };
  const article = readArticle(job.spec.input, articleFormat(job.spec));
  return { body: format === 'html' ? annotateHtml(article, result.audit) : annotateMarkdown(article, result.audit), ...type };
}
