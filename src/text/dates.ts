// Dates and time spans in text.
//
// Contract: `extractDates(text, { reference })` returns non-overlapping mentions in order, with
// `text.slice(start, end) === mention.text`.
// - kind "date": `value` is an ISO date "YYYY-MM-DD", or "YYYY-MM" / "YYYY" when only that much
//   is written; null when it cannot be fixed (a relative date with no reference, "May 5" with
//   no year and no reference).
// - kind "span": `value` is the start and `until` the end ("between 2010 and 2012" → 2010,
//   2012; "since 2006" → 2006, null; "until 2012" → null, 2012; "the 1990s" → 1990, 1999).
//   "as of 2018" is a date (the time a statement holds at), with "as of" in its text.
// - Relative mentions ("last year", "three years ago", "over the past 5 years", "today") are
//   resolved against `reference` (UTC) when given.
// - A bare four-digit number is a year only where it reads as one: "in 2019", "(2019)",
//   "2019 was"; not "2019 people", "about 2000", "section 2019", "$2000".
import type { DateMention } from '../model.js';
import { parseNumberWords } from './figures/number-words.js';
import { isVerbS } from './figures/figures-verbs.js';

export interface DateOptions {
  /** The date relative mentions are resolved against ("last year"). */
  reference?: Date;
}

const MONTHS: ReadonlyMap<string, number> = new Map([
  ['january', 1], ['february', 2], ['march', 3], ['april', 4], ['may', 5], ['june', 6], ['july', 7], ['august', 8],
  ['september', 9], ['october', 10], ['november', 11], ['december', 12],
  ['jan', 1], ['feb', 2], ['mar', 3], ['apr', 4], ['jun', 6], ['jul', 7], ['aug', 8], ['sep', 9], ['sept', 9], ['oct', 10], ['nov', 11], ['dec', 12],
]);

const M = '(January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept\\.?|Sep\\.?|Oct\\.?|Nov\\.?|Dec\\.?)';
const Y = '(1\\d{3}|20\\d{2}|21\\d{2})';
const D = '([0-3]?\\d)(?:st|nd|rd|th)?';
const YEARISH = `(?:${M}\\s+)?${Y}`;
const NB = '(?![\\p{L}\\p{N}])';
const PB = '(?<![\\p{L}\\p{N}.,:/$€£#§-])';

/** Words before a four-digit number that make it a year even before a plural noun. */
const YEAR_PREPS = new Set(['since', 'during', 'until', 'till', 'year', 'mid', 'early', 'late', 'circa', 'fy', 'spring', 'summer', 'autumn', 'fall', 'winter', 'in', 'of', 'from', 'by', 'before', 'after', 'around', 'to', 'through', 'and', 'between', 'the', 'as']);
/** Words before a number that make it not a year. */
const NOT_YEAR_BEFORE = new Set([
  'section', 'sections', 'sec', 'art', 'article', 'articles', 'no', 'nos', 'number', 'page', 'pages', 'p', 'pp', 'chapter', 'ch', 'title', 'volume', 'vol',
  'paragraph', 'para', 'rule', 'clause', 'part', 'item', 'table', 'figure', 'fig', 'note', 'footnote', 'nearly',
  'almost', 'some', 'over', 'than', 'least', 'most', 'exactly', 'estimated', 'under', 'below', 'above', 'only', 'just', 'stat', 'u.s.c', 'usc', 'cfr',
  'version', 'v', 'release', 'route', 'room', 'model', 'act', 'law', 'bill', 'code', 'count',
]);
/** "around 1968" is a year, "around 2000 people" a count: decided by what follows. */
const APPROX_YEAR = new Set(['about', 'around', 'approximately', 'roughly', 'circa', 'c', 'ca']);
/** Words after a number that make it a count, not a year. */
const COUNT_AFTER = /^(?:%|percent\b|per cent\b|thousand\b|million\b|billion\b|trillion\b|km\b|kg\b|miles?\b|metres?\b|meters?\b|tons?\b|tonnes?\b|dollars?\b|euros?\b|pounds?\b|U\.S\.C\b|U\.S\.\s|Stat\b|F\.\dd|people\b|persons\b|children\b|men\b|women\b|adults\b|of\s+(?:the\s+)?\d)/i;

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

function iso(y: number, m?: number, d?: number): string {
  if (m === undefined) return pad(y, 4);
  if (d === undefined) return `${pad(y, 4)}-${pad(m)}`;
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

function validDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function monthOf(name: string | undefined): number | undefined {
  return name === undefined ? undefined : MONTHS.get(name.toLowerCase().replace(/\.$/, ''));
}

/** ISO value of "[Month ]YYYY". */
function yearish(month: string | undefined, year: string | undefined): string | null {
  if (year === undefined) return null;
  const m = monthOf(month);
  return iso(Number(year), m);
}

interface Candidate extends DateMention {
  priority: number;
}

type Handler = (m: RegExpExecArray, ref: Date | undefined, text: string) => Omit<DateMention, 'text' | 'start' | 'end'> | null;

function addUTC(ref: Date, unit: 'day' | 'week' | 'month' | 'year', n: number): Date {
  const d = new Date(ref.getTime());
  if (unit === 'day') d.setUTCDate(d.getUTCDate() + n);
  else if (unit === 'week') d.setUTCDate(d.getUTCDate() + 7 * n);
  else if (unit === 'month') d.setUTCMonth(d.getUTCMonth() + n);
  else d.setUTCFullYear(d.getUTCFullYear() + n);
  return d;
}

function isoOf(d: Date, precision: 'day' | 'week' | 'month' | 'year'): string {
  const y = d.getUTCFullYear();
  if (precision === 'year') return iso(y);
  if (precision === 'month') return iso(y, d.getUTCMonth() + 1);
  return iso(y, d.getUTCMonth() + 1, d.getUTCDate());
}

function unitOf(word: string): 'day' | 'week' | 'month' | 'year' | 'decade' | null {
  const w = word.toLowerCase().replace(/s$/, '');
  return w === 'day' || w === 'week' || w === 'month' || w === 'year' || w === 'decade' ? w : null;
}

function countOf(word: string | undefined): number | null {
  if (word === undefined || word === '') return 1;
  return parseNumberWords(word.replace(/^(?:a|an)$/i, 'one'));
}

const NUM_WORD = '(\\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|several)';

const PATTERNS: Array<{ re: RegExp; priority: number; handle: Handler; gate?: RegExp }> = [
  {
    // 2019-05-05
    re: new RegExp(`${PB}${Y}-(\\d{2})-(\\d{2})${NB}`, 'gu'),
    priority: 5,
    handle: (m) => {
      const y = Number(m[1]);
      const mo = Number(m[2]);
      const d = Number(m[3]);
      return validDay(y, mo, d) ? { kind: 'date', value: iso(y, mo, d) } : null;
    },
  },
  {
    // 05/05/2019, 5.5.2019 (month first when it can be, else day first)
    re: new RegExp(`${PB}(\\d{1,2})([/.])(\\d{1,2})\\2(\\d{4}|\\d{2})${NB}(?![.,]\\d)`, 'gu'),
    priority: 5,
    handle: (m) => {
      const a = Number(m[1]);
      const b = Number(m[3]);
      let y = Number(m[4]);
      if ((m[4] ?? '').length === 2) {
        if (m[2] === '.') return null;
        y += y < 50 ? 2000 : 1900;
      }
      if (validDay(y, a, b)) return { kind: 'date', value: iso(y, a, b) };
      if (validDay(y, b, a)) return { kind: 'date', value: iso(y, b, a) };
      return null;
    },
  },
  {
    // 5 May 2019, the 5th of May, 5 May
    re: new RegExp(`(?<![\\p{L}\\p{N}])(?:the\\s+)?${D}(?:\\s+of)?\\s+${M}(?:,?\\s+${Y})?${NB}`, 'gu'),
    priority: 4,
    handle: (m, ref) => {
      const d = Number(m[1]);
      const mo = monthOf(m[2]) ?? 0;
      const y = m[3] !== undefined ? Number(m[3]) : ref?.getUTCFullYear();
      if (y === undefined) return validDay(2000, mo, d) ? { kind: 'date', value: null } : null;
      return validDay(y, mo, d) ? { kind: 'date', value: iso(y, mo, d) } : null;
    },
  },
  {
    // May 5, 2019; May 5th 2019; May 5
    re: new RegExp(`(?<![\\p{L}\\p{N}])${M}\\s+${D}(?:,?\\s+${Y})?(?![\\p{L}\\p{N}]|[.,]\\d|\\s*%|\\s+(?:percent|per cent|million|billion)\\b)`, 'gu'),
    priority: 4,
    handle: (m, ref) => {
      const mo = monthOf(m[1]) ?? 0;
      const d = Number(m[2]);
      const y = m[3] !== undefined ? Number(m[3]) : ref?.getUTCFullYear();
      if (y === undefined) return validDay(2000, mo, d) ? { kind: 'date', value: null } : null;
      return validDay(y, mo, d) ? { kind: 'date', value: iso(y, mo, d) } : null;
    },
  },
  {
    // between 2010 and 2012, from May 2010 to June 2012
    re: new RegExp(`(?<![\\p{L}\\p{N}])(?:[Bb]etween|[Ff]rom)\\s+${YEARISH}\\s*(?:and|to|until|till|through|-|–|—)\\s*${YEARISH}${NB}`, 'gu'),
    priority: 6,
    handle: (m, _ref, text) => {
      if (followsCount(text, (m.index ?? 0) + m[0].length)) return null;
      const a = yearish(m[1], m[2]);
      const b = yearish(m[3], m[4]);
      return a !== null && b !== null && Number(m[4]) >= Number(m[2]) ? { kind: 'span', value: a, until: b } : null;
    },
  },
  {
    // 2010–2012, 2010-12, 2010/11 (a fiscal or school year), 2010 to 2012
    re: new RegExp(`${PB}${Y}\\s*(?:-|–|—|/|\\s+to\\s+|\\s+through\\s+)\\s*(\\d{4}|\\d{2})${NB}(?![.,]\\d|\\s*(?:%|percent|per cent))`, 'gu'),
    priority: 3,
    handle: (m, _ref, text) => {
      // "Between 2010-2015 exports rose": after a preposition of time the range is years, whatever noun follows.
      const timed = /\b(?:between|from|in|during|over|across|since|for)\s+$/i.test(text.slice(Math.max(0, (m.index ?? 0) - 10), m.index ?? 0));
      if (!timed && followsCount(text, (m.index ?? 0) + m[0].length)) return null;
      const a = Number(m[1]);
      let b = Number(m[2]);
      if ((m[2] ?? '').length === 2) b += Math.floor(a / 100) * 100;
      return b > a && b - a < 200 ? { kind: 'span', value: iso(a), until: iso(b) } : null;
    },
  },
  {
    // since 2006, since May 2006
    re: new RegExp(`(?<![\\p{L}\\p{N}])[Ss]ince\\s+${YEARISH}${NB}`, 'gu'),
    priority: 6,
    handle: (m) => ({ kind: 'span', value: yearish(m[1], m[2]), until: null }),
  },
  {
    // as of 2018, as at March 2018: the date a statement holds at
    re: new RegExp(`(?<![\\p{L}\\p{N}])[Aa]s\\s+(?:of|at)\\s+${YEARISH}${NB}`, 'gu'),
    priority: 6,
    handle: (m) => ({ kind: 'date', value: yearish(m[1], m[2]) }),
  },
  {
    // until 2012, through 2012, up to 2012
    re: new RegExp(`(?<![\\p{L}\\p{N}])(?:[Uu]ntil|[Tt]ill|[Tt]hrough|[Uu]p to)\\s+${YEARISH}${NB}`, 'gu'),
    priority: 6,
    handle: (m) => ({ kind: 'span', value: null, until: yearish(m[1], m[2]) }),
  },
  {
    // the 1990s
    re: /(?<![\p{L}\p{N}])(?:the\s+)?(1\d|20)(\d)0s(?![\p{L}\p{N}])/gu,
    priority: 5,
    handle: (m) => {
      const start = Number(`${m[1]}${m[2]}0`);
      return { kind: 'span', value: iso(start), until: iso(start + 9) };
    },
  },
  {
    // May 2019, March, 2019
    re: new RegExp(`(?<![\\p{L}\\p{N}])${M},?\\s+${Y}${NB}`, 'gu'),
    priority: 4,
    handle: (m) => ({ kind: 'date', value: yearish(m[1], m[2]) }),
  },
  {
    // mid-2019, early 2019, fiscal year 2019, FY2019
    re: new RegExp(`(?<![\\p{L}\\p{N}])(?:[Mm]id-?|[Ee]arly\\s+|[Ll]ate\\s+|[Ff]iscal\\s+[Yy]ear\\s+|FY\\s?)${Y}${NB}`, 'gu'),
    priority: 4,
    handle: (m) => ({ kind: 'date', value: iso(Number(m[1])) }),
  },
  {
    // today, yesterday, tomorrow
    gate: /today|yesterday|tomorrow/i,
    re: /(?<![\p{L}\p{N}])(?:[Tt]oday|[Yy]esterday|[Tt]omorrow)(?![\p{L}\p{N}])/gu,
    priority: 2,
    handle: (m, ref) => {
      const w = (m[0] ?? '').toLowerCase();
      if (!ref) return { kind: 'date', value: null };
      const shift = w === 'yesterday' ? -1 : w === 'tomorrow' ? 1 : 0;
      return { kind: 'date', value: isoOf(addUTC(ref, 'day', shift), 'day') };
    },
  },
  {
    // last year, this month, next week
    gate: /year|month|week/i,
    re: /(?<![\p{L}\p{N}])(?:[Ll]ast|[Tt]his|[Nn]ext|[Pp]revious)\s+(year|month|week)(?![\p{L}\p{N}])/gu,
    priority: 2,
    handle: (m, ref) => {
      const unit = unitOf(m[1] ?? '');
      if (!ref || unit === null || unit === 'decade') return { kind: 'date', value: null };
      const w = (m[0] ?? '').toLowerCase();
      const shift = w.startsWith('last') || w.startsWith('previous') ? -1 : w.startsWith('next') ? 1 : 0;
      return { kind: 'date', value: isoOf(addUTC(ref, unit, shift), unit) };
    },
  },
  {
    // three years ago, 5 months ago
    gate: /ago\b/i,
    re: new RegExp(`(?<![\\p{L}\\p{N}])${NUM_WORD}\\s+(days?|weeks?|months?|years?|decades?)\\s+ago(?![\\p{L}\\p{N}])`, 'giu'),
    priority: 3,
    handle: (m, ref) => {
      const n = countOf(m[1]);
      const unit = unitOf(m[2] ?? '');
      if (!ref || n === null || unit === null) return { kind: 'date', value: null };
      const [u, k] = unit === 'decade' ? (['year', 10 * n] as const) : ([unit, n] as const);
      return { kind: 'date', value: isoOf(addUTC(ref, u, -k), u === 'week' ? 'day' : u) };
    },
  },
  {
    // over the past 5 years, in the last decade, during the previous two years
    gate: /past|last|previous/i,
    re: new RegExp(`(?<![\\p{L}\\p{N}])(?:(?:over|in|during|for|within)\\s+)?the\\s+(?:past|last|previous)\\s+(?:${NUM_WORD}\\s+)?(days?|weeks?|months?|years?|decades?)(?![\\p{L}\\p{N}])`, 'giu'),
    priority: 3,
    handle: (m, ref) => {
      const n = countOf(m[1]);
      const unit = unitOf(m[2] ?? '');
      if (!ref || n === null || unit === null) return { kind: 'span', value: null, until: null };
      const [u, k] = unit === 'decade' ? (['year', 10 * n] as const) : ([unit, n] as const);
      return { kind: 'span', value: isoOf(addUTC(ref, u, -k), 'day'), until: isoOf(ref, 'day') };
    },
  },
];

const BARE_YEAR = new RegExp(`${PB}${Y}(?![\\p{L}\\p{N}]|[.,:/]\\d)`, 'gu');

function prevWord(text: string, at: number): string {
  const m = /([\p{L}.]+)[\s-]*$/u.exec(text.slice(Math.max(0, at - 30), at));
  return (m?.[1] ?? '').toLowerCase().replace(/\.$/, '');
}

/** Whether the words after `end` make the number before them a count ("2000 cases", "1500 %"). */
function followsCount(text: string, end: number): boolean {
  const after = text.slice(end, end + 24).replace(/^\s+/, '');
  if (COUNT_AFTER.test(after)) return true;
  const next = /^[\p{L}]+/u.exec(after)?.[0] ?? '';
  return /^\p{Ll}+s$/u.test(next) && !/(?:ss|us|is)$/.test(next) && !isVerbS(next);
}

/**
 * Instruments and events a year after "of" names: "the Optional Protocol of 2000", "the Act of
 * 1996", "the Revolution of 1848". Only words that are rarely followed by "of <count>" (not
 * "survey", "review", "conference": "a survey of 2000 households").
 */
const DATED_NAMES = new Set([
  'protocol', 'protocols', 'convention', 'conventions', 'treaty', 'treaties', 'act', 'acts', 'declaration', 'charter', 'covenant', 'directive',
  'regulation', 'resolution', 'accord', 'accords', 'constitution', 'amendment', 'amendments', 'statute', 'decree', 'ordinance', 'edition',
  'war', 'revolution', 'olympics', 'election', 'elections', 'crisis',
]);

/** Does "of <year>" name an instrument ("the Optional Protocol of 2000")? */
function datedName(text: string, start: number): boolean {
  const name = /(?:^|[^\p{L}])(\p{L}+)\s+of\s+$/u.exec(text.slice(Math.max(0, start - 40), start))?.[1];
  return name !== undefined && DATED_NAMES.has(name.toLowerCase());
}

function isBareYear(text: string, start: number, end: number, value: number): boolean {
  const before = text.slice(Math.max(0, start - 3), start);
  if (/[$€£¥]\s*$/.test(before) || /~\s*$/.test(before)) return false;
  const prev = prevWord(text, start);
  if (NOT_YEAR_BEFORE.has(prev)) return false;
  const after = text.slice(end, end + 24).replace(/^\s+/, '');
  if (/^\+/.test(after)) return false;
  if (APPROX_YEAR.has(prev)) return !followsCount(text, end) && !/^(?:or|to|-|–)\s/.test(after) && value >= 1500;
  // "the 2015 and 2016 reports": a year joined to a year.
  if (/(?:between|from)\s+\d[\d,]*\s*(?:and|to)\s*$/i.test(text.slice(Math.max(0, start - 30), start)) && followsCount(text, end)) return false;
  if ((prev === 'and' || prev === 'or' || prev === 'to') && /(?:^|[^\d,.])(?:1[5-9]\d\d|20\d\d)\s*,?\s*(?:and|or|to)\s*$/.test(text.slice(Math.max(0, start - 16), start))) return true;
  if (prev === 'between' || prev === 'from') {
    const pair = /^\s*(?:and|to|-|–)\s*\d[\d,]*/.exec(text.slice(end, end + 16));
    if (pair && followsCount(text, end + pair[0].length)) return false;
  }
  if (YEAR_PREPS.has(prev) && prev !== 'the' && prev !== 'and' && prev !== 'of' && prev !== 'to' && prev !== 'in') return true;
  // "the Optional Protocol of 2000 requires …": a year names the instrument, whatever follows.
  if (prev === 'of' && datedName(text, start) && !COUNT_AFTER.test(after)) return true;
  // A plural noun right after the number ("2000 cases") makes it a count.
  if (followsCount(text, end)) return false;
  if (value < 1500 && !YEAR_PREPS.has(prev)) return false;
  return true;
}

/** Dates and spans in `text` (see the contract at the top of this file). */
export function extractDates(text: string, options: DateOptions = {}): DateMention[] {
  const ref = options.reference && !Number.isNaN(options.reference.getTime()) ? options.reference : undefined;
  const found: Candidate[] = [];
  const digits = /\d/.test(text);
  for (const { re, priority, handle, gate } of PATTERNS) {
    if (gate ? !gate.test(text) : !digits) continue;
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const r = handle(m, ref, text);
      if (r === null) continue;
      const start = m.index ?? 0;
      const end = start + m[0].length;
      found.push({ ...r, text: m[0], start, end, priority });
    }
  }
  BARE_YEAR.lastIndex = 0;
  for (let m = digits ? BARE_YEAR.exec(text) : null; m !== null; m = BARE_YEAR.exec(text)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const value = Number(m[1]);
    if (isBareYear(text, start, end, value)) found.push({ kind: 'date', value: iso(value), text: m[0], start, end, priority: 1 });
  }
  // Longest first at each position, then higher priority; keep the non-overlapping ones.
  found.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start) || b.priority - a.priority);
  const out: DateMention[] = [];
  let lastEnd = -1;
  for (const c of found) {
    if (c.start < lastEnd) continue;
    const { priority: _p, ...mention } = c;
    void _p;
    out.push(mention.kind === 'span' ? mention : { kind: mention.kind, value: mention.value, text: mention.text, start: mention.start, end: mention.end });
    lastEnd = c.end;
  }
  return out;
}
