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
  let group: { start: number; end: number; count: number } | null = null;
  const flush = (): void => {
    if (group) out.push({ start: group.start, end: group.end });
    group = null;
  };
  for (const sentence of splitSentences(text)) {
    for (const piece of splitLong(text, sentence, maxChars)) {
      if (group !== null) {
        const g: { start: number; end: number; count: number } = group;
        const gap = text.slice(g.end, piece.start);
        const paragraphBreak = /\n\s*\n/.test(gap);
        const fits = piece.end - g.start <= maxChars && g.count < MAX_SENTENCES;
        const heading = g.end - g.start < SHORT_PASSAGE && !/[.!?…:;]["'”’)\]]*$/.test(text.slice(g.start, g.end));
        if (fits && (!paragraphBreak || heading)) {
          g.end = piece.end;
          g.count++;
          continue;
        }
        flush();
      }
      group = { start: piece.start, end: piece.end, count: 1 };
    }
  }
  flush();
  return out;
}

/** A sentence as one piece, or cut at whitespace into pieces of at most maxChars. */
function splitLong(text: string, s: Span, maxChars: number): PassageSpan[] {
  if (s.end - s.start <= maxChars) return [{ start: s.start, end: s.end }];
  const pieces: PassageSpan[] = [];
  let start = s.start;
  while (start < s.end) {
    while (start < s.end && /\s/.test(text[start] ?? '')) start++;
    if (start >= s.end) break;
    let end = Math.min(s.end, start + maxChars);
    if (end < s.end) {
      let cut = end;
      while (cut > start && !/\s/.test(text[cut] ?? '')) cut--;
      if (cut > start) end = cut;
      else if (isLowSurrogate(text.charCodeAt(end))) end--; // one long word: hard cut, never inside a surrogate pair
    }
    let trimmed = end;
    while (trimmed > start && /\s/.test(text[trimmed - 1] ?? '')) trimmed--;
    pieces.push({ start, end: trimmed });
    start = end;
  }
  return pieces;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
