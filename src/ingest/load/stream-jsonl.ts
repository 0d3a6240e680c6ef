// Streaming a JSONL file: read in 1 MB chunks and cut at line ends, so memory holds one record
// (and the documents waiting for the next store transaction), never the whole file. The size
// limit applies to each record: a line longer than maxBytes fails on its own, read past without
// being kept. A line that is not UTF-8 or holds a NUL byte fails on its own too; the rest go on.
// A UTF-16 file (with its BOM) is read whole, as before.
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { VerityError, quote } from '../../errors.js';
import { DEFAULT_MAX_BYTES, formatBytes, ioError } from './decode.js';
import { jsonlLoader, loadFile, readSidecar, type LoadFailure, type LoadOptions, type LoadResult, type LoadedDocument } from './load-document.js';
import { jsonlRecord } from './load-jsonl.js';

/** Documents handed on at most this many at a time (and at most GROUP_CHARS of text). */
const GROUP_DOCS = 256;
const GROUP_CHARS = 4_000_000;

function lineError(path: string, line: number, problem: string, fix: string): LoadFailure {
  const origin = `${path}:${line}`;
  return { origin, error: new VerityError({ code: 'BAD_INPUT', component: 'ingest', problem: `cannot read ${quote(origin)}: ${problem}`, fix }) };
}

async function firstBytes(path: string): Promise<Buffer> {
  const fh = await open(path, 'r');
  try {
    const b = Buffer.alloc(2);
    const { bytesRead } = await fh.read(b, 0, 2, 0);
    return b.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

/** The documents of a JSONL file, in groups, read as a stream. Throws for a failure of the whole file. */
export async function* streamJsonlFile(path: string, options: LoadOptions = {}): AsyncGenerator<LoadResult> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  let size: number;
  try {
    const st = await stat(path);
    if (!st.isFile()) throw new VerityError({ code: 'BAD_INPUT', component: 'ingest', problem: `cannot read ${quote(path)}: it is not a regular file`, fix: 'pass a file, or a folder to ingest everything in it' });
    size = st.size;
  } catch (e) {
    if (e instanceof VerityError) throw e;
    throw ioError(e, path);
  }
  if (size === 0) throw new VerityError({ code: 'BAD_INPUT', component: 'ingest', problem: `cannot read ${quote(path)}: the file is empty`, fix: 'remove it or give it some text' });
  const head = await firstBytes(path).catch((e: unknown) => {
    throw ioError(e, path);
  });
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
    yield await loadFile(path, options);
    return;
  }
  const toLoaded = jsonlLoader(path, await readSidecar(path), options);
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  let group: LoadResult = { documents: [], failures: [] };
  let groupChars = 0;
  let parts: Buffer[] = [];
  let partBytes = 0;
  let tooLong = false;
  let line = 0;
  const finishLine = (): void => {
    line++;
    if (tooLong) {
      group.failures.push(lineError(path, line, `the line is over the ${formatBytes(maxBytes)} limit`, `raise the limit with --max-bytes (or maxBytes), or split the record`));
    } else if (partBytes > 0) {
      const bytes = parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts, partBytes);
      let raw: string | null = null;
      if (bytes.includes(0)) group.failures.push(lineError(path, line, 'it holds a NUL byte (binary data)', 'write text, one JSON object per line'));
      else {
        try {
          raw = decoder.decode(bytes).replace(/\r$/, '');
        } catch {
          group.failures.push(lineError(path, line, 'it is not valid UTF-8', 'convert the file to UTF-8, e.g. iconv -f latin1 -t utf-8'));
        }
      }
      const r = raw === null ? null : jsonlRecord(raw, line, path);
      if (r && 'error' in r) group.failures.push(r);
      else if (r) {
        const doc: LoadedDocument = toLoaded(r);
        group.documents.push(doc);
        groupChars += doc.text.length;
      }
    }
    parts = [];
    partBytes = 0;
    tooLong = false;
  };
  const full = (): boolean => group.documents.length >= GROUP_DOCS || groupChars >= GROUP_CHARS || group.failures.length >= GROUP_DOCS;
  const take = (piece: Buffer): void => {
    if (tooLong) return;
    if (partBytes + piece.length > maxBytes) {
      tooLong = true;
      parts = [];
      partBytes = 0;
      return;
    }
    if (piece.length > 0) {
      // A copy: the stream's chunk is not kept alive by a short line of it.
      parts.push(Buffer.from(piece));
      partBytes += piece.length;
    }
  };
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
      let at = 0;
      for (let nl = chunk.indexOf(10, at); nl >= 0; nl = chunk.indexOf(10, at)) {
        take(chunk.subarray(at, nl));
        finishLine();
        at = nl + 1;
        if (full()) {
          yield group;
          group = { documents: [], failures: [] };
          groupChars = 0;
        }
      }
      take(chunk.subarray(at));
    }
  } catch (e) {
    throw ioError(e, path);
  }
  if (partBytes > 0 || tooLong) finishLine();
  if (group.documents.length > 0 || group.failures.length > 0) yield group;
}
