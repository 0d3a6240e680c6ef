// Web search to documents: pick an engine, search, read the results a few at a time, and return
// the documents with every result that could not be read (as data, never dropped silently).
// This is the function the check pipeline can call when web search is enabled.
import { VerityError, quote } from '../errors.js';
import type { SourceKind } from '../model.js';
import { DEFAULT_WEB_CONCURRENCY, mapLimit } from './concurrency.js';
import { SearxngSearch, type SearxngOptions } from './searxng.js';
import type { WebDocument, WebFailure, WebResult, WebSearch } from './web-search.js';
import { WikipediaSearch } from './wikipedia.js';

export const WEB_ENGINES = ['wikipedia', 'searxng'] as const;
export type WebEngineName = (typeof WEB_ENGINES)[number];

/** An engine by name. Unknown names are refused (never a silent fallback). */
export function createWebSearch(name: string, options: SearxngOptions = {}): WebSearch {
  if (name === 'wikipedia') return new WikipediaSearch(options);
  if (name === 'searxng') return new SearxngSearch(options);
  throw new VerityError({ code: 'USAGE', component: 'web', problem: `unknown web search engine ${quote(name)}`, fix: `use one of: ${WEB_ENGINES.join(', ')}` });
}

export interface WebDocumentsOptions extends SearxngOptions {
  /** An engine name (default "wikipedia") or an engine instance. */
  engine?: WebEngineName | WebSearch;
  /** Results to read (default 5). */
  limit?: number;
  /** Kind for documents whose kind the engine does not know (default: inferred, else "unknown"). */
  kind?: SourceKind;
  /** Results read at once (default 2: polite to the servers). */
  concurrency?: number;
  now?: () => Date;
  signal?: AbortSignal;
}

export interface WebDocumentsResult {
  engine: string;
  endpoint: string;
  query: string;
  results: WebResult[];
  documents: WebDocument[];
  /** Results that could not be read, in rank order. */
  failures: WebFailure[];
}

/**
 * Searches the web and reads the results into documents ready to ingest
 * (`ingestTexts(store, result.documents)`). A failed search throws; a result that cannot be
 * read is listed in `failures` and the others are still returned.
 */
export async function webDocuments(query: string, options: WebDocumentsOptions = {}): Promise<WebDocumentsResult> {
  if (query.trim() === '') {
    throw new VerityError({ code: 'USAGE', component: 'web', problem: 'the web search query is empty', fix: 'give some words to search for' });
  }
  const engine = typeof options.engine === 'object' ? options.engine : createWebSearch(options.engine ?? 'wikipedia', options);
  const signal = options.signal;
  const results = await engine.search(query, { limit: options.limit ?? 5, ...(signal ? { signal } : {}) });
  const read = await mapLimit(results, options.concurrency ?? DEFAULT_WEB_CONCURRENCY, async (r) => {
    try {
      return await engine.read(r, { ...(options.kind ? { kind: options.kind } : {}), ...(options.now ? { now: options.now } : {}), ...(signal ? { signal } : {}) });
    } catch (e) {
      if (e instanceof VerityError) return { url: r.url, code: e.code, message: e.message } satisfies WebFailure;
      throw e;
    }
  });
  const documents: WebDocument[] = [];
  const failures: WebFailure[] = [];
  for (const r of read) {
    if (Array.isArray(r)) documents.push(...r);
    else failures.push(r);
  }
  return { engine: engine.name, endpoint: engine.endpoint, query, results, documents, failures };
}
