// Compare a claimed figure with one found in a passage, respecting bounds ("more than 1,000"),
// approximations ("about 56"), ranges ("5 to 20") and the precision each was written with.
import type { Bound, Figure } from '../../model.js';
import { stem } from '../../text/tokens.js';

export type FigureRelation = 'match' | 'conflict' | 'unrelated';

/** Relative tolerance granted to an approximate figure ("about", "nearly", "some"). */
const APPROX_TOLERANCE = 0.1;
/** How far inside an open bound ("more than") a value must be. */
const OPEN = 1e-9;

interface Interval {
  lo: number;
  hi: number;
}

const PERCENT_UNITS = new Set(['percent', '%', 'per cent', 'pct', 'percentage', 'percentag']);

/** A comparable form of a unit: stems, percent spellings folded together. */
function normalUnit(unit: string | null): string | null {
  if (unit === null) return null;
  const u = unit.trim().toLowerCase();
  if (u === '') return null;
  if (PERCENT_UNITS.has(u) || u.startsWith('percent') || u === 'per cent') return '%';
  return u
    .split(/\s+/)
    .map((w) => stem(w))
    .join(' ');
}

const CURRENCY = /^(?:dollar|euro|pound|yen|yuan|rupee|franc|peso|cent|usd|eur|gbp|\$|€|£)s?$/i;

/** An amount of money under 1,000 written without a scale word ("$16.50", "€9"): a price, a wage, a fee. */
function isPrice(f: Figure): boolean {
  const money = (f.unit !== null && CURRENCY.test(f.unit.trim())) || /[$€£]\s?\d|\d\s?(?:dollars?|euros?|pounds?)\b/i.test(f.text);
  return money && Math.abs(f.value) < 1000 && !/(thousand|million|billion|trillion|\bk\b|\bm\b|\bbn\b)/i.test(f.text);
}

/** The smallest step the figure was written with: "56" → 1, "5.6" → 0.1, "1,200" → 100 when round. */
function granularity(f: Figure): number {
  const digits = /\d[\d,]*(?:\.(\d+))?/.exec(f.text);
  if (digits?.[1]) {
    // "1.2 billion": the last written decimal is a step of a hundred million, not of 0.1.
    const written = Number(digits[0].replace(/,/g, ''));
    const scale = written > 0 && Number.isFinite(f.value) ? Math.abs(f.value) / written : 1;
    return 10 ** -digits[1].length * (scale >= 1000 ? scale : 1);
  }
  // A price or wage is stated to the cent: "$17" is not a rounding of "$16.50".
  if (isPrice(f)) return 0.01;
  if (f.value === 0 || !Number.isFinite(f.value)) return 1;
  const abs = Math.abs(f.value);
  if (!Number.isInteger(abs)) return 10 ** Math.floor(Math.log10(abs) - 2);
  // "1,200" or "1.2 million": the last significant digit sets the step, at least 1.
  let step = 1;
  while (abs % (step * 10) === 0 && step * 10 <= abs) step *= 10;
  // A written-out scale ("million") keeps the step; a plain integer like 1200 is exact to 1
  // unless the text is round and approximate.
  return /(thousand|million|billion|trillion|\bk\b|\bm\b|\bbn\b)/i.test(f.text) ? step : 1;
}

function interval(f: Figure): Interval {
  const high = f.high ?? null;
  const lo = f.value;
  const hi = high !== null && high >= lo ? high : lo;
  // Half a step either side (a hair less, so 56 and 57 do not touch); more when approximate.
  const slack = f.approximate ? Math.max(Math.abs(hi) * APPROX_TOLERANCE, granularity(f)) : granularity(f) * 0.4999;
  const bound: Bound = f.bound;
  switch (bound) {
    case '>':
      return { lo: lo + OPEN, hi: Infinity };
    case '>=':
      return { lo: lo - slack, hi: Infinity };
    case '<':
      return { lo: -Infinity, hi: hi - OPEN };
    case '<=':
      return { lo: -Infinity, hi: hi + slack };
    default:
      return { lo: lo - slack, hi: hi + slack };
  }
}

/** Do two units talk about the same kind of quantity? Missing units are compatible with anything. */
export function unitsCompatible(a: string | null, b: string | null): boolean {
  const x = normalUnit(a);
  const y = normalUnit(b);
  if (x === null || y === null) return true;
  if (x === y) return true;
  const xs = new Set(x.split(' '));
  return y.split(' ').some((w) => xs.has(w));
}

/**
 * How a figure found in a passage bears on a claimed figure:
 * - 'unrelated' when they measure different things (units differ, or a percentage vs a count);
 * - 'match' when the values are compatible given bounds, approximation and written precision
 *   (56 vs "approximately 56", "more than 1,000" vs 1,200, "5.6%" vs "5.64%");
 * - 'conflict' otherwise, or when both state a whole ("of 196") and the wholes differ.
 */
/** A share written in words ("a quarter", "two thirds", "one in four") as a percent, or null. */
function shareAsPercent(f: Figure): Figure | null {
  if (normalUnit(f.unit) === '%' || !(f.value > 0 && f.value < 1) || !/\b(?:half|halves|thirds?|quarters?|fifths?|tenths?|in)\b/i.test(f.text)) return null;
  return { ...f, value: f.value * 100, high: f.high != null ? f.high * 100 : f.high, unit: '%', whole: null };
}

/** "Up to", "as many as", "a maximum of": an upper bound that names the peak reached, not a ceiling. */
const PEAK_WORDS = /^(?:up\s+to|as\s+many\s+as|as\s+much\s+as|(?:a\s+)?maximum\s+of)\s/i;
/** How far below a named peak another figure may sit and still be read as the same figure. */
const PEAK_SHARE = 0.75;

function isPeak(f: Figure): boolean {
  return f.bound === '<=' && PEAK_WORDS.test(f.text);
}

/** Is the other figure's whole range far below the peak this figure names? */
function farBelowPeak(peak: Figure, other: Interval): boolean {
  return isPeak(peak) && peak.value > 0 && other.hi < peak.value * PEAK_SHARE;
}

export function compareFigures(claimed: Figure, found: Figure): FigureRelation {
  if (!Number.isFinite(claimed.value) || !Number.isFinite(found.value)) return 'unrelated';
  // "A quarter of adults" against "25% of adults": the share compared as a percent (a quarter is exact to a point either way).
  if (normalUnit(found.unit) === '%') {
    const c = shareAsPercent(claimed);
    if (c) return compareFigures({ ...c, approximate: true }, found);
  } else if (normalUnit(claimed.unit) === '%') {
    const f = shareAsPercent(found);
    if (f) return compareFigures(claimed, { ...f, approximate: true });
  }
  if (!unitsCompatible(claimed.unit, found.unit)) return 'unrelated';
  // Two named peaks ("up to 72%" / "as much as 92%") are compared as the values they name.
  if (isPeak(claimed) && isPeak(found)) return compareFigures({ ...claimed, bound: '=' }, { ...found, bound: '=' });
  // An exact point against a bound is tested strictly: "more than 1,000" vs 1,000 conflicts.
  const point = (f: Figure): boolean => f.bound === '=' && !f.approximate && (f.high ?? null) === null;
  const a = point(claimed) && found.bound !== '=' ? { lo: claimed.value, hi: claimed.value } : interval(claimed);
  const b = point(found) && claimed.bound !== '=' ? { lo: found.value, hi: found.value } : interval(found);
  const overlap = a.lo <= b.hi && b.lo <= a.hi;
  if (!overlap) return 'conflict';
  // "Up to 72%" names the peak: "about 1 percent" is inside the bound but is not the figure.
  if (farBelowPeak(claimed, b) || farBelowPeak(found, a)) return 'unrelated';
  if (claimed.whole !== null && found.whole !== null && claimed.whole !== found.whole) return 'conflict';
  return 'match';
}
