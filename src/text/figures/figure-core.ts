// Reading figures, stage 1 (figures.ts has the contract): tokens, masked ranges (dates, phone
// numbers, addresses), the number at a token and whether it is a quantity at all.
import type { DateMention } from '../../model.js';
import { extractDates } from '../dates.js';
import { lexQuantities, type QuantityToken } from './quantity-lexer.js';
import { DENOMINATORS, SCALES, UNITS, isNumberWord, parseDigits, valueOfWords } from './number-words.js';
import { STOPWORDS } from '../tokens.js';
import { isVerbS } from './figures-verbs.js';
import { CODE_AFTER, CODE_BEFORE, FORMULA_BEFORE, GLUED_SCALES, IRREGULAR_PLURALS, LABELS, MEASURES, NOT_NOUN_S, PHONE, SCALE_WORDS, TIME_AFTER, URLISH } from './figure-lexicon.js';

export interface Core {
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

/** Character ranges no figure may touch (dates, phone numbers, URLs). */
export function maskedRanges(text: string, dates?: readonly DateMention[]): Array<[number, number]> {
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

export class Mask {
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

export function isPluralNoun(w: string): boolean {
  if (IRREGULAR_PLURALS.has(w)) return true;
  return w.length > 2 && w.endsWith('s') && !/['’]/.test(w) && !NOT_NOUN_S.test(w) && !isVerbS(w) && !STOPWORDS.has(w);
}

/**
 * The first stage of reading figures: the tokens of a text, the ranges no figure may touch, and
 * the number at a token (digits or words) with what makes it no quantity (labels, citations,
 * enumerators, times, identifiers). figure-nouns.ts and figures.ts build on it.
 */
export class FigureTokens {
  protected readonly toks: QuantityToken[];
  protected readonly mask: Mask;

  constructor(protected readonly text: string, dates?: readonly DateMention[]) {
    this.toks = lexQuantities(text);
    this.mask = new Mask(maskedRanges(text, dates));
  }

  protected canStartWords(w: string): boolean {
    return UNITS.has(w) || w === 'a' || w === 'an' || w === 'half' || (w.includes('-') && isNumberWord(w.split('-')[0] ?? '')) || w === 'dozen';
  }

  /** A number starting at token i: digits (with glued or following scale) or number words. */
  protected readCore(i: number, inRange = false): Core | null {
    const t = this.toks[i];
    if (t === undefined) return null;
    if (t.kind === 'num') return this.readDigits(i, t, inRange);
    return this.readWords(i);
  }

  protected readDigits(i: number, t: QuantityToken, inRange = false): Core | null {
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

  protected readWords(i: number): Core | null {
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
  protected excluded(core: Core): boolean {
    const text = this.text;
    const first = this.toks[core.first];
    if (!first) return true;
    const before = text.slice(Math.max(0, core.start - 40), core.start);
    const prev = prevWordOf(text, core.start);
    // "season 2" is a label; "This season 2,006 dengue cases" is a count (a thousands separator after "this/last/next …").
    // "to build 8,000 homes", "release 300 prisoners": a label word that is a verb, before a count of a plural noun.
    const counts = /^(?:build|release|count|call)$/.test(prev) && /^\d[\d,]+$/.test(first.text) && /^\s+(?:new\s+)?\p{Ll}{3,}s\b/u.test(text.slice(core.end, core.end + 30));
    const labelled = LABELS.has(prev) && !counts && !(/^\d{1,3}(?:,\d{3})+$/.test(first.text) && /(?:^|[^\p{L}])(?:this|last|next|that|each|every|the)\s+\p{L}+\s*$/iu.test(before));
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
  protected skipLabelled(i: number): number {
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
}
