// Which analyst to use, read once at the edge (the CLI) from flags and environment:
//   --analyst rules|llm (default rules), --llm-url / VERITY_LLM_URL, --llm-model /
//   VERITY_LLM_MODEL, VERITY_LLM_API_KEY (never printed), VERITY_LLM_TIMEOUT (seconds),
//   VERITY_LLM_SEED.
// The environment alone never selects the LLM: a shell that exports VERITY_LLM_URL still gets
// the rules analyst unless --analyst llm is passed. The LLM code is loaded only when chosen.
import { VerityError, quote } from '../errors.js';
import type { Analyst } from './analyst.js';
import { rulesAnalyst } from './rules-analyst.js';

export interface AnalystFlags {
  analyst?: string;
  llmUrl?: string;
  llmModel?: string;
  /** Stance requests in flight (eval). */
  llmConcurrency?: string;
  /** On a model failure, the rules report with a warning instead of an error (check). */
  llmFallback?: boolean;
}

export type AnalystConfig =
  | { kind: 'rules' }
  | { kind: 'llm'; baseUrl: string; model: string; apiKey?: string; timeoutMs?: number; seed?: number; concurrency?: number; fallback?: boolean };

const COMPONENT = 'cli';

function positiveNumber(value: string, what: string, fix: string, integer: boolean): number {
  const n = Number(value.trim());
  if (value.trim() === '' || !Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n))) {
    throw new VerityError({ code: 'USAGE', component: COMPONENT, problem: `${what} ${quote(value)} is not a positive ${integer ? 'whole ' : ''}number`, fix });
  }
  return n;
}

/** Read the analyst choice from flags and environment; USAGE errors say what is missing. */
export function analystConfig(flags: AnalystFlags, env: NodeJS.ProcessEnv): AnalystConfig {
  const kind = flags.analyst ?? 'rules';
  if (kind !== 'rules' && kind !== 'llm') {
    throw new VerityError({ code: 'USAGE', component: COMPONENT, problem: `unknown --analyst ${quote(kind)}`, fix: 'use --analyst rules (the default, offline) or --analyst llm (an OpenAI-compatible server)' });
  }
  if (kind === 'rules') {
    const stray = flags.llmUrl !== undefined ? '--llm-url' : flags.llmModel !== undefined ? '--llm-model' : flags.llmConcurrency !== undefined ? '--llm-concurrency' : flags.llmFallback ? '--llm-fallback' : null;
    if (stray) throw new VerityError({ code: 'USAGE', component: COMPONENT, problem: `${stray} is given but the analyst is "rules"`, fix: 'add --analyst llm to use a language model, or leave out the --llm-* options' });
    return { kind: 'rules' };
  }
  const baseUrl = (flags.llmUrl ?? env.VERITY_LLM_URL ?? '').trim();
  const model = (flags.llmModel ?? env.VERITY_LLM_MODEL ?? '').trim();
  if (baseUrl === '') {
    throw new VerityError({ code: 'USAGE', component: COMPONENT, problem: '--analyst llm needs the server URL and none was given', fix: 'pass --llm-url http://127.0.0.1:11434/v1 (Ollama; llama.cpp: http://127.0.0.1:8080/v1) or set VERITY_LLM_URL' });
  }
  if (model === '') {
    throw new VerityError({ code: 'USAGE', component: COMPONENT, problem: `--analyst llm needs a model name for ${quote(baseUrl)} and none was given`, fix: 'pass --llm-model NAME (e.g. llama3.1:8b for Ollama) or set VERITY_LLM_MODEL' });
  }
  const config: AnalystConfig = { kind: 'llm', baseUrl, model };
  const key = env.VERITY_LLM_API_KEY?.trim();
  if (key) config.apiKey = key;
  if (env.VERITY_LLM_TIMEOUT !== undefined && env.VERITY_LLM_TIMEOUT !== '') {
    config.timeoutMs = Math.round(positiveNumber(env.VERITY_LLM_TIMEOUT, 'VERITY_LLM_TIMEOUT', 'set it to the seconds one request may take, e.g. VERITY_LLM_TIMEOUT=300', false) * 1000);
  }
  if (env.VERITY_LLM_SEED !== undefined && env.VERITY_LLM_SEED !== '') {
    if (!/^\d+$/.test(env.VERITY_LLM_SEED.trim())) throw new VerityError({ code: 'USAGE', component: COMPONENT, problem: `VERITY_LLM_SEED ${quote(env.VERITY_LLM_SEED)} is not a whole number`, fix: 'set it to a whole number such as 42, or unset it' });
    config.seed = Number(env.VERITY_LLM_SEED.trim());
  }
  if (flags.llmFallback) config.fallback = true;
  if (flags.llmConcurrency !== undefined) config.concurrency = positiveNumber(flags.llmConcurrency, '--llm-concurrency', 'pass the number of requests in flight, e.g. --llm-concurrency 4', true);
  return config;
}

/** What the LLM analyst says before it retries a request. */
export interface RetryInfo {
  attempt: number;
  delayMs: number;
  reason: string;
}

export interface CreateAnalystOptions {
  /** Told before an LLM request is retried (rate limit, server error). */
  onRetry?: (info: RetryInfo) => void;
}

/** The line a command prints when a model request is retried. */
export const retryNotice = (r: RetryInfo): string => `verity: [llm] ${r.reason}; retrying in ${(r.delayMs / 1000).toFixed(1)} s (attempt ${r.attempt + 1})`;

/** The configurations of the analysts createAnalyst made, so another thread can make the same one. */
const configs = new WeakMap<Analyst, AnalystConfig>();

/**
 * The configuration `analyst` was made from (the rules analyst's, or the one createAnalyst was
 * given), or null for an analyst built some other way (which cannot be rebuilt elsewhere).
 */
export function analystConfigOf(analyst: Analyst): AnalystConfig | null {
  if (analyst === rulesAnalyst) return { kind: 'rules' };
  const config = configs.get(analyst);
  return config ? { ...config } : null;
}

/** The analyst a config names. The LLM analyst's code is imported only here, only when chosen. */
export async function createAnalyst(config: AnalystConfig, options: CreateAnalystOptions = {}): Promise<Analyst> {
  if (config.kind === 'rules') return rulesAnalyst;
  const { LlmAnalyst } = await import('./llm/llm-analyst.js');
  const analyst = new LlmAnalyst({
    baseUrl: config.baseUrl,
    model: config.model,
    ...(config.apiKey !== undefined ? { apiKey: config.apiKey } : {}),
    ...(config.timeoutMs !== undefined ? { timeoutMs: config.timeoutMs } : {}),
    ...(config.seed !== undefined ? { seed: config.seed } : {}),
    ...(config.concurrency !== undefined ? { concurrency: config.concurrency } : {}),
    ...(config.fallback ? { fallback: true } : {}),
    ...(options.onRetry ? { onRetry: options.onRetry } : {}),
  });
  configs.set(analyst, { ...config });
  return analyst;
}
