// A PDF whose one page's content stream is a small compressed run that decodes to `inflatedBytes`
// (a decompression bomb), built at test time; nothing binary is committed. The content is
// deflated by zlib, or encoded here with LZW (PDF's variant: 9-12 bit codes, most significant bit
// first, EarlyChange 1) or ASCII85 after Flate.
import { createDeflate } from 'node:zlib';

async function deflateRepeated(unit: string, totalBytes: number): Promise<Buffer> {
  const z = createDeflate({ level: 9 });
  const parts: Buffer[] = [];
  z.on('data', (c: Buffer) => parts.push(c));
  const done = new Promise<void>((resolve, reject) => {
    z.on('end', resolve);
    z.on('error', reject);
  });
  const chunk = Buffer.from(unit.repeat(Math.ceil((1 << 20) / unit.length)), 'latin1');
  for (let written = 0; written < totalBytes; written += chunk.length) {
    if (!z.write(chunk)) await new Promise((r) => z.once('drain', r));
  }
  z.end();
  await done;
  return Buffer.concat(parts);
}

/** LZW-encodes `data` as PDF's LZWDecode reads it with /EarlyChange 1 (the default). */
export function lzwEncode(data: Uint8Array): Buffer {
  const out: number[] = [];
  let acc = 0;
  let held = 0;
  let position = 0; // codes written since the last clear
  const width = (): number => {
    const n = 258 + Math.max(0, position - 1) + 1;
    return n >= 2048 ? 12 : n >= 1024 ? 11 : n >= 512 ? 10 : 9;
  };
  const write = (code: number): void => {
    const w = width();
    acc = (acc << w) | code;
    held += w;
    while (held >= 8) {
      out.push((acc >>> (held - 8)) & 0xff);
      held -= 8;
    }
    acc &= (1 << held) - 1;
    position++;
  };
  const table = new Int32Array(4096 * 256);
  let next = 258;
  const clear = (): void => {
    write(256);
    table.fill(-1);
    next = 258;
    position = 0;
  };
  clear();
  if (data.length === 0) {
    write(257);
  } else {
    let w = data[0]!;
    for (let i = 1; i < data.length; i++) {
      const c = data[i]!;
      const child = table[w * 256 + c]!;
      if (child >= 0) {
        w = child;
        continue;
      }
      write(w);
      table[w * 256 + c] = next++;
      w = c;
      if (next === 4094) clear();
    }
    write(w);
    write(257);
  }
  if (held > 0) out.push((acc << (8 - held)) & 0xff);
  return Buffer.from(out);
}

/** ASCII85-encodes `data` (ending with "~>"). */
export function ascii85Encode(data: Uint8Array): Buffer {
  let text = '';
  for (let i = 0; i < data.length; i += 4) {
    const n = Math.min(4, data.length - i);
    let value = 0;
    for (let k = 0; k < 4; k++) value = value * 256 + (k < n ? data[i + k]! : 0);
    const chars: string[] = [];
    for (let k = 0; k < 5; k++) {
      chars.unshift(String.fromCharCode(33 + (value % 85)));
      value = Math.floor(value / 85);
    }
    text += chars.slice(0, n + 1).join('');
  }
  return Buffer.from(`${text}~>`, 'latin1');
}

export type BombEncoding = 'flate' | 'lzw' | 'a85-flate';

const FILTER: Record<BombEncoding, string> = { flate: '/FlateDecode', lzw: '/LZWDecode', 'a85-flate': '[/ASCII85Decode /FlateDecode]' };

export async function bombPdf(inflatedBytes: number, unit = 'BT /F1 12 Tf 72 720 Td (Harbour cargo rose) Tj ET\n', encoding: BombEncoding = 'flate'): Promise<Buffer> {
  let stream: Buffer;
  if (encoding === 'lzw') {
    const content = Buffer.from(unit.repeat(Math.ceil(inflatedBytes / unit.length)).slice(0, Math.max(unit.length, inflatedBytes)), 'latin1');
    stream = lzwEncode(content);
  } else {
    stream = await deflateRepeated(unit, inflatedBytes);
    if (encoding === 'a85-flate') stream = ascii85Encode(stream);
  }
  const parts: Buffer[] = [];
  const offsets: number[] = [];
  let length = 0;
  const push = (b: Buffer | string): void => {
    const buf = typeof b === 'string' ? Buffer.from(b, 'latin1') : b;
    parts.push(buf);
    length += buf.length;
  };
  push('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n');
  const obj = (n: number, body: Array<Buffer | string>): void => {
    offsets[n] = length;
    push(`${n} 0 obj\n`);
    for (const b of body) push(b);
    push('\nendobj\n');
  };
  obj(1, ['<< /Type /Catalog /Pages 2 0 R >>']);
  obj(2, ['<< /Type /Pages /Kids [3 0 R] /Count 1 >>']);
  obj(3, ['<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>']);
  obj(4, [`<< /Length ${stream.length} /Filter ${FILTER[encoding]} >>\nstream\n`, stream, '\nendstream']);
  obj(5, ['<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>']);
  const xref = length;
  push(`xref\n0 6\n0000000000 65535 f \n${[1, 2, 3, 4, 5].map((n) => `${String(offsets[n]).padStart(10, '0')} 00000 n \n`).join('')}`);
  push(`trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return Buffer.concat(parts);
}
