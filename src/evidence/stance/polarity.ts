// Polarity of a statement: does it assert or deny its predicate, and of how many things?
// "No country criminalises X" denies X of every country; "38 countries do not criminalise X"
// denies it of 38; "Freedonia does not criminalise X" denies it of one named thing. Read from
// closed word lists and figures only (no parser), on one clause at a time.
import type { Figure } from '../../model.js';
import { tokenize } from '../../text/index.js';
import { isNegator } from './cue-lexicon.js';

/**
 * The subject's quantity:
 * - `all`: every one of them ("all", "every", "each"; and "no"/"none", which deny for all);
 * - `count`: a stated number of them ("38 countries", "140 of the 196 countries");
 * - `plain`: a named or generic subject with no quantity ("Freedonia", "vaccines").
 */
export type Quantity = 'all' | 'count' | 'plain';

export interface Polarity {
  quantity: Quantity;
  /** True when the predicate is denied of the subject (after folding "no X" into all + not). */
  negated: boolean;
  /** The counted figure when `quantity` is `count`. */
  count?: Figure;
  /** The words that set the polarity, as written ("does not", "No"), for reasons. */
  cues: string[];
}

/**
 * Words that deny the statement they frame: "it is a myth that X", "the claim that X is false",
 * "X has been debunked". The verbs deny anywhere; the nouns and adjectives only when predicated
 * ("is false", "is a myth") or followed by "that" — "a fake news programme" denies nothing.
 */
export const DENIALS: ReadonlySet<string> = new Set(['myth', 'myths', 'false', 'untrue', 'incorrect', 'debunked', 'hoax', 'misconception', 'baseless', 'unfounded', 'disproved', 'disproven', 'refuted', 'fake', 'fabricated']);
const DENYING_VERBS = new Set(['debunked', 'disproved', 'disproven', 'refuted']);
const COPULAS = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', "isn't", "wasn't"]);

function isDenial(tokens: ReadonlyArray<{ lower: string }>, i: number): boolean {
  const w = tokens[i]?.lower ?? '';
  if (!DENIALS.has(w)) return false;
  if (DENYING_VERBS.has(w) || tokens[i + 1]?.lower === 'that') return true;
  const prev = tokens[i - 1]?.lower ?? '';
  const prev2 = tokens[i - 2]?.lower ?? '';
  return COPULAS.has(prev) || ((prev === 'a' || prev === 'an') && COPULAS.has(prev2));
}
const UNIVERSAL = new Set(['all', 'every', 'each', 'always']);
const UNIVERSAL_NEGATIVE = new Set(['no', 'none', 'nobody', 'nothing', 'neither', 'nowhere']);
// Words that may stand before the subject: "In no country", "that every state", "the survey found that all".
const LEAD_IN = new Set(['in', 'that', 'the', 'of', 'for', 'at', 'and', 'so', 'thus', 'today', 'now', 'currently', 'yet']);
/** How many tokens into a clause its subject's quantifier may stand. */
const SUBJECT_WINDOW = 4;

/** Is this figure a count of things (a counted noun or a whole), not a bare number? */
export function isCount(f: Figure): boolean {
  return f.whole !== null || (f.unit !== null && f.unit.trim() !== '');
}

/**
 * Read the polarity of one clause. `figures` are the clause's figures (offsets into `clause`);
 * the first count among them standing before the predicate's negator (or anywhere when there is
 * none) makes the quantity a count. Denial words (DENIALS) count as negators unless listed in
 * `own` (lower-cased words of the claim itself, which are what is being said, not a denial).
 */
export function readPolarity(clause: string, figures: readonly Figure[] = [], own: ReadonlySet<string> = new Set()): Polarity {
  const tokens = tokenize(clause);
  const cues: string[] = [];
  let quantity: Quantity = 'plain';
  let negations = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const early = i < SUBJECT_WINDOW && tokens.slice(0, i).every((x) => LEAD_IN.has(x.lower));
    if (quantity === 'plain' && early && (UNIVERSAL.has(t.lower) || UNIVERSAL_NEGATIVE.has(t.lower))) {
      quantity = 'all';
      if (UNIVERSAL_NEGATIVE.has(t.lower)) {
        negations++;
        cues.push(t.text);
      }
      continue;
    }
    // "95 of 184, not 138": a negator right before a number denies the figure, not the predicate.
    if (isDenial(tokens, i) && !own.has(t.lower)) {
      negations++;
      cues.push(t.text);
      continue;
    }
    if (isNegator(t.lower) && !/^\d/.test(tokens[i + 1]?.text ?? '')) {
      negations++;
      // "do not" reads better than "not" in a reason.
      const prev = tokens[i - 1];
      cues.push(prev && /^(do|does|did|is|are|was|were|has|have|had|will|would|can|could|should)$/i.test(prev.text) ? `${prev.text} ${t.text}` : t.text);
    }
  }
  if (quantity === 'plain') {
    const firstNegator = tokens.find((t) => isNegator(t.lower));
    const limit = firstNegator ? firstNegator.start : clause.length;
    const count = figures.find((f) => isCount(f) && f.start < limit);
    if (count) return { quantity: 'count', negated: negations % 2 === 1, count, cues };
  }
  return { quantity, negated: negations % 2 === 1, cues };
}

/**
 * The clauses of a sentence: split at semicolons, colons, dashes, contrast joins (", which",
 * "but") and participle clauses (", suggesting that …").
 */
export function splitClauses(sentence: string): Array<{ text: string; start: number }> {
  const out: Array<{ text: string; start: number }> = [];
  const boundary = /\s*(?:[;:]|\s[–—]\s|,\s*(?=(?:which|while|whereas|but|although|though|[a-z]+ing)\b)|\s(?=(?:but|whereas|while)\s))\s*/gu;
  let at = 0;
  for (const m of sentence.matchAll(boundary)) {
    const end = m.index ?? 0;
    if (end > at) out.push({ text: sentence.slice(at, end), start: at });
    at = end + m[0].length;
  }
  if (at < sentence.length) out.push({ text: sentence.slice(at), start: at });
  return out.filter((c) => /\p{L}/u.test(c.text));
}
