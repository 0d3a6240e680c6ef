// The figures of a sentence, as the audit reads them, each with what it counts.
import type { Figure } from '../model.js';
import { extractFigures } from '../text/index.js';
import { isYear, predicateOf } from './figure-context.js';
import type { PredicateWord } from './figure-context.js';

/** A figure with the sentence it was read from and what it counts. Offsets are into `sentence`. */
export interface FigureSite {
  figure: Figure;
  sentence: string;
  predicate: PredicateWord[];
  years: number[];
}

/** Figures of a sentence (years left out), each with its predicate. */
export function figureSites(sentence: string): FigureSite[] {
  const years = [...sentence.matchAll(/(?<![\d,.])(1[89]\d\d|20\d\d)(?![\d]|,\d)/g)].map((m) => Number(m[1]));
  const sites = extractFigures(sentence)
    .filter((f) => !isYear(f))
    .map((f) => {
      // "140 of 196 countries": the counted noun follows the whole.
      let figure = f;
      // "Of the 196 countries reviewed, 140 criminalise …": the whole and the noun lead the clause.
      const lead = /\bof\s+(?:the\s+|all\s+)?([\d,]+)\s+([A-Za-z][A-Za-z-]{2,})(?:\s+[a-z-]+){0,3},\s*$/i.exec(sentence.slice(Math.max(0, f.start - 80), f.start));
      if (f.whole === null && lead && lead[1] && lead[2] && Number(lead[1].replace(/,/g, '')) >= f.value) {
        figure = { ...f, whole: Number(lead[1].replace(/,/g, '')), unit: lead[2].toLowerCase() };
      } else if (f.unit === null && f.whole !== null) {
        const noun = /^\s*(?:out\s+)?of\s+(?:the\s+|all\s+|those\s+|these\s+|its\s+|their\s+)?[\d,.]+\s+([A-Za-z][A-Za-z-]{2,})/.exec(sentence.slice(f.end, f.end + 60))?.[1];
        if (noun) figure = { ...f, unit: noun.toLowerCase() };
      } else if (f.whole === null) {
        // "140 of the 196 countries", "33 of those 107 countries".
        const after = /^\s*(?:out\s+)?of\s+(?:the|all|those|these|its|their)\s+([\d,]+)\s+([A-Za-z][A-Za-z-]{2,})/.exec(sentence.slice(f.end, f.end + 60));
        if (after && after[1] && after[2] && Number(after[1].replace(/,/g, '')) >= f.value) {
          figure = { ...f, whole: Number(after[1].replace(/,/g, '')), unit: after[2].toLowerCase() };
        }
      }
      return { figure, sentence, predicate: predicateOf(sentence, figure), years };
    });
  // "reviewed 184 countries and found that in 138 of them …": "of them" refers back to the
  // nearest earlier figure of the sentence that counts a plural noun at least as large.
  const anaphoric = new Set<FigureSite>();
  for (const [i, x] of sites.entries()) {
    if (x.figure.whole !== null || x.figure.unit !== null) continue;
    if (!/^\s*(?:out\s+)?of\s+(?:them|these|those)\b/i.test(sentence.slice(x.figure.end, x.figure.end + 24))) continue;
    const ref = sites
      .slice(0, i)
      .reverse()
      .find((o) => o.figure.unit !== null && /s$/.test(o.figure.unit) && o.figure.whole === null && o.figure.value >= x.figure.value);
    if (!ref) continue;
    const figure = { ...x.figure, whole: ref.figure.value, unit: ref.figure.unit };
    const site = { ...x, figure, predicate: predicateOf(sentence, figure) };
    sites[i] = site;
    anaphoric.add(site);
  }
  // The whole of "140 of 196" or "Of the 196 countries, 140" belongs to that figure, not a figure of its own.
  return sites.filter(
    (x) => !sites.some((o) => o !== x && !anaphoric.has(o) && o.figure.whole === x.figure.value && ((x.figure.start >= o.figure.end && x.figure.start - o.figure.end <= 24) || (x.figure.end <= o.figure.start && o.figure.start - x.figure.end <= 80))),
  );
}

/** Do two sentences speak of the same time? Both undated, or sharing a year. */
export function sameTime(a: readonly number[], b: readonly number[]): boolean {
  if (a.length === 0 && b.length === 0) return true;
  return a.some((y) => b.includes(y)) && b.every((y) => a.includes(y));
}
