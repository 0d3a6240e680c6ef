// Derived figures a report states — a complement ("196 − 140 = 56 countries are outside the 140
// that criminalise …") or a share ("140 ÷ 196 = 0.71") — must have the meaning the sentence gives
// them: the part nested in the whole as the cited passages state it (the same whole), the part and
// the whole counting the same thing, over the same period, and the result counting what the whole
// counts. The arithmetic itself is checked by arithmetic.ts; this checks what it is arithmetic of.
// Sums ("16 + 38 = 54") and products are not checked here: a sum of parts of different sets is how
// the composer shows that figures disagree (compose-gaps.ts).
import type { Figure } from '../model.js';
import { readFigureMeanings, type FigureMeaning } from '../text/figures/figure-meaning.js';
import { sameCounted, samePeriod } from '../evidence/index.js';
import type { StatedArithmetic } from './arithmetic.js';

/** A figure of a cited passage with the sentence it is read in. */
export interface OperandFigure {
  figure: Figure;
  sentence: string;
}

/** A difference said as a change ("4 more", "rose by 4") may join two periods; a complement may not. */
const CHANGE_WORDS = /\b(?:more|fewer|less|up|down|rise|rose|risen|fell|fallen|increase[sd]?|decrease[sd]?|grew|grown|dropped|declined?|change[sd]?|difference|gap|than)\b/i;

function meaningAt(pf: OperandFigure): FigureMeaning | null {
  const figures = readFigureMeanings(pf.sentence).figures;
  return figures.find((m) => m.figure.start === pf.figure.start) ?? figures.find((m) => m.figure.value === pf.figure.value) ?? null;
}

const q = (text: string): string => JSON.stringify(text.trim());

/** Why the part and the whole of one pair of passage figures do not nest as the sentence says, or null. */
function pairProblem(whole: OperandFigure, part: OperandFigure, wholeValue: number, partValue: number, change: boolean): string | null {
  const partWhole = part.figure.whole;
  if (partWhole !== null && partWhole !== wholeValue) return `the ${partValue} is out of ${partWhole} in the cited passage, not out of ${wholeValue}`;
  const mw = meaningAt(whole);
  const mp = meaningAt(part);
  if (mw === null || mp === null) return null;
  if (mp.whole !== null && mp.whole !== wholeValue) return `the ${partValue} is out of ${mp.whole} in the cited passage, not out of ${wholeValue}`;
  if (sameCounted(mw, mp) === false) return `the ${partValue} counts ${mp.counted ?? 'something else'} and the ${wholeValue} counts ${mw.counted ?? 'something else'}`;
  if (!change && samePeriod(mw, mp) === false) {
    const when = (m: FigureMeaning): string => (m.period ? q(m.period.text) : 'no stated period');
    return `the ${partValue} holds for ${when(mp)} and the ${wholeValue} for ${when(mw)}`;
  }
  return null;
}

/** The result counts what the whole counts ("= 56 countries" of 196 countries). */
function resultProblem(a: StatedArithmetic, sentence: string, whole: OperandFigure): string | null {
  if (a.operator !== '-') return null;
  const result = readFigureMeanings(sentence).figures.find((m) => m.figure.value === a.stated && m.figure.start >= a.start + a.text.lastIndexOf('='));
  const mw = meaningAt(whole);
  if (!result || !mw || result.counted === null || sameCounted(result, mw) !== false) return null;
  return `the result counts ${result.counted}, but the ${a.left} counts ${mw.counted ?? 'something else'}`;
}

/**
 * Why a stated difference or share does not have the meaning the sentence gives it, or null when
 * it does (or when its operands are not found: a missing operand is reported on its own).
 */
export function derivedFigureProblem(a: StatedArithmetic, sentence: string, pool: readonly OperandFigure[]): string | null {
  if (a.operator !== '-' && a.operator !== '÷') return null;
  const [wholeValue, partValue] = a.operator === '-' ? [a.left, a.right] : [a.right, a.left];
  const change = a.operator === '-' && CHANGE_WORDS.test(sentence.slice(a.end));
  const wholes = pool.filter((pf) => pf.figure.value === wholeValue || pf.figure.whole === wholeValue);
  const parts = pool.filter((pf) => pf.figure.value === partValue);
  if (wholes.length === 0 || parts.length === 0) return null;
  let problem: string | null = null;
  for (const w of wholes) {
    for (const p of parts) {
      const why = pairProblem(w, p, wholeValue, partValue, change) ?? resultProblem(a, sentence, w);
      if (why === null) return null;
      problem ??= why;
    }
  }
  return problem === null ? null : `derived figure ${q(a.text)} does not mean what the sentence says: ${problem}`;
}
