// Sentence splitting with exact offsets: text.slice(s.start, s.end) === s.text, trimmed.
// A first, simple version; the language toolkit refines it (abbreviations, legal citations).
import type { Span } from '../model.js';

const ABBREVIATIONS = new Set(['u.s', 'e.g', 'i.e', 'no', 'art', 'dr', 'mr', 'mrs', 'ms', 'st', 'vs', 'etc', 'inc', 'ltd', 'co', 'sec', 'para', 'cf', 'al', 'fig', 'jr', 'sr', 'u.s.c', 'n.j.s.a', 'stat', 'pub', 'l']);

export function splitSentences(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  const push = (from: number, to: number): void => {
    let a = from;
    let b = to;
    while (a < b && /\s/.test(text[a] ?? '')) a++;
    while (b > a && /\s/.test(text[b - 1] ?? '')) b--;
    if (b > a) out.push({ text: text.slice(a, b), start: a, end: b });
  };
  const re = /[.!?]+["'”’)\]]*(?=\s)|\n\s*\n/g;
  for (const m of text.matchAll(re)) {
    const end = (m.index ?? 0) + m[0].length;
    if (m[0].startsWith('.')) {
      const before = text.slice(start, m.index ?? 0);
      const word = /([\p{L}.]+)$/u.exec(before)?.[1]?.toLowerCase() ?? '';
      if (ABBREVIATIONS.has(word) || /^\p{L}$/u.test(word)) continue;
    }
    push(start, end);
    start = end;
  }
  push(start, text.length);
  return out;
}
