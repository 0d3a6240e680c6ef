// How much of a claim the best few sentences of a text hold together: a claim is supported only
// when every part of it is said somewhere, and a long article says most claims' words somewhere,
// so the union of a few sentences is a stricter test than the whole text and fairer than one
// sentence (a claim often joins two facts the article states apart).
import type { ClaimProfile } from '../stance/claim-profile.js';
import { contentStems } from '../stance/claim-profile.js';
import { shippedIdf } from '../stance/idf.js';
import type { IdfTable } from '../stance/idf.js';

export interface SentenceCoverage {
  /** Rarity-weighted share of the claim's words the chosen sentences hold together, in [0,1]. */
  coverage: number;
  /** Indices (into the given sentences) of the chosen sentences, in the order chosen. */
  chosen: number[];
}

const MAX_SENTENCES = 400;

/**
 * Choose up to `k` sentences greedily — each time the one adding the most rarity-weighted claim
 * words not yet held (a WordNet synonym counts as the word) — and report the share of the claim
 * they hold together. Only the first 400 sentences are read. A claim without content words, or
 * no sentences, gives coverage 0.
 */
export function coverageByBestSentences(claim: ClaimProfile, sentences: readonly string[], k: number, idf: IdfTable = shippedIdf()): SentenceCoverage {
  return coverageByBestStems(claim, sentenceStems(sentences), k, idf);
}

/** The content-word stems of each of the first 400 sentences: what coverageByBestStems reads (computed once per text when it is read for many claims). */
export function sentenceStems(sentences: readonly string[]): ReadonlySet<string>[] {
  return sentences.slice(0, MAX_SENTENCES).map((s) => new Set(contentStems(s).map((w) => w.stem)));
}

/** coverageByBestSentences over sentences already reduced to their stems (sentenceStems). */
export function coverageByBestStems(claim: ClaimProfile, stems: readonly ReadonlySet<string>[], k: number, idf: IdfTable = shippedIdf()): SentenceCoverage {
  const weights = claim.terms.map((t) => idf(t));
  const total = weights.reduce((a, b) => a + b, 0);
  if (total <= 0 || k <= 0) return { coverage: 0, chosen: [] };
  // For each sentence, which claim terms it holds (directly or through a synonym).
  const forms = claim.terms.map((t) => [t, ...(claim.synonyms.get(t) ?? [])]);
  const holds: boolean[][] = stems.slice(0, MAX_SENTENCES).map((set) => forms.map((f) => f.some((x) => set.has(x))));
  const held = claim.terms.map(() => false);
  const chosen: number[] = [];
  let covered = 0;
  for (let round = 0; round < k; round++) {
    let best = -1;
    let bestGain = 0;
    holds.forEach((h, i) => {
      let gain = 0;
      h.forEach((has, t) => {
        if (has && !held[t]) gain += weights[t] ?? 0;
      });
      if (gain > bestGain + 1e-12) {
        best = i;
        bestGain = gain;
      }
    });
    if (best < 0) break;
    chosen.push(best);
    covered += bestGain;
    holds[best]!.forEach((has, t) => {
      if (has) held[t] = true;
    });
  }
  return { coverage: covered / total, chosen };
}
