// How much of the claim one source states (evidence/verdict/source-coverage.ts): the best source
// counts — a claim is borne out by a page that says all of it, not by words scattered over
// several pages. Each retrieved source is read whole, not only the passages retrieved from it:
// a page states a claim's date in its first lines and the act further down, and the retrieved
// passages (at most three per source) hold only some of them. A source counts once, whatever
// the number of its passages retrieved.
import type { Store } from '../contracts.js';
import { coverageBySource, profileClaim, readText, readTextCoverage, textCoverage, yearOf, type ReadText } from '../evidence/index.js';
import type { Judgement, Passage, Source } from '../model.js';

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

/** The best source must state this share of the claim, read whole, for its other passages to be read. */
const PAGE_PASSAGES_AT = 0.3;
/** At most this many passages are added from it. */
const PAGE_PASSAGES = 2;

/**
 * The passages of the source that states most of the claim (read whole: `coverage`) that
 * retrieval did not bring and that state more of the claim than any it did: a page states the
 * claim in its body while retrieval returned its headings and bylines. At most PAGE_PASSAGES,
 * best first, each with the relevance of the source's best retrieved passage; none when the best
 * source states less than PAGE_PASSAGES_AT of the claim.
 */
export async function pagePassages(store: Store, claim: string, judgements: readonly Judgement[], coverage: SourceCoverage): Promise<Array<{ passage: Passage; source: Source; score: number }>> {
  let best: string | null = null;
  for (const [id, c] of coverage) if (c >= PAGE_PASSAGES_AT && (best === null || c > (coverage.get(best) ?? 0))) best = id;
  const own = judgements.filter((j) => j.source.id === best);
  if (best === null || own.length === 0) return [];
  const profile = profileClaim(claim);
  const known = new Set(own.map((j) => j.passage.id));
  const floor = Math.max(...own.map((j) => textCoverage(profile, j.passage.text, 3)));
  const score = Math.max(...own.map((j) => j.relevance));
  return (await store.getPassages(best))
    .filter((p) => !known.has(p.id))
    .map((p) => ({ p, c: textCoverage(profile, p.text, 3) }))
    .filter((x) => x.c > floor + 1e-9)
    .sort((a, b) => b.c - a.c || a.p.ordinal - b.p.ordinal)
    .slice(0, PAGE_PASSAGES)
    .map((x) => ({ passage: x.p, source: own[0]!.source, score }));
}
