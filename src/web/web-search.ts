// The web-search contract. Adapters (wikipedia.ts, searxng.ts, …) implement it and import only
// this module, safe-fetch and the shared vocabulary; they never import each other.
//
// A search is two steps so a caller can show results cheaply and read only what it needs:
//   search(query)  → ranked results (title, URL, a plain-text snippet);
//   read(result)   → the full documents behind a result, ready to ingest (text + metadata).
// Every network call goes through safeFetch (web/safe-fetch.ts): the engine's own endpoint is
// configuration the user chose and may be on localhost (it is a trusted host); the pages a
// result points at are untrusted and get the full address policy.
import type { SourceKind, SourceMeta } from '../model.js';
import type { SafeFetchOptions } from './safe-fetch.js';

/** One search result. */
export interface WebResult {
  /** 1-based position in the engine's ranking. */
  rank: number;
  url: string;
  title: string;
  /** Plain text (markup removed); may be empty. */
  snippet: string;
  /** The engine that found it: "wikipedia", or "searxng" plus the engines SearXNG asked ("searxng:duckduckgo,brave"). */
  engine: string;
  /** ISO date when the engine states one (last edit for Wikipedia, publication for news), else null. */
  publishedAt: string | null;
  /** The engine's own id for the result (a Wikipedia page id), when it has one. */
  id?: string;
}

/**
 * A document read from the web, ready to store. Structurally a `TextDocument`
 * (ingest/ingest-text.ts), so `ingestTexts(store, documents)` takes it as it is.
 */
export interface WebDocument {
  text: string;
  meta: SourceMeta;
  /** When it was fetched (ISO timestamp). */
  retrievedAt: string;
  /** The result URL it was read for, for messages. */
  origin: string;
}

/** A result that could not be read: kept as data (reports show it as a warning), never dropped silently. */
export interface WebFailure {
  url: string;
  code: string;
  message: string;
}

export interface WebSearchOptions {
  /** Most results wanted (default 5). Engines may return fewer. */
  limit?: number;
  signal?: AbortSignal;
}

export interface WebReadOptions {
  /** Kind for documents whose kind the engine does not know (default: inferred, else "unknown"; Wikipedia is "reference"). */
  kind?: SourceKind;
  /** Clock for retrievedAt. */
  now?: () => Date;
  signal?: AbortSignal;
}

/** Options every adapter takes. */
export interface WebEngineOptions {
  /** The engine's endpoint (each adapter documents its default and the forms it accepts). */
  baseUrl?: string;
  /** Fetch settings for every request (timeoutMs, userAgent, allowPrivate for result pages …). */
  web?: SafeFetchOptions;
}

/**
 * What rebuilds an engine elsewhere (in one of the server's job threads): the name and the
 * options `createWebSearch` (web-documents.ts) takes. Plain data only when the options are.
 */
export interface WebEngineSettings {
  engine: string;
  options: WebEngineOptions & { categories?: string; language?: string };
}

export interface WebSearch {
  /** Engine name: "wikipedia", "searxng". */
  readonly name: string;
  /** How it was built, when it can be built again from that (the built-in engines). */
  readonly settings?: WebEngineSettings;
  /** The endpoint queried (for messages and provenance). */
  readonly endpoint: string;
  search(query: string, options?: WebSearchOptions): Promise<WebResult[]>;
  /** The documents behind one result. Throws VerityError when it cannot be read. */
  read(result: WebResult, options?: WebReadOptions): Promise<WebDocument[]>;
}
