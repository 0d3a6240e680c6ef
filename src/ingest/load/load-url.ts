// Loading a URL into documents: fetched through the safe fetch (web/safe-fetch.ts), read by the
// loader its content type names (HTML via Readability, PDF via unpdf, Markdown, text, JSON and
// JSONL records). The source's uri is the final URL after redirects; the URL asked for and every
// redirect hop before the final one are its aliases (SourceMeta.aliases), so a later lookup by
// any of them finds it without fetching again. A page's canonical link is not an alias: only
// addresses actually read are. retrievedAt is the fetch time.
import type { PdfLimits } from './pdf-limits.js';
import type { SourceKind } from '../../model.js';
import { VerityError, quote } from '../../errors.js';
import { DEFAULT_WEB_MAX_BYTES, safeFetch, type FetchedResource, type SafeFetchOptions } from '../../web/safe-fetch.js';
import { decodeText } from './decode.js';
import { loadJsonl } from './load-jsonl.js';
import { loadMarkdown } from './load-markdown.js';
import { completeMeta, mergeMeta, type MetaPatch } from './metadata.js';
import { cleanAliases } from '../../text/url-key.js';
import type { LoadResult } from './load-document.js';

export interface UrlLoadOptions {
  /** Largest body read (default 20 MB). */
  maxBytes?: number;
  /** The kind of documents that do not state one (default: inferred, else "unknown"). */
  kind?: SourceKind;
  /** Safe-fetch options: allowPrivate, timeoutMs, maxRedirects, userAgent, resolve … */
  web?: SafeFetchOptions;
  /** Clock for retrievedAt. */
  now?: () => Date;
  /** Limits on PDF bodies (inflated stream bytes, text characters). */
  pdf?: PdfLimits;
}

/** True for inputs written as URLs ("scheme://…"); they are fetched, not read from disk. */
export function isUrlInput(input: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(input);
}

/** A readable default title: the last path segment without its extension, else the host. */
export function titleFromUrl(url: string): string {
  const u = new URL(url);
  const last = u.pathname.split('/').filter((s) => s !== '').at(-1);
  if (last) {
    let name = last;
    try {
      name = decodeURIComponent(last);
    } catch {
      // keep the encoded form
    }
    const bare = name.replace(/\.[a-z0-9]{1,5}$/i, '').replace(/[-_]+/g, ' ').trim();
    if (bare) return bare;
  }
  return u.hostname;
}

/** Text of a fetched body: the charset the server (or an HTML meta tag) states, else UTF-8 (strict). */
export function decodeWebText(res: Pick<FetchedResource, 'body' | 'charset' | 'kind' | 'url'>): string {
  let charset = res.charset;
  if (charset === null && res.kind === 'html') {
    const head = res.body.subarray(0, 2048).toString('latin1');
    const m = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head);
    if (m?.[1]) charset = m[1].toLowerCase();
  }
  if (charset === null || charset === 'utf-8' || charset === 'utf8' || charset === 'us-ascii') return decodeText(res.body, res.url);
  let decoder: { decode(input: Uint8Array): string };
  try {
    decoder = new TextDecoder(charset);
  } catch {
    throw new VerityError({ code: 'UNSUPPORTED', component: 'ingest', problem: `cannot read ${quote(res.url)}: unknown character set ${quote(charset)}`, fix: 'save the page as UTF-8 and ingest the file' });
  }
  return decoder.decode(res.body).replace(/\r\n?/g, '\n');
}

/** JSON as records: an object is one record, an array holds one per element. */
function jsonAsLines(text: string, url: string): string {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new VerityError({ code: 'BAD_INPUT', component: 'ingest', problem: `cannot read ${quote(url)}: invalid JSON (${(e as Error).message})`, fix: 'check the URL returns a JSON document' });
  }
  const records = Array.isArray(data) ? data : [data];
  return records.map((r) => JSON.stringify(r)).join('\n');
}

/** Fetches one URL and loads every document in it. Throws VerityError for a failure of the whole URL. */
export async function loadUrl(input: string, options: UrlLoadOptions = {}): Promise<LoadResult> {
  const res = await safeFetch(input, { ...options.web, maxBytes: options.maxBytes ?? options.web?.maxBytes ?? DEFAULT_WEB_MAX_BYTES });
  const retrievedAt = (options.now ?? (() => new Date()))().toISOString();
  return documentsFromResource(res, input, options.kind ?? 'unknown', retrievedAt, options.pdf);
}

/** Reads a fetched resource with the loader for its kind. `origin` names it in messages. */
export async function documentsFromResource(res: FetchedResource, origin: string, kind: SourceKind, retrievedAt: string, pdf?: PdfLimits): Promise<LoadResult> {
  const defaults = { uri: res.url, title: titleFromUrl(res.url), kind };
  if (res.kind === 'json' || res.kind === 'jsonl') {
    const text = decodeWebText(res);
    const { documents, failures } = loadJsonl(res.kind === 'json' ? jsonAsLines(text, res.url) : text, res.url);
    return {
      documents: documents.map((d) => ({
        origin: d.origin,
        text: d.text,
        retrievedAt,
        meta: completeMeta(d.meta, { ...defaults, uri: `${res.url}#L${d.line}`, title: `${defaults.title} line ${d.line}` }),
      })),
      failures,
    };
  }
  let loaded: { meta: MetaPatch; text: string; warnings?: string[] };
  if (res.kind === 'pdf') loaded = await (await import('./load-pdf.js')).loadPdf(res.body, res.url, pdf);
  else {
    const text = decodeWebText(res);
    if (res.kind === 'html') loaded = (await import('./load-html.js')).loadHtml(text, res.url);
    else if (res.kind === 'markdown') loaded = loadMarkdown(text, res.url);
    else loaded = { meta: {}, text };
  }
  if (loaded.text.trim() === '') {
    throw new VerityError({ code: 'BAD_INPUT', component: 'ingest', problem: `cannot read ${quote(res.url)}: it has no text`, fix: 'check the URL points at the document itself' });
  }
  // The source is what was read, where it was read: the final URL, not a canonical link or front matter.
  const hops = cleanAliases(res.url, [res.requestedUrl, ...res.redirects, ...(loaded.meta.aliases ?? [])]);
  const meta = mergeMeta(loaded.meta, { uri: res.url }, hops.length > 0 ? { aliases: hops } : {});
  return { documents: [{ origin, text: loaded.text, retrievedAt, meta: completeMeta(meta, defaults), ...(loaded.warnings?.length ? { warnings: loaded.warnings } : {}) }], failures: [] };
}
