// The contracts the pipeline depends on. Implementations live in adapters (store/, analyst/ …)
// and import this module; this module imports only the shared vocabulary in model.ts and the
// error type in errors.ts.
//
// Every method is async so the same contract fits an embedded engine (SQLite) and a
// server (PostgreSQL) alike.

import type { VerityError } from './errors.js';
import type { Passage, SearchHit, Source, SourceMeta } from './model.js';

/** A passage to store: offsets into the document text. The store fills ids and ordinals. */
export interface PassageSpan {
  start: number;
  end: number;
}

/** One document ready to store: its metadata, full text and its passage boundaries. */
export interface DocumentInput {
  meta: SourceMeta;
  text: string;
  passages: PassageSpan[];
  /** When it was read; injected so tests are reproducible. ISO timestamp. */
  retrievedAt: string;
}

/**
 * What happened to a document on upsert:
 * - added: new source;
 * - unchanged: a source with the same uri and the same content hash exists (nothing written);
 * - replaced: a source with the same uri existed with other content; it and its passages were removed
 *   and the new one written, in one transaction.
 */
export type UpsertStatus = 'added' | 'unchanged' | 'replaced';

export interface UpsertResult {
  sourceId: string;
  status: UpsertStatus;
  passages: number;
  /** Addresses newly recorded as aliases of the source by this upsert (absent when none). */
  aliasesAdded?: number;
}

export interface SearchOptions {
  /** Maximum number of hits (default 10). */
  limit?: number;
  /** Restrict to these source ids. */
  sourceIds?: string[];
  /**
   * Score every passage that holds any query term, skipping the candidate stage engines use on
   * a large corpus (store/term-plan.ts: common terms dropped, rare terms bounded). Slow at a
   * million passages; for measuring what the candidate stage changes.
   */
  exhaustive?: boolean;
  /**
   * On a large corpus (the candidate stage on), no hits for a query with nothing selective in
   * it: every term common and the passages holding them all common too (or none). Without it
   * such a query ranks every passage holding all its terms (a tenth of the corpus for
   * "COVID-19" in a corpus on the pandemic), which is what a search for that word asks for, but
   * not worth its cost for a query derived from a claim (retrieve's names query).
   */
  requireRare?: boolean;
}

/** What `checkIntegrity` found: `ok` when every check passed, else one line per problem. */
export interface IntegrityReport {
  ok: boolean;
  problems: string[];
}

export interface StoreStats {
  sources: number;
  passages: number;
}

/**
 * The corpus store. Engines: SQLite (embedded default), others at scale.
 *
 * Guarantees every engine gives (test/conformance/store-conformance.ts checks them on SQLite and PostgreSQL):
 * - `upsertDocument` is atomic: after a crash at any point, a document is either fully
 *   present (source row + all passages + index entries) or absent.
 * - re-upserting identical content for the same uri is a no-op ("unchanged").
 * - `search` accepts any user text: operators, quotes, SQL-looking text and emoji are
 *   treated as words; text with nothing searchable left returns no hits (never throws a
 *   syntax error from the engine).
 * - passage offsets slice exactly onto `getSourceText(sourceId)`.
 * - aliases (`SourceMeta.aliases`): other addresses of the same content. Upserting a document
 *   records its uri and aliases on the source its text hashes to: a new source keeps them as its
 *   aliases; when the text is already stored under another uri, the document's uri and aliases
 *   are added to that source's aliases (no second source; status as before, `aliasesAdded` says
 *   how many were new). An address is an alias of one source at a time: recording it on one
 *   source removes it from another's aliases. A source's own `uri` is never its alias. Aliases
 *   go with their source when it is removed or replaced. They do not change the snapshot id
 *   (it hashes content: the sorted source ids).
 * - `listSources`, `getSource` and `findSourcesByUri` give each source's aliases (sorted, absent
 *   when none); search hits' sources may omit them.
 */
export interface Store {
  /** Engine name, e.g. "sqlite". */
  readonly engine: string;
  /** Where the data lives (file path or connection label), for messages. */
  readonly location: string;

  upsertDocument(doc: DocumentInput): Promise<UpsertResult>;
  /**
   * Many documents in one transaction (the fast path for ingestion). Each document is
   * all-or-nothing; a refused one is reported in its slot as a VerityError and the
   * rest are written. Results equal upserting the documents one by one, in order.
   */
  upsertDocuments(docs: readonly DocumentInput[]): Promise<(UpsertResult | VerityError)[]>;
  /** Remove a source and its passages. Returns false when it did not exist. */
  removeSource(id: string): Promise<boolean>;

  listSources(): Promise<Source[]>;
  getSource(id: string): Promise<Source | null>;
  getSourceText(id: string): Promise<string | null>;
  /**
   * The sources reachable by each of `uris`: a source matches when its `uri` or one of its
   * aliases has the same address key (text/url-key.ts: an http(s) URL compares after
   * normaliseUrl — scheme, "www.", trailing slash, case, fragment and tracking parameters
   * ignored; any other uri compares exactly). The map is keyed by the uris as given; a uri
   * that matches nothing is absent. When several sources match, one whose `uri` matches wins
   * over one whose alias does, then the latest retrievedAt, then the smallest id.
   */
  findSourcesByUri(uris: readonly string[]): Promise<Map<string, Source>>;
  getPassages(sourceId: string): Promise<Passage[]>;
  getPassage(id: string): Promise<Passage | null>;

  /** Ranked full-text search over passages (BM25 or the engine's equivalent). */
  search(query: string, options?: SearchOptions): Promise<SearchHit[]>;

  stats(): Promise<StoreStats>;
  /**
   * Reads the whole corpus and checks it: every text hashes to its id, every passage slices
   * back onto its text, no orphan passages or index entries. Slow on a large corpus.
   */
  checkIntegrity(): Promise<IntegrityReport>;
  /**
   * A stable id of the corpus contents: content-hash.ts snapshotIdOf(number of sources, XOR of
   * the source ids), the same on every engine. Engines keep both on write, so it is cheap.
   */
  snapshotId(): Promise<string>;
  close(): Promise<void>;
}
