// Which of the server's jobs its job threads can run, and the plain settings they run them with.
// A thread rebuilds the web engine, the fetch settings and the LLM analyst itself from these (an
// engine or an analyst object cannot cross to a thread; their configuration can), so web checks,
// fetching audits and checks written by the LLM analyst leave the request thread like the rest.
// Options that are not plain data (a test's injected resolver or page loader, an analyst built by
// hand rather than by createAnalyst) keep their jobs in the request thread, as before.
import { analystConfigOf } from '../analyst/index.js';
import type { Analyst, AnalystConfig } from '../analyst/index.js';
import type { JobSpec } from '../jobs/index.js';
import type { WebEngineSettings } from '../web/index.js';
import { wantsFetch, wantsWeb } from './job-runner.js';
import type { JobFetchOptions, JobWebOptions } from './job-runner.js';

/** What a job thread is given to run web, fetch and LLM jobs (structured-cloneable). */
export interface ThreadJobSettings {
  /** Who writes check reports (null: the rules analyst). */
  analyst: AnalystConfig | null;
  /** The web engine to rebuild and the options of web checks (null: not in the threads). */
  web: (Omit<JobWebOptions, 'search'> & { engine: WebEngineSettings }) | null;
  /** The options of fetching audits (null: not in the threads). */
  fetch: Omit<JobFetchOptions, 'load'> | null;
}

export interface ThreadJobPlan {
  settings: ThreadJobSettings;
  /** True when the threads can run `spec` as the request thread would. */
  fits(spec: JobSpec): boolean;
}

/** True when `value` can be posted to a thread as it is (no function, signal or other live object). */
function plainData(value: unknown): boolean {
  try {
    structuredClone(value);
    return true;
  } catch {
    return false;
  }
}

/** What the threads can take over of a server's analyst, web and fetch options. */
export function threadJobPlan(options: { analyst?: Analyst; web?: JobWebOptions; fetch?: JobFetchOptions }): ThreadJobPlan {
  const analyst: AnalystConfig | null = options.analyst ? analystConfigOf(options.analyst) : { kind: 'rules' };
  const analystFits = analyst !== null && plainData(analyst);
  let web: ThreadJobSettings['web'] = null;
  if (options.web) {
    const { search, ...rest } = options.web;
    if (search.settings && plainData(search.settings) && plainData(rest)) web = { ...rest, engine: search.settings };
  }
  let fetch: ThreadJobSettings['fetch'] = null;
  if (options.fetch && options.fetch.load === undefined && plainData(options.fetch)) {
    const { load: _load, ...rest } = options.fetch;
    fetch = rest;
  }
  return {
    settings: { analyst: analystFits && analyst.kind !== 'rules' ? analyst : null, web, fetch },
    fits: (spec) => (spec.kind === 'check' ? analystFits && (!wantsWeb(spec) || web !== null) : !wantsFetch(spec) || fetch !== null),
  };
}

/** True when the threads ingest what they read, so they must open the corpus for writing. */
export const threadsWrite = (settings: ThreadJobSettings): boolean => settings.web !== null || settings.fetch !== null;
