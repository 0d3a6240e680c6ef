// The sentences of an article, each with the citations it carries, and which of them are claims.
import type { Span } from '../../model.js';
import { splitSentences, tokenize } from '../../text/index.js';
import type { Article } from '../types.js';

export interface ArticleSentence extends Span {
  /** Index of the block it is in. */
  block: number;
  /** Reference numbers cited in the sentence. */
  citations: number[];
  /** The sentence with citation markers and bare URLs blanked by spaces (same offsets as `text`). */
  clean: string;
}

const TRAILING_MARKS = /[.!?]["'”’)]*((?:\s*\[\^?\d[^\]]*\])+)(?=\s+\S)/g;

/**
 * The citations lying within [start, end), in the article's order, found by binary search over
 * their starts (a filter of all of them per sentence made a long article quadratic: 25,000
 * sentences and as many citations).
 */
function citationLookup<C extends { start: number; end: number }>(citations: readonly C[]): (start: number, end: number) => C[] {
  const byStart = citations.map((c, i) => ({ c, i })).sort((a, b) => a.c.start - b.c.start || a.i - b.i);
  return (start, end) => {
    let lo = 0;
    let hi = byStart.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (byStart[mid]!.c.start < start) lo = mid + 1;
      else hi = mid;
    }
    const found: Array<{ c: C; i: number }> = [];
    for (let k = lo; k < byStart.length && byStart[k]!.c.start <= end; k++) if (byStart[k]!.c.end <= end) found.push(byStart[k]!);
    return found.sort((a, b) => a.i - b.i).map((x) => x.c);
  };
}

/** Sentences of the prose blocks (not headings, bylines or chrome); citation markers after a full stop stay with the sentence they follow. */
export function articleSentences(article: Article): ArticleSentence[] {
  const out: ArticleSentence[] = [];
  const citationsIn = citationLookup(article.citations);
  article.blocks.forEach((block, bi) => {
    // A table cell is prose only when it holds a sentence.
    const prose = block.kind === 'paragraph' || block.kind === 'list-item' || block.kind === 'quote' || (block.kind === 'cell' && /[.!?]["'”’)]*$/.test(block.text.trim()));
    if (!prose) return;
    const spans: Span[] = [];
    for (const s of splitSentences(block.text)) {
      // "… laws.[2] Next sentence" is two sentences.
      let from = 0;
      for (const m of s.text.matchAll(TRAILING_MARKS)) {
        const cut = (m.index ?? 0) + m[0].length;
        spans.push(trim(s.text, from, cut, s.start));
        from = cut;
      }
      spans.push(trim(s.text, from, s.text.length, s.start));
    }
    // A sentence that starts with markers ("… laws. [2] Next") hands them to the one before.
    for (let i = 1; i < spans.length; i++) {
      const lead = /^(?:\[\^?\d[^\]]*\]\s*)+/.exec(spans[i]!.text);
      if (!lead) continue;
      const prev = spans[i - 1]!;
      const markEnd = spans[i]!.start + lead[0].trimEnd().length;
      spans[i - 1] = { start: prev.start, end: markEnd, text: block.text.slice(prev.start, markEnd) };
      const rest = trim(block.text, spans[i]!.start + lead[0].length, spans[i]!.end, 0);
      spans[i] = rest;
    }
    for (const s of spans) {
      if (s.text.trim() === '') continue;
      const start = block.start + s.start;
      const end = block.start + s.end;
      const marks = citationsIn(start, end);
      let clean = article.text.slice(start, end);
      for (const c of marks) {
        if (/^\[|^https?:|^www\./i.test(c.text)) clean = clean.slice(0, c.start - start) + ' '.repeat(c.end - c.start) + clean.slice(c.end - start);
      }
      out.push({ text: article.text.slice(start, end), start, end, block: bi, citations: [...new Set(marks.flatMap((c) => c.refs))], clean });
    }
  });
  return out;
}

function trim(text: string, from: number, to: number, offset: number): Span {
  let a = from;
  let b = to;
  while (a < b && /\s/.test(text[a] ?? '')) a++;
  while (b > a && /\s/.test(text[b - 1] ?? '')) b--;
  return { text: text.slice(a, b), start: offset + a, end: offset + b };
}

/** A lead-in announcing a list ("Here are 20 figures about …:", "The following …:"): it says what comes, not what is so. */
const ANNOUNCES = /^(?:here\s+(?:are|is)|below\s+(?:are|is)|the\s+following)\b[^]*:\s*$/i;
/** A lead-in whose list items are its objects ("… might include:", "… such as:"): each item completes it. */
const TAKES_ITEMS = /\b(?:include|includes|included|including|such\s+as|among\s+them|namely)\s*:\s*$/i;

/**
 * Whether a sentence can be a claim on its own: not a lead-in announcing a list, and not a list
 * item that only completes its lead-in ("Those who benefit … might include:" / "- Rival outlets
 * competing for readers"), unless the item cites a source.
 */
export function standsAlone(article: Article, s: ArticleSentence): boolean {
  if (ANNOUNCES.test(s.clean.trim())) return false;
  if (article.blocks[s.block]?.kind !== 'list-item' || s.citations.length > 0) return true;
  for (let b = s.block - 1; b >= 0; b--) {
    const block = article.blocks[b];
    if (!block || block.kind === 'list-item') continue;
    return !TAKES_ITEMS.test(block.text.trim());
  }
  return true;
}

const PREDICTION = /\b(?:will(?!ingly)|shall|is\s+(?:expected|projected|forecast|likely|set|poised|bound)\s+to|are\s+(?:expected|projected|forecast|likely|set|poised|bound)\s+to|is\s+going\s+to|are\s+going\s+to|by\s+20[3-9]\d|in\s+the\s+coming\s+(?:years|decades|months))\b/i;
const OPINION = /\b(?:should|ought\s+to|must(?!\s+have)|i\s+(?:think|believe|feel)|we\s+(?:think|believe|feel|argue)|in\s+(?:my|our)\s+(?:view|opinion)|arguably|unfortunately|fortunately|shameful|disgraceful|outrageous|admirable|deserves?|it\s+is\s+(?:time|high\s+time)|the\s+(?:best|worst)\s+(?:way|thing|policy))\b/i;

/** Whether a sentence states a fact, predicts, or gives an opinion (the last two cannot be checked against sources). */
export function claimKind(sentence: string): 'factual' | 'prediction' | 'opinion' {
  if (OPINION.test(sentence)) return 'opinion';
  if (PREDICTION.test(sentence)) return 'prediction';
  return 'factual';
}

/** Words in a sentence (for the minimum claim length). */
export function wordCount(sentence: string): number {
  return tokenize(sentence).length;
}

/** The sentences (citation markers blanked) that cite a reference the article does not list: what `--web` searches for. */
export function sentencesCitingAbsent(article: Article): string[] {
  const known = new Set(article.references.map((r) => r.n));
  return articleSentences(article)
    .filter((s) => s.citations.some((n) => !known.has(n)))
    .map((s) => s.clean.replace(/\s+/g, ' ').trim());
}
