// A compact figure reader (numbers with bounds, approximation, scale words, percent and the
// counted noun; years skipped). Stance now uses text/extractFigures; this stays for callers
// that import it (audit).
import type { Bound, Figure } from '../model.js';
import { STOPWORDS } from '../text/tokens.js';

const SCALES: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };
const WORD_NUMBERS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, fifteen: 15, twenty: 20, thirty: 30, forty: 40, fifty: 50, hundred: 100,
  dozen: 12, half: 0.5,
};

const BOUNDS: Array<[RegExp, Bound, boolean]> = [
  [/(?:more than|over|above|greater than|exceeding|in excess of)\s+$/i, '>', false],
  [/(?:at least|no fewer than|no less than|a minimum of)\s+$/i, '>=', false],
  [/(?:less than|fewer than|under|below)\s+$/i, '<', false],
  [/(?:at most|up to|no more than|a maximum of)\s+$/i, '<=', false],
  [/(?:about|approximately|around|roughly|nearly|almost|some|circa|ca\.|~|an estimated|estimated)\s*$/i, '=', true],
];

const NUMBER = /(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?:\s*(%|percent\b|per cent\b))?(?:\s+(thousand|million|billion|trillion)\b)?(?:\s*(%|percent\b|per cent\b))?/gi;
const WORDNUM = /\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|dozen|half)\s+(thousand|million|billion)?\s*([a-z]+)/gi;

function unitAfter(text: string, from: number): string | null {
  const m = /^\s*(?:of\s+)?([A-Za-z][A-Za-z-]{2,})/.exec(text.slice(from, from + 40));
  const w = m?.[1]?.toLowerCase();
  if (!w || STOPWORDS.has(w)) return null;
  return w;
}

function boundBefore(text: string, at: number): { bound: Bound; approximate: boolean } {
  const before = text.slice(Math.max(0, at - 24), at);
  for (const [re, bound, approximate] of BOUNDS) if (re.test(before)) return { bound, approximate };
  return { bound: '=', approximate: false };
}

/** Read the figures of a sentence or passage; offsets are into `text`. Years are skipped. */
export function readFigures(text: string): Figure[] {
  const out: Figure[] = [];
  for (const m of text.matchAll(NUMBER)) {
    const start = m.index ?? 0;
    const intPart = (m[1] ?? '0').replace(/,/g, '');
    const isPercent = Boolean(m[3] ?? m[5]);
    const scale = m[4] ? SCALES[m[4].toLowerCase()] ?? 1 : 1;
    const value = Number(`${intPart}${m[2] ? `.${m[2]}` : ''}`) * scale;
    const end = start + m[0].length;
    // A bare 4-digit number between 1800 and 2100 is a year: dates are compared elsewhere.
    if (!isPercent && scale === 1 && !m[2] && /^\d{4}$/.test(m[1] ?? '') && value >= 1800 && value <= 2100) continue;
    const { bound, approximate } = boundBefore(text, start);
    const unit = isPercent ? 'percent' : unitAfter(text, end);
    const whole = /^\s*(?:of|out of)\s+(\d[\d,]*)/.exec(text.slice(end, end + 20));
    const range = /^\s*(?:to|-|–|and)\s*(\d[\d,]*(?:\.\d+)?)/.exec(text.slice(end, end + 16));
    out.push({
      text: m[0],
      start,
      end,
      value,
      approximate,
      bound,
      unit,
      whole: whole?.[1] ? Number(whole[1].replace(/,/g, '')) : null,
      predicate: null,
      high: range?.[1] ? Number(range[1].replace(/,/g, '')) * scale : null,
    });
  }
  for (const m of text.matchAll(WORDNUM)) {
    const start = m.index ?? 0;
    const base = WORD_NUMBERS[(m[1] ?? '').toLowerCase()] ?? 0;
    const scale = m[2] ? SCALES[m[2].toLowerCase()] ?? 1 : 1;
    const unit = (m[3] ?? '').toLowerCase();
    const { bound, approximate } = boundBefore(text, start);
    out.push({
      text: m[0],
      start,
      end: start + m[0].length,
      value: base * scale,
      approximate,
      bound,
      unit: unit === '' || STOPWORDS.has(unit) ? null : unit,
      whole: null,
      predicate: null,
      high: null,
    });
  }
  return out.sort((a, b) => a.start - b.start);
}

export { readYears } from './years.js';
