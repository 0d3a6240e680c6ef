// What the server's jobs do: a check (checkInput) or an article audit (auditArticle), against
// the one shared read-only store, seen through a CooperativeStore so the server keeps answering
// while a job runs and a cancelled job stops at its next store call.
import type { Store } from '../contracts.js';
import { VerityError, quote } from '../errors.js';
import type { Report } from '../model.js';
import type { Analyst } from '../analyst/index.js';
import { checkInput, MAX_INPUT_CHARS } from '../check/index.js';
import { auditArticle, readArticle, MAX_ARTICLE_CHARS } from '../audit/index.js';
import type { ArticleFormat, AuditResult } from '../audit/index.js';
import { CooperativeStore } from '../jobs/index.js';
import type { JobRunner, JobSpec } from '../jobs/index.js';

/** A finished job's result: the check's report, or the audit's result (the article is re-read from the job's input to render it). */
export type VerityJobResult = { kind: 'check'; report: Report } | { kind: 'audit'; audit: AuditResult };

export const ARTICLE_FORMATS: readonly ArticleFormat[] = ['md', 'html', 'txt'];

export interface JobRunnerOptions {
  /** The clock passed to checkInput (default: the system clock). */
  now?: () => Date;
  /** Who writes check reports (default: the rules analyst). */
  analyst?: Analyst;
}

/** Refuses, before queueing, what the job would refuse anyway: empty or too long input, an unknown article format. */
export function validateJobSpec(spec: JobSpec): void {
  const component = spec.kind;
  if (spec.input.trim() === '') {
    throw new VerityError({
      code: 'BAD_INPUT',
      component,
      problem: spec.kind === 'check' ? 'the question or claim is empty' : 'the article is empty',
      fix: spec.kind === 'check' ? 'send {"input": "<question or claim>"}' : 'send the article text as the request body',
    });
  }
  const limit = spec.kind === 'check' ? MAX_INPUT_CHARS : MAX_ARTICLE_CHARS;
  const length = spec.kind === 'check' ? spec.input.trim().length : spec.input.length;
  if (length > limit) {
    throw new VerityError({
      code: 'TOO_LARGE',
      component,
      problem: `the input ${quote(spec.input, 40)} is ${length} characters long (the limit is ${limit})`,
      fix: spec.kind === 'check' ? 'check one question or claim at a time; send a whole article to POST /api/audits' : 'audit the article in parts',
    });
  }
  if (spec.kind === 'audit') articleFormat(spec);
}

export function articleFormat(spec: JobSpec): ArticleFormat {
  const format = spec.options?.format ?? 'md';
  if (typeof format !== 'string' || !(ARTICLE_FORMATS as readonly string[]).includes(format)) {
    throw new VerityError({ code: 'BAD_INPUT', component: 'audit', problem: `unknown article format ${quote(String(format))}`, fix: `use one of ${ARTICLE_FORMATS.join(', ')}` });
  }
  return format as ArticleFormat;
}

export function createJobRunner(store: Store, options: JobRunnerOptions = {}): JobRunner<VerityJobResult> {
  return async (spec, ctx) => {
    const view = new CooperativeStore(store, ctx.signal);
    if (spec.kind === 'check') {
      const report = await checkInput(view, spec.input, { onProgress: ctx.onProgress, ...(options.now ? { now: options.now } : {}), ...(options.analyst ? { analyst: options.analyst } : {}) });
      return { kind: 'check', report };
    }
    const article = readArticle(spec.input, articleFormat(spec));
    const audit = await auditArticle(view, article, { onProgress: ctx.onProgress });
    return { kind: 'audit', audit };
  };
}
