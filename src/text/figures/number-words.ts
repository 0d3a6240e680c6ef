// Numbers written in words ("one hundred forty", "a dozen", "two thirds", "2.3 million").
//
// Contract: `parseNumberWords(text)` returns the value of a phrase that is *entirely* a number
// (case-insensitive, hyphens and "and" allowed where English puts them), else null. It never
// reads ordinals ("ninth") as numbers except as fraction denominators ("two ninths", "a third").

export const UNITS: ReadonlyMap<string, number> = new Map([
  ['zero', 0], ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7], ['eight', 8], ['nine', 9],
  ['ten', 10], ['eleven', 11], ['twelve', 12], ['thirteen', 13], ['fourteen', 14], ['fifteen', 15], ['sixteen', 16], ['seventeen', 17],
  ['eighteen', 18], ['nineteen', 19], ['twenty', 20], ['thirty', 30], ['forty', 40], ['fourty', 40], ['fifty', 50], ['sixty', 60],
  ['seventy', 70], ['eighty', 80], ['ninety', 90],
]);

/** Multipliers that close a group ("thousand") and the small ones inside a group ("hundred"). */
export const SCALES: ReadonlyMap<string, number> = new Map([
  ['thousand', 1e3], ['million', 1e6], ['billion', 1e9], ['trillion', 1e12],
  ['mn', 1e6], ['mln', 1e6], ['bn', 1e9], ['tn', 1e12], ['k', 1e3], ['m', 1e6], ['b', 1e9],
]);

/** Denominators of fractions: "a third", "two thirds", "three quarters", "one half". */
export const DENOMINATORS: ReadonlyMap<string, number> = new Map([
  ['half', 2], ['halves', 2], ['third', 3], ['thirds', 3], ['quarter', 4], ['quarters', 4], ['fourth', 4], ['fourths', 4],
  ['fifth', 5], ['fifths', 5], ['sixth', 6], ['sixths', 6], ['seventh', 7], ['sevenths', 7], ['eighth', 8], ['eighths', 8],
  ['ninth', 9], ['ninths', 9], ['tenth', 10], ['tenths', 10],
]);

/**
 * Whether a lower-cased word can be part of a number phrase. With `plurals`, a number word's
 * plural counts too ("dozens", "hundreds", "thousands", "tens", "twenties"): a vague amount, no
 * part of a number phrase, but a word about how many all the same.
 */
export function isNumberWord(word: string, options: { plurals?: boolean } = {}): boolean {
  if (UNITS.has(word) || word === 'hundred' || word === 'dozen' || SCALES.has(word) || DENOMINATORS.has(word) || isHyphenated(word)) return true;
  if (!options.plurals || word.length < 4 || !word.endsWith('s')) return false;
  const singular = word.endsWith('ies') ? `${word.slice(0, -3)}y` : word.slice(0, -1);
  // Only spelled-out words: "ms", "bns" and "ks" are no plurals of a scale.
  return singular.length > 2 && isNumberWord(singular);
}

function isHyphenated(word: string): boolean {
  const dash = word.indexOf('-');
  if (dash < 0) return false;
  const tens = UNITS.get(word.slice(0, dash));
  const unit = UNITS.get(word.slice(dash + 1));
  return tens !== undefined && tens >= 20 && tens % 10 === 0 && unit !== undefined && unit >= 1 && unit <= 9;
}

const DIGITS = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$|^\.\d+$/;

/** Value of a number written with digits ("1,234.5"), or null. */
export function parseDigits(text: string): number | null {
  if (!DIGITS.test(text)) return null;
  const v = Number(text.replace(/,/g, ''));
  return Number.isFinite(v) ? v : null;
}

/**
 * Value of a sequence of lower-cased words, each already split (no spaces inside), or null
 * when the words are not one number. "a" counts as one only before hundred/dozen/scale/fraction.
 */
export function valueOfWords(words: readonly string[]): number | null {
  if (words.length === 0) return null;
  let total = 0;
  let current = 0;
  let seen = false; // any numeric word consumed in the current group
  let lastKind: 'none' | 'unit' | 'tens' | 'teen' | 'hundred' | 'scale' | 'a' | 'and' | 'dozen' = 'none';
  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? '';
    const next = words[i + 1];
    if (w === 'a' || w === 'an') {
      if (next === undefined || !(next === 'hundred' || next === 'dozen' || SCALES.has(next) || DENOMINATORS.has(next))) return null;
      if (lastKind !== 'none' && lastKind !== 'and') return null;
      if (lastKind === 'and' && (next === 'half' || next === 'quarter' || next === 'third')) {
        // "two and a half" → 2.5
        const d = DENOMINATORS.get(next) ?? 1;
        const rest = words.slice(i + 2);
        const scale = rest.length === 1 ? SCALES.get(rest[0] ?? '') : rest.length === 0 ? 1 : undefined;
        if (scale === undefined) return null;
        return (total + current + 1 / d) * scale;
      }
      current = current === 0 ? 1 : current;
      seen = true;
      lastKind = 'a';
      continue;
    }
    if (w === 'and') {
      if (!(lastKind === 'hundred' || lastKind === 'scale' || lastKind === 'unit' || lastKind === 'tens' || lastKind === 'teen') || next === undefined) return null;
      lastKind = 'and';
      continue;
    }
    const denominator = DENOMINATORS.get(w);
    if (denominator !== undefined) {
      // A fraction ends the phrase: "two thirds", "a quarter", "one half".
      const numerator = current === 0 && !seen ? 1 : current;
      if (w === 'half' && !seen && words.length === 1) return 0.5;
      if (i !== words.length - 1 && !(i === words.length - 2 && SCALES.has(next ?? ''))) return null;
      if (!seen && w !== 'half') return null;
      const plural = w.endsWith('s') && w !== 'halves';
      if (plural && numerator <= 1 && w !== 'halves') return null;
      const frac = numerator / denominator;
      const scale = i === words.length - 2 ? (SCALES.get(next ?? '') ?? 1) : 1;
      return (total + frac) * scale;
    }
    if (isHyphenated(w)) {
      if (lastKind === 'unit' || lastKind === 'tens' || lastKind === 'teen') return null;
      const dash = w.indexOf('-');
      current += (UNITS.get(w.slice(0, dash)) ?? 0) + (UNITS.get(w.slice(dash + 1)) ?? 0);
      seen = true;
      lastKind = 'unit';
      continue;
    }
    const unit = UNITS.get(w);
    if (unit !== undefined) {
      if (unit >= 20) {
        if (lastKind === 'unit' || lastKind === 'tens' || lastKind === 'teen') return null;
        lastKind = 'tens';
      } else if (unit >= 10) {
        if (lastKind === 'unit' || lastKind === 'tens' || lastKind === 'teen') return null;
        lastKind = 'teen';
      } else {
        if (lastKind === 'unit' || lastKind === 'teen') return null;
        lastKind = 'unit';
      }
      current += unit;
      seen = true;
      continue;
    }
    if (w === 'hundred') {
      if (lastKind === 'hundred' || (current >= 100 && current % 100 === 0 && lastKind !== 'scale')) return null;
      current = (seen ? current : 1) * 100;
      if (current === 0) return null;
      seen = true;
      lastKind = 'hundred';
      continue;
    }
    if (w === 'dozen') {
      current = (seen ? current : 1) * 12;
      seen = true;
      lastKind = 'dozen';
      continue;
    }
    const scale = w === 'thousand' || w === 'million' || w === 'billion' || w === 'trillion' ? SCALES.get(w) : undefined;
    if (scale !== undefined) {
      if (!seen) return null;
      total += (current === 0 ? 1 : current) * scale;
      current = 0;
      seen = false;
      lastKind = 'scale';
      continue;
    }
    return null;
  }
  if (lastKind === 'and' || lastKind === 'a') return null;
  return total + current;
}

/**
 * Value of a phrase that is entirely a number: digits ("1,234.5"), digits with a scale
 * ("2.3 million", "3.5bn"), or words ("one hundred forty", "a dozen", "two thirds").
 * Returns null for anything else ("ninth", "some", "one hundred apples").
 */
export function parseNumberWords(text: string): number | null {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (t === '') return null;
  const digits = parseDigits(t);
  if (digits !== null) return digits;
  const scaled = /^((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s?(thousand|million|billion|trillion|mn|bn|tn|k|m|b)$/.exec(t);
  if (scaled) {
    const v = parseDigits(scaled[1] ?? '');
    const s = SCALES.get(scaled[2] ?? '');
    return v === null || s === undefined ? null : v * s;
  }
  const words = t.split(/[\s,]+|(?<=\w)-(?=(?:hundred|thousand|million|billion|trillion)\b)/).filter((w) => w !== '');
  return valueOfWords(words);
}

/** "4-day" and "four-day" are one word: a number of one to twenty joined to a noun, in digits and in words. */
const NUMBER_NAMES: ReadonlyMap<string, number> = new Map([...UNITS].filter(([, v]) => v >= 1 && v <= 20));
export function numberForms(word: string): string[] {
  const m = /^(\d+|[a-z]+)-(\p{L}+)$/u.exec(word);
  if (!m?.[1] || !m[2]) return [word];
  const n = /^\d+$/.test(m[1]) ? Number(m[1]) : NUMBER_NAMES.get(m[1]);
  if (n === undefined) return [word];
  const name = [...NUMBER_NAMES].find(([, v]) => v === n)?.[0];
  return [word, `${n}-${m[2]}`, ...(name ? [`${name}-${m[2]}`] : [])];
}
