// The fetch stage of an audit (`verity audit --fetch`): the article's cited web pages that are not
// in the corpus are read from the web and ingested, so the cited check reads them like any source.
//
// Contract:
// - only references with an http(s) URL that matched no corpus source are fetched; a URL cited by
//   several references is fetched once; at most `limit` distinct URLs, in reference order;
// - pages are fetched `concurrency` at a time (default 2) through the injected `load` function,
//   or by default through the safe fetch (web/safe-fetch.ts: private addresses refused unless
//   `web.allowPrivate`, size, time, redirect and content-type limits) and ingested into the store
//   (content-hash id, `uri` = the final URL after redirects, the requested URL and the redirect
//   hops recorded as its aliases, so the next audit matches the reference without fetching);
// - a page that cannot be fetched or stored is an outcome `{ error, code }` and a warning naming
//   the reference, its URL and the reason — never an exception; the audit goes on without it;
// - a fetched page is matched to its reference by the requested URL and by the final URL, so a
//   redirect still counts; the outcome records `{ status, finalUrl, sourceId }`;
// - a cancelled fetch (`signal` aborted) throws, and so does a store that cannot be written
//   (opened read-only, disk full): those are not a page's failure.
//
// audit/ never builds a store engine: the store comes in, and a caller that wants another fetch
// (a server with its own cache, a test) injects `load`.
import type { Store, UpsertStatus } from '../contracts.js';
import { VerityError, quote } from '../errors.js';
import { ingestTexts } from '../ingest/ingest-text.js';
import { loadUrl } from '../ingest/load/load-url.js';
import type { ProgressListener, SourceKind } from '../model.js';
import { DEFAULT_WEB_CONCURRENCY, mapLimit } from '../web/concurrency.js';
import type { SafeFetchOptions } from '../web/safe-fetch.js';
import type { MediaKind } from '../web/media-types.js';
import { normaliseUrl } from './read/url.js';
import type { ArticleReference, ReferenceFetch, ReferenceMatch } from './types.js';

/** A page read and stored for a reference. */
export interface LoadedReference {
  /** The URL the text came from, after redirects (the source's uri). */
  finalUrl: string;
  sourceId: string;
  status: UpsertStatus;
}

/**
 * Fetches one URL and stores it in the corpus. Throws a VerityError naming the reason when the
 * page cannot be read or stored (refused address, 404, too large, wrong type, timeout …).
 */
export type ReferenceLoader = (url: string, context: { signal?: AbortSignal }) => Promise<LoadedReference>;

/** `AuditOptions.fetch`: read the cited pages that are not in the corpus before auditing. */
export interface AuditFetchOptions {
  /** How pages are fetched by the default loader: allowPrivate, timeoutMs, maxBytes, userAgent … */
  web?: SafeFetchOptions;
  /** Distinct URLs fetched at most, 1 to MAX_FETCH_LIMIT (default DEFAULT_FETCH_LIMIT). */
  limit?: number;
  /** Pages fetched at once (default 2: polite to the servers). */
  concurrency?: number;
  /** Fetch-and-ingest one URL; default: the safe fetch, then ingest into the audited store. */
  load?: ReferenceLoader;
  /** Kind given to fetched pages that do not state one (default: inferred, else "unknown"). */
  kind?: SourceKind;
  /** Clock for the sources' retrievedAt (injected in tests). */
  now?: () => Date;
  /** Called with each warning as it happens; they are also in the result. */
  onWarning?: (message: string) => void;
  /** Cancels the stage: the fetch error is thrown, not turned into warnings. */
  signal?: AbortSignal;
}

export const DEFAULT_FETCH_LIMIT = 30;
export const MAX_FETCH_LIMIT = 200;
/** What a cited page may be: a page or a document, not a data file (one source per reference). */
const REFERENCE_KINDS: readonly MediaKind[] = ['html', 'text', 'markdown', 'pdf'];

export function checkFetchLimit(limit: number | undefined): number {
  const n = limit ?? DEFAULT_FETCH_LIMIT;
  if (!Number.isInteger(n) || n < 1 || n > MAX_FETCH_LIMIT) {
    throw new VerityError({ code: 'USAGE', component: 'audit', problem: `the fetch limit ${quote(String(n))} is not a whole number from 1 to ${MAX_FETCH_LIMIT}`, fix: `pass e.g. limit: ${DEFAULT_FETCH_LIMIT} (CLI: --fetch-limit ${DEFAULT_FETCH_LIMIT})` });
  }
  return n;
}

/** The default loader: safe fetch (pages and documents only), then one ingest transaction. */
export function storeLoader(store: Store, options: Pick<AuditFetchOptions, 'web' | 'kind' | 'now'>): ReferenceLoader {
  return async (url, { signal }) => {
    const loaded = await loadUrl(url, {
      web: { ...options.web, accept: options.web?.accept ?? REFERENCE_KINDS, ...(signal ? { signal } : {}) },
      ...(options.kind ? { kind: options.kind } : {}),
      ...(options.now ? { now: options.now } : {}),
    });
    const first = loaded.documents[0];
    if (!first) {
      const why = loaded.failures[0]?.error;
      throw why instanceof VerityError ? why : new VerityError({ code: 'BAD_INPUT', component: 'audit', problem: `${quote(url)} gave no document to read`, fix: 'check that the URL points at the cited page itself' });
    }
    const [written] = await ingestTexts(store, [first]);
    if (written === undefined) throw new VerityError({ code: 'INTERNAL', component: 'audit', problem: `storing ${quote(url)} returned nothing`, fix: 'report this as a bug' });
    if (written instanceof VerityError) throw written;
    return { finalUrl: first.meta.uri, sourceId: written.sourceId, status: written.status };
  };
}

/** The fetch stage's result: an outcome per fetched reference number, and the warnings. */
export interface FetchStageResult {
  fetched: Map<number, ReferenceFetch>;
  /** Reference number → the match the fetch gives it (requested or final URL), for fetched pages. */
  matches: Map<number, ReferenceMatch>;
  warnings: string[];
  /** Distinct URLs tried, and how many were stored new, unchanged, replaced or failed. */
  counts: { tried: number; added: number; unchanged: number; replaced: number; failed: number; skipped: number };
}

/** The references to fetch: http(s) URL, no corpus match; one entry per distinct normalised URL. */
export function referencesToFetch(references: readonly ArticleReference[], matches: readonly ReferenceMatch[]): Array<{ url: string; key: string; refs: number[] }> {
  const matched = new Set(matches.filter((m) => m.sourceId !== null).map((m) => m.n));
  const byKey = new Map<string, { url: string; key: string; refs: number[] }>();
  for (const r of references) {
    if (matched.has(r.n) || r.url === null) continue;
    const url = r.url.trim().replace(/^<|>$/g, '');
    if (!/^https?:\/\//i.test(url)) continue;
    // A host without a dot (an intranet's http://wiki/…) has no normalised form: keyed as written.
    const key = normaliseUrl(url) ?? url.toLowerCase();
    const entry = byKey.get(key);
    if (entry) entry.refs.push(r.n);
    else byKey.set(key, { url, key, refs: [r.n] });
  }
  return [...byKey.values()];
}

const refList = (ns: readonly number[]): string => ns.map((n) => `[${n}]`).join('');

/** Runs the fetch stage. Progress: stage "fetch", done/total over the distinct URLs. */
export async function fetchReferences(
  store: Store,
  references: readonly ArticleReference[],
  matches: readonly ReferenceMatch[],
  options: AuditFetchOptions & { onProgress?: ProgressListener },
): Promise<FetchStageResult> {
  const limit = checkFetchLimit(options.limit);
  const load = options.load ?? storeLoader(store, options);
  const signal = options.signal;
  const warnings: string[] = [];
  const warn = (line: string): void => {
    warnings.push(line);
    options.onWarning?.(line);
  };
  const wanted = referencesToFetch(references, matches);
  const todo = wanted.slice(0, limit);
  const skipped = wanted.slice(limit);
  const fetched = new Map<number, ReferenceFetch>();
  const counts = { tried: todo.length, added: 0, unchanged: 0, replaced: 0, failed: 0, skipped: skipped.length };
  if (skipped.length > 0) {
    const refs = skipped.flatMap((s) => s.refs);
    warn(`fetch: ${skipped.length} cited URL${skipped.length === 1 ? ' was' : 's were'} not fetched, over the limit of ${limit} (${refList(refs)}); raise --fetch-limit to read them`);
    for (const n of refs) fetched.set(n, { error: `not fetched: over the fetch limit of ${limit}`, code: 'LIMIT' });
  }

  let done = 0;
  if (todo.length > 0) options.onProgress?.({ stage: 'fetch', done: 0, total: todo.length });
  const outcomes = await mapLimit(todo, options.concurrency ?? DEFAULT_WEB_CONCURRENCY, async (item): Promise<LoadedReference | VerityError> => {
    try {
      return await load(item.url, signal ? { signal } : {});
    } catch (e) {
      // A cancelled audit is cancelled, not a report with every remaining page "unreadable";
      // a store that cannot be written (read-only, disk full) is not the page's fault either.
      if (e instanceof VerityError && e.component !== 'store' && !signal?.aborted) return e;
      throw e;
    } finally {
      options.onProgress?.({ stage: 'fetch', done: ++done, total: todo.length, detail: item.url });
    }
  });

  const matchesOut = new Map<number, ReferenceMatch>();
  const sourceIds = [...new Set(outcomes.filter((o): o is LoadedReference => !(o instanceof VerityError)).map((o) => o.sourceId))];
  const sources = new Map((await Promise.all(sourceIds.map((id) => store.getSource(id)))).flatMap((s) => (s ? [[s.id, s] as const] : [])));
  todo.forEach((item, k) => {
    const o = outcomes[k];
    if (o === undefined) return;
    if (o instanceof VerityError) {
      counts.failed++;
      for (const n of item.refs) fetched.set(n, { error: o.problem, code: o.code });
      // Web errors name the URL already; an injected loader's may not.
      const named = o.problem.includes(item.url) ? '' : ` ${quote(item.url, 200)}`;
      // A refusal's fix (how to allow an intranet address, how to follow the redirects) is worth
      // saying; the others' ("check the URL", "retry") add nothing to the reason.
      const fix = o.code === 'REFUSED' && o.fix ? ` (${o.fix})` : '';
      warn(`fetch: reference ${refList(item.refs)}${named} could not be fetched, so it stays not in the corpus: ${o.problem}${fix}`);
      return;
    }
    counts[o.status]++;
    const source = sources.get(o.sourceId);
    for (const n of item.refs) {
      fetched.set(n, { status: o.status, finalUrl: o.finalUrl, sourceId: o.sourceId });
      matchesOut.set(n, { n, sourceId: o.sourceId, by: 'url', sourceTitle: source?.title ?? null, sourceUri: source?.uri ?? o.finalUrl });
    }
  });
  return { fetched, matches: matchesOut, warnings, counts };
}
