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

export function readPeriods(sentence: string): Array<FigurePeriod & { start: number; end: number }> {
  const out = extractDates(sentence).map((d) => ({ ...periodOf(d, sentence), start: d.start, end: d.end }));
  for (const m of sentence.matchAll(AS_OF_MONTH)) {
    const start = m.index ?? 0;
    if (!out.some((p) => p.start <= start && p.end >= start)) out.push({ text: m[0], kind: 'as-of', from: m[1]?.toLowerCase() ?? null, until: m[1]?.toLowerCase() ?? null, start, end: start + m[0].length });
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
