// Does a text state the claim's figures and years? A claim whose number or date appears nowhere
// in its source is at best partly supported by it, whatever else the two share.
import { extractFigures } from '../text/index.js';
import type { ClaimProfile } from './claim-profile.js';
import { isYear } from './claim-profile.js';
import { compareFigures } from './figure-compare.js';
import { readYears } from './years.js';

export interface StatedFigures {
  /** Figures (years excluded) and years of the claim. */
  needed: number;
  /** How many of them the text states: a figure as a compatible figure (bounds, approximation), a year as the same year. */
  found: number;
  /** (found + 1) / (needed + 1): 1 for a claim without figures, never 0 (add-one smoothing). */
  share: number;
}

/** Count which of the claim's figures and years the text states anywhere. */
export function statedFigures(claim: ClaimProfile, text: string): StatedFigures {
  const needed = claim.figures.length + claim.years.length;
  if (needed === 0) return { needed, found: 0, share: 1 };
  let found = 0;
  if (claim.figures.length > 0) {
    const figures = extractFigures(text).filter((f) => !isYear(f));
    for (const c of claim.figures) if (figures.some((f) => compareFigures(c, f) === 'match')) found++;
  }
  if (claim.years.length > 0) {
    const years = new Set(readYears(text));
    for (const y of claim.years) if (years.has(y)) found++;
  }
  return { needed, found, share: (found + 1) / (needed + 1) };
}
