// Decoders for the PDF stream filters other than Flate (ISO 32000-1, 7.4): LZWDecode,
// ASCII85Decode, ASCIIHexDecode and RunLengthDecode, used only to measure what a stream decodes
// to before PDF.js reads the file (pdf-limits.ts). Each stops once its output passes `limit`, so
// a bomb costs at most the limit; a damaged stream yields what decoded before the damage.

/** What an LZW stream decodes to: its size, and its bytes when `keep` (another filter follows). */
export interface LzwResult {
  size: number;
  bytes: Uint8Array | null;
}

const CLEAR = 256;
const EOD = 257;
const MAX_CODES = 4096;

/**
 * LZWDecode: codes of 9 to 12 bits, most significant bit first, 256 clears the table, 257 ends.
 * `earlyChange` (the stream's /EarlyChange, default 1) widens the codes one entry early.
 */
export function lzwDecode(data: Uint8Array, limit: number, earlyChange = 1, keep = false): LzwResult {
  const prefix = new Int32Array(MAX_CODES);
  const suffix = new Uint8Array(MAX_CODES);
  const first = new Uint8Array(MAX_CODES);
  const length = new Int32Array(MAX_CODES);
  for (let i = 0; i < 256; i++) {
    prefix[i] = -1;
    suffix[i] = i;
    first[i] = i;
    length[i] = 1;
  }
  let out = keep ? new Uint8Array(Math.min(limit + MAX_CODES, Math.max(1024, data.length * 4))) : null;
  let size = 0;
  const emit = (code: number): void => {
    const n = length[code]!;
    if (out) {
      if (size + n > out.length) {
        const grown = new Uint8Array(Math.min(limit + MAX_CODES, Math.max(size + n, out.length * 2)));
        grown.set(out.subarray(0, size));
        out = grown;
      }
      for (let c = code, at = size + n - 1; c >= 0; c = prefix[c]!, at--) out[at] = suffix[c]!;
    }
    size += n;
  };
  let width = 9;
  let next = 258;
  let prev = -1;
  let bits = 0;
  let count = 0;
  for (let i = 0; i < data.length && size <= limit; i++) {
    bits = ((bits << 8) | data[i]!) & 0xffffff;
    count += 8;
    while (count >= width && size <= limit) {
      const code = (bits >>> (count - width)) & ((1 << width) - 1);
      count -= width;
      if (code === CLEAR) {
        width = 9;
        next = 258;
        prev = -1;
        continue;
      }
      if (code === EOD) return { size, bytes: out ? out.subarray(0, size) : null };
      if (prev === -1) {
        if (code > 255) return { size, bytes: out ? out.subarray(0, size) : null };
        emit(code);
        prev = code;
        continue;
      }
      // A code not yet in the table is damage, except the one about to be added (KwKwK).
      if (code > next || (code === next && next >= MAX_CODES)) return { size, bytes: out ? out.subarray(0, size) : null };
      if (next < MAX_CODES) {
        prefix[next] = prev;
        suffix[next] = code === next ? first[prev]! : first[code]!;
        first[next] = first[prev]!;
        length[next] = length[prev]! + 1;
        next++;
      }
      emit(code);
      prev = code;
      if (next + earlyChange >= 1 << width && width < 12) width++;
    }
  }
  return { size, bytes: out ? out.subarray(0, size) : null };
}

/** A byte buffer that grows as it is written (the decoders' output, at most about `limit`). */
class Bytes {
  private buf = new Uint8Array(1024);
  length = 0;
  push(b: number): void {
    if (this.length === this.buf.length) {
      const grown = new Uint8Array(this.buf.length * 2);
      grown.set(this.buf);
      this.buf = grown;
    }
    this.buf[this.length++] = b;
  }
  done(): Uint8Array {
    return this.buf.subarray(0, this.length);
  }
}

/** ASCII85Decode: groups of five characters in !..u give four bytes, "z" four zeros, "~>" ends. */
export function ascii85Decode(data: Uint8Array, limit: number): Uint8Array {
  const out = new Bytes();
  const group: number[] = [];
  const flush = (n: number): void => {
    let value = 0;
    for (let k = 0; k < 5; k++) value = value * 85 + (k < n ? group[k]! : 84);
    for (let k = 0; k < n - 1; k++) out.push(Math.floor(value / 2 ** (24 - 8 * k)) & 0xff);
    group.length = 0;
  };
  for (let i = 0; i < data.length && out.length <= limit; i++) {
    const c = data[i]!;
    if (c === 0x7e) break; // "~>"
    if (c === 0x7a && group.length === 0) {
      for (let k = 0; k < 4; k++) out.push(0);
      continue;
    }
    if (c < 0x21 || c > 0x75) continue; // white space (and anything else) is skipped
    group.push(c - 0x21);
    if (group.length === 5) flush(5);
  }
  if (group.length > 1) flush(group.length);
  return out.done();
}

/** ASCIIHexDecode: pairs of hex digits, white space skipped, ">" ends, an odd last digit padded with 0. */
export function asciiHexDecode(data: Uint8Array, limit: number): Uint8Array {
  const text = Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('latin1');
  const end = text.indexOf('>');
  const digits = (end >= 0 ? text.slice(0, end) : text).replace(/[^0-9a-fA-F]/g, '').slice(0, 2 * (limit + 1));
  return Uint8Array.from(Buffer.from(digits.length % 2 ? `${digits}0` : digits, 'hex'));
}

/** RunLengthDecode: a length byte n < 128 copies n + 1 bytes, n > 128 repeats the next byte 257 − n times, 128 ends. */
export function runLengthDecode(data: Uint8Array, limit: number): Uint8Array {
  const out = new Bytes();
  for (let i = 0; i < data.length && out.length <= limit; ) {
    const n = data[i++]!;
    if (n === 128) break;
    if (n < 128) {
      for (let k = 0; k <= n && i < data.length; k++) out.push(data[i++]!);
    } else if (i < data.length) {
      const b = data[i++]!;
      for (let k = 0; k < 257 - n; k++) out.push(b);
    }
  }
  return out.done();
}
