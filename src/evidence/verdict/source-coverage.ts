// How much of a claim one source states, and one sentence: the rarity-weighted share of the
// claim's words that its best few sentences hold together, times the smoothed share of the
// claim's figures, years and days it states, times the share of the claim's multi-word names it
// states (the score the `wice` benchmark uses on a whole article). Shared by the verdict (the best
// source's coverage) and the composer (which source and sentence to quote first).
import type { ClaimProfile } from '../stance/claim-profile.js';
import { coverageByBestSentences, coverageByBestStems, sentenceStems } from './sentence-coverage.js';
import { statedFigures } from '../figures/stated-figures.js';
import { statedNames } from '../stance/stated-names.js';
import { splitSentences } from '../../text/index.js';

/** Coverage of the claim by a text, reading its best `k` sentences (1 for one sentence). */
export function textCoverage(profile: ClaimProfile, text: string, k: number): number {
  const sentences = k === 1 ? [text] : splitSentences(text).map((s) => s.text);
  return coverageByBestSentences(profile, sentences, k).coverage * statedFigures(profile, text).share * statedNames(profile.text, text).share;
}

/** A whole text read once for coverage (its sentences' stems), so many claims can be measured against it. */
export interface ReadText {
  text: string;
  stems: readonly ReadonlySet<string>[];
}

export function readText(text: string): ReadText {
  return { text, stems: sentenceStems(splitSentences(text).map((s) => s.text)) };
}

/** Below this share of the claim's words, a text's figures and names are not read (see readTextCoverage). */
export const WORDS_FLOOR = 0.2;

/**
 * textCoverage with the best `k` sentences of a text read once (readText). A text holding less
 * than WORDS_FLOOR of the claim's words gives that share alone — an upper bound, far below any
 * source that states the claim — and its figures and names are not read (a whole page's figures
 * are the costly part).
 */
export function readTextCoverage(profile: ClaimProfile, read: ReadText, k: number): number {
  const words = coverageByBestStems(profile, read.stems, k).coverage;
  if (words < WORDS_FLOOR) return words;
  return words * statedFigures(profile, read.text).share * statedNames(profile.text, read.text).share;
}

/** Coverage of the claim by each source, over the passages given for it (joined), by source id. */
export function coverageBySource(profile: ClaimProfile, passages: ReadonlyArray<{ sourceId: string; text: string }>, k = 3): Map<string, number> {
  const bySource = new Map<string, string[]>();
  for (const p of passages) bySource.set(p.sourceId, [...(bySource.get(p.sourceId) ?? []), p.text]);
  const out = new Map<string, number>();
  for (const [id, texts] of bySource) out.set(id, textCoverage(profile, texts.join('\n\n'), k));
  return out;
}
