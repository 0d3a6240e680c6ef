// How much of the claim one source states (evidence/verdict/source-coverage.ts): the best source
// counts — a claim is borne out by a page that says all of it, not by words scattered over
// several pages. Each retrieved source is read whole, not only the passages retrieved from it:
// a page states a claim's date in its first lines and the act further down, and the retrieved
// passages (at most three per source) hold only some of them. A source counts once, whatever
// the number of its passages retrieved.
import type { Store } from '../contracts.js';
import { coverageBySource, profileClaim, readText, readTextCoverage, yearOf, type ReadText } from '../evidence/index.js';
import type { Judgement, Source } from '../model.js';

/** Coverage of the claim by each source, by source id. */
export type SourceCoverage = ReadonlyMap<string, number>;

/** Coverage of the claim by the retrieved passages of each source, joined (when the whole text is not at hand). */
export function passageCoverage(claim: string, judgements: readonly Judgement[]): SourceCoverage {
  const heads = new Map(judgements.map((j) => [j.source.id, { sourceId: j.source.id, text: headline(j.source) }]));
  return coverageBySource(profileClaim(claim), [...[...heads.values()].filter((h) => h.text !== ''), ...judgements.map((j) => ({ sourceId: j.source.id, text: j.passage.text }))]);
}

/**
 * What a page states before its body: its title and the year it is dated. "Corran Lakes' trout
 * numbers hold steady", dated 2024, names the lakes and the year its bulleted figures are of.
 */
export function headline(source: Pick<Source, 'title' | 'publishedAt'>): string {
  const year = yearOf(source.publishedAt);
  const title = source.title.trim();
  return title === '' ? '' : `${title}${/[.!?]$/.test(title) ? '' : '.'}${year !== null ? ` (${year})` : ''}`;
}

/** Sources read whole per claim: the best-ranked ones (the others are read by their passages). */
export const SOURCES_READ_WHOLE = 8;
/** Texts kept read (a source id is its text's hash, so a kept reading never goes stale). */
const READ_CACHE_SIZE = 1024;
const readCache = new Map<string, ReadText>();

async function readSource(store: Store, id: string, head: string): Promise<ReadText | null> {
  const known = readCache.get(id);
  if (known) {
    readCache.delete(id);
    readCache.set(id, known);
    return known;
  }
  const text = await store.getSourceText(id);
  if (text === null) return null;
  const read = readText(head === '' ? text : `${head}\n\n${text}`);
  readCache.set(id, read);
  if (readCache.size > READ_CACHE_SIZE) readCache.delete(readCache.keys().next().value!);
  return read;
}

/**
 * Coverage of the claim by the whole text of each source a judgement comes from (the first
 * SOURCES_READ_WHOLE sources, in the judgements' order; the others, and a source whose text the
 * store no longer has, are read by their retrieved passages).
 */
export async function documentCoverage(store: Store, claim: string, judgements: readonly Judgement[]): Promise<SourceCoverage> {
  const profile = profileClaim(claim);
  const out = new Map(passageCoverage(claim, judgements));
  const sources = new Map(judgements.map((j) => [j.source.id, j.source]));
  for (const [id, source] of [...sources].slice(0, SOURCES_READ_WHOLE)) {
    const read = await readSource(store, id, headline(source));
    if (read) out.set(id, Math.max(out.get(id) ?? 0, readTextCoverage(profile, read, 3)));
  }
  return out;
}

/** The text of a source read whole by documentCoverage, while it is kept read (undefined otherwise). */
export function readSourceText(id: string): string | undefined {
  return readCache.get(id)?.text;
}

/** The best source's coverage (0 with no source). */
export function bestCoverage(coverage: SourceCoverage): number {
  return Math.max(0, ...coverage.values());
}

/** The best source's coverage of the claim, reading its retrieved passages. */
export function claimCoverage(claim: string, judgements: readonly Judgement[]): number {
  if (judgements.length === 0) return 0;
  return bestCoverage(passageCoverage(claim, judgements));
}
