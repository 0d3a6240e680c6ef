// The web stage of a check: search the web for the input (and its facets), read the results and
// store them in the corpus, so retrieval finds them and the report's sources have content hashes
// (a later run, offline, reads the same passages).
//
// The engine comes in as the `WebSearch` contract (web/web-search.ts): the caller (CLI, server)
// builds the adapter; nothing here imports one.
import type { Store } from '../contracts.js';
import { VerityError, quote } from '../errors.js';
import type { ProgressListener, SourceKind, WebProvenance } from '../model.js';
import { STOPWORDS, tokenize } from '../text/index.js';
import { DEFAULT_WEB_CONCURRENCY, mapLimit } from '../web/concurrency.js';
import type { WebDocument, WebFailure, WebResult, WebSearch } from '../web/web-search.js';
import type { Plan } from './plan.js';

/**
 * Web sources for one check (`CheckOptions.web`). Without it a check never touches the network.
 *
 * The store must be writable: what is read is ingested before retrieval. A result that cannot be
 * read or stored becomes a warning of the report (and goes to `onWarning`); a search that fails
 * (engine unreachable, an error answer) fails the check with a VerityError — a report that
 * silently lacks the web sources the user asked for would look complete when it is not.
 */
export interface CheckWebOptions {
  /** The engine (e.g. `createWebSearch('wikipedia', …)` from web/, built by the caller). */
  search: WebSearch;
  /** Results read per search, 1 to 50 (default 5). */
  limit?: number;
  /**
   * Also search for each planned facet of a question or part of a claim (default true). At most
   * MAX_WEB_QUERIES searches in all; a result found by several searches is read once.
   */
  facets?: boolean;
  /** Results read at once (default 2: polite to the servers). */
  concurrency?: number;
  /** Kind for documents whose kind the engine does not know (default: inferred, else "unknown"; Wikipedia says "reference"). */
  kind?: SourceKind;
  /** Called with each warning as it happens (the CLI prints them on stderr); they are also in the report. */
  onWarning?: (message: string) => void;
  /** Cancels the web stage: the engine's error is thrown (not turned into warnings). */
  signal?: AbortSignal;
}

/** Searches per check, the input's included. */
export const MAX_WEB_QUERIES = 5;
export const DEFAULT_WEB_LIMIT = 5;
const MAX_WEB_LIMIT = 50;
/** Words kept in a search query: engines match every word, so a long sentence finds nothing. */
const MAX_QUERY_WORDS = 10;
/** A facet's search needs this many words; a shorter one ("ban outright") says too little to search for alone. */
const MIN_FACET_QUERY_WORDS = 3;
/** Words of a question's frame that a source would not contain (beside the stop words). */
const FRAME_WORDS: ReadonlySet<string> = new Set(['versus', 'vs', 'rather', 'whether', 'opposed', 'compared']);

/**
 * The search words for a statement: its words as written, without stop words and bare numbers
 * ("140 of 196 countries criminalize simple possession" → "countries criminalize simple
 * possession"); search engines such as Wikipedia's require every word, and a figure the source
 * states otherwise ("140 of the 196") would hide it; nor a question's frame ("versus"). Falls back
 * to the text when nothing is left.
 */
export function webQuery(text: string): string {
  const words = tokenize(text)
    .filter((t) => !STOPWORDS.has(t.lower) && !FRAME_WORDS.has(t.lower) && !/^[\d.,]+$/.test(t.text))
    .map((t) => t.text);
  const kept = [...new Set(words)].slice(0, MAX_QUERY_WORDS);
  return kept.length > 0 ? kept.join(' ') : text.trim();
}

/**
 * The searches for a plan: the input's words, then (when `facets`) each retrieved facet's of at
 * least MIN_FACET_QUERY_WORDS words, distinct, at most MAX_WEB_QUERIES.
 */
export function webQueries(plan: Plan, facets = true): string[] {
  const out = [webQuery(plan.input)];
  for (const f of facets ? plan.facets : []) {
    if (out.length >= MAX_WEB_QUERIES) break;
    if (!f.retrieve) continue;
    const q = webQuery(f.claim);
    if (q.split(' ').length < MIN_FACET_QUERY_WORDS) continue;
    if (!out.some((o) => o.toLowerCase() === q.toLowerCase())) out.push(q);
  }
  return out;
}

export interface WebStageResult {
  provenance: WebProvenance;
  /** One line per result not read or not stored, in rank order, or one saying the searches found nothing ("web: …"). */
  warnings: string[];
}

function checkLimit(limit: number | undefined): number {
  const n = limit ?? DEFAULT_WEB_LIMIT;
  if (!Number.isInteger(n) || n < 1 || n > MAX_WEB_LIMIT) {
    throw new VerityError({ code: 'USAGE', component: 'check', problem: `the web result limit ${quote(String(n))} is not a whole number from 1 to ${MAX_WEB_LIMIT}`, fix: 'pass e.g. limit: 5 (CLI: --web-limit 5)' });
  }
  return n;
}

const failureLine = (url: string, message: string): string => `web: could not read ${quote(url, 200)}: ${message.replace(/^verity: /, '')}`;

/**
 * Runs the web stage: the searches in order (one at a time), then the distinct results read a few
 * at a time, then every document stored in one transaction. Progress: stage "web", first over
 * the searches, then over the results read.
 */
export async function gatherWebSources(store: Store, queries: readonly string[], options: CheckWebOptions & { now: () => Date; onProgress: ProgressListener }): Promise<WebStageResult> {
  const limit = checkLimit(options.limit);
  const engine = options.search;
  const signal = options.signal;
  const warnings: string[] = [];
  const warn = (line: string): void => {
    warnings.push(line);
    options.onWarning?.(line);
  };

  const found: WebResult[] = [];
  const seen = new Set<string>();
  let searched = 0;
  for (const q of queries) {
    options.onProgress({ stage: 'web', done: searched, total: queries.length, detail: `searching ${engine.name} for ${quote(q, 60)}` });
    let results: WebResult[];
    try {
      results = await engine.search(q, { limit, ...(signal ? { signal } : {}) });
    } catch (e) {
      if (!(e instanceof VerityError)) throw e;
      throw new VerityError({
        code: e.code,
        component: 'web',
        problem: `the web search of ${engine.name} at ${quote(engine.endpoint, 200)} for ${quote(q)} failed: ${e.problem}`,
        fix: `${e.fix ?? 'check the engine is reachable'}; or check without --web (library: no web option) for a report from the corpus alone`,
        retryable: e.retryable,
        cause: e,
      });
    }
    for (const r of results.slice(0, limit)) {
      if (seen.has(r.url)) continue;
      seen.add(r.url);
      found.push(r);
    }
    searched++;
  }
  options.onProgress({ stage: 'web', done: searched, total: queries.length, detail: `${found.length} result(s) from ${engine.name}` });
  // Not a failure, but a reader of the report should know the web was asked and had nothing.
  if (found.length === 0) warn(`web: ${engine.name} found nothing for ${queries.map((q) => quote(q)).join(', ')}`);

  let readCount = 0;
  const read = await mapLimit(found, options.concurrency ?? DEFAULT_WEB_CONCURRENCY, async (r): Promise<WebDocument[] | WebFailure> => {
    try {
      return await engine.read(r, { now: options.now, ...(options.kind ? { kind: options.kind } : {}), ...(signal ? { signal } : {}) });
    } catch (e) {
      // A cancelled check is cancelled, not a report with every remaining source "unreadable".
      if (e instanceof VerityError && !signal?.aborted) return { url: r.url, code: e.code, message: e.message };
      throw e;
    } finally {
      readCount++;
      options.onProgress({ stage: 'web', done: readCount, total: found.length, detail: `read ${r.title.slice(0, 60)}` });
    }
  });

  // One document per URI (two results may lead to the same article), in rank order.
  const documents: WebDocument[] = [];
  const uris = new Set<string>();
  for (const r of read) {
    if (!Array.isArray(r)) {
      warn(failureLine(r.url, r.message));
      continue;
    }
    for (const d of r) {
      if (uris.has(d.meta.uri)) continue;
      uris.add(d.meta.uri);
      documents.push(d);
    }
  }

  const failed = read.filter((r) => !Array.isArray(r)).length;
  const provenance: WebProvenance = { engine: engine.name, endpoint: engine.endpoint, queries: [...queries], results: found.length, added: 0, unchanged: 0, replaced: 0, failed, uris: [] };
  // Loaded here, not with the module: a check without --web reads nothing from ingest/.
  const written = documents.length > 0 ? await (await import('../ingest/ingest-text.js')).ingestTexts(store, documents) : [];
  documents.forEach((d, k) => {
    const w = written[k];
    if (w === undefined) return;
    if (w instanceof VerityError) {
      warn(failureLine(d.origin, w.message));
      provenance.failed++;
      return;
    }
    provenance[w.status]++;
    provenance.uris.push(d.meta.uri);
  });
  return { provenance, warnings };
}
