// Reading and writing the numbers arithmetic checks work on, with the precision they were written to.

/** A number as written: 140 · 1,200 · 71.4 · 3.5 million. */
export const NUM = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:\s+(?:thousand|million|billion))?`;

const SCALE: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9 };

export function parseNum(text: string): number {
  const m = /^([\d,]+(?:\.\d+)?)(?:\s+(thousand|million|billion))?$/.exec(text.trim());
  if (!m || !m[1]) return Number.NaN;
  return Number(m[1].replace(/,/g, '')) * (m[2] ? (SCALE[m[2]] ?? 1) : 1);
}

/** Does a double hold this written number's digits exactly (at most 15 significant digits)? */
export function exactNum(text: string): boolean {
  const m = /^([\d,]+)(?:\.(\d+))?/.exec(text.trim());
  if (!m) return false;
  const int = (m[1] ?? '').replace(/,/g, '').replace(/^0+/, '');
  const digits = m[2] ? `${int}${m[2]}`.replace(/^0+/, '') : int.replace(/0+$/, '');
  return digits.length <= 15;
}

/** A stated number for a message: formatted when a double holds it exactly, else as written (never rounded). */
export function written(text: string, digits = 2): string {
  return exactNum(text) ? fmt(parseNum(text), digits) : text.trim();
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

/** A number for a message: thousands separators, at most `digits` decimals (as en-US Intl.NumberFormat writes it). */
export function fmt(n: number, digits = 1): string {
  const v = Math.round(n * 10 ** digits) / 10 ** digits;
  // Building the first Intl.NumberFormat of a process costs ~30 ms (ICU start-up): a number whose
  // digits are exact in a double is written here; the rest (huge, non-finite) goes through Intl.
  if (Number.isInteger(digits) && digits >= 0 && digits <= 10 && Math.abs(v) * 10 ** digits < 2 ** 50) {
    if (Object.is(v, -0)) return '-0';
    const [int = '', frac = ''] = Math.abs(v).toFixed(digits).split('.');
    const decimals = frac.replace(/0+$/, '');
    return `${v < 0 ? '-' : ''}${int.replace(/\B(?=(\d{3})+$)/g, ',')}${decimals ? `.${decimals}` : ''}`;
  }
  return intlFormat(digits).format(v);
}

const FORMATS = new Map<number, Intl.NumberFormat>();

function intlFormat(digits: number): Intl.NumberFormat {
  let f = FORMATS.get(digits);
  if (!f) {
    f = new Intl.NumberFormat('en-US', { maximumFractionDigits: digits });
    FORMATS.set(digits, f);
  }
  return f;
}

export const WORD_NUMBER: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  twice: 2, double: 2, thrice: 3, half: 0.5,
};
