// Whether a figure's statement says what was done, what will be, what is only intended or what
// might be: "created 15,000 jobs" is not "promised to create 15,000 jobs", while "is set to raise
// fees by 15%" and "will raise fees by 15%" say one thing. Modality is compared as a dimension of
// its own, so the verb under it ("create", "raise") is still compared as a verb.
import type { FigureMeaning } from '../../text/figures/figure-meaning.js';
import { IRREGULAR_VERBS, LIGHT_WORDS } from '../../text/figures/figure-words.js';
import { antonymsOf } from '../../text/index.js';

export type Modality = 'done' | 'future' | 'intended' | 'possible';

const INTENDED = /\b(?:(?:plans?|planned|planning|aims?|aimed|aiming|pledged?|pledges|pledging|promised?|promises|promising|vow(?:s|ed)?|intends?|intended|hopes?|hoped|wants?|wanted|proposed?|proposes|seeks?|sought|targets?|targeted)\s+to|earmark(?:s|ed)?|set\s+aside|sets\s+aside|budget(?:s|ed)?\s+for)\b/i;
const FUTURE = /\b(?:will|shall|won['’]t|(?:is|are|was|were)\s+(?:set|due|expected|going|scheduled|poised|slated|to)\b|['’]ll)\b/i;
const POSSIBLE = /\b(?:could|may|might)\b/i;
const PERFECT = /\b(?:has|have|had)\s+(?:(?:already|now|so\s+far|just|since)\s+)?\p{L}+(?:ed|en|wn|t)\b/iu;

/** The modality of the statement a figure is in; null when the clause does not say (a present "has 150 seats"). */
export function modalityOf(m: FigureMeaning): Modality | null {
  const clause = m.clause;
  if (INTENDED.test(clause)) return 'intended';
  if (POSSIBLE.test(clause)) return 'possible';
  if (FUTURE.test(clause)) return 'future';
  if (PERFECT.test(clause)) return 'done';
  const past = (v: string): boolean => /ed$/.test(v) || (IRREGULAR_VERBS.has(v) && IRREGULAR_VERBS.get(v) !== v);
  return m.verbs.some(past) || clause.split(/\s+/).some((w) => IRREGULAR_VERBS.has(w.toLowerCase()) && IRREGULAR_VERBS.get(w.toLowerCase()) !== w.toLowerCase()) ? 'done' : null;
}

const WORDS: Record<Modality, string> = { done: 'was done', future: 'will be', intended: 'is only intended', possible: 'only might be' };

/**
 * The two statements' modalities when they differ in a way that changes the claim: done against
 * anything not yet done, and "might" against "will". Null when either does not say, or they agree
 * ("will" and "plans to" are both not yet done and are left to the verbs).
 */
export function otherModality(c: FigureMeaning, s: FigureMeaning): { claim: Modality; source: Modality; reason: string } | null {
  const a = modalityOf(c);
  const b = modalityOf(s);
  if (a === null || b === null || a === b) return null;
  const differs = a === 'done' || b === 'done' || a === 'possible' || b === 'possible';
  if (!differs) return null;
  return { claim: a, source: b, reason: `the source says it ${WORDS[b]}, the claim that it ${WORDS[a]}` };
}

/**
 * A word one side says whose WordNet antonym the other says, neither saying both: "won" / "lost",
 * "passed" / "failed", "accepted" / "rejected". Returns [claim word, source word] or null.
 */
export function antonymSaid(c: FigureMeaning, s: FigureMeaning): [string, string] | null {
  const lemma = (w: string): string => IRREGULAR_VERBS.get(w) ?? w.replace(/(?:ed|d)$/, '');
  const words = (m: FigureMeaning): string[] => m.said.filter((w) => !LIGHT_WORDS.has(w) && w.length > 2);
  const cw = words(c);
  const sw = words(s);
  for (const a of cw) {
    if (sw.includes(a)) continue;
    const opposite = new Set([...antonymsOf(a), ...antonymsOf(lemma(a))]);
    const hit = sw.find((b) => !cw.includes(b) && (opposite.has(b) || opposite.has(lemma(b))));
    if (hit !== undefined) return [a, hit];
  }
  return null;
}

/** A figure that is a difference from something ("21 degrees warmer than …", "9% higher than boys"), not a level. */
export function isDifference(m: FigureMeaning): boolean {
  const at = m.clause.indexOf(m.figure.text);
  if (at < 0) return false;
  return /^\s+(?:higher|lower|warmer|colder|cooler|hotter|more|less|fewer|greater|smaller|bigger|longer|shorter|older|younger|cheaper|dearer|faster|slower|heavier|lighter)\s+than\b/u.test(m.clause.slice(at + m.figure.text.length));
}

/** A bare number set apart by commas right after a noun ("Calder's police chief, 44, took office"): an age. */
export function isAge(m: FigureMeaning): boolean {
  const f = m.figure;
  if (f.unit !== null || !Number.isInteger(f.value) || f.value < 16 || f.value > 110 || f.whole !== null) return false;
  const at = m.clause.indexOf(f.text);
  if (at < 0) return false;
  return /\p{Ll}{3,},\s*$/u.test(m.clause.slice(0, at)) && /^\s*,/.test(m.clause.slice(at + f.text.length));
}
