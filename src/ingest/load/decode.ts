// Reading a file's bytes safely: the size limit is checked before reading, and binary data or
// invalid UTF-8 is refused with a clear message instead of landing in the corpus as garbage.
import { readFile, stat } from 'node:fs/promises';
import { VerityError, quote } from '../../errors.js';

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

function fail(code: string, path: string, problem: string, fix: string): VerityError {
  return new VerityError({ code, component: 'ingest', problem: `cannot read ${quote(path)}: ${problem}`, fix });
}

/** Reads a file's bytes after checking it exists, is a file and is within maxBytes. */
export async function readBytes(path: string, maxBytes: number = DEFAULT_MAX_BYTES): Promise<Buffer> {
  let size: number;
  try {
    const st = await stat(path);
    if (!st.isFile()) throw fail('BAD_INPUT', path, 'it is not a regular file', 'pass a file, or a folder to ingest everything in it');
    size = st.size;
  } catch (e) {
    if (e instanceof VerityError) throw e;
    throw ioError(e, path);
  }
  if (size > maxBytes) {
    throw fail('TOO_LARGE', path, `it is ${formatBytes(size)}, over the ${formatBytes(maxBytes)} limit`, `raise the limit with --max-bytes ${size} (or maxBytes), or split the file`);
  }
  if (size === 0) throw fail('BAD_INPUT', path, 'the file is empty', 'remove it or give it some text');
  try {
    return await readFile(path);
  } catch (e) {
    throw ioError(e, path);
  }
}

export function ioError(e: unknown, path: string): VerityError {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return fail('NOT_FOUND', path, 'no such file or folder', 'check the path (relative paths start at the working folder)');
  if (code === 'EACCES' || code === 'EPERM') return fail('IO', path, 'permission denied', 'make the file readable');
  return fail('IO', path, (e as Error).message, 'check the file and retry');
}

/**
 * Decodes text bytes: UTF-8 (BOM stripped) or UTF-16 with a BOM. NUL bytes mean binary and
 * invalid UTF-8 is refused, naming the byte offset. Line endings become "\n".
 */
export function decodeText(bytes: Uint8Array, path: string): string {
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  else {
    const nul = bytes.indexOf(0);
    if (nul >= 0) {
      const wide = utf16Without(bytes);
      if (wide !== null) throw fail('BAD_INPUT', path, `it looks like ${wide} text without a byte-order mark (NUL bytes at every other offset, the first at ${nul})`, `convert it to UTF-8, e.g. iconv -f ${wide.toLowerCase()} -t utf-8`);
      throw fail('BAD_INPUT', path, `it looks binary (a NUL byte at offset ${nul}), not text`, 'ingest text, Markdown, HTML, PDF or JSONL files; convert other formats to text first');
    }
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch {
      const at = firstInvalidUtf8(bytes);
      throw fail('BAD_INPUT', path, `it is not valid UTF-8 (bad byte 0x${(bytes[at] ?? 0).toString(16).padStart(2, '0')} at offset ${at})`, 'convert it to UTF-8, e.g. iconv -f latin1 -t utf-8');
    }
  }
  return text.replace(/\r\n?/g, '\n');
}

/** Offset of the first byte that breaks UTF-8 (the file length when none does). */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i] ?? 0;
    const n = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) {
      const d = b[i + k];
      if (d === undefined || (d & 0xc0) !== 0x80) return i;
    }
    i += n + 1;
  }
  return b.length;
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} kB`;
  return `${n} bytes`;
}

/** "UTF-16LE" or "UTF-16BE" when the first bytes have NULs at every other offset (ASCII-range text in UTF-16), else null. */
function utf16Without(bytes: Uint8Array): 'UTF-16LE' | 'UTF-16BE' | null {
  const n = Math.min(bytes.length, 512) & ~1;
  if (n < 8) return null;
  let odd = 0;
  let even = 0;
  for (let i = 0; i < n; i++) {
    if (bytes[i] !== 0) continue;
    if (i % 2 === 1) odd++;
    else even++;
  }
  const half = n / 2;
  if (odd >= half * 0.6 && even <= half * 0.05) return 'UTF-16LE';
  if (even >= half * 0.6 && odd <= half * 0.05) return 'UTF-16BE';
  return null;
}
