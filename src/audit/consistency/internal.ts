// Internal consistency of an article's prose, with the computation shown: every check of this
// folder over the article's sentences in reading order, one finding per sentence and check.
import { countFindings } from './counts.js';
import { outcomeFindings } from './outcomes.js';
import { sameMeaningFindings } from './same-meaning.js';
import { shareFindings } from './shares.js';
import { timeFindings } from './time.js';
import type { InternalFinding, ProseSentence } from './finding.js';

export type { InternalFinding, ProseSentence, InternalCheck } from './finding.js';
export { INTERNAL_CHECKS } from './finding.js';

/** Every internal inconsistency among the sentences (in reading order), at most one per sentence and check. */
export function checkInternal(sentences: ProseSentence[]): InternalFinding[] {
  const all = [...shareFindings(sentences), ...timeFindings(sentences), ...countFindings(sentences), ...outcomeFindings(sentences), ...sameMeaningFindings(sentences)];
  const seen = new Set<string>();
  return all
    .filter((f) => {
      const key = `${f.sentence}:${f.check}`;
      return seen.has(key) ? false : (seen.add(key), true);
    })
    .sort((a, b) => a.sentence - b.sentence);
}

/** The sentences of a plain text, for callers with no article (tests, the bench). */
export function proseSentences(texts: string[]): ProseSentence[] {
  return texts.map((text, i) => ({ i, text }));
}
