// The periods a sentence states, for figure-meaning.ts: dates and spans ("in 2023", "since 2006",
// "between 2010 and 2015"), "as of" a month, and periods said in words ("last season", "the
// latest school year"), each with its offsets so a figure can take the one nearest it.
import type { DateMention } from '../../model.js';
import { extractDates } from '../dates.js';
import { RELATIVE_PERIOD } from './figure-words.js';

export interface FigurePeriod {
  text: string;
  kind: 'date' | 'since' | 'span' | 'as-of';
  from: string | null;
  until: string | null;
}

function periodOf(d: DateMention, sentence: string): FigurePeriod {
  const before = sentence.slice(Math.max(0, d.start - 8), d.start);
  if (/as\s+of\s*$/i.test(before) || /^as\s+of/i.test(d.text)) return { text: /^as\s+of/i.test(d.text) ? d.text : `as of ${d.text}`, kind: 'as-of', from: d.value, until: d.value };
  if (d.kind === 'span') return { text: d.text, kind: /^since/i.test(d.text) || (d.until === null && d.value !== null) ? 'since' : 'span', from: d.value, until: d.until ?? null };
  return { text: d.text, kind: 'date', from: d.value, until: d.value };
}

/** Months alone ("as of May") are dates the date reader leaves to a reference; read them here. */
const AS_OF_MONTH = /\bas\s+of\s+(January|February|March|April|May|June|July|August|September|October|November|December)\b/gi;

/** Between two dates: "between January 1 and March 28", "from May 3 to June 9", "March 1–28". */
const SPAN_JOIN = /^\s*(?:and|to|through|until|till|[-\u2010-\u2015])\s*$/i;
const SPAN_OPEN = /\b(?:between|from)\s+$/i;

type Placed = FigurePeriod & { start: number; end: number };

/**
 * Two dates joined as a span are one period, from the first to the second. The date reader reads
 * "between January 1 and March 28" as two dates without a year; taken one by one the figure would
 * hold for "January 1", a day.
 */
function joinSpans(periods: Placed[], sentence: string): Placed[] {
  const out: Placed[] = [];
  for (let i = 0; i < periods.length; i++) {
    const a = periods[i] as Placed;
    const b = periods[i + 1];
    const opened = SPAN_OPEN.test(sentence.slice(Math.max(0, a.start - 9), a.start));
    if (b !== undefined && a.kind === 'date' && b.kind === 'date' && SPAN_JOIN.test(sentence.slice(a.end, b.start)) && (opened || /\d/.test(a.text))) {
      const start = opened ? a.start - (/\b(?:between|from)\s+$/i.exec(sentence.slice(Math.max(0, a.start - 9), a.start))?.[0].length ?? 0) : a.start;
      // A day without its year keeps its words, so "March 3 to March 9" and "June 1 to June 9" stay apart.
      out.push({ text: sentence.slice(start, b.end), kind: 'span', from: a.from ?? a.text.toLowerCase(), until: b.until ?? b.text.toLowerCase(), start, end: b.end });
      i++;
      continue;
    }
    out.push(a);
  }
  return out;
}

/** A month named alone ("in January", "during March"): a date whose year is not said. */
const IN_MONTH = /\b(?:in|during|through|throughout)\s+((?:January|February|March|April|May|June|July|August|September|October|November|December)(?!\s+\d))\b/g;
/** A season or term ("in the winter months", "over the summer", "during her first term"). */
const SEASON = /\b(?:in|during|over|across|throughout)\s+((?:the\s+|his\s+|her\s+|their\s+|its\s+)?(?:(?:winter|summer|spring|autumn|fall|rainy|dry)(?:\s+(?:months|season))?|(?:first|second|third|last|final)\s+(?:term|year|season)(?:\s+in\s+office)?))\b/gi;

export function readPeriods(sentence: string): Array<FigurePeriod & { start: number; end: number }> {
  const out = joinSpans(extractDates(sentence).map((d) => ({ ...periodOf(d, sentence), start: d.start, end: d.end })), sentence);
  for (const m of sentence.matchAll(AS_OF_MONTH)) {
    const start = m.index ?? 0;
    if (!out.some((p) => p.start <= start && p.end >= start)) out.push({ text: m[0], kind: 'as-of', from: m[1]?.toLowerCase() ?? null, until: m[1]?.toLowerCase() ?? null, start, end: start + m[0].length });
  }
  for (const re of [IN_MONTH, SEASON]) {
    for (const m of sentence.matchAll(re)) {
      const start = (m.index ?? 0) + m[0].length - (m[1]?.length ?? 0);
      const end = start + (m[1]?.length ?? 0);
      if (!out.some((p) => p.start < end && p.end > start)) out.push({ text: m[1] ?? '', kind: 'date', from: null, until: null, start, end });
    }
  }
  for (const m of sentence.matchAll(RELATIVE_PERIOD)) {
    const start = m.index ?? 0;
    if (!out.some((p) => p.start < start + m[0].length && p.end > start)) {
      const text = m[0].toLowerCase().replace(/\s+/g, ' ').replace(/^(?:over|across) the /, 'the ').replace(/ as a whole$/, '').replace(/^the whole of /, 'the whole ');
      out.push({ text: m[0], kind: 'date', from: text, until: text, start, end: start + m[0].length });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
