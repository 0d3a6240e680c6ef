// How many negations a sentence holds (the language toolkit's negation cues: "not", "no",
// "without", "n't" …): the verifier compares this count between a report sentence and the
// passage sentence it follows, and the composer uses it to tell "do not criminalize" sentences
// from "criminalize" ones.
import { findCues } from '../../text/index.js';

export function negationCount(text: string): number {
  return findCues(text).filter((c) => c.kind === 'negation').length;
}
