// The token stream the figure extractor reads: digit groups, words and single symbols, with
// offsets and whether whitespace separates each token from the one before.

export type QuantityTokenKind = 'num' | 'word' | 'punct';

export interface QuantityToken {
  kind: QuantityTokenKind;
  text: string;
  /** Lower-cased text (words only; digits and symbols as written). */
  lower: string;
  start: number;
  end: number;
  /** True when the previous token ends exactly where this one starts. */
  glued: boolean;
}

const LEX = /(\d+(?:[.,:/]\d+)*)|(\p{L}+(?:['’-]\p{L}+)*)|(\S)/gu;

export function lexQuantities(text: string): QuantityToken[] {
  const out: QuantityToken[] = [];
  let prevEnd = -1;
  for (const m of text.matchAll(LEX)) {
    const start = m.index ?? 0;
    const raw = m[0];
    const kind: QuantityTokenKind = m[1] !== undefined ? 'num' : m[2] !== undefined ? 'word' : 'punct';
    out.push({ kind, text: raw, lower: kind === 'word' ? raw.toLowerCase() : raw, start, end: start + raw.length, glued: start === prevEnd });
    prevEnd = start + raw.length;
  }
  return out;
}
