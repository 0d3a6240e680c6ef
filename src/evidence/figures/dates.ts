// Calendar dates written with a month name ("27 July 2018", "May 19, 2016", "Sept. 12",
// "17–19 October", "October 2016"), for checking that a text states the day a claim names.
// Years alone are read by years.ts; numeric dates (2018-07-27, 7/27/2018) are not read.

export interface CalendarDate {
  /** 1–12. */
  month: number;
  /** Day of the month (1–31), or null for a month and year ("October 2016"). */
  day: number | null;
  /** Four-digit year written with it, or null. */
  year: number | null;
}

const MONTHS: ReadonlyArray<readonly string[]> = [
  ['january', 'jan'],
  ['february', 'feb'],
  ['march', 'mar'],
  ['april', 'apr'],
  ['may'],
  ['june', 'jun'],
  ['july', 'jul'],
  ['august', 'aug'],
  ['september', 'sept', 'sep'],
  ['october', 'oct'],
  ['november', 'nov'],
  ['december', 'dec'],
];
const MONTH_OF = new Map<string, number>();
MONTHS.forEach((names, i) => names.forEach((n) => MONTH_OF.set(n, i + 1)));
// A capitalised month name (abbreviations may end in a full stop).
const M = `(${MONTHS.flat().map((n) => n[0]!.toUpperCase() + n.slice(1)).join('|')})\\.?`;
const D = '(\\d{1,2})(?:st|nd|rd|th)?';
const RANGE = `${D}(?:\\s*(?:[-–—]|to|and)\\s*${D})?`;
const Y = '(1[89]\\d\\d|20\\d\\d)';
// "27 July 2018", "17–19 October, 2016"
const DAY_MONTH = new RegExp(`(?<![\\d.,])${RANGE}\\s+(?:of\\s+)?${M}(?![a-z])(?:,?\\s+${Y}(?!\\d))?`, 'g');
// "May 19, 2016", "October 17–19", "Sept. 12"
const MONTH_DAY = new RegExp(`\\b${M}(?![a-z])\\s+${RANGE}(?![\\d:.,]\\d)(?:,?\\s+${Y}(?!\\d))?`, 'g');
// "October 2016", "in May of 2019"
const MONTH_YEAR = new RegExp(`\\b${M}(?![a-z])\\s*,?\\s+(?:of\\s+)?${Y}(?!\\d)`, 'g');

function month(name: string): number | undefined {
  return MONTH_OF.get(name.toLowerCase().replace(/\.$/, ''));
}

function days(a: string, b: string | undefined): number[] {
  const from = Number(a);
  const to = b === undefined ? from : Number(b);
  if (!(from >= 1 && from <= 31 && to >= from && to <= 31)) return [];
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** Dates with a month name in a text: a day range gives each of its days. */
export function readDates(text: string): CalendarDate[] {
  const out: CalendarDate[] = [];
  const taken: Array<[number, number]> = [];
  for (const m of text.matchAll(DAY_MONTH)) {
    const mo = month(m[3]!);
    if (mo === undefined) continue;
    const year = m[4] ? Number(m[4]) : null;
    for (const day of days(m[1]!, m[2])) out.push({ month: mo, day, year });
    taken.push([m.index, m.index + m[0].length]);
  }
  for (const m of text.matchAll(MONTH_DAY)) {
    const mo = month(m[1]!);
    if (mo === undefined || taken.some(([a, b]) => m.index < b && m.index + m[0].length > a)) continue;
    const year = m[4] ? Number(m[4]) : null;
    for (const day of days(m[2]!, m[3])) out.push({ month: mo, day, year });
    taken.push([m.index, m.index + m[0].length]);
  }
  for (const m of text.matchAll(MONTH_YEAR)) {
    const mo = month(m[1]!);
    if (mo === undefined || taken.some(([a, b]) => m.index < b && m.index + m[0].length > a)) continue;
    out.push({ month: mo, day: null, year: Number(m[2]) });
  }
  return out;
}

/**
 * Does one of `stated` say the claimed date? The same month and day (a year, when both give one,
 * must agree); for a month and year, a date of that month in that year.
 */
export function statesDate(claimed: CalendarDate, stated: readonly CalendarDate[]): boolean {
  return stated.some((s) => {
    if (s.month !== claimed.month) return false;
    if (claimed.day === null) return s.year === claimed.year;
    return s.day === claimed.day && (s.year === null || claimed.year === null || s.year === claimed.year);
  });
}
