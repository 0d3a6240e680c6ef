// What the server's jobs do: a check (checkInput) or an article audit (auditArticle), against
// the one shared read-only store, seen through a CooperativeStore so the server keeps answering
// while a job runs and a cancelled job stops at its next store call.
import type { Store } from '../contracts.js';
import { VerityError, quote } from '../errors.js';
import type { Report } from '../model.js';
import type { Analyst } from '../analyst/index.js';
import { DEFAULT_WEB_LIMIT, checkInput, MAX_INPUT_CHARS, validateAbout } from '../check/index.js';
import { DEFAULT_FETCH_LIMIT, auditArticle, readArticle, MAX_ARTICLE_CHARS } from '../audit/index.js';
import type { ArticleFormat, AuditResult } from '../audit/index.js';
import type { AuditFetchOptions } from '../audit/index.js';
import type { CheckWebOptions } from '../check/index.js';
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
  /**
   * Web sources for check jobs that ask for them (`spec.options.web === true`). Without it such a
   * job fails (FORBIDDEN, naming --web) and no check touches the network. The store must be
   * writable: what is read is ingested.
   */
  web?: JobWebOptions;
  /**
   * Fetching the cited pages for audit jobs that ask for it (`spec.options.fetch === true`).
   * Without it such a job fails (FORBIDDEN, naming --fetch). The store must be writable.
   */
  fetch?: JobFetchOptions;
}

/** What a process that allows web checks gives its runner: the engine and the results read per search. */
export type JobWebOptions = Pick<CheckWebOptions, 'search' | 'limit' | 'facets' | 'concurrency' | 'kind'>;
/** What a process that allows fetching gives its runner: the safe-fetch settings and the URL limit. */
export type JobFetchOptions = Pick<AuditFetchOptions, 'web' | 'limit' | 'concurrency' | 'kind' | 'load'>;

/** What a server or worker allows beyond the corpus; the page and GET /api/capabilities show it. */
export interface JobCapabilities {
  /** Check jobs may search the web (`{"web": true}`); the engine's name and results per search. */
  web: { engine: string; limit: number } | null;
  /** Audit jobs may fetch the cited pages (`?fetch=1`); the most URLs fetched per audit. */
  fetch: { limit: number } | null;
}

/** True when the job asks for web sources (a check) or for its cited pages to be fetched (an audit). */
export const wantsWeb = (spec: JobSpec): boolean => spec.kind === 'check' && spec.options?.web === true;
export const wantsFetch = (spec: JobSpec): boolean => spec.kind === 'audit' && spec.options?.fetch === true;

/** The FORBIDDEN error of a job asking for what this process was not started with (`who`: "server" or "worker"). */
export function notEnabledError(spec: JobSpec, who: 'server' | 'worker'): VerityError {
  const web = spec.kind === 'check';
  return new VerityError({
    code: 'FORBIDDEN',
    component: spec.kind,
    problem: web
      ? `this check asks for web sources ("web": true), but the ${who} running it was started without --web, so it does not touch the network`
      : `this audit asks to fetch the cited pages (fetch=1), but the ${who} running it was started without --fetch, so it does not touch the network`,
    fix: web
      ? `start it as verity ${who === 'server' ? 'serve' : 'worker'} --web (opens the corpus for writing; see docs/server.md), or check without "web"`
      : `start it as verity ${who === 'server' ? 'serve' : 'worker'} --fetch (opens the corpus for writing; see docs/server.md), or audit without fetch=1`,
  });
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
  else validateAbout(aboutOf(spec));
}

/** The topic a check job is about (`options.about`), when it gives one as a string. */
export function aboutOf(spec: JobSpec): string | undefined {
  const about = spec.options?.about;
  return typeof about === 'string' ? about : undefined;
}

export function articleFormat(spec: JobSpec): ArticleFormat {
  const format = spec.options?.format ?? 'md';
  if (typeof format !== 'string' || !(ARTICLE_FORMATS as readonly string[]).includes(format)) {
    throw new VerityError({ code: 'BAD_INPUT', component: 'audit', problem: `unknown article format ${quote(String(format))}`, fix: `use one of ${ARTICLE_FORMATS.join(', ')}` });
  }
  return format as ArticleFormat;
}

/** What a runner built with `options` allows. */
export function runnerCapabilities(options: Pick<JobRunnerOptions, 'web' | 'fetch'>): JobCapabilities {
  return {
    web: options.web ? { engine: options.web.search.name, limit: options.web.limit ?? DEFAULT_WEB_LIMIT } : null,
    fetch: options.fetch ? { limit: options.fetch.limit ?? DEFAULT_FETCH_LIMIT } : null,
  };
}

/**
 * The runner of checks and audits on `store`. A job asking for the web (or for fetching) when
 * `options.web` (`options.fetch`) is not given fails with FORBIDDEN naming the flag (`who` says
 * which command's flag: a server's or a worker's). Web and fetch warnings go into the result
 * (the report's provenance.warnings, the audit's warnings), as on the command line.
 */
export function createJobRunner(store: Store, options: JobRunnerOptions = {}, who: 'server' | 'worker' = 'server'): JobRunner<VerityJobResult> {
  return async (spec, ctx) => {
    const view = new CooperativeStore(store, ctx.signal);
    if (spec.kind === 'check') {
      if (wantsWeb(spec) && !options.web) throw notEnabledError(spec, who);
      const web = wantsWeb(spec) && options.web ? { web: { ...options.web, signal: ctx.signal } } : {};
      const about = aboutOf(spec);
      const report = await checkInput(view, spec.input, { onProgress: ctx.onProgress, ...(about !== undefined ? { about } : {}), ...(options.now ? { now: options.now } : {}), ...(options.analyst ? { analyst: options.analyst } : {}), ...web });
      return { kind: 'check', report };
    }
    if (wantsFetch(spec) && !options.fetch) throw notEnabledError(spec, who);
    const article = readArticle(spec.input, articleFormat(spec));
    const fetch = wantsFetch(spec) && options.fetch ? { fetch: { ...options.fetch, signal: ctx.signal, ...(options.now ? { now: options.now } : {}) } } : {};
    const audit = await auditArticle(view, article, { onProgress: ctx.onProgress, ...fetch });
    return { kind: 'audit', audit };
  };
}
