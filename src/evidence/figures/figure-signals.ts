// What the evidence says of each figure of a claim, by meaning: the one reading of figures that
// the stance features (fig_match, fig_conflict), stated-figures and the figure-meaning mismatch
// all take, so a number is never "matched" by value in one place and by meaning in another.
//
// For each claim figure, every evidence figure is compared with `compareMeanings`
// (figure-meaning.ts) and the answer is one of:
//   match     some evidence figure says the same thing with the same value (same or paraphrase);
//   conflict  none does, and one says the same thing of the same counted thing with another value
//             or the other way ("64 measles cases were reported in 2024" against 97; "fell" / "rose");
//   mismatch  none does, and one gives the same number with another meaning (another predicate,
//             period, whole, a narrower or broader set, another unit): figure-stance.ts.
// Nothing found: the evidence says nothing comparable of it.
import type { Figure } from '../../model.js';
import { readFigureMeanings, type FigureMeaning, type FigureReading } from '../../text/figures/figure-meaning.js';
import { splitSentences, STOPWORDS } from '../../text/index.js';
import { createTextMemo } from '../../text/text-memo.js';
import { compareMeanings, relationSupports, type MeaningComparison } from './figure-meaning.js';
import { saidOverlap, sameCounted, sameNumber, valueRelation } from './figure-relation.js';

/** An evidence figure read against a claim figure, with the sentence it was read in. */
export interface FigureFound {
  source: FigureMeaning;
  sentence: string;
  comparison: MeaningComparison;
}

export interface FigureSignal {
  /** The claim's figure as read. */
  claim: FigureMeaning;
  /** An evidence figure that says the same thing with the same value (same or paraphrase). */
  match: FigureFound | null;
  /** Else the one (saying most of the claim's words) that says the same thing of the same counted thing with another value, or the other way. */
  conflict: FigureFound | null;
  /** Else the first that gives the same number with another meaning (direction and negation included). */
  mismatch: FigureFound | null;
}

// Readings are never changed by their callers here, so a shallow copy is enough.
const readings = createTextMemo((text: string): FigureReading => readFigureMeanings(text), {
  capacity: 2000,
  maxTextLength: 2000,
  copy: (r) => ({ sentence: r.sentence, figures: [...r.figures], notes: [...r.notes] }),
});

/** The figures of a sentence with their meanings (remembered for the last sentences read). */
export function meaningsOf(sentence: string): FigureMeaning[] {
  return readings.get(sentence).figures;
}

/** Sentences read of one evidence text, as the stance features read them. */
const MAX_SENTENCES = 400;

/** A sentence may hold a figure: digits or a number word. */
const MAY_HOLD_FIGURE = /\d|\b(?:half|third|quarter|fifth|dozen|hundred|thousand|million|billion|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)\b/i;

/** Evidence as sentences: a text is split; a list of sentences (or short passages) is kept. */
export function evidenceSentences(evidence: string | readonly string[]): string[] {
  const texts = typeof evidence === 'string' ? [evidence] : [...evidence];
  return texts.flatMap((t) => (t.length > 600 || /[.!?]\s|\n/.test(t) ? splitSentences(t).map((s) => s.text) : [t])).slice(0, MAX_SENTENCES).filter((s) => MAY_HOLD_FIGURE.test(s));
}

/**
 * The same number written, not a bound or range that merely overlaps it ("up to 4 years" and "not
 * less than 2 years" overlap but are different numbers): equal values, equal shares, or the same
 * digits on another scale.
 */
function sameWritten(c: FigureMeaning, s: FigureMeaning): boolean {
  if (c.figure.value === s.figure.value) return true;
  if (c.share !== null && s.share !== null && Math.abs(c.share - s.share) <= 0.006) return true;
  return c.scale !== s.scale && Math.abs(c.figure.value / c.scale - s.figure.value / s.scale) < 1e-9;
}

/**
 * A conflict is only claimed of the same thing: the same counted noun, or (for percentages,
 * money, measures and rates) the same kind of quantity; a number equal to the claim's whole
 * restates the whole ("Of the 40 districts, 26 …"), and is no rival count, nor is the complement.
 */
function rival(c: FigureMeaning, s: FigureMeaning, comparison: MeaningComparison): boolean {
  if (comparison.relation !== 'conflicting-value') return false;
  if (c.whole !== null && s.figure.value === c.whole) return false;
  // The complement said the other way ("56 of 196 do not" for "140 of 196 do") is the same statement.
  if (c.whole !== null && s.whole === c.whole && c.negated !== s.negated && Math.abs(c.figure.value + s.figure.value - c.whole) < 1e-9) return false;
  if (sameCounted(c, s) === true) return true;
  return c.kind === s.kind && c.kind !== 'count';
}

/** A text's names: capitalised words that are not common words ("Dunmore", not "The"). */
export function namesOf(text: string): string[] {
  return [...text.matchAll(/\b\p{Lu}[\p{L}'’-]+/gu)].map((m) => m[0]).filter((w) => !STOPWORDS.has(w.toLowerCase()));
}

/** How near a rival's clause is to the claim's: the claim's names it holds (each counts a whole), then the share of its words. */
function closeness(c: FigureMeaning, s: FigureMeaning): number {
  return namesOf(c.clause).filter((n) => s.clause.includes(n)).length + saidOverlap(c, s).covered;
}

/** Read each claim figure (all, or those `claimFigures` names by offset) against the evidence. */
export function figureSignals(claimText: string, evidence: string | readonly string[], claimFigures?: readonly Figure[]): FigureSignal[] {
  const claim = meaningsOf(claimText);
  const wanted = claimFigures ? claim.filter((m) => claimFigures.some((f) => f.start === m.figure.start)) : claim;
  if (wanted.length === 0) return [];
  const sources = evidenceSentences(evidence).map((sentence) => ({ sentence, meanings: meaningsOf(sentence) }));
  return wanted.map((c) => {
    const signal: FigureSignal = { claim: c, match: null, conflict: null, mismatch: null };
    for (const { sentence, meanings } of sources) {
      for (const s of meanings) {
        const comparison = compareMeanings(c, s);
        const found = { source: s, sentence, comparison };
        if (relationSupports(comparison.relation)) return { claim: c, match: found, conflict: null, mismatch: null };
        const same = sameNumber(c, s) && sameWritten(c, s);
        if (same && signal.mismatch === null && comparison.relation !== 'unrelated' && (comparison.relation !== 'conflicting-value' || valueRelation(c, s) === 'match')) signal.mismatch = found;
        // Of several rivals, the one whose clause names what the claim names and says most of it ("Dunmore … a $4.50 fare", not Ardee's $6.20).
        if (rival(c, s, comparison) && (signal.conflict === null || closeness(c, s) > closeness(c, signal.conflict.source))) signal.conflict = found;
      }
    }
    return signal;
  });
}
