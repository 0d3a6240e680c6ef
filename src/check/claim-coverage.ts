// How much of the claim one source's retrieved passages state: the rarity-weighted share of the
// claim's words that its best 3 sentences hold together, times the smoothed share of the
// claim's figures, years and days it states, times the share of the claim's multi-word names it
// states (the score the `wice` benchmark uses on a whole article; see eval/suites/wice.ts). The
// best source counts: a claim is borne out by a page that says all of it, not by words
// scattered over several.
import { coverageByBestSentences, profileClaim, statedFigures, statedNames } from '../evidence/index.js';
import type { Judgement } from '../model.js';
import { splitSentences } from '../text/index.js';

const BEST_SENTENCES = 3;

export function claimCoverage(claim: string, judgements: readonly Judgement[]): number {
  if (judgements.length === 0) return 0;
  const profile = profileClaim(claim);
  const bySource = new Map<string, string[]>();
  for (const j of judgements) bySource.set(j.source.id, [...(bySource.get(j.source.id) ?? []), j.passage.text]);
  let best = 0;
  for (const texts of bySource.values()) {
    const text = texts.join('\n\n');
    const sentences = splitSentences(text).map((s) => s.text);
    const score = coverageByBestSentences(profile, sentences, BEST_SENTENCES).coverage * statedFigures(profile, text).share * statedNames(claim, text).share;
    best = Math.max(best, score);
  }
  return best;
}
