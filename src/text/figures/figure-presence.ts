// Whether a sentence can hold a figure at all, tested before its figures are read (the figure
// signals read the meanings of every evidence sentence that can: figure-signals.ts). The figure
// reader starts a figure only at a number token that is no identifier, or at a number word
// (figure-core.ts, readCore); the meaning reader adds changes written as multiples ("doubled",
// figure-multiples.ts) and reads digits of other scripts (foldDigits). So a sentence whose only
// digits are glued into identifiers ("COVID-19", "SARS-CoV-2", "G20", "v1.2"), with no number word
// and no multiple, holds no figure: its reading would find none.
import { lexQuantities } from './quantity-lexer.js';
import { isNumberWord } from './number-words.js';

const MULTIPLE = /\b(?:doubled|tripled|trebled|quadrupled|halved)\b/i;
const DASH = /^[-–‐‑‒—]$/;

/** False only when the sentence surely holds no figure (see above); true when it may. */
export function mayHoldFigure(text: string): boolean {
  if (MULTIPLE.test(text) || /\p{Nd}/u.test(text.replace(/[0-9]/g, ''))) return true;
  const toks = lexQuantities(text);
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.kind === 'word' && (isNumberWord(t.lower) || t.lower.split('-').some((w) => isNumberWord(w)))) return true;
    if (t.kind !== 'num') continue;
    // The identifier rules of readDigits (figure-core.ts): glued to a word or number, to ":/._",
    // or to "word-" ("COVID-19"); a range's tail is read so only after a figure, which is caught first.
    const prev = toks[i - 1];
    const prev2 = toks[i - 2];
    const glued = t.glued && prev !== undefined;
    if (glued && (prev.kind === 'word' || prev.kind === 'num' || /^[:/._]$/.test(prev.text))) continue;
    if (glued && DASH.test(prev.text) && prev.glued && prev2 !== undefined && (prev2.kind === 'word' || prev2.kind === 'num')) continue;
    return true;
  }
  return false;
}
