// The content types Verity fetches, and what each is read as. Anything else (images, video,
// archives, executables) is refused from the response headers, before the body is read.

/** How a fetched body is read: the loader it goes to. */
export type MediaKind = 'html' | 'text' | 'markdown' | 'pdf' | 'json' | 'jsonl';

export const MEDIA_KINDS: readonly MediaKind[] = ['html', 'text', 'markdown', 'pdf', 'json', 'jsonl'];

const BY_TYPE: Readonly<Record<string, MediaKind>> = {
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'text/plain': 'text',
  'text/markdown': 'markdown',
  'text/x-markdown': 'markdown',
  'application/pdf': 'pdf',
  'application/x-pdf': 'pdf',
  'application/json': 'json',
  'application/x-ndjson': 'jsonl',
  'application/jsonl': 'jsonl',
  'application/jsonlines': 'jsonl',
  'application/x-jsonlines': 'jsonl',
};

/** The Accept header value for these kinds. */
export function acceptHeader(kinds: readonly MediaKind[]): string {
  const types = Object.entries(BY_TYPE)
    .filter(([, k]) => kinds.includes(k))
    .map(([t]) => t);
  return [...types, '*/*;q=0.1'].join(', ');
}

export interface ContentType {
  /** Lower-case type/subtype, "" when the header is missing. */
  mediaType: string;
  charset: string | null;
}

/** Parses a Content-Type header ("text/html; charset=ISO-8859-1"). */
export function parseContentType(header: string | undefined): ContentType {
  if (!header) return { mediaType: '', charset: null };
  const [type = '', ...params] = header.split(';');
  let charset: string | null = null;
  for (const p of params) {
    const m = /^\s*charset\s*=\s*"?([^";\s]+)"?\s*$/i.exec(p);
    if (m?.[1]) charset = m[1].toLowerCase();
  }
  return { mediaType: type.trim().toLowerCase(), charset };
}

/** The kind a media type is read as, or null when Verity does not read it. "+json" suffixes are JSON. */
export function kindOfMediaType(mediaType: string): MediaKind | null {
  return BY_TYPE[mediaType] ?? (/^application\/[\w.-]+\+json$/.test(mediaType) ? 'json' : null);
}

/** A kind from the first bytes, for a missing or generic (application/octet-stream) type: PDF and HTML only. */
export function sniffKind(bytes: Uint8Array): MediaKind | null {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (head.startsWith('%PDF-')) return 'pdf';
  if (/^\s*(?:<!doctype html|<html[\s>])/i.test(head)) return 'html';
  return null;
}
