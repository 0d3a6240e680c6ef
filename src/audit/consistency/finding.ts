// What an internal-consistency check reports: which sentences, the arithmetic, and a fix.
import { NUM, parseNum } from '../numbers.js';

/** A prose sentence of the article, numbered in reading order. */
export interface ProseSentence {
  /** Index in the article's prose sentences. */
  i: number;
  /** The sentence with citation markers blanked. */
  text: string;
}

/** Stable names of the internal checks (the `check` of a flag). */
export const INTERNAL_CHECKS = [
  'percent-vs-points',
  'change-vs-values',
  'fraction-vs-percent',
  'shares-over-100',
  'parts-over-whole',
  'restated-value',
  'date-arithmetic',
  'age-arithmetic',
  'outside-range',
  'derived-count',
] as const;
export type InternalCheck = (typeof INTERNAL_CHECKS)[number];

export interface InternalFinding {
  check: InternalCheck;
  /** The sentence the flag is attached to (the later one). */
  sentence: number;
  /** Other sentences involved, quoted as evidence. */
  others: number[];
  kind: 'arithmetic' | 'internal-inconsistency';
  /** What does not add up, in plain words. */
  message: string;
  /** The computation, written out: "2012 − 1998 = 14". */
  computation: string;
  /** What the sentence could say instead. */
  suggestion: string;
}

/** A number written in figures, with a capture group. */
export const N = `(${NUM})`;

/** Words written for numbers in prose ("twenty years later"). */
const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, a: 1, an: 1,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };

/** A count written in figures or words: "14", "fourteen", "twenty-one", "a". */
export const COUNT = String.raw`(\d+|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|an?)`;

export function countValue(text: string): number {
  const t = text.toLowerCase().trim();
  if (/^\d+$/.test(t)) return Number(t);
  if (t in UNITS) return UNITS[t] ?? Number.NaN;
  const m = /^([a-z]+)(?:[- ]([a-z]+))?$/.exec(t);
  if (!m || !m[1] || !(m[1] in TENS)) return Number.NaN;
  return (TENS[m[1]] ?? 0) + (m[2] ? (UNITS[m[2]] ?? Number.NaN) : 0);
}

/** A hedge before a figure, and what it allows: about/around (either side), more than, less than, nearly (below). */
export type Hedge = 'exact' | 'about' | 'over' | 'under' | 'nearly';

export function hedgeBefore(text: string, at: number): Hedge {
  const lead = text.slice(Math.max(0, at - 24), at).toLowerCase();
  if (/(?:more than|over|above|upwards of|at least|just over|exceeding)\s+$/.test(lead)) return 'over';
  if (/(?:less than|fewer than|under|below|at most|just under)\s+$/.test(lead)) return 'under';
  if (/(?:nearly|almost|close to|approaching)\s+$/.test(lead)) return 'nearly';
  if (/(?:about|around|approximately|roughly|some|an estimated|estimated|circa|~)\s+$/.test(lead)) return 'about';
  return 'exact';
}

/** Whether a stated value `stated` (with its hedge) fits the computed one. `step` is the rounding of the stated figure. */
export function fits(computed: number, stated: number, hedge: Hedge, step = 0.5): boolean {
  switch (hedge) {
    case 'over':
      return computed > stated - 1e-9;
    case 'under':
      return computed < stated + 1e-9;
    case 'nearly':
      return computed <= stated + step && computed >= stated * 0.85 - step;
    case 'about':
      return Math.abs(computed - stated) <= Math.max(0.1 * Math.abs(stated), step * 2);
    default:
      return Math.abs(computed - stated) <= step + 1e-9;
  }
}

export function num(text: string | undefined): number {
  return parseNum(text ?? '');
}
