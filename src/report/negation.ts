// How many negators a sentence holds ("not", "no", "without", "n't" …): the verifier compares
// this count between a report sentence and the passage sentence it follows, and the composer
// uses it to tell "do not criminalize" sentences from "criminalize" ones.
import { tokenize } from '../text/index.js';
import { isNegator } from '../evidence/cue-lexicon.js';

export function negationCount(text: string): number {
  return tokenize(text).filter((t) => isNegator(t.lower)).length;
}
