// Loading files into documents: pick the loader by extension, apply the sidecar
// `<file>.meta.json`, fill metadata defaults, refuse empty text.
import { readFile } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { SourceKind, SourceMeta } from '../../model.js';
import { VerityError, quote } from '../../errors.js';
import { DEFAULT_MAX_BYTES, decodeText, ioError, readBytes } from './decode.js';
import { loadJsonl, type JsonlDocument } from './load-jsonl.js';
import { loadMarkdown } from './load-markdown.js';
import type { PdfLimits } from './pdf-limits.js';
import { completeMeta, mergeMeta, metaFromRecord, type MetaPatch } from './metadata.js';

export const LOADER_EXTENSIONS: Readonly<Record<string, 'text' | 'markdown' | 'html' | 'pdf' | 'jsonl'>> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.pdf': 'pdf',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
};

export const SIDECAR_SUFFIX = '.meta.json';

export interface LoadOptions {
  /** Refuse files larger than this many bytes, before reading them (default 50 MB). */
  maxBytes?: number;
  /** The kind of documents that do not state one (default: inferred, else "unknown"). */
  kind?: SourceKind;
  /** Limits on PDF files (inflated stream bytes, text characters). */
  pdf?: PdfLimits;
}

export interface LoadedDocument {
  meta: SourceMeta;
  text: string;
  /** Where it came from, for messages: the path, or "path:line" for JSONL. */
  origin: string;
  /** When it was fetched (URLs); files take the time they are written. */
  retrievedAt?: string;
  /** What the loader noticed but read anyway (e.g. the main-content extraction skipped on a deep page). */
  warnings?: string[];
}

export interface LoadFailure {
  origin: string;
  error: VerityError;
}

/** Every document in one file (JSONL gives many) and the parts of it that failed. */
export interface LoadResult {
  documents: LoadedDocument[];
  failures: LoadFailure[];
}

export function loaderFor(path: string): (typeof LOADER_EXTENSIONS)[string] | undefined {
  return LOADER_EXTENSIONS[extname(path).toLowerCase()];
}

export async function readSidecar(path: string): Promise<MetaPatch> {
  const sidecar = `${path}${SIDECAR_SUFFIX}`;
  let raw: string;
  try {
    raw = await readFile(sidecar, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw ioError(e, sidecar);
  }
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (e) {
    throw new VerityError({ code: 'BAD_INPUT', component: 'ingest', problem: `cannot read sidecar ${quote(sidecar)}: invalid JSON (${(e as Error).message})`, fix: 'fix the JSON or remove the sidecar' });
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new VerityError({ code: 'BAD_INPUT', component: 'ingest', problem: `cannot read sidecar ${quote(sidecar)}: it is not a JSON object`, fix: 'write an object such as {"title": "…", "kind": "government"}' });
  }
  return metaFromRecord(data as Record<string, unknown>, `sidecar ${quote(sidecar)}`);
}

function requireText(text: string, origin: string): string {
  if (text.trim() === '') {
    throw new VerityError({ code: 'BAD_INPUT', component: 'ingest', problem: `cannot read ${quote(origin)}: it has no text`, fix: 'remove it or give it some text' });
  }
  return text;
}

/**
 * How a JSONL line's record becomes a document: the file's sidecar gives shared metadata (not
 * its uri or title), the line's own fields win, and the uri and title default to the file's
 * with the line number.
 */
export function jsonlLoader(path: string, sidecar: MetaPatch, options: LoadOptions): (d: JsonlDocument) => LoadedDocument {
  const abs = resolve(path);
  const defaults = { uri: pathToFileURL(abs).href, title: basename(path, extname(path)), kind: options.kind ?? 'unknown' };
  const shared = { ...sidecar };
  delete shared.uri;
  delete shared.title;
  return (d) => ({
    origin: d.origin,
    text: d.text,
    meta: completeMeta(mergeMeta(shared, d.meta), { ...defaults, uri: `${defaults.uri}#L${d.line}`, title: `${defaults.title} line ${d.line}` }),
  });
}

/** Loads every document in a file. Throws for a failure of the whole file; JSONL line failures are returned. */
export async function loadFile(path: string, options: LoadOptions = {}): Promise<LoadResult> {
  const loader = loaderFor(path);
  if (!loader) {
    throw new VerityError({
      code: 'UNSUPPORTED',
      component: 'ingest',
      problem: `cannot read ${quote(path)}: unsupported file type ${quote(extname(path) || '(none)')}`,
      fix: `use one of ${Object.keys(LOADER_EXTENSIONS).join(' ')}, or convert the file to text`,
    });
  }
  const bytes = await readBytes(path, options.maxBytes ?? DEFAULT_MAX_BYTES);
  const sidecar = await readSidecar(path);
  const abs = resolve(path);
  const defaults = { uri: pathToFileURL(abs).href, title: basename(path, extname(path)), kind: options.kind ?? 'unknown' };
  if (loader === 'jsonl') {
    const { documents, failures } = loadJsonl(decodeText(bytes, path), path);
    const toLoaded = jsonlLoader(path, sidecar, options);
    return { documents: documents.map(toLoaded), failures };
  }
  let loaded: { meta: MetaPatch; text: string; warnings?: string[] };
  // PDF.js, Readability and linkedom are heavy: loaded on first use, so other commands start fast.
  if (loader === 'pdf') loaded = await (await import('./load-pdf.js')).loadPdf(bytes, path, options.pdf);
  else {
    const source = decodeText(bytes, path);
    if (loader === 'markdown') loaded = loadMarkdown(source, path);
    else if (loader === 'html') loaded = (await import('./load-html.js')).loadHtml(source, path);
    else loaded = { meta: {}, text: source };
  }
  return { documents: [{ origin: path, text: requireText(loaded.text, path), meta: completeMeta(mergeMeta(loaded.meta, sidecar), defaults), ...(loaded.warnings?.length ? { warnings: loaded.warnings } : {}) }], failures: [] };
}

/** Loads one single-document file (.txt .md .html .pdf). JSONL holds many documents: use ingestPaths. */
export async function loadDocument(path: string, options: LoadOptions = {}): Promise<{ meta: SourceMeta; text: string }> {
  if (loaderFor(path) === 'jsonl') {
    throw new VerityError({ code: 'UNSUPPORTED', component: 'ingest', problem: `cannot load ${quote(path)} as one document: JSONL holds one document per line`, fix: 'use ingestPaths() or loadFile(), which return every line' });
  }
  const result = await loadFile(path, options);
  const doc = result.documents[0];
  if (!doc) throw new VerityError({ code: 'BAD_INPUT', component: 'ingest', problem: `cannot read ${quote(path)}: it has no text`, fix: 'remove it or give it some text' });
  return { meta: doc.meta, text: doc.text };
}
