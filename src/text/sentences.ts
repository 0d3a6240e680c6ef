// Sentence splitting with exact offsets.
//
// Contract:
// - Every span satisfies `text.slice(s.start, s.end) === s.text`; spans are in order, never
//   overlap, and are trimmed of surrounding whitespace.
// - A Markdown heading ("## Scope") or list item ("- item", "1. item", "(a) item") is its own
//   sentence (or sentences); its marker ("##", "-", "1.", "(a)") is not part of the span.
//   A blank line or a rule ("---") always ends a sentence; a single line break does not
//   (hard-wrapped prose stays whole).
// - A period does not end a sentence after an abbreviation (Dr., e.g., U.S. law), before a
//   number it labels (No. 5, Art. 9(4), § 2252A), inside decimals (3.5), or when the next
//   word starts lower-case (ellipses "... and", quotes "“Why?” he asked").
// - Pure and linear in the length of the text; never throws.
import type { Span } from '../model.js';

/** Never end a sentence: titles and Latin abbreviations that always take a following word. */
const ALWAYS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sen', 'rep', 'gov', 'gen', 'col', 'lt', 'sgt', 'capt', 'rev', 'hon', 'mt', 'ft', 'st', 'messrs',
  'e.g', 'i.e', 'cf', 'vs', 'v', 'viz', 'approx', 'ca', 'esp', 'incl', 'resp', 'ibid', 'id', 'supp', 'ann', 'cal', 'fla', 'pa',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'pub', 'dept', 'univ', 'assn', 'natl', 'intl',
  // Legal reporters and courts: "(1st Cir. 1999)", "S. Ct. 1389", "F. Supp. 2d", "Cal. App.".
  'cir', 'ct', 'app', 'dist', 'div', 'super', 'sess', 'cong', 'fed', 'amend', 'const', 'rptr', 'cr', 'crim', 'civ', 'proc', 'evid', 'ann',
]);

/** Labels of a number that follows: "No. 5", "Art. 9(4)", "Sec. 3", "pp. 12–14", "123 Stat. 456". */
const NUMBER_LABELS = new Set([
  'no', 'nos', 'art', 'arts', 'sec', 'secs', 'ss', 's', 'para', 'paras', 'par', 'p', 'pp', 'ch', 'chap', 'vol', 'vols', 'fig', 'figs',
  'ex', 'op', 'n', 'nr', 'r', 'reg', 'regs', 'cl', 'sch', 'stat', 'tit', 'pt', 'subch', 'subsec', 'eq', 'tab', 'ed', 'c', 'l',
]);

/** End a sentence only when the next word plainly starts one ("Apple Inc. The …"). */
const AMBIGUOUS = new Set(['etc', 'inc', 'ltd', 'co', 'corp', 'jr', 'sr', 'al', 'bros', 'llc', 'plc', 'est', 'am', 'pm']);

/** Words that commonly open a sentence; used to resolve "U.S. The …" versus "U.S. Supreme Court". */
const STARTERS = new Set(
  (
    'the a an this that these those it its in on at as for but and or however he she they we i you there here our his her their ' +
    'some many most all no not one two three when while if after before since although though because by from with under ' +
    'according each every both such yet so thus also moreover meanwhile only what who which where why how do does did is are ' +
    'was were has have had can could will would should may might must then later today now other another any several few ' +
    'between among during until unless despite nevertheless furthermore instead indeed still similarly further finally first'
  ).split(' '),
);

const TERMINATOR = /[.!?…]+["'”’»)\]]*(?=\s|$)/g;
const HEADING = /^[ \t]{0,3}#{1,6}(?:[ \t]+|$)/;
const LIST_ITEM = /^[ \t]*(?:[-*+•‣◦▪–]|\d{1,3}[.)]|\((?:\d{1,3}|[a-zA-Z]{1,4})\))[ \t]+/;
/** "a) …", "B. …": a list item only at the start of a block or after another item ("J. Smith" may wrap onto a line). */
const LETTER_ITEM = /^[ \t]*[a-zA-Z][.)][ \t]+/;
const RULE = /^[ \t]*(?:[-*_=][ \t]*){3,}$/;
const QUOTE_MARK = /^[ \t]*>[ \t]?/;
const DOTTED = /^(?:\p{L}{1,4}\.)+\p{L}{1,4}$/u;

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 160 || c === 0x2028 || c === 0x2029 || c === 0x3000 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0xfeff || c === 0x85 || c === 0x1680;
}

function push(text: string, from: number, to: number, out: Span[]): void {
  let a = from;
  let b = to;
  while (a < b && isSpace(text.charCodeAt(a))) a++;
  while (b > a && isSpace(text.charCodeAt(b - 1))) b--;
  // Never split a surrogate pair at the edges (the slice must stay valid text).
  if (b > a) out.push({ text: text.slice(a, b), start: a, end: b });
}

/** A character JavaScript's `\s` matches (isSpace without U+0085). */
function isRegexSpace(c: number): boolean {
  return c !== 0x85 && isSpace(c);
}

function isAsciiLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

const LETTER = /\p{L}/u;
const NUMBER_OR_CLOSER = /[\p{N})\]]/u;
const LOWER_OR_PAUSE = /[\p{Ll},;:]/u;
const NUMBER_START = /[\p{N}§(]/u;
const ROMAN = /^[IVXLC]+\b/;
const NEXT_WORD = /^[\p{L}’']+/u;
const UPPER = /^\p{Lu}$/u;

// The helpers below test ASCII characters by code and fall back to the Unicode regexes for
// anything else, so they answer exactly as the regexes alone would (the hot path of ingestion).

/** The word right before a period at `dot` ("U.S" in "U.S.", "Dr" in "Dr."), lower-cased. */
function wordBefore(text: string, dot: number, floor: number): string {
  let i = dot;
  while (i > floor) {
    const c = text.charCodeAt(i - 1);
    if (c === 46 || isAsciiLetter(c) || (c >= 128 && LETTER.test(text[i - 1] ?? ''))) i--;
    else break;
  }
  // A word glued to a digit or a bracket ("9(4)", "2252A") is not an abbreviation.
  if (i > floor) {
    const c = text.charCodeAt(i - 1);
    if ((c >= 48 && c <= 57) || c === 41 || c === 93 || (c >= 128 && NUMBER_OR_CLOSER.test(text[i - 1] ?? ''))) return '';
  }
  return text.slice(i, dot).toLowerCase();
}

function nextWord(text: string, from: number, to: number): string {
  const stop = Math.min(to, from + 40);
  let i = from;
  while (i < stop) {
    const c = text.charCodeAt(i);
    if (isAsciiLetter(c) || c === 39) i++;
    else if (c < 128) break;
    else {
      // Not ASCII: let the regex decide (letters outside the BMP, ’).
      const m = NEXT_WORD.exec(text.slice(from, stop));
      return (m?.[0] ?? '').toLowerCase();
    }
  }
  return text.slice(from, i).toLowerCase();
}

/** Whether the character at `at` is lower-case or , ; : (a sentence goes on after it). */
function continues(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c < 128) return (c >= 97 && c <= 122) || c === 44 || c === 59 || c === 58;
  return LOWER_OR_PAUSE.test(text[at] ?? '');
}

/** Whether the word at `next` is a number a label names ("5", "§ 2", "(4)", "IV"). */
function labelsNumber(text: string, next: number): boolean {
  return NUMBER_START.test(text[next] ?? '') || ROMAN.test(text.slice(next, next + 6));
}

/** Whether the terminator at [at, end) ends a sentence whose next visible character is at `next`. */
function endsSentence(text: string, at: number, end: number, next: number, blockStart: number, blockEnd: number): boolean {
  if (next < text.length && continues(text, next)) return false;
  // Not a single period (!, ?, …, or an ellipsis "..."): an end.
  if (text.charCodeAt(at) !== 46 || (at + 1 < end && text.charCodeAt(at + 1) === 46)) return true;
  const word = wordBefore(text, at, blockStart);
  if (word === '') return true;
  const bare = word.endsWith('.') ? word.slice(0, -1) : word;
  if (ALWAYS.has(bare)) return false;
  if (NUMBER_LABELS.has(bare) && labelsNumber(text, next)) return false;
  if (AMBIGUOUS.has(bare)) return STARTERS.has(nextWord(text, next, blockEnd));
  if (bare.includes('.') && DOTTED.test(bare)) return !labelsNumber(text, next) && STARTERS.has(nextWord(text, next, blockEnd));
  // A single capital initial ("J. Smith", "Pub. L. No."): not an end unless a sentence plainly starts.
  if (bare.length === 1 && UPPER.test(text.slice(at - 1, at))) return false;
  return true;
}

function splitBlock(text: string, start: number, end: number, out: Span[]): void {
  let from = start;
  TERMINATOR.lastIndex = start;
  for (;;) {
    const m = TERMINATOR.exec(text);
    if (m === null) break;
    const at = m.index;
    const stop = at + m[0].length;
    if (stop > end) break;
    let next = stop;
    while (next < end && isSpace(text.charCodeAt(next))) next++;
    if (next >= end) break;
    if (endsSentence(text, at, stop, next, from, end)) {
      push(text, from, stop, out);
      from = stop;
    }
    TERMINATOR.lastIndex = stop;
  }
  push(text, from, end, out);
}

/** Split text into sentences with exact offsets (see the contract at the top of this file). */
export function splitSentences(text: string): Span[] {
  const out: Span[] = [];
  let blockStart = -1;
  let lineStart = 0;
  let lastWasItem = false;
  let afterColon = false;
  const close = (end: number): void => {
    if (blockStart >= 0) splitBlock(text, blockStart, end, out);
    blockStart = -1;
  };
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const c0 = text.charCodeAt(lineStart);
    const c1 = text.charCodeAt(lineStart + 1);
    if (lineEnd > lineStart && isAsciiLetter(c0) && c1 !== 46 && c1 !== 41) {
      // Fast path: a line opening with a letter not followed by "." or ")" is not blank, a rule,
      // a heading, an item, a quote or a table row: it continues (or starts) the block.
      lastWasItem = false;
      if (blockStart < 0) blockStart = lineStart;
      afterColon = endsWithColon(text, lineStart, Math.min(lineEnd, lineStart + 200));
      if (lineEnd >= text.length) break;
      lineStart = lineEnd + 1;
      continue;
    }
    const line = text.slice(lineStart, Math.min(lineEnd, lineStart + 200));
    let content = lineStart;
    const blank = line.trim() === '' && (lineEnd - lineStart <= 200 || text.slice(lineStart, lineEnd).trim() === '');
    if (blank || RULE.test(line)) {
      close(lineStart);
    } else {
      const heading = HEADING.exec(line);
      if (heading) {
        close(lineStart);
        let stop = lineEnd;
        const tail = /[ \t]+#+[ \t]*\r?$/.exec(text.slice(lineStart, lineEnd));
        if (tail) stop = lineStart + tail.index;
        splitBlock(text, lineStart + heading[0].length, stop, out);
      } else {
        const item: RegExpExecArray | null = LIST_ITEM.exec(line) ?? (blockStart < 0 || lastWasItem || afterColon ? LETTER_ITEM.exec(line) : null) ?? (blockStart < 0 ? QUOTE_MARK.exec(line) : null);
        lastWasItem = item !== null;
        if (item) {
          close(lineStart);
          content = lineStart + item[0].length;
        } else if (/^[ \t]*\|/.test(line)) {
          // A table row is its own unit.
          close(lineStart);
          splitBlock(text, lineStart, lineEnd, out);
          lineStart = lineEnd + 1;
          continue;
        }
        if (blockStart < 0) blockStart = content;
      }
    }
    afterColon = endsWithColon(line, 0, line.length);
    if (lineEnd >= text.length) break;
    lineStart = lineEnd + 1;
  }
  close(text.length);
  return out;
}

/** Whether text[from, to) ends with ':' and optional whitespace (what /:\s*$/ tests on it, without a regex). */
function endsWithColon(text: string, from: number, to: number): boolean {
  let j = to;
  while (j > from && isRegexSpace(text.charCodeAt(j - 1))) j--;
  return j > from && text.charCodeAt(j - 1) === 58;
}
