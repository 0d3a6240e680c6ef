// Limits for PDF files, checked before PDF.js reads them: a small file can hold compressed streams
// that inflate to gigabytes (a decompression bomb), and PDF.js inflates a whole stream in memory.
// Every FlateDecode stream PDF.js may inflate for text (not images) is inflated here first, counted
// and thrown away chunk by chunk, so the check itself holds only one chunk at a time.
import { createInflate } from 'node:zlib';

export interface PdfLimits {
  /** Most bytes all the PDF's compressed streams (images aside) may inflate to (default 32 MiB:
   *  PDF.js needed ~25 s and 280 MB of memory for 16 MiB of dense text operators, ~770 MB for 64 MiB). */
  maxInflatedBytes?: number;
  /** Most characters of text a PDF may yield (default 20,000,000, the audit/check input scale). */
  maxTextChars?: number;
}

export const PDF_DEFAULTS: Required<PdfLimits> = { maxInflatedBytes: 32 * 1024 * 1024, maxTextChars: 20_000_000 };

/** How many bytes `data` inflates to, counting no further than `limit` + one chunk. A damaged stream counts what inflated. */
function inflatedSize(data: Uint8Array, limit: number): Promise<number> {
  return new Promise((resolve) => {
    const z = createInflate();
    let n = 0;
    let settled = false;
    const settle = (): void => {
      if (settled) return;
      settled = true;
      resolve(n);
    };
    z.on('data', (chunk: Buffer) => {
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

const STREAM_START = /stream\r?\n/g;

/** The FlateDecode streams of a PDF (images aside), as byte ranges of the file. */
export function flateStreams(bytes: Uint8Array): Array<{ start: number; end: number }> {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const out: Array<{ start: number; end: number }> = [];
  STREAM_START.lastIndex = 0;
  for (let m = STREAM_START.exec(text); m; m = STREAM_START.exec(text)) {
    const start = m.index + m[0].length;
    if (text.slice(Math.max(0, m.index - 3), m.index) === 'end') continue; // "endstream"
    const dictStart = text.lastIndexOf('<<', m.index);
    const dict = dictStart >= 0 ? text.slice(Math.max(dictStart, m.index - 4096), m.index) : '';
    let end = text.indexOf('endstream', start);
    if (end < 0) end = text.length;
    STREAM_START.lastIndex = end;
    if (!/\/FlateDecode|\/Fl\b/.test(dict) || /\/Subtype\s*\/Image/.test(dict)) continue;
    // Only a filter chain that starts with Flate can be measured here.
    const filter = /\/Filter\s*(\[\s*)?\/(\w+)/.exec(dict)?.[2];
    if (filter !== 'FlateDecode' && filter !== 'Fl') continue;
    out.push({ start, end });
  }
  return out;
}

/** Bytes the PDF's text-relevant Flate streams inflate to, stopping past `limit`. */
export async function inflatedTotal(bytes: Uint8Array, limit: number): Promise<number> {
  let total = 0;
  for (const { start, end } of flateStreams(bytes)) {
    total += await inflatedSize(bytes.subarray(start, end), limit - total);
    if (total > limit) break;
  }
  return total;
}
