// How much of a claim one source states, and one sentence: the rarity-weighted share of the
// claim's words that its best few sentences hold together, times the smoothed share of the
// claim's figures, years and days it states, times the share of the claim's multi-word names it
// states (the score the `wice` benchmark uses on a whole article). Shared by the verdict (the best
// source's coverage) and the composer (which source and sentence to quote first).
import type { ClaimProfile } from '../stance/claim-profile.js';
import { coverageByBestSentences } from './sentence-coverage.js';
import { statedFigures } from '../figures/stated-figures.js';
import { statedNames } from '../stance/stated-names.js';
import { splitSentences } from '../../text/index.js';

/** Coverage of the claim by a text, reading its best `k` sentences (1 for one sentence). */
export function textCoverage(profile: ClaimProfile, text: string, k: number): number {
  const sentences = k === 1 ? [text] : splitSentences(text).map((s) => s.text);
  return coverageByBestSentences(profile, sentences, k).coverage * statedFigures(profile, text).share * statedNames(profile.text, text).share;
}

/** Coverage of the claim by each source, over the passages given for it (joined), by source id. */
export function coverageBySource(profile: ClaimProfile, passages: ReadonlyArray<{ sourceId: string; text: string }>, k = 3): Map<string, number> {
  const bySource = new Map<string, string[]>();
  for (const p of passages) bySource.set(p.sourceId, [...(bySource.get(p.sourceId) ?? []), p.text]);
  const out = new Map<string, number>();
  for (const [id, texts] of bySource) out.set(id, textCoverage(profile, texts.join('\n\n'), k));
  return out;
}
