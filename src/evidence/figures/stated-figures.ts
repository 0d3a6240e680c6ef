// Does a text state the claim's figures, years and days? A claim whose number or date appears
// nowhere in its source is at best partly supported by it, whatever else the two share.
import type { ClaimProfile } from '../stance/claim-profile.js';
import { readDates, statesDate } from './dates.js';
import { figureSignals } from './figure-signals.js';
import { readYears } from './years.js';

export interface StatedFigures {
  /** Figures (years excluded), years and days ("27 July", "May 19, 2016") of the claim. */
  needed: number;
  /**
   * How many of them the text states: a figure as a figure of the same value and meaning
   * (figure-signals.ts: bounds, approximation, counted thing, whole, period), a year as the same year, a day as the same day of the same month (dates.ts).
   */
  found: number;
  /** (found + 1) / (needed + 1): 1 for a claim without figures, never 0 (add-one smoothing). */
  share: number;
}

/** Count which of the claim's figures, years and days the text states anywhere. */
export function statedFigures(claim: ClaimProfile, text: string): StatedFigures {
  const days = readDates(claim.text).filter((d) => d.day !== null);
  const needed = claim.figures.length + claim.years.length + days.length;
  if (needed === 0) return { needed, found: 0, share: 1 };
  let found = 0;
  if (days.length > 0) {
    const stated = readDates(text);
    for (const d of days) if (statesDate(d, stated)) found++;
  }
  if (claim.figures.length > 0) {
    for (const signal of figureSignals(claim.text, text, claim.figures, '', 'match')) if (signal.match !== null) found++;
  }
  if (claim.years.length > 0) {
    const years = new Set(readYears(text));
    for (const y of claim.years) if (years.has(y)) found++;
  }
  return { needed, found, share: (found + 1) / (needed + 1) };
}
