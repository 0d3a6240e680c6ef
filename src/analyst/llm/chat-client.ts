// A client for the chat-completions endpoint every OpenAI-compatible server offers (Ollama,
// llama.cpp server, vLLM, LM Studio, hosted APIs): POST {baseUrl}/chat/completions with
// `model`, `messages`, `temperature: 0` and an optional `seed` and bearer key, over the
// platform `fetch` (no SDK).
//
// Contract
// - Each attempt has its own deadline (AbortController); a timed-out attempt is not retried
//   (a server too slow once is slow again) and fails with code TIMEOUT.
// - 429, 5xx and network errors are retried up to `maxAttempts` in all, waiting what the
//   server's Retry-After asks (capped) or exponential backoff; then they fail with the last
//   status or network error. Other statuses fail at once.
// - Every failure is a VerityError of component "llm" naming the URL, the model, the HTTP
//   status (when there was one) and the fix. The API key never appears in a message: it is
//   redacted from everything quoted (server bodies included).
// - Response bodies are read up to `maxResponseBytes` (default 8 MB), never more.
import { VerityError, quote } from '../../errors.js';
import { printableUrl, redact } from './redact.js';
import { parseRetryAfter, retryDelay } from './retry-after.js';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface ChatClientOptions {
  /** The server's OpenAI-compatible base, e.g. http://127.0.0.1:11434/v1 (Ollama). */
  baseUrl: string;
  model: string;
  /** Sent as "Authorization: Bearer <key>" when set. Never printed. */
  apiKey?: string;
  /** Sent as `seed` when set (servers that honour it make answers repeatable). */
  seed?: number;
  /** Deadline of one attempt, headers and body (default 120 000 ms). */
  timeoutMs?: number;
  /** Attempts in all, for 429 / 5xx / network errors (default 4). */
  maxAttempts?: number;
  /** First backoff delay, doubled each retry (default 500 ms). */
  baseDelayMs?: number;
  /** Longest wait between attempts, Retry-After included (default 30 000 ms). */
  maxDelayMs?: number;
  /** Largest response body read (default 8 MB). */
  maxResponseBytes?: number;
  /** Injected for tests. */
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  /** Told before each retry (the CLI shows it as progress). */
  onRetry?: (info: { attempt: number; delayMs: number; reason: string }) => void;
}

export interface ChatAnswer {
  /** The assistant message's text. */
  content: string;
  finishReason: string | null;
  /** Attempts it took (1 when the first succeeded). */
  attempts: number;
}

export interface ChatRequestOptions {
  /** Sent as `max_tokens` when set. */
  maxTokens?: number;
}

const COMPONENT = 'llm';

/** The endpoint for a base URL: "…/v1" → "…/v1/chat/completions" (a full endpoint is kept). */
export function chatEndpoint(baseUrl: string): string {
  const trimmed = baseUrl.trim().replace(/\/+$/, '');
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    parsed = new URL('invalid:');
  }
  if (!/^https?:$/.test(parsed.protocol) || parsed.hostname === '') {
    throw new VerityError({
      code: 'USAGE',
      component: COMPONENT,
      problem: `the LLM server URL ${quote(printableUrl(baseUrl))} is not an http(s) URL`,
      fix: 'pass --llm-url (or set VERITY_LLM_URL) to the server\'s OpenAI-compatible base, e.g. http://127.0.0.1:11434/v1 for Ollama or http://127.0.0.1:8080/v1 for llama.cpp',
    });
  }
  return /\/chat\/completions$/.test(trimmed) ? trimmed : `${trimmed}/chat/completions`;
}

/** The server's own words from an error body: `error.message`, `error`, `message`, else the text. */
function serverMessage(body: string): string {
  try {
    const v = JSON.parse(body) as { error?: unknown; message?: unknown };
    const e = v.error;
    if (typeof e === 'string') return e;
    if (e && typeof e === 'object' && typeof (e as { message?: unknown }).message === 'string') return (e as { message: string }).message;
    if (typeof v.message === 'string') return v.message;
  } catch {
    // not JSON: the text itself
  }
  return body.replace(/\s+/g, ' ').trim();
}

async function readCapped(response: Response, max: number): Promise<string | null> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function networkCode(e: unknown): string {
  const cause = (e as { cause?: { code?: unknown; message?: unknown } }).cause;
  if (cause && typeof cause.code === 'string') return cause.code;
  if (cause && typeof cause.message === 'string') return cause.message;
  return (e as Error).message ?? String(e);
}

export class ChatClient {
  readonly endpoint: string;
  readonly model: string;
  private readonly options: ChatClientOptions;
  /** user:password from the URL (fetch refuses URLs with credentials): sent as Basic auth. */
  private readonly basic: { user: string; password: string } | null = null;

  constructor(options: ChatClientOptions) {
    const endpoint = new URL(chatEndpoint(options.baseUrl));
    if (endpoint.username !== '' || endpoint.password !== '') {
      this.basic = { user: decodeURIComponent(endpoint.username), password: decodeURIComponent(endpoint.password) };
      endpoint.username = '';
      endpoint.password = '';
    }
    this.endpoint = endpoint.toString();
    if (options.model.trim() === '') {
      throw new VerityError({ code: 'USAGE', component: COMPONENT, problem: 'the LLM model name is empty', fix: 'pass --llm-model NAME (or set VERITY_LLM_MODEL), e.g. --llm-model llama3.1:8b' });
    }
    this.model = options.model.trim();
    this.options = options;
  }

  /** Where and what, for messages: `"http://host/v1/chat/completions" (model "m")`. */
  private where(): string {
    return `${quote(printableUrl(this.endpoint), 120)} (model ${quote(this.model)})`;
  }

  private clean(text: string): string {
    return redact(text, [this.options.apiKey, this.basic?.password, this.basic ? Buffer.from(`${this.basic.user}:${this.basic.password}`).toString('base64') : undefined]);
  }

  /** Send the conversation; resolve with the assistant's answer or throw a VerityError. */
  async complete(messages: readonly ChatMessage[], request: ChatRequestOptions = {}): Promise<ChatAnswer> {
    const o = this.options;
    const maxAttempts = Math.max(1, o.maxAttempts ?? 4);
    const timeoutMs = o.timeoutMs ?? 120_000;
    const policy = { baseDelayMs: o.baseDelayMs ?? 500, maxDelayMs: o.maxDelayMs ?? 30_000 };
    const sleep = o.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
    const now = o.now ?? Date.now;
    const doFetch = o.fetch ?? fetch;
    const body = JSON.stringify({
      model: this.model,
      messages,
      temperature: 0,
      ...(o.seed !== undefined ? { seed: o.seed } : {}),
      ...(request.maxTokens !== undefined ? { max_tokens: request.maxTokens } : {}),
      stream: false,
    });
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
    if (o.apiKey) headers.authorization = `Bearer ${o.apiKey}`;
    else if (this.basic) headers.authorization = `Basic ${Buffer.from(`${this.basic.user}:${this.basic.password}`).toString('base64')}`;

    for (let attempt = 1; ; attempt++) {
      const outcome = await this.attempt(doFetch, { method: 'POST', headers, body }, timeoutMs, now);
      if ('answer' in outcome) return { ...outcome.answer, attempts: attempt };
      const e = outcome.error;
      if (!e.retryable) throw e;
      if (attempt >= maxAttempts) {
        if (maxAttempts === 1) throw e;
        throw new VerityError({ code: e.code, component: COMPONENT, retryable: true, problem: `${e.problem} (gave up after ${maxAttempts} attempts)`, fix: e.fix, cause: e.cause });
      }
      const delayMs = retryDelay(attempt, outcome.retryAfterMs, policy);
      o.onRetry?.({ attempt, delayMs, reason: e.problem });
      await sleep(delayMs);
    }
  }

  /** One request under its own deadline: the answer, or the error and any Retry-After. */
  private async attempt(
    doFetch: typeof fetch,
    init: { method: string; headers: Record<string, string>; body: string },
    timeoutMs: number,
    now: () => number,
  ): Promise<{ answer: Omit<ChatAnswer, 'attempts'> } | { error: VerityError; retryAfterMs: number | null }> {
    const max = this.options.maxResponseBytes ?? 8 * 1024 * 1024;
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    let response: Response;
    let text: string | null;
    try {
      response = await doFetch(this.endpoint, { ...init, signal: controller.signal });
      text = await readCapped(response, max);
    } catch (e) {
      if (timedOut) {
        const error = new VerityError({
          code: 'TIMEOUT',
          component: COMPONENT,
          problem: `the LLM server at ${this.where()} gave no answer within ${Math.round(timeoutMs / 100) / 10} s`,
          fix: 'use a faster or smaller model, check the server is not overloaded, or raise the deadline with VERITY_LLM_TIMEOUT (seconds)',
          cause: e,
        });
        return { error, retryAfterMs: null };
      }
      const reason = networkCode(e);
      if (reason === 'bad port') {
        // fetch refuses some ports outright (the "bad ports" of the Fetch standard): no retry helps.
        const error = new VerityError({ code: 'USAGE', component: COMPONENT, problem: `the LLM server URL ${this.where()} uses a port that fetch refuses (a blocked port)`, fix: 'run the server on another port (Ollama 11434, llama.cpp 8080, vLLM 8000, LM Studio 1234) and pass it in --llm-url', cause: e });
        return { error, retryAfterMs: null };
      }
      const error = new VerityError({
        code: 'IO',
        component: COMPONENT,
        retryable: true,
        problem: `cannot reach the LLM server at ${this.where()}: ${this.clean(reason)}`,
        fix: 'start the server (ollama serve, llama-server, vllm serve, LM Studio) or correct --llm-url / VERITY_LLM_URL',
        cause: e,
      });
      return { error, retryAfterMs: null };
    } finally {
      clearTimeout(timer);
    }
    if (text === null) {
      const error = new VerityError({ code: 'TOO_LARGE', component: COMPONENT, problem: `the LLM server at ${this.where()} sent a response larger than ${max} bytes`, fix: 'check that --llm-url points at a chat-completions endpoint' });
      return { error, retryAfterMs: null };
    }
    if (!response.ok) return { error: this.statusError(response.status, text), retryAfterMs: parseRetryAfter(response.headers.get('retry-after'), now()) };
    try {
      return { answer: this.parse(text, response.status) };
    } catch (e) {
      if (e instanceof VerityError) return { error: e, retryAfterMs: null };
      throw e;
    }
  }

  private statusError(status: number, body: string): VerityError {
    const said = this.clean(serverMessage(body));
    const detail = said ? `: ${quote(said, 200)}` : '';
    const problem = `the LLM server at ${this.where()} answered HTTP ${status}${detail}`;
    if (status === 429) {
      return new VerityError({ code: 'LLM_HTTP', component: COMPONENT, retryable: true, problem, fix: 'wait and try again, lower the number of requests in flight (--llm-concurrency), or check the rate limit of your plan' });
    }
    if (status >= 500) {
      return new VerityError({ code: 'LLM_HTTP', component: COMPONENT, retryable: true, problem, fix: 'check the server log (is the model loaded, is there memory for it?) and try again' });
    }
    if (status === 401 || status === 403) {
      return new VerityError({ code: 'LLM_HTTP', component: COMPONENT, problem, fix: 'set VERITY_LLM_API_KEY to a key this server accepts (local servers usually need none)' });
    }
    if (status === 404) {
      return new VerityError({ code: 'LLM_HTTP', component: COMPONENT, problem, fix: `check that --llm-url is the OpenAI-compatible base (ending in /v1; Verity adds /chat/completions) and that the server has the model ${quote(this.model)} (for Ollama: ollama pull ${this.model})` });
    }
    return new VerityError({ code: 'LLM_HTTP', component: COMPONENT, problem, fix: 'check the model name and that the server speaks the OpenAI chat-completions API' });
  }

  private parse(text: string, status: number): Omit<ChatAnswer, 'attempts'> {
    let v: unknown;
    try {
      v = JSON.parse(text);
    } catch {
      throw new VerityError({ code: 'BAD_RESPONSE', component: COMPONENT, problem: `the LLM server at ${this.where()} answered HTTP ${status} with a body that is not JSON (${quote(this.clean(text), 60)})`, fix: 'check that --llm-url points at an OpenAI-compatible chat-completions API' });
    }
    const choice = (v as { choices?: unknown }).choices;
    const first = Array.isArray(choice) ? (choice[0] as { message?: { content?: unknown }; finish_reason?: unknown } | undefined) : undefined;
    const content = first?.message?.content;
    if (typeof content !== 'string') {
      throw new VerityError({ code: 'BAD_RESPONSE', component: COMPONENT, problem: `the LLM server at ${this.where()} answered without choices[0].message.content (${quote(this.clean(text), 80)})`, fix: 'check that --llm-url points at an OpenAI-compatible chat-completions API' });
    }
    return { content, finishReason: typeof first?.finish_reason === 'string' ? first.finish_reason : null };
  }
}
