// Ingesting files, folders, globs and URLs: each document is its own transaction, a failure in one
// file is recorded and the rest go on, and the summary says what happened to every input.
import type { Store, UpsertStatus } from '../contracts.js';
import type { ProgressListener, SourceKind } from '../model.js';
import { VerityError, quote } from '../errors.js';
import { expandInputs } from './expand-inputs.js';
import { ingestTexts } from './ingest-text.js';
import { loadFile, loaderFor, type LoadedDocument, type LoadResult } from './load/load-document.js';
import { streamJsonlFile } from './load/stream-jsonl.js';
import { isUrlInput, loadUrl } from './load/load-url.js';
import type { SafeFetchOptions } from '../web/safe-fetch.js';
import type { PdfLimits } from './load/pdf-limits.js';
import { DEFAULT_WEB_CONCURRENCY, mapLimit } from '../web/concurrency.js';

/** Documents are written in batches of at most this many documents or characters (one transaction each). */
const BATCH_DOCS = 1024;
const BATCH_CHARS = 8_000_000;
/** URLs are fetched in groups of this many (their texts are held until the group is stored). */
const URL_GROUP = 16;

export interface IngestOptions {
  /** The kind of documents that do not state one (default: inferred, else "unknown"). */
  kind?: SourceKind;
  /** Refuse files larger than this many bytes, before reading (default 50 MB; URLs 20 MB); for JSONL, streamed, each line. */
  maxBytes?: number;
  /** How URLs are fetched (allowPrivate, timeoutMs, maxRedirects, userAgent …): see web/safe-fetch.ts. */
  web?: SafeFetchOptions;
  /** Limits on PDF files (inflated stream bytes, text characters): see ingest/load/pdf-limits.ts. */
  pdf?: PdfLimits;
  /** URLs fetched at once (default 2). */
  webConcurrency?: number;
  /** Clock for retrievedAt; injected so tests are reproducible. */
  now?: () => Date;
  onProgress?: ProgressListener;
  /** Notices (skipped files, a loader's warnings); failures are in the summary, not here. */
  onNotice?: (msg: string) => void;
}

export interface IngestedDocument {
  origin: string;
  uri: string;
  title: string;
  sourceId: string;
  status: UpsertStatus;
  passages: number;
}

export interface IngestFailure {
  /** The path (or "path:line" for a JSONL line) that failed. */
  origin: string;
  code: string;
  message: string;
}

export interface IngestSummary {
  /** Files read (not counting skipped ones and missing paths). */
  files: number;
  /** URLs fetched (successfully or not). */
  urls: number;
  added: number;
  unchanged: number;
  replaced: number;
  /** Passages written by added or replaced documents. */
  passages: number;
  documents: IngestedDocument[];
  skipped: string[];
  failures: IngestFailure[];
}

function failure(origin: string, e: unknown): IngestFailure {
  if (e instanceof VerityError) return { origin, code: e.code, message: e.message };
  // A RangeError (call stack or array size) comes from the shape of one file, not from Verity's
  // state: that file fails and the rest of the batch goes on.
  if (e instanceof RangeError) {
    const err = new VerityError({ code: 'BAD_INPUT', component: 'ingest', problem: `cannot read ${quote(origin)}: its structure is too large or too deep to read (${e.message})`, fix: 'simplify the file or convert it to plain text', cause: e });
    return { origin, code: err.code, message: err.message };
  }
  throw e; // not a user-input problem: a bug, let it surface
}

export async function ingestPaths(store: Store, inputs: string[], options: IngestOptions = {}): Promise<IngestSummary> {
  const now = options.now ?? (() => new Date());
  const urls = [...new Set(inputs.filter(isUrlInput))];
  const expanded = await expandInputs(
    inputs.filter((i) => !isUrlInput(i)),
    options.onNotice,
  );
  const summary: IngestSummary = { files: 0, urls: 0, added: 0, unchanged: 0, replaced: 0, passages: 0, documents: [], skipped: expanded.skipped, failures: [] };
  for (const f of expanded.failures) summary.failures.push(failure(f.origin, f.error));
  const total = expanded.files.length + urls.length;
  let pending: LoadedDocument[] = [];
  let pendingChars = 0;
  const flush = async (): Promise<void> => {
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    pendingChars = 0;
    const retrievedAt = now().toISOString();
    const results = await ingestTexts(store, batch.map((d) => ({ text: d.text, meta: d.meta, retrievedAt: d.retrievedAt ?? retrievedAt })));
    batch.forEach((doc, k) => {
      const r = results[k];
      if (r === undefined) return;
      if (r instanceof VerityError) {
        summary.failures.push(failure(doc.origin, r));
        return;
      }
      summary[r.status]++;
      if (r.status !== 'unchanged') summary.passages += r.passages;
      summary.documents.push({ origin: doc.origin, uri: doc.meta.uri, title: doc.meta.title, sourceId: r.sourceId, status: r.status, passages: r.passages });
    });
  };
  options.onProgress?.({ stage: 'ingest', done: 0, total });
  const take = async (loaded: LoadResult): Promise<void> => {
    for (const f of loaded.failures) summary.failures.push(failure(f.origin, f.error));
    for (const doc of loaded.documents) {
      for (const w of doc.warnings ?? []) options.onNotice?.(w);
      pending.push(doc);
      pendingChars += doc.text.length;
      if (pending.length >= BATCH_DOCS || pendingChars >= BATCH_CHARS) await flush();
    }
  };
  for (const [i, path] of expanded.files.entries()) {
    summary.files++;
    const loadOptions = { ...(options.maxBytes !== undefined ? { maxBytes: options.maxBytes } : {}), ...(options.kind ? { kind: options.kind } : {}), ...(options.pdf ? { pdf: options.pdf } : {}) };
    try {
      // JSONL is streamed: memory holds a record and a batch, not the file (its limit is per record).
      if (loaderFor(path) === 'jsonl') for await (const part of streamJsonlFile(path, loadOptions)) await take(part);
      else await take(await loadFile(path, loadOptions));
    } catch (e) {
      summary.failures.push(failure(path, e));
    }
    options.onProgress?.({ stage: 'ingest', done: i + 1, total, detail: path });
  }
  // URLs: fetched a few at a time, in groups so a long list never holds every page in memory;
  // each is loaded (or fails) on its own, and documents go in in input order.
  let fetched = 0;
  for (let g = 0; g < urls.length; g += URL_GROUP) {
    const group = urls.slice(g, g + URL_GROUP);
    const loadedUrls = await mapLimit(group, options.webConcurrency ?? DEFAULT_WEB_CONCURRENCY, async (url) => {
      let result: LoadResult | VerityError;
      try {
        result = await loadUrl(url, { ...(options.maxBytes !== undefined ? { maxBytes: options.maxBytes } : {}), ...(options.kind ? { kind: options.kind } : {}), ...(options.web ? { web: options.web } : {}), ...(options.pdf ? { pdf: options.pdf } : {}), now });
      } catch (e) {
        if (!(e instanceof VerityError)) throw e;
        result = e;
      }
      fetched++;
      options.onProgress?.({ stage: 'ingest', done: expanded.files.length + fetched, total, detail: url });
      return result;
    });
    for (const [k, url] of group.entries()) {
      summary.urls++;
      const r = loadedUrls[k];
      if (r instanceof VerityError) summary.failures.push(failure(url, r));
      else if (r) await take(r);
    }
  }
  await flush();
  return summary;
}
