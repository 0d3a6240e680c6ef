// Figures: the quantities a sentence states, with what they count.
//
// Contract: `extractFigures(text)` returns the figures in `text`, in order, never overlapping,
// with `text.slice(f.start, f.end) === f.text`. For each figure:
// - `value`: the number, scales applied ("2.3 million" → 2300000). Percentages keep the
//   percent number (45% → 45, unit "percent"); fractions are values in (0,1) ("two thirds").
// - span: from any bound/approximation words and currency sign through the number, its
//   range end, its whole and its unit noun ("more than 140 of 196 countries").
// - `approximate`: about, approximately, roughly, nearly, almost, some, around, an estimated…
// - `bound`: "=" unless "more than/over" (>), "at least/or more" (>=), "fewer than/under" (<),
//   "up to/at most/no more than" (<=).
// - `unit`: "percent", "percentage points", a currency ("dollars", "euros", "pounds"), a
//   measure ("km") or the counted noun ("countries"); null when none is written.
// - `whole`: "140 of 196", "three of the five", "7 in 10", "9 out of 10" → the second number.
// - `predicate`: the words saying what is counted — the clause after the figure
//   ("criminalize simple possession"), else the clause before it ("the rate fell").
// - ranges ("5 to 20 years", "between 150 and 160", "5–10%"): `value` low, `high` high.
// Not figures: years and other dates, ordinals (9th), section/article/paragraph numbers and
// legal citations (§ 2252A, Art. 9(4), 2C:24-4, 18 U.S.C.), list markers and "(1)",
// phone numbers, version strings, identifiers (COVID-19, G20), times (10:30, 5 pm).
import type { Bound, DateMention, Figure } from '../../model.js';
import { extractDates } from '../dates.js';
import { lexQuantities, type QuantityToken } from './quantity-lexer.js';
import { DENOMINATORS, SCALES, UNITS, isNumberWord, parseDigits, valueOfWords } from './number-words.js';
import { STOPWORDS } from '../tokens.js';
import { createTextMemo } from '../text-memo.js';
import { isVerbS } from './figures-verbs.js';

export { parseNumberWords } from './number-words.js';

interface Core {
  value: number;
  /** Token index range [first, last]. */
  first: number;
  last: number;
  start: number;
  end: number;
  words: boolean;
  /** A measure glued to the digits ("5km"). */
  unit: string | null;
  scaled: boolean;
  /** A fraction ("two thirds") or a lone "one"/"half": needs context to count as a figure. */
  weak: boolean;
}

const SCALE_WORDS: ReadonlyMap<string, number> = new Map([
  ['thousand', 1e3], ['million', 1e6], ['billion', 1e9], ['trillion', 1e12], ['mn', 1e6], ['mln', 1e6], ['bn', 1e9], ['tn', 1e12], ['hundred', 100],
]);
const GLUED_SCALES: ReadonlyMap<string, number> = new Map([['k', 1e3], ['m', 1e6], ['mn', 1e6], ['bn', 1e9], ['tn', 1e12], ['trn', 1e12]]);
const MEASURES = new Set([
  'km', 'kg', 'mg', 'g', 'cm', 'mm', 'ml', 'l', 'lb', 'lbs', 'ft', 'mi', 'h', 'hr', 'hrs', 'min', 'mins', 'kwh', 'mwh', 'gwh', 'twh', 'kw', 'mw', 'gw',
  'gb', 'mb', 'tb', 'kb', 'x', 'mph', 'kph', 'kmh', 'sq', 'ha', 't', 'mt', 'gt', 'ppm', 'ppb', 'yrs', 'bps',
]);
const SINGULAR_UNITS = new Set([
  'percent', 'km', 'kg', 'mg', 'cm', 'mm', 'ml', 'kilometre', 'kilometer', 'kilogram', 'metre', 'meter', 'mile', 'ton', 'tonne', 'hectare', 'acre',
  'degree', 'year', 'month', 'week', 'day', 'hour', 'minute', 'ppm', 'mph', 'kwh', 'gw', 'mw', 'twh', 'gb', 'tb',
  'm', 'ft', 'mi', 'g', 'lb', 'lbs', 'oz', 'ha', 'inhg', 'hpa', 'kph', 'gt', 'mt', 'ppb', 'km²', 'm²',
]);
const IRREGULAR_PLURALS = new Set(['people', 'children', 'men', 'women', 'criteria', 'data', 'police', 'cattle', 'staff', 'personnel', 'feet', 'teeth', 'mice', 'geese', 'phenomena', 'media', 'bacteria', 'youth', 'clergy', 'offspring', 'sheep', 'fish', 'deer', 'aircraft', 'livestock']);
const NOT_NOUN_S = /(?:ss|us|is|ous)$/;

const MONTH_NAMES = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);

/** Words before a number that make it a label, not a quantity ("Section 3", "No. 5"). */
const LABELS = new Set([
  'section', 'sections', 'sec', 'secs', 'ss', 'art', 'arts', 'article', 'articles', 'paragraph', 'paragraphs', 'para', 'paras', 'par', 'subparagraph', 'subparagraphs',
  'annexes', 'schedules', 'appendices', 'volumes', 'figures', 'editions',
  'chapter', 'chapters', 'ch', 'chap', 'title', 'titles', 'rule', 'clause', 'clauses', 'subsection', 'subsections', 'part', 'parts', 'schedule',
  'annex', 'appendix', 'no', 'nos', 'number', 'item', 'page', 'pages', 'p', 'pp', 'figure', 'fig', 'figs', 'table', 'tables', 'footnote', 'footnotes',
  'note', 'volume', 'vol', 'vols', 'edition', 'version', 'v', 'ver', 'release', 'build', 'stat', 'u.s.c', 'usc', 'cfr', 'c.f.r', 'step', 'phase',
  'count', 'exhibit', 'line', 'docket', 'resolution', 'directive', 'regulation', 'protocol', 'convention', 'law', 'bill', 'h.r', 'act',
  'room', 'route', 'highway', 'interstate', 'flight', 'platform', 'gate', 'channel', 'model', 'n.j.s.a', 'r.s', 'tel', 'phone', 'fax', 'call', 'ext',
  'python', 'node', 'ios', 'android', 'windows', 'java', 'php', 'firefox', 'chrome', 'macos', 'ubuntu', 'debian', 'es', 'ecmascript', 'html', 'http',
  'question', 'questions', 'exercise', 'exercises', 'c', 'p.l', 'pl', 'ch', 'rn', 'manual', 'crm',
  'level', 'grade', 'class', 'category', 'tier', 'stage', 'type', 'box', 'unit', 'ward', 'district', 'precinct', 'lot', 'season', 'episode', 'verse', 'psalm',
]);
/** Numbers right before these are citations ("18 U.S.C.", "117 Stat. 650", "535 U.S. 234"). */
const CODE_AFTER = /^\s*(?:U\.\s?S\.\s?C\b|U\.\s?S\.(?=\s*\d)|C\.\s?F\.\s?R\b|CFR\b|USC\b|Stat\.|F\.\s?(?:\d?d|Supp)\b|S\.\s?Ct\b|L\.\s?Ed\b|Fed\.\s?Reg\b|N\.J\.S\.A\b|I\.L\.M\b|U\.N\.T\.S\b|ILCS\b|O\.J\.)/;
/** A number after a reporter or code is a page or section ("535 U.S. 234", "117 Stat. 650"). */
const CODE_BEFORE = /(?:\d\s+(?:U\.\s?S\.|F\.\s?\dd\.?|S\.\s?Ct\.|L\.\s?Ed\.(?:\s?2d)?|Stat\.|Fed\.\s?Reg\.)|§+|¶|#|U\.\s?S\.\s?C\.\s?A?\.?\s*§*|C\.\s?F\.\s?R\.\s*§*)\s*$/;
const TIME_AFTER = /^\s*(?:a\.m\.|p\.m\.|am\b|pm\b|o['’]clock\b|GMT\b|UTC\b|[AP]M\b)/;
const CURRENCY_BEFORE = /(US\$|A\$|C\$|NZ\$|HK\$|\$|€|£|¥|₹|₩|₽|USD|EUR|GBP|JPY|INR|CHF|CAD|AUD|CNY|Rs\.?)\s?$/;
const CURRENCY_UNITS: ReadonlyMap<string, string> = new Map([
  ['us$', 'dollars'], ['a$', 'dollars'], ['c$', 'dollars'], ['nz$', 'dollars'], ['hk$', 'dollars'], ['$', 'dollars'], ['usd', 'dollars'], ['aud', 'dollars'], ['cad', 'dollars'],
  ['€', 'euros'], ['eur', 'euros'], ['£', 'pounds'], ['gbp', 'pounds'], ['¥', 'yen'], ['jpy', 'yen'], ['cny', 'yuan'], ['₹', 'rupees'], ['inr', 'rupees'], ['rs', 'rupees'], ['rs.', 'rupees'],
  ['₩', 'won'], ['₽', 'roubles'], ['chf', 'francs'],
]);
const CURRENCY_AFTER = /^\s+(dollars?|euros?|pounds(?:\s+sterling)?|pound\s+sterling|yen|yuan|renminbi|rupees?|francs?|pesos?|rubles?|roubles?|USD|EUR|GBP|JPY|CHF|AUD|CAD)(?![\p{L}\p{N}])/iu;
const PERCENT_AFTER = /^(?:\s?%|\s+(?:per\s?cent|pct)(?![\p{L}])|\s+percentage\s+points?(?![\p{L}])|\s+points?(?![\p{L}])(?=\s+(?:higher|lower|more|less|above|below|increase|decrease|drop|rise)))/iu;

const DEGREES_AFTER = /^\s?°\s?([CFK])?(?![\p{L}])/u;
/** A digit after a chemical symbol is part of a formula ("CO 2", "PM 2.5", "NO 2"). */
const FORMULA_BEFORE = /(?:^|[^\p{L}])(?:CO|NO|SO|PM|CH|NH|N|O|H)\s$/u;
const BOUND_PHRASES: ReadonlyArray<[RegExp, Bound, boolean]> = [
  [/(?:just|slightly)\s+(?:over|above|more\s+than)\s*$/i, '>', true],
  [/(?:just|slightly)\s+(?:under|below|less\s+than|fewer\s+than)\s*$/i, '<', true],
  [/(?:well|far|much)\s+(?:over|above|more\s+than)\s*$/i, '>', false],
  [/(?:well|far|much)\s+(?:under|below|less\s+than|fewer\s+than)\s*$/i, '<', false],
  [/(?:no|not)\s+(?:fewer|less)\s+than\s*$/i, '>=', false],
  [/(?:no|not)\s+more\s+than\s*$/i, '<=', false],
  [/(?:more|greater|higher)\s+than\s*$/i, '>', false],
  [/(?:fewer|less|lower)\s+than\s*$/i, '<', false],
  [/(?:in\s+excess\s+of|upwards\s+of|upward\s+of|exceeding|over|above|>)\s*$/i, '>', false],
  [/(?:at\s+least|a\s+minimum\s+of|minimum\s+of|≥|>=)\s*$/i, '>=', false],
  [/(?:at\s+most|up\s+to|a\s+maximum\s+of|maximum\s+of|as\s+many\s+as|as\s+much\s+as|not\s+exceeding|≤|<=)\s*$/i, '<=', false],
  [/(?:under|below|<)\s*$/i, '<', false],
];
const APPROX_BEFORE = /(?:about|approximately|approx\.?|roughly|nearly|almost|around|some|circa|ca\.|close\s+to|an\s+estimated|estimated|more\s+or\s+less|on\s+the\s+order\s+of|~|≈|±)\s*$/i;
const EXACT_BEFORE = /(?:exactly|precisely|only|just)\s*$/i;
const BOUND_AFTER: ReadonlyArray<[RegExp, Bound | null, boolean]> = [
  [/^\s*(?:or|and)\s+(?:more|over|above|higher|greater|up)(?![\p{L}])/iu, '>=', false],
  [/^\s*(?:or|and)\s+(?:less|fewer|under|below|lower)(?![\p{L}])/iu, '<=', false],
  [/^\+(?![\p{N}])/u, '>=', false],
  [/^\s*(?:or\s+so|odd)(?![\p{L}])/iu, null, true],
];
const CHANGE_VERBS = /(?:rose|rise|rises|risen|rising|fell|fall|falls|fallen|falling|increased?|increases|increasing|decreased?|decreases|decreasing|grew|grow|grows|grown|growing|dropped|drop|drops|declined?|declines|jumped|jump|climbed|climb|went|go|goes|gone|up|down|reduced?|raised?|cut|doubled|halved|soared|plunged|slid|changed?|moved?|shifted|expanded|shrank|shrunk)\s+(?:\S+\s+){0,3}from\s*$/i;
const PREDICATE_STOP = new Set(['while', 'whereas', 'but', 'although', 'though', 'compared', 'versus', 'vs', 'however', 'than']);
const DETERMINERS = new Set(['the', 'all', 'its', 'their', 'these', 'those', 'our', 'his', 'her', 'a', 'an', 'this', 'that']);
const LEADING_SKIP = new Set(['that', 'which', 'who', 'whom']);
const NOT_PREDICATE_START = new Set([
  'of', 'in', 'for', 'per', 'on', 'at', 'by', 'from', 'since', 'to', 'among', 'across', 'with', 'between', 'during', 'over', 'under', 'than', 'and', 'or',
  'the', 'a', 'an', 'as', 'into', 'out', 'through', 'within', 'until', 'before', 'after', 'each', 'apiece', 'respectively', 'ago', 'old', 'earlier', 'later',
]);
const TRAILING_DROP = new Set([
  'in', 'by', 'to', 'of', 'for', 'at', 'than', 'from', 'on', 'with', 'about', 'around', 'approximately', 'roughly', 'nearly', 'almost', 'some', 'over', 'under',
  'below', 'above', 'least', 'most', 'more', 'fewer', 'less', 'up', 'just', 'only', 'exactly', 'an', 'estimated', 'a', 'the', 'and', 'or', 'was', 'were', 'is',
  'are', 'be', 'been', 'of', 'between', 'among', 'as', 'many', 'much', 'maximum', 'minimum', 'excess', 'upwards', 'no', 'not', 'close', 'well', 'far', 'circa',
  'its', 'their', 'his', 'her', 'our', 'all', 'only', 'that', 'which', 'who',
]);
const PHONE = /(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,5}\)[\s.-]?)\d{3,4}[\s.-]\d{3,5}|\+\d{1,3}(?:[\s.-]\d{1,5}){2,5}|(?<![\d.,])\d{3}[-.]\d{3}[-.]\d{4}(?![\d])|(?<![\d.,-])\d{3}-\d{4}(?![\d-])|\d+(?:-\d+){2,}|(?<![\d.,])0\d{2,4}(?:[ -]\d{3,4}){1,3}(?!\d)/g;
const URLISH = /(?:https?:\/\/|www\.)[^\s<>"]+|[\w.+-]+@[\w-]+\.[\w.-]+|\b(?:doi|DOI):\s?\S+|\b10\.\d{4,}\/\S+|\bISBN[\s:-]*[\dX-]{10,17}/g;

/** Character ranges no figure may touch (dates, phone numbers, URLs). */
function maskedRanges(text: string, dates?: readonly DateMention[]): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const d of dates ?? extractDates(text)) ranges.push([d.start, d.end]);
  const urlish = text.includes('@') || text.includes('//') || text.includes('www.') || /doi|DOI|ISBN|10\.\d{4}/.test(text);
  for (const re of urlish ? [PHONE, URLISH] : [PHONE]) {
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) ranges.push([m.index ?? 0, (m.index ?? 0) + m[0].length]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  return ranges;
}

class Mask {
  private i = 0;
  constructor(private readonly ranges: Array<[number, number]>) {}
  /** Whether [start, end) touches a masked range; calls must come with non-decreasing `start`. */
  hits(start: number, end: number): boolean {
    while (this.i < this.ranges.length && (this.ranges[this.i]?.[1] ?? 0) <= start) this.i++;
    for (let j = this.i; j < this.ranges.length; j++) {
      const r = this.ranges[j];
      if (r === undefined || r[0] >= end) break;
      if (r[1] > start) return true;
    }
    return false;
  }
}

function prevWordOf(text: string, at: number): string {
  const m = /([\p{L}][\p{L}.]*)[.]?\s*$/u.exec(text.slice(Math.max(0, at - 24), at));
  return (m?.[1] ?? '').toLowerCase().replace(/\.$/, '');
}

function isPluralNoun(w: string): boolean {
  if (IRREGULAR_PLURALS.has(w)) return true;
  return w.length > 2 && w.endsWith('s') && !/['’]/.test(w) && !NOT_NOUN_S.test(w) && !isVerbS(w) && !STOPWORDS.has(w);
}

class FigureReader {
  private readonly toks: QuantityToken[];
  private readonly mask: Mask;

  constructor(private readonly text: string, dates?: readonly DateMention[]) {
    this.toks = lexQuantities(text);
    this.mask = new Mask(maskedRanges(text, dates));
  }

  run(): Figure[] {
    const out: Figure[] = [];
    let i = 0;
    let floor = 0; // no figure may start before this character (the previous figure's end)
    while (i < this.toks.length) {
      const t = this.toks[i];
      if (t === undefined) break;
      if (t.kind === 'punct' || (t.kind === 'word' && !this.canStartWords(t.lower))) {
        i++;
        continue;
      }
      const core = this.readCore(i);
      if (core === null) {
        i++;
        continue;
      }
      // A masked date or phone number is masked whole, so what follows it is read on its own
      // ("in 2019 to 92.7%"); a label's continuation ("sections 3 and 4") is skipped with it.
      if (this.mask.hits(core.start, core.end)) {
        i = core.last + 1;
        continue;
      }
      if (this.excluded(core)) {
        i = this.skipLabelled(core.last + 1);
        continue;
      }
      const fig = this.build(core, floor);
      if (fig === null) {
        i = core.last + 1;
        continue;
      }
      out.push(fig.figure);
      floor = fig.figure.end;
      i = fig.nextToken;
    }
    return out;
  }

  private canStartWords(w: string): boolean {
    return UNITS.has(w) || w === 'a' || w === 'an' || w === 'half' || (w.includes('-') && isNumberWord(w.split('-')[0] ?? '')) || w === 'dozen';
  }

  /** A number starting at token i: digits (with glued or following scale) or number words. */
  private readCore(i: number, inRange = false): Core | null {
    const t = this.toks[i];
    if (t === undefined) return null;
    if (t.kind === 'num') return this.readDigits(i, t, inRange);
    return this.readWords(i);
  }

  private readDigits(i: number, t: QuantityToken, inRange = false): Core | null {
    const raw = t.text;
    const prev = this.toks[i - 1];
    const prev2 = this.toks[i - 2];
    // Identifiers and parts of dotted or coloned codes: G20, COVID-19, 2C:24-4, v1.2.
    if (t.glued && prev && (prev.kind === 'word' || prev.kind === 'num')) return null;
    if (t.glued && prev && /^[:/._]$/.test(prev.text)) return null;
    // After "x-" glued: an identifier (COVID-19) or the tail of a range whose head was not a figure.
    if (!inRange && t.glued && prev && /^[-–‐‑‒—]$/.test(prev.text) && prev.glued && prev2 && (prev2.kind === 'word' || prev2.kind === 'num')) return null;
    if (raw.includes(':') || raw.includes('/')) return null;
    if ((raw.match(/\./g) ?? []).length > 1) return null;
    let value = parseDigits(raw);
    if (value === null) return null;
    let last = i;
    let end = t.end;
    let unit: string | null = null;
    let scaled = false;
    const next = this.toks[i + 1];
    if (next && next.glued && next.kind === 'word') {
      const s = GLUED_SCALES.get(next.lower);
      if (s !== undefined) {
        value *= s;
        scaled = true;
        last = i + 1;
        end = next.end;
      } else if (MEASURES.has(next.lower)) {
        unit = next.lower;
        last = i + 1;
        end = next.end;
      } else {
        return null; // 9th, 1990s, 2252A
      }
    } else if (next && next.glued && next.kind === 'punct' && next.text === '.' && this.toks[i + 2]?.glued && this.toks[i + 2]?.kind === 'num') {
      return null; // 1.2.3 split oddly
    }
    if (!scaled) {
      const sw = this.toks[last + 1];
      const s = sw && sw.kind === 'word' && !sw.glued ? SCALE_WORDS.get(sw.lower) : undefined;
      if (s !== undefined && sw) {
        value *= s;
        scaled = true;
        last += 1;
        end = sw.end;
      }
    }
    // A minus sign glued in front ("-3.2%", "−5").
    let start = t.start;
    if (prev && t.glued && (prev.text === '-' || prev.text === '−') && (!prev.glued || (prev2 !== undefined && /^[([]$/.test(prev2.text)))) {
      value = -value;
      start = prev.start;
    }
    return { value, first: i, last, start, end, words: false, unit, scaled, weak: false };
  }

  private readWords(i: number): Core | null {
    // Gather a run of number words (splitting "two-thirds", keeping "forty-two").
    const parts: string[] = [];
    const owners: number[] = [];
    let j = i;
    while (j < this.toks.length) {
      const t = this.toks[j];
      if (t === undefined || t.kind !== 'word' || (j > i && t.glued)) break;
      const w = t.lower;
      const pieces = w.includes('-') && !isNumberWord(w) ? w.split('-') : [w];
      const ok = pieces.every((p) => isNumberWord(p) || ((p === 'and' || p === 'a' || p === 'an') && j > i) || ((p === 'a' || p === 'an') && j === i));
      if (!ok) break;
      for (const p of pieces) {
        parts.push(p);
        owners.push(j);
      }
      j++;
      if (parts.length > 14) break;
    }
    // Longest prefix that reads as one number.
    for (let n = parts.length; n > 0; n--) {
      const words = parts.slice(0, n);
      const lastOwner = owners[n - 1] ?? i;
      // Do not split a token: the prefix must end on a token boundary.
      if (n < parts.length && owners[n] === lastOwner) continue;
      const lastWord = words[n - 1] ?? '';
      if (lastWord === 'and' || lastWord === 'a' || lastWord === 'an') continue;
      if ((lastWord === 'm' || lastWord === 'b' || lastWord === 'k' || lastWord === 'bn' || lastWord === 'mn' || lastWord === 'tn') && n > 0) continue;
      const v = valueOfWords(words);
      if (v === null) continue;
      const first = this.toks[i];
      const lastTok = this.toks[lastOwner];
      if (!first || !lastTok) return null;
      const hasFraction = words.some((w) => DENOMINATORS.has(w));
      const lone = n === 1 && (words[0] === 'one' || words[0] === 'half');
      const scaled = words.some((w) => SCALES.has(w) || w === 'hundred');
      return { value: v, first: i, last: lastOwner, start: first.start, end: lastTok.end, words: true, unit: null, scaled, weak: lone || (hasFraction && !scaled) };
    }
    return null;
  }

  /** Section numbers, citations, list markers, enumerators, versions, times. */
  private excluded(core: Core): boolean {
    const text = this.text;
    const first = this.toks[core.first];
    if (!first) return true;
    const before = text.slice(Math.max(0, core.start - 40), core.start);
    const prev = prevWordOf(text, core.start);
    // "season 2" is a label; "This season 2,006 dengue cases" is a count (a thousands separator after "this/last/next …").
    const labelled = LABELS.has(prev) && !(/^\d{1,3}(?:,\d{3})+$/.test(first.text) && /(?:^|[^\p{L}])(?:this|last|next|that|each|every|the)\s+\p{L}+\s*$/iu.test(before));
    if (labelled && !core.words) return true;
    if (LABELS.has(prev) && core.words && /^(?:section|article|chapter|title|part|paragraph|schedule|annex|appendix|rule|clause|no|number|page|volume|step|phase|stage|level|grade|tier|category|type|class|season|episode)$/.test(prev)) return true;
    if (CODE_BEFORE.test(before)) return true;
    if (!core.words && FORMULA_BEFORE.test(before) && core.value < 10) return true;
    const after = text.slice(core.end, core.end + 24);
    if (CODE_AFTER.test(after)) return true;
    if (!core.words && TIME_AFTER.test(after) && !core.scaled) return true;
    const prevTok = this.toks[core.first - 1];
    const nextTok = this.toks[core.last + 1];
    // Enumerators: "(1)", "(iv)" are never quantities; nor "1." / "1)" opening a line.
    if (!core.words && (prevTok?.text === '(' || prevTok?.text === '[') && first.glued && (nextTok?.text === ')' || nextTok?.text === ']') && nextTok.glued && Number.isInteger(core.value) && core.value < 1000) return true;
    if (!core.words && nextTok && nextTok.glued && (nextTok.text === '.' || nextTok.text === ')') && /(?:^|\n)[ \t>*-]*\(?$/.test(before) && core.value < 1000) {
      const after2 = text.slice(nextTok.end, nextTok.end + 1);
      if (after2 === '' || /\s/.test(after2)) return true;
    }
    // A provision reference: "9(4)", "1(d)", "20(1)(f)".
    if (!core.words && nextTok?.glued && nextTok.text === '(' && this.toks[core.last + 2]?.glued && this.toks[core.last + 3]?.text === ')') return true;
    // A long run of digits without separators is an identifier (file ids, case numbers), not a count.
    if (!core.words && !core.scaled && /^\d{8,}$/.test(first.text)) return true;
    // A number glued to a hyphenated identifier tail ("24-4b", "108-21" after a label) was handled by glue rules.
    if (!core.words && nextTok?.glued && nextTok.text === '-' && this.toks[core.last + 2]?.glued && this.toks[core.last + 2]?.kind === 'num') {
      const hi = parseDigits(this.toks[core.last + 2]?.text ?? '');
      const tail = this.toks[core.last + 3];
      if (hi === null || hi <= core.value || (tail?.glued && tail.kind === 'word' && !MEASURES.has(tail.lower) && !GLUED_SCALES.has(tail.lower))) return true;
    }
    return false;
  }

  /** After an excluded label number, skip its continuation ("sections 3 and 4", "Art. 9(4)"). */
  private skipLabelled(i: number): number {
    let j = i;
    for (;;) {
      const t = this.toks[j];
      if (t === undefined) return j;
      if (t.glued && (t.kind === 'num' || t.kind === 'word' || /^[()\-–.:]$/.test(t.text))) {
        j++;
        continue;
      }
      // "sections 3 and 4", "paragraphs 12 to 15", "pp. 4–9": the second number is a label too.
      const n = this.toks[j + 1];
      // "§§ 2251, 2252A, 2256": a list after a comma, when the number is not followed by a noun.
      if (t.text === ',' && n?.kind === 'num') {
        const after = this.toks[j + 2];
        if (after === undefined || (after.glued && after.kind === 'word') || (after.kind === 'punct' && /^[,;.)\]([—–]$/.test(after.text)) || after.lower === 'and' || after.lower === 'or') {
          j += 2;
          continue;
        }
      }
      if ((t.lower === 'and' || t.lower === 'or' || t.lower === 'to' || t.lower === 'through' || t.text === '-' || t.text === '–') && n?.kind === 'num') {
        j += 2;
        continue;
      }
      return j;
    }
  }

  private build(core: Core, floor: number): { figure: Figure; nextToken: number } | null {
    const text = this.text;
    let start = core.start;
    let end = core.end;
    let value = core.value;
    let high: number | null = null;
    let unit: string | null = core.unit;
    let whole: number | null = null;
    let bound: Bound = '=';
    let approximate = false;
    let nextToken = core.last + 1;

    // "half a million": the fraction before a scaled "a million" scales it.
    if (core.scaled && /^(?:a|an)\s/i.test(text.slice(core.start, core.end))) {
      const half = /(?:^|[^\p{L}])(half\s+)$/iu.exec(text.slice(Math.max(floor, start - 8), start));
      if (half?.[1]) {
        value *= 0.5;
        start -= half[1].length;
      }
    }

    // Before: currency sign, then bound/approximation words.
    let head = text.slice(Math.max(floor, start - 48), start);
    const cur = CURRENCY_BEFORE.exec(head);
    if (cur) {
      unit = CURRENCY_UNITS.get(cur[1]?.toLowerCase() ?? '') ?? 'dollars';
      start -= cur[0].length;
      head = head.slice(0, head.length - cur[0].length);
    }
    let guard = 0;
    let exact = false;
    while (guard++ < 3) {
      let matched = false;
      for (const [re, b, approx] of BOUND_PHRASES) {
        const m = re.exec(head);
        if (m && this.wordStart(head, m.index)) {
          if (bound === '=') bound = b;
          if (approx) approximate = true;
          start -= m[0].length;
          head = head.slice(0, m.index);
          matched = true;
          break;
        }
      }
      if (!matched) {
        const m = APPROX_BEFORE.exec(head);
        if (m && this.wordStart(head, m.index)) {
          approximate = true;
          start -= m[0].length;
          head = head.slice(0, m.index);
          matched = true;
        } else {
          const e = EXACT_BEFORE.exec(head);
          if (e && this.wordStart(head, e.index) && /^(?:exactly|precisely)/i.test(e[0])) {
            exact = true;
            start -= e[0].length;
            head = head.slice(0, e.index);
            matched = true;
          }
        }
      }
      if (!matched) break;
    }
    // Currency after a bound ("more than $5 million") was taken first; a sign before the bound is rare.
    const modified = bound !== '=' || approximate || exact;

    // After: percent, currency words.
    let tail = text.slice(end, end + 40);
    const pct = PERCENT_AFTER.exec(tail);
    if (pct && unit === null) {
      unit = /point/i.test(pct[0]) ? 'percentage points' : 'percent';
      end += pct[0].length;
      tail = text.slice(end, end + 40);
    }
    const curWord = unit === null ? CURRENCY_AFTER.exec(tail) : null;
    if (curWord) {
      unit = this.currencyName(curWord[1] ?? '');
      end += curWord[0].length;
      tail = text.slice(end, end + 40);
    }
    const degrees = unit === null ? DEGREES_AFTER.exec(tail) : null;
    if (degrees) {
      unit = degrees[1] ? `°${degrees[1].toUpperCase()}` : 'degrees';
      end += degrees[0].length;
      tail = text.slice(end, end + 40);
    }
    nextToken = this.tokenAfter(end, nextToken);

    // Ranges: "5 to 20", "5-20", "between 150 and 160", "two or three".
    const between = /between\s*$/i.test(text.slice(Math.max(0, start - 9), start));
    // Every dash a range is written with: hyphen, en, em, figure dash, horizontal bar, minus, full-width and small hyphen-minus.
    const rangeRe = between ? /^\s*(?:and|[-–—‒―−－﹣])\s*/i : /^(?:\s*[-–—‒―−－﹣]\s*|\s+(?:to|or)\s+)/i;
    const rm = rangeRe.exec(tail);
    if (rm) {
      const j = this.tokenAfter(end + rm[0].length, nextToken);
      const t = this.toks[j];
      const fromChange = /\bfrom\s*$/i.test(text.slice(Math.max(0, start - 6), start)) && CHANGE_VERBS.test(text.slice(Math.max(0, start - 60), start));
      const adjacent = t !== undefined && t.start === end + rm[0].length && !fromChange;
      const core2 = adjacent ? this.readCore(j, true) : null;
      const currency2 = adjacent && t !== undefined && /^(?:\$|€|£)$/.test(t.text);
      const c2 = core2 ?? (currency2 ? this.readCore(j + 1, true) : null);
      if (c2 && !this.mask.hits(c2.start, c2.end) && !this.excluded(c2) && !c2.weak && c2.words === core.words) {
        let lo = value;
        const hi = c2.value;
        if (c2.scaled && !core.scaled && hi / lo >= 100) {
          const scale = this.scaleOf(c2);
          lo *= scale;
        }
        const isOr = /\bor\b/i.test(rm[0]);
        if (hi > lo && (!isOr || hi - lo <= Math.max(5, lo))) {
          value = lo;
          high = hi;
          end = c2.end;
          nextToken = c2.last + 1;
          let t2 = text.slice(end, end + 40);
          const pct2 = PERCENT_AFTER.exec(t2);
          if (pct2) {
            if (unit === null) unit = /point/i.test(pct2[0]) ? 'percentage points' : 'percent';
            end += pct2[0].length;
            t2 = text.slice(end, end + 40);
          }
          const cw2 = unit === null ? CURRENCY_AFTER.exec(t2) : null;
          if (cw2) {
            unit = this.currencyName(cw2[1] ?? '');
            end += cw2[0].length;
          }
          if (c2.unit !== null && unit === null) unit = c2.unit;
          nextToken = this.tokenAfter(end, nextToken);
          tail = text.slice(end, end + 40);
        }
      }
    }
    if (between && high === null) return null; // "between 5 and the end": not a figure we can read
    // "95-406", "104-208": a glued hyphen between bare numbers with nothing counted is a document number.
    if (high !== null && rm && rm[0] === '-' && unit === null && !modified && this.countedNoun(nextToken, value, false) === null) return null;

    // Whole: "140 of 196", "three of the five", "7 in 10", "9 out of 10".
    if (high === null && unit !== 'percent' && unit !== 'percentage points' && !core.unit && value >= 0) {
      // "of Calder's 40": a possessive name before the whole keeps it the whole.
      const wm = /^\s+(?:out\s+of(?:\s+every)?|of(?:\s+(?:the|all|its|their|these|those|every|\p{Lu}[\p{L}-]*['’]s))?|in(?:\s+every)?)\s+/iu.exec(tail);
      if (wm) {
        const j = this.tokenAfter(end + wm[0].length, nextToken);
        const t = this.toks[j];
        if (t && t.start === end + wm[0].length) {
          const c2 = this.readCore(j);
          const isIn = /^\s+in\s+/i.test(wm[0]);
          if (c2 && !c2.weak && !this.mask.hits(c2.start, c2.end) && !this.excluded(c2) && c2.value >= value && c2.value > 0 && (!isIn || c2.value <= 1000)) {
            const after2 = text.slice(c2.end, c2.end + 12);
            if (!PERCENT_AFTER.test(after2)) {
              whole = c2.value;
              end = c2.end;
              nextToken = c2.last + 1;
              tail = text.slice(end, end + 40);
            }
          }
        }
      }
    }

    // "two thirds of the members", "45% of respondents": the noun after "of" is what is counted.
    const of = this.ofNoun(nextToken);
    if (of !== null && unit === null && value < 1 && high === null) unit = of.word;
    // Weak numbers (lone "one", "half", bare fractions) count only with context.
    if (core.weak && whole === null && !modified && unit === null && high === null) {
      if (!(core.value < 1 && /^\s+of\s/i.test(tail))) return null;
    }
    if (core.words && (core.value === 1 || core.value === 0) && !core.scaled && whole === null && !modified && unit === null && high === null) return null;
    // "the second half of", "the first quarter": a part, not a quantity.
    if (core.weak && core.value < 1 && /(?:^|[^\p{L}])(?:the|first|second|third|fourth|last|latter|former|other|this|that|each|every)\s+$/iu.test(text.slice(Math.max(0, core.start - 10), core.start)) && !modified) return null;

    // Bound words after: "or more", "+", "or so".
    for (const [re, b, approx] of BOUND_AFTER) {
      const m = re.exec(tail);
      if (m) {
        if (b !== null && bound === '=') bound = b;
        if (approx) approximate = true;
        end += m[0].length;
        tail = text.slice(end, end + 40);
        nextToken = this.tokenAfter(end, nextToken);
        break;
      }
    }

    // The counted noun: "-year", or the first plural in the next few words.
    if (unit === null || unit === 'dollars' || unit === 'euros' || unit === 'pounds') {
      const noun = this.countedNoun(nextToken, core.words ? value : value, unit !== null);
      if (noun !== null) {
        if (unit === null) unit = noun.word;
        end = Math.max(end, noun.end);
        nextToken = noun.next;
      }
    }
    const orSo = /^\s*or\s+so(?![\p{L}])/iu.exec(text.slice(end, end + 12));
    if (orSo) {
      approximate = true;
      end += orSo[0].length;
      nextToken = this.tokenAfter(end, nextToken);
    }
    // A bare integer after a proper name is a model or product number ("iPhone 15", "Boeing 737").
    if (unit === null && !modified && whole === null && high === null && Number.isInteger(value) && !core.words) {
      const p = this.toks[core.first - 1];
      const pp = this.toks[core.first - 2];
      if (p && p.kind === 'word' && /\p{Lu}/u.test(p.text) && !MONTH_NAMES.has(p.lower) && ((pp && pp.kind === 'word') || !STOPWORDS.has(p.lower))) return null;
    }
    const predicate = this.predicate(start, end, of?.next ?? nextToken, floor);
    const figure: Figure = {
      text: text.slice(start, end),
      start,
      end,
      value,
      approximate,
      bound,
      unit,
      whole,
      predicate,
    };
    if (high !== null) figure.high = high;
    return { figure, nextToken };
  }

  private scaleOf(c: Core): number {
    const t = this.toks[c.last];
    if (!t) return 1;
    return SCALE_WORDS.get(t.lower) ?? GLUED_SCALES.get(t.lower) ?? 1;
  }

  private currencyName(w: string): string {
    const l = w.toLowerCase().replace(/\s+sterling$/, '');
    const mapped = CURRENCY_UNITS.get(l);
    if (mapped) return mapped;
    if (l === 'pound') return 'pounds';
    if (l === 'renminbi') return 'yuan';
    if (/^(?:dollar|euro|rupee|franc|peso|ruble|rouble)$/.test(l)) return `${l}s`;
    return l;
  }

  private wordStart(head: string, index: number): boolean {
    if (index === 0) return true;
    return !/[\p{L}\p{N}]/u.test(head[index - 1] ?? '');
  }

  /** First token index starting at or after `pos`. */
  private tokenAfter(pos: number, _hint: number): number {
    let lo = 0;
    let hi = this.toks.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.toks[mid]?.start ?? Infinity) < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private countedNoun(j: number, value: number, hasUnit: boolean): { word: string; end: number; next: number } | null {
    const t = this.toks[j];
    if (t === undefined) return null;
    // "5-year sentence": a hyphen glued to a word.
    if (t.glued && (t.text === '-' || t.text === '–')) {
      const w = this.toks[j + 1];
      if (w && w.glued && w.kind === 'word') return { word: /^per-?cent$/.test(w.lower) ? 'percent' : w.lower.replace(/-.*$/, ''), end: w.end, next: j + 2 };
      return null;
    }
    if (t.glued && t.kind === 'word' && MEASURES.has(t.lower)) return { word: t.lower, end: t.end, next: j + 1 };
    // Up to three words, stopping at punctuation, numbers and stop words.
    for (let k = 0; k < 3; k++) {
      const w = this.toks[j + k];
      if (w === undefined || w.kind !== 'word') return null;
      if (STOPWORDS.has(w.lower) && w.lower !== 'other') return null;
      if (isNumberWord(w.lower) || w.lower === 'percent') return null;
      // A verb ends the noun phrase: "the Protocol of 2000 requires States …" counts no States.
      if (isVerbS(w.lower)) return null;
      if (isPluralNoun(w.lower) || SINGULAR_UNITS.has(w.lower) || (k === 0 && value === 1 && !hasUnit && !/(?:ed|ly|ing)$/.test(w.lower))) {
        if (hasUnit && !isPluralNoun(w.lower)) return null;
        return { word: w.lower, end: w.end, next: j + k + 1 };
      }
      if (/(?:ed|ize|ise)$/.test(w.lower) && k === 0 && !/(?:based|related|listed)$/.test(w.lower)) return null;
    }
    return null;
  }

  /** The clause after the figure, else the clause before it. */
  /** "of [the|all] … <noun>" right after token j-1: the noun and the token after it. */
  private ofNoun(j: number): { word: string; next: number } | null {
    if (this.toks[j]?.lower !== 'of') return null;
    let k = 1;
    while (k < 3 && DETERMINERS.has(this.toks[j + k]?.lower ?? '')) k++;
    for (let n = 0; n < 3; n++, k++) {
      const w = this.toks[j + k];
      if (w === undefined || w.kind !== 'word' || (STOPWORDS.has(w.lower) && !DETERMINERS.has(w.lower))) return null;
      if (isPluralNoun(w.lower)) return { word: w.lower, next: j + k + 1 };
      // "the carbon dioxide released from": the noun is before the participle.
      if (n > 0 && /ed$/.test(w.lower)) return { word: this.toks[j + k - 1]?.lower ?? w.lower, next: j + k };
      const after = this.toks[j + k + 1];
      if (after === undefined || after.kind !== 'word' || STOPWORDS.has(after.lower)) return { word: w.lower, next: j + k + 1 };
    }
    return null;
  }

  private predicate(start: number, end: number, next: number, floor: number): string | null {
    const words: QuantityToken[] = [];
    for (let j = next; j < this.toks.length && words.length < 12; j++) {
      const t = this.toks[j];
      if (t === undefined) break;
      if (t.kind === 'punct') {
        if ((t.text === '-' || t.text === '’' || t.text === "'") && t.glued) continue;
        break;
      }
      if (t.kind === 'num') break;
      if (PREDICATE_STOP.has(t.lower)) break;
      if (words.length > 0 && (t.lower === 'and' || t.lower === 'or')) {
        const n = this.toks[j + 1];
        if (n && (n.kind === 'num' || (n.kind === 'word' && UNITS.has(n.lower)))) break;
      }
      if (words.length === 0 && LEADING_SKIP.has(t.lower)) continue;
      words.push(t);
    }
    const first = words[0];
    if (first && !NOT_PREDICATE_START.has(first.lower) && words.some((w) => !STOPWORDS.has(w.lower))) {
      const last = words[words.length - 1] ?? first;
      return this.text.slice(first.start, last.end);
    }
    // Backward: from the clause start to the figure.
    const back: QuantityToken[] = [];
    let j = this.tokenAfter(start, 0) - 1;
    while (j >= 0 && back.length < 14) {
      const t = this.toks[j];
      if (t === undefined || t.end <= floor) break;
      if (t.kind === 'punct') {
        if ((t.text === '-' || t.text === '’' || t.text === "'") && t.glued) {
          j--;
          continue;
        }
        if (t.text === '.' && t.glued && this.toks[j - 1]?.kind === 'word' && (this.toks[j - 1]?.text.length ?? 0) <= 3) {
          j--;
          continue;
        }
        break;
      }
      if (t.kind === 'num') break;
      if (PREDICATE_STOP.has(t.lower) || t.lower === 'and' || t.lower === 'or') break;
      back.unshift(t);
      j--;
    }
    while (back.length > 0 && TRAILING_DROP.has(back[back.length - 1]?.lower ?? '')) back.pop();
    while (back.length > 0 && (back[0]?.lower === 'and' || back[0]?.lower === 'or' || back[0]?.lower === 'but')) back.shift();
    if (back.length === 0 || !back.some((w) => !STOPWORDS.has(w.lower))) return null;
    const a = back[0];
    const b = back[back.length - 1];
    return a && b ? this.text.slice(a.start, b.end) : null;
  }
}

/**
 * Texts whose figures are remembered. An audit reads the same passages' and sentences' figures
 * many times over (retrieval's rerank, stance features, the verifier, claim profiles); see
 * docs/bench-audit.md. Texts over FIGURE_MEMO_MAX_TEXT characters are read every time.
 */
export const FIGURE_MEMO_CAPACITY = 2000;
export const FIGURE_MEMO_MAX_TEXT = 20_000;

const figureMemo = createTextMemo((text: string) => new FigureReader(text).run(), {
  capacity: FIGURE_MEMO_CAPACITY,
  maxTextLength: FIGURE_MEMO_MAX_TEXT,
  // Figures are flat objects; callers shift offsets and filter, so each call gets its own.
  copy: (figures) => figures.map((f) => ({ ...f })),
});

/**
 * The figures in `text` (see the contract at the top of this file). Pass `dates` when
 * `extractDates(text)` (without a reference) was already run, to skip running it again.
 * The result is the caller's own (a fresh array of fresh objects), even when remembered.
 */
export function extractFigures(text: string, options: { dates?: readonly DateMention[] } = {}): Figure[] {
  // With `dates` the caller has done part of the work already: read directly, keep nothing.
  if (options.dates) return new FigureReader(text, options.dates).run();
  return figureMemo.get(text);
}
