// Inverse document frequency of content stems (models/stance-idf.json), so that missing a rare
// claim word ("Spanish", "pneumonia") weighs more than missing a common one ("study", "show").
// Built by `npm run train` from sentences of the training corpora; read lazily.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { VerityError } from '../../errors.js';

export const IDF_SCHEMA_VERSION = 1;
export const IDF_PATH = fileURLToPath(new URL('../../../models/stance-idf.json', import.meta.url));

export interface IdfFile {
  schemaVersion: number;
  documents: number;
  /** idf of stems seen in at least a few documents; rarer stems get `unseen`. */
  unseen: number;
  idf: Record<string, number>;
}

export interface IdfTable {
  (stem: string): number;
  max: number;
}

let cached: IdfTable | undefined;

/** Build an IDF table from document frequencies (used by the training script and tests). */
export function idfFromCounts(df: Map<string, number>, documents: number, minDf = 3): IdfFile {
  const idf: Record<string, number> = {};
  const keys = [...df.keys()].sort();
  for (const k of keys) {
    const n = df.get(k)!;
    if (n >= minDf) idf[k] = Math.round(Math.log((documents + 1) / (n + 1)) * 100) / 100;
  }
  return { schemaVersion: IDF_SCHEMA_VERSION, documents, unseen: Math.round(Math.log((documents + 1) / minDf) * 100) / 100, idf };
}

export function idfTable(file: IdfFile): IdfTable {
  // The parsed object is the table (no copy into a Map: 11,000 entries cost a fresh check ~10 ms).
  const idf = file.idf;
  const f = ((s: string) => (Object.hasOwn(idf, s) ? (idf[s] as number) : file.unseen)) as IdfTable;
  f.max = file.unseen;
  return f;
}

/** The shipped table; a missing file is an error that says how to rebuild it. */
export function shippedIdf(): IdfTable {
  if (cached) return cached;
  let parsed: IdfFile;
  try {
    parsed = JSON.parse(readFileSync(IDF_PATH, 'utf8')) as IdfFile;
  } catch (e) {
    throw new VerityError({ code: 'NOT_FOUND', component: 'evidence', problem: `cannot read the word-rarity table ${JSON.stringify(IDF_PATH)}`, fix: 'restore models/stance-idf.json from git or rebuild it with "npm run train"', cause: e });
  }
  if (parsed.schemaVersion !== IDF_SCHEMA_VERSION || typeof parsed.idf !== 'object') {
    throw new VerityError({ code: 'BAD_INPUT', component: 'evidence', problem: `the word-rarity table ${JSON.stringify(IDF_PATH)} has schemaVersion ${String(parsed.schemaVersion)}, expected ${IDF_SCHEMA_VERSION}`, fix: 'rebuild it with "npm run train" (or restore models/stance-idf.json from git)' });
  }
  cached = idfTable(parsed);
  return cached;
}

/** Replace the table in use (the training script installs a freshly built one). */
export function useIdf(file: IdfFile): void {
  cached = idfTable(file);
}
