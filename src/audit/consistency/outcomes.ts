// Parts that do not fit their whole: "Of the 61 companies, 56 continued the four-day week, 18
// made it permanent and 7 stopped". Counts of one whole whose predicates cannot hold of the same
// member — opposite outcomes (continued / stopped, passed / failed, won / lost) — are disjoint
// parts, so together they cannot be more than the whole. Parts that may overlap (56 continued, 18
// made it permanent) are not summed.
import { antonymsOf } from '../../text/index.js';
import { IRREGULAR_VERBS } from '../../text/figures/figure-words.js';
import { fmt } from '../numbers.js';
import { WHOLE, partsIn, verbStem } from './counts.js';
import type { Part } from './counts.js';
import { hedgeBefore, num } from './finding.js';
import type { InternalFinding, ProseSentence } from './finding.js';

/** Outcomes of which one member has one at a time: each pair of stems (verbStem) excludes the other. */
const EXCLUSIVE: ReadonlyArray<readonly [RegExp, RegExp]> = [
  [/^(?:continu|kept|keep|stay|stuck|stick|remain|retain|carri)$/, /^(?:stop|quit|drop|abandon|end|revert|return|discontinu|scrap|ditch|withdrew|withdraw|left|leav|pull|gave|giv|cancel)$/],
  [/^pas$/, /^fail$/],
  [/^(?:won|win)$/, /^(?:lost|los)$/],
  [/^(?:approv|accept|adopt)$/, /^(?:reject|refus|declin)$/],
  [/^(?:support|favour|favor)$/, /^(?:oppos)$/],
  [/^(?:agre)$/, /^(?:disagre)$/],
  [/^(?:surviv|live)$/, /^(?:di|dy)$/],
];

/** The verb's plain form for WordNet: "stopped" → "stop", "kept" → "keep". */
function lemma(word: string): string {
  return IRREGULAR_VERBS.get(word) ?? word.replace(/(?:ied)$/, 'y').replace(/(?:ed|ing)$/, '').replace(/([b-df-hj-np-tv-z])\1$/, '$1');
}

/** "went back to five days", "switched back": a return, said with a verb of motion and "back". */
const BACK = /^(?:went|go|switch|mov|turn|reverted)$/;

/** The verb stem a part's outcome is read by: a return said with "back" is read as one. */
function outcome(p: Part): string {
  return BACK.test(p.verb) && p.object.has('back') ? 'return' : p.verb;
}

/** Can one member not have both outcomes? */
export function exclusive(a: Part, b: Part): boolean {
  const [x0, y0] = [outcome(a), outcome(b)];
  if (x0 === y0) return false;
  if (EXCLUSIVE.some(([x, y]) => (x.test(x0) && y.test(y0)) || (y.test(x0) && x.test(y0)))) return true;
  const la = lemma(a.word);
  const lb = lemma(b.word);
  return antonymsOf(la).some((w) => verbStem(w) === verbStem(lb)) || antonymsOf(lb).some((w) => verbStem(w) === verbStem(la));
}

/** In each sentence with "of the W <nouns>", two parts after it with exclusive outcomes that add up past W. */
export function outcomeFindings(sentences: readonly ProseSentence[]): InternalFinding[] {
  const out: InternalFinding[] = [];
  for (const s of sentences) {
    const whole = [...s.text.matchAll(WHOLE)][0];
    if (!whole) continue;
    const w = num(whole[1]);
    const after = (whole.index ?? 0) + whole[0].length;
    const parts = partsIn(s).filter((p) => p.at >= after && p.value < w && hedgeBefore(s.text, p.at) === 'exact');
    let found: [Part, Part] | null = null;
    for (let i = 0; i < parts.length && !found; i++) {
      for (let j = i + 1; j < parts.length && !found; j++) {
        const [a, b] = [parts[i]!, parts[j]!];
        if (a.value + b.value > w && exclusive(a, b)) found = [a, b];
      }
    }
    if (!found || Number.isNaN(w)) continue;
    const [a, b] = found;
    const sum = a.value + b.value;
    const said = (p: Part): string => p.text.split(/\s*,\s*|\s+(?:and|or|but|while|whereas)(?:\s+|$)/i)[0]!.trim();
    out.push({
      check: 'parts-over-whole', sentence: s.i, others: [], kind: 'arithmetic',
      message: `"${said(a)}" and "${said(b)}" cannot both hold of one of the ${fmt(w, 2)} ${whole[2]}, so they are parts of them that do not overlap, but they add up to ${fmt(sum, 2)}, more than ${fmt(w, 2)}.`,
      computation: `${fmt(a.value, 2)} + ${fmt(b.value, 2)} = ${fmt(sum, 2)} > ${fmt(w, 2)}`,
      suggestion: `check the parts: with ${fmt(a.value, 2)} ${a.word}, at most ${fmt(w - a.value, 2)} ${b.word}`,
    });
  }
  return out;
}
