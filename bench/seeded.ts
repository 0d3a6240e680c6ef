// Deterministic workloads for the benchmarks and the training script: one seeded random
// generator and one Zipf word sampler, so the same seed always yields the same corpus and queries.

/**
 * mulberry32: a small, fast 32-bit PRNG. Returns a function giving floats in [0, 1); the same
 * seed gives the same sequence on every machine and Node version.
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Words with the cumulative probability of drawing each (rank order, last entry 1). */
export interface ZipfVocabulary {
  words: string[];
  cumulative: Float64Array;
}

/**
 * Gives `words` (most frequent first) Zipf frequencies, 1 / rank^exponent as in natural text
 * (exponent 1.07 by default), normalised into a cumulative distribution for `pickZipf`.
 */
export function zipfVocabulary(words: string[], exponent = 1.07): ZipfVocabulary {
  const cumulative = new Float64Array(words.length);
  let sum = 0;
  for (let i = 0; i < words.length; i++) {
    sum += 1 / (i + 1) ** exponent;
    cumulative[i] = sum;
  }
  for (let i = 0; i < words.length; i++) cumulative[i] = (cumulative[i] ?? 0) / sum;
  return { words, cumulative };
}

/** The word a uniform draw `r` in [0, 1) lands on (binary search over the cumulative weights). */
export function pickZipf(v: ZipfVocabulary, r: number): string {
  let lo = 0;
  let hi = v.cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((v.cumulative[mid] ?? 1) < r) lo = mid + 1;
    else hi = mid;
  }
  return v.words[lo] ?? '';
}
