// Reading and writing the numbers arithmetic checks work on, with the precision they were written to.

/** A number as written: 140 · 1,200 · 71.4 · 3.5 million. */
export const NUM = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:\s+(?:thousand|million|billion))?`;

const SCALE: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9 };

export function parseNum(text: string): number {
  const m = /^([\d,]+(?:\.\d+)?)(?:\s+(thousand|million|billion))?$/.exec(text.trim());
  if (!m || !m[1]) return Number.NaN;
  return Number(m[1].replace(/,/g, '')) * (m[2] ? (SCALE[m[2]] ?? 1) : 1);
}

/** Half the last written step: "71" → 0.5, "71.4" → 0.05, "3.5 million" → 50,000. */
export function halfStep(text: string): number {
  const m = /^[\d,]+(?:\.(\d+))?(?:\s+(thousand|million|billion))?$/.exec(text.trim());
  const decimals = m?.[1]?.length ?? 0;
  const scale = m?.[2] ? (SCALE[m[2]] ?? 1) : 1;
  return (0.5 * scale) / 10 ** decimals;
}

/** Words before a number that make it approximate. */
export const APPROX_BEFORE = /(?:about|around|approximately|roughly|nearly|almost|some|over|under|more than|less than|fewer than|close to|just over|just under|an estimated|estimated|~)\s*$/i;

/** A number for a message: thousands separators, at most `digits` decimals. */
const FORMATS = new Map<number, Intl.NumberFormat>();

export function fmt(n: number, digits = 1): string {
  let f = FORMATS.get(digits);
  if (!f) {
    f = new Intl.NumberFormat('en-US', { maximumFractionDigits: digits });
    FORMATS.set(digits, f);
  }
  return f.format(Math.round(n * 10 ** digits) / 10 ** digits);
}

export const WORD_NUMBER: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  twice: 2, double: 2, thrice: 3, half: 0.5,
};
