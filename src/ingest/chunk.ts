// Sentence-aware chunking: passages of whole sentences (about 1–3), at most maxChars long, whose
// offsets slice exactly onto the text. A sentence longer than maxChars is cut at word boundaries.
import type { PassageSpan } from '../contracts.js';
import type { Span } from '../model.js';
import { splitSentences } from '../text/sentences.js';

export const DEFAULT_MAX_PASSAGE_CHARS = 600;
/** Sentences grouped into one passage at most. */
const MAX_SENTENCES = 3;
/** A passage shorter than this with no closing punctuation (a heading, a label) joins the next paragraph. */
const SHORT_PASSAGE = 120;

export interface ChunkOptions {
  maxChars?: number;
}

/**
 * Cuts text into passages. Guarantees: spans are in order, do not overlap, start and end on
 * non-space characters, are at most maxChars long, and together cover every sentence that
 * splitSentences finds (so only what it leaves out, such as list and heading markers, is left out).
 */
export function chunkPassages(text: string, options: ChunkOptions = {}): PassageSpan[] {
  const maxChars = Math.max(20, Math.floor(options.maxChars ?? DEFAULT_MAX_PASSAGE_CHARS));
  const out: PassageSpan[] = [];
  // The open group of sentences (none when gStart < 0).
  let gStart = -1;
  let gEnd = 0;
  let gCount = 0;
  const add = (start: number, end: number): void => {
    if (gStart >= 0) {
      const fits = end - gStart <= maxChars && gCount < MAX_SENTENCES;
      if (fits && (!paragraphBreak(text, gEnd, start) || isHeading(text, gStart, gEnd))) {
        gEnd = end;
        gCount++;
        return;
      }
      out.push({ start: gStart, end: gEnd });
    }
    gStart = start;
    gEnd = end;
    gCount = 1;
  };
  for (const sentence of splitSentences(text)) {
    if (sentence.end - sentence.start <= maxChars) add(sentence.start, sentence.end);
    else for (const piece of splitLong(text, sentence, maxChars)) add(piece.start, piece.end);
  }
  if (gStart >= 0) out.push({ start: gStart, end: gEnd });
  return out;
}

/** Whether text[from, to) holds a blank line: two line breaks with only whitespace between (/\n\s*\n/). */
function paragraphBreak(text: string, from: number, to: number): boolean {
  let newline = false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      if (newline) return true;
      newline = true;
    } else if (!isRegexSpace(c)) newline = false;
  }
  return false;
}

/** A short passage that does not end in closing punctuation (/[.!?…:;]["'”’)\]]*$/): a heading or label. */
function isHeading(text: string, start: number, end: number): boolean {
  if (end - start >= SHORT_PASSAGE) return false;
  let j = end;
  while (j > start && isCloser(text.charCodeAt(j - 1))) j--;
  return !(j > start && isEnder(text.charCodeAt(j - 1)));
}

/** " ' ” ’ ) ] */
function isCloser(c: number): boolean {
  return c === 34 || c === 39 || c === 0x201d || c === 0x2019 || c === 41 || c === 93;
}

/** . ! ? … : ; */
function isEnder(c: number): boolean {
  return c === 46 || c === 33 || c === 63 || c === 0x2026 || c === 58 || c === 59;
}

/** What JavaScript's `\s` matches. */
function isRegexSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 160 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** A sentence cut at whitespace into pieces of at most maxChars. */
function splitLong(text: string, s: Span, maxChars: number): PassageSpan[] {
  if (s.end - s.start <= maxChars) return [{ start: s.start, end: s.end }];
  const pieces: PassageSpan[] = [];
  let start = s.start;
  while (start < s.end) {
    while (start < s.end && isRegexSpace(text.charCodeAt(start))) start++;
    if (start >= s.end) break;
    let end = Math.min(s.end, start + maxChars);
    if (end < s.end) {
      let cut = end;
      while (cut > start && !isRegexSpace(text.charCodeAt(cut))) cut--;
      if (cut > start) end = cut;
      else if (isLowSurrogate(text.charCodeAt(end))) end--; // one long word: hard cut, never inside a surrogate pair
    }
    let trimmed = end;
    while (trimmed > start && isRegexSpace(text.charCodeAt(trimmed - 1))) trimmed--;
    pieces.push({ start, end: trimmed });
    start = end;
  }
  return pieces;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
