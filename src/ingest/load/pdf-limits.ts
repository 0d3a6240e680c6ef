// Limits for PDF files, checked before PDF.js reads them: a small file can hold compressed streams
// that inflate to gigabytes (a decompression bomb), and PDF.js inflates a whole stream in memory.
// Every compressed stream PDF.js may decode for text (not images) is decoded here first, through
// its whole filter chain (FlateDecode, LZWDecode, RunLengthDecode, ASCII85Decode, ASCIIHexDecode),
// counted and thrown away: a chain ending in Flate holds one chunk at a time, any other stage at
// most the limit.
import { createInflate } from 'node:zlib';
import { ascii85Decode, asciiHexDecode, lzwDecode, runLengthDecode } from './pdf-filters.js';

export interface PdfLimits {
  /** Most bytes all the PDF's compressed streams (images aside) may inflate to (default 32 MiB:
   *  PDF.js needed ~25 s and 280 MB of memory for 16 MiB of dense text operators, ~770 MB for 64 MiB). */
  maxInflatedBytes?: number;
  /** Most characters of text a PDF may yield (default 20,000,000, the audit/check input scale). */
  maxTextChars?: number;
  /** Most time PDF.js may take to read a PDF, in ms (default 120,000): a 1 MB file of 10,000 empty
   *  pages in one flat page list took over 2 minutes (PDF.js finds each page by walking the list). */
  timeBudgetMs?: number;
}

export const PDF_DEFAULTS: Required<PdfLimits> = { maxInflatedBytes: 32 * 1024 * 1024, maxTextChars: 20_000_000, timeBudgetMs: 120_000 };

/**
 * What `data` inflates to, counting no further than `limit` + one chunk: its size, and its bytes
 * when `keep` (another filter follows; otherwise each chunk is counted and dropped). A damaged
 * stream yields what inflated.
 */
function inflate(data: Uint8Array, limit: number, keep: boolean): Promise<{ size: number; bytes: Uint8Array }> {
  return new Promise((resolve) => {
    const z = createInflate();
    const parts: Buffer[] = [];
    let n = 0;
    let settled = false;
    const settle = (): void => {
      if (settled) return;
      settled = true;
      resolve({ size: n, bytes: Buffer.concat(parts) });
    };
    z.on('data', (chunk: Buffer) => {
      if (keep) parts.push(chunk);
      n += chunk.length;
      if (n > limit) {
        settle();
        z.destroy();
      }
    });
    z.on('end', settle);
    z.on('error', settle);
    z.on('close', settle);
    z.end(data);
  });
}

/** The filters measured, by their full and abbreviated names. */
const FILTERS: Record<string, 'flate' | 'lzw' | 'rl' | 'a85' | 'ahx'> = {
  FlateDecode: 'flate',
  Fl: 'flate',
  LZWDecode: 'lzw',
  LZW: 'lzw',
  RunLengthDecode: 'rl',
  RL: 'rl',
  ASCII85Decode: 'a85',
  A85: 'a85',
  ASCIIHexDecode: 'ahx',
  AHx: 'ahx',
};

export interface FilteredStream {
  start: number;
  end: number;
  /** The filter chain, in the order it is applied to decode. */
  filters: Array<'flate' | 'lzw' | 'rl' | 'a85' | 'ahx'>;
  /** LZWDecode's /EarlyChange (default 1). */
  earlyChange: number;
}

const STREAM_START = /stream\r?\n/g;

/**
 * The compressed streams of a PDF (images aside) as byte ranges of the file, with their filter
 * chains: every chain of measurable filters with at least one that expands (Flate, LZW, RunLength).
 * A chain with another filter (DCT, JPX, JBIG2, CCITTFax: images; Crypt) is not text PDF.js decodes.
 */
export function filteredStreams(bytes: Uint8Array): FilteredStream[] {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const out: FilteredStream[] = [];
  STREAM_START.lastIndex = 0;
  for (let m = STREAM_START.exec(text); m; m = STREAM_START.exec(text)) {
    const start = m.index + m[0].length;
    if (text.slice(Math.max(0, m.index - 3), m.index) === 'end') continue; // "endstream"
    const dictStart = text.lastIndexOf('<<', m.index);
    const dict = dictStart >= 0 ? text.slice(Math.max(dictStart, m.index - 4096), m.index) : '';
    let end = text.indexOf('endstream', start);
    if (end < 0) end = text.length;
    STREAM_START.lastIndex = end;
    if (/\/Subtype\s*\/Image/.test(dict)) continue;
    const chain = /\/Filter\s*(?:\[([^\]]*)\]|\/(\w+))/.exec(dict);
    if (!chain) continue;
    const names = chain[2] !== undefined ? [chain[2]] : [...(chain[1] ?? '').matchAll(/\/(\w+)/g)].map((n) => n[1]!);
    const filters = names.map((n) => FILTERS[n]);
    if (filters.length === 0 || filters.some((f) => f === undefined)) continue;
    const known = filters as FilteredStream['filters'];
    if (!known.some((f) => f === 'flate' || f === 'lzw' || f === 'rl')) continue;
    out.push({ start, end, filters: known, earlyChange: /\/EarlyChange\s+0\b/.test(dict) ? 0 : 1 });
  }
  return out;
}

/** The FlateDecode-only streams (the chains the first pre-scan measured). */
export function flateStreams(bytes: Uint8Array): Array<{ start: number; end: number }> {
  return filteredStreams(bytes).filter((s) => s.filters[0] === 'flate');
}

/** What one stream decodes to through its chain, counting no further than `limit` + one chunk. */
async function decodedSize(data: Uint8Array, stream: FilteredStream, limit: number): Promise<number> {
  let current = data;
  for (let i = 0; i < stream.filters.length; i++) {
    const last = i === stream.filters.length - 1;
    switch (stream.filters[i]) {
      case 'flate': {
        const r = await inflate(current, limit, !last);
        if (last) return r.size;
        current = r.bytes;
        break;
      }
      case 'lzw': {
        const r = lzwDecode(current, limit, stream.earlyChange, !last);
        if (last || !r.bytes) return r.size;
        current = r.bytes;
        break;
      }
      case 'rl':
        current = runLengthDecode(current, limit);
        break;
      case 'a85':
        current = ascii85Decode(current, limit);
        break;
      case 'ahx':
        current = asciiHexDecode(current, limit);
        break;
    }
    if (current.length > limit) return current.length;
  }
  return current.length;
}

/** Bytes the PDF's text-relevant compressed streams decode to, stopping past `limit`. */
export async function inflatedTotal(bytes: Uint8Array, limit: number): Promise<number> {
  let total = 0;
  for (const stream of filteredStreams(bytes)) {
    total += await decodedSize(bytes.subarray(stream.start, stream.end), stream, limit - total);
    if (total > limit) break;
  }
  return total;
}
