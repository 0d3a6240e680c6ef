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
import { splitSentences, stem, STOPWORDS } from '../../text/index.js';
import { createTextMemo } from '../../text/text-memo.js';
import { numberForms } from '../../text/figures/number-words.js';
import { mayHoldFigure } from '../../text/figures/figure-presence.js';
import { compareMeanings, relationSupports, type MeaningComparison } from './figure-meaning.js';
import { extraModifiers, saidOverlap, sameCounted, sameNumber, valueRelation } from './figure-relation.js';

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
  return readSentences(evidence).filter((s) => MAY_HOLD_FIGURE.test(s));
}

/** The first sentences of the evidence, with or without figures. */
function readSentences(evidence: string | readonly string[]): string[] {
  const texts = typeof evidence === 'string' ? [evidence] : [...evidence];
  return texts.flatMap((t) => (t.length > 600 || /[.!?]\s|\n/.test(t) ? splitSentences(t).map((s) => s.text) : [t])).slice(0, MAX_SENTENCES);
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
  // "Of the 61 companies in the trial, 18 …" gives the size of the set, no rival to what part of it did
  // ("56 companies opted to continue"); only another size of it is ("70 companies took part").
  if (namesWhole(c) !== namesWhole(s) && !TAKING_PART.test((namesWhole(c) ? s : c).clause)) return false;
  if (sameCounted(c, s) === true) return true;
  return c.kind === s.kind && c.kind !== 'count';
}

/**
 * "killed two unvaccinated school-aged children" bears out "killed two children": the same plain
 * count of the same thing, said the same way, with words that only describe it further on the
 * source's side. A share or a count out of a whole keeps its narrower set (another whole).
 */
function describedCount(c: FigureMeaning, s: FigureMeaning, comparison: MeaningComparison): boolean {
  if (comparison.relation !== 'narrower' || c.kind !== 'count' || c.share !== null || s.share !== null || c.whole !== null || s.whole !== null) return false;
  return valueRelation(c, s) === 'match' && sameCounted(c, s) === true && extraModifiers(c, s).length === 0 && extraModifiers(s, c).length > 0 && saidOverlap(c, s).missing.length === 0;
}

const TAKING_PART = /\b(?:took\s+part|take\s+part|taking\s+part|participat\w*|involv\w*|enrol+\w*|join\w*|signed\s+up|sign\s+up|in\s+total|altogether)\b/i;

/** A figure that introduces the set the sentence goes on to divide: "Of the 61 companies in the trial, …". */
function namesWhole(m: FigureMeaning): boolean {
  const at = m.clause.indexOf(m.figure.text);
  return at >= 0 && /^\s*(?:of|among|out\s+of)\s+(?:the\s+|all\s+|its\s+|their\s+)?$/i.test(m.clause.slice(0, at));
}

/** A text's names: capitalised words that are not common words ("Dunmore", not "The"). */
export function namesOf(text: string): string[] {
  return [...text.matchAll(/\b\p{Lu}[\p{L}'’-]+/gu)].map((m) => m[0]).filter((w) => !STOPWORDS.has(w.toLowerCase()));
}

/** How near a rival's clause is to the claim's: the claim's names it holds (each counts a whole), then the share of its words. */
function closeness(c: FigureMeaning, s: FigureMeaning): number {
  return namesOf(c.clause).filter((n) => s.clause.includes(n)).length + saidOverlap(c, s).covered;
}

/** A setting phrase in a clause: "in the UK four-day week trial", "at companies in the pilot", "across Europe". */
const SETTING = /\b(?:in|at|across|among|throughout|during)\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+)?((?:[\p{L}][\p{L}'’.-]*\s+){0,4}[\p{L}][\p{L}'’.-]*)/giu;

/** The words of a clause's setting phrases after its figure (the claim's "where" and "in what"). */
function settingWords(m: FigureMeaning): string[] {
  const at = m.clause.indexOf(m.figure.text);
  const tail = at < 0 ? m.clause : m.clause.slice(at + m.figure.text.length);
  return [...tail.matchAll(SETTING)].flatMap((x) => (x[1] ?? '').toLowerCase().split(/\s+/)).map((w) => w.replace(/[.'’]+$/, '')).filter((w) => w.length > 1 && !STOPWORDS.has(w));
}

/**
 * A sentence that gives a figure with no setting of its own ("Overall, sick days taken decreased by
 * 65%.") is set by its page: the claim's setting words ("in the UK four-day week trial") that the
 * evidence states elsewhere are read as its setting (what restricts its set), never as what is said of it. A sentence with a setting of its own ("in the
 * US trial", a restriction) keeps it, and a figure is never given words of what it counts.
 */
function setByContext(c: FigureMeaning, s: FigureMeaning, context: () => ReadonlySet<string>): FigureMeaning {
  if (s.restriction.length > 0 || /\b(?:[Ii]n|[Aa]t|[Aa]cross|[Aa]mong)\s+(?:the\s+)?\p{Lu}/u.test(s.clause)) return s;
  const setting = [...c.restriction, ...settingWords(c)];
  if (setting.length === 0) return s;
  const words = context();
  const inherited = setting.filter((w, i, all) => all.indexOf(w) === i && (words.has(w) || words.has(stem(w))) && !s.said.includes(w));
  // The setting is no predicate: it joins what restricts the set, not what is said of the figure.
  return inherited.length === 0 ? s : { ...s, restriction: inherited };
}

/** The lower-case words of the evidence and their stems, for setByContext ("4-day" also as "four-day"). */
function contextWords(sentences: readonly string[]): Set<string> {
  return new Set(sentences.join(' ').toLowerCase().split(/[^\p{L}\p{N}'’.-]+/u).flatMap((w) => numberForms(w.replace(/[.'’]+$/, ''))).flatMap((w) => [w, stem(w)]));
}

/** What a caller reads of the signals: every outcome, or whether each claim figure is matched (statedFigures). */
export type SignalsWanted = 'all' | 'match';

/**
 * Can the evidence figure `s` be the claim figure's match, rival or mismatch at all? Each outcome
 * needs what is tested here, so a pair that fails it is never compared (compareMeanings, reading
 * every word's synonyms, is the costly part of a page's figures):
 * - a match: compareMeanings answers same or paraphrase only of values that match (valueRelation);
 * - a rival: a conflicting value of a value that matches or conflicts, of the same counted thing
 *   or the same kind of quantity (rival above);
 * - a mismatch: the same number, written the same (sameNumber, sameWritten).
 * None of these reads the setting a page lends a sentence (setByContext changes its restriction
 * only), so the pair is tested as read.
 */
export function mayBear(c: FigureMeaning, s: FigureMeaning, wanted: SignalsWanted): boolean {
  const value = valueRelation(c, s);
  if (value === 'match') return true;
  if (wanted === 'match') return false;
  if (value === 'conflict' && ((c.kind === s.kind && c.kind !== 'count') || sameCounted(c, s) === true)) return true;
  return sameNumber(c, s) && sameWritten(c, s);
}

/**
 * Read each claim figure (all, or those `claimFigures` names by offset) against the evidence;
 * `around` is text that sets the evidence (its page's title), read for setByContext only.
 * With `wanted` 'match', only `match` is looked for (conflict and mismatch stay null), so only
 * the pairs whose values match are compared.
 */
export function figureSignals(claimText: string, evidence: string | readonly string[], claimFigures?: readonly Figure[], around = '', wanted: SignalsWanted = 'all'): FigureSignal[] {
  const claim = meaningsOf(claimText);
  const asked = claimFigures ? claim.filter((m) => claimFigures.some((f) => f.start === m.figure.start)) : claim;
  if (asked.length === 0) return [];
  // The evidence is split once; its words are read only when a sentence is to be set by them.
  const sentences = readSentences(evidence);
  let words: ReadonlySet<string> | null = null;
  const context = (): ReadonlySet<string> => (words ??= contextWords([around, ...sentences]));
  // A sentence's figures are read when a claim figure first reaches it: the search for a match
  // stops at the first, and the sentences after the last match are not read at all.
  // A sentence whose only digits are in identifiers ("COVID-19") is not read: it holds no figure (figure-presence.ts).
  const sources = sentences.filter((s) => MAY_HOLD_FIGURE.test(s) && mayHoldFigure(s)).map((sentence) => ({ sentence, meanings: null as FigureMeaning[] | null }));
  return asked.map((c) => {
    const signal: FigureSignal = { claim: c, match: null, conflict: null, mismatch: null };
    for (const source of sources) {
      const sentence = source.sentence;
      for (const read of (source.meanings ??= meaningsOf(sentence))) {
        if (!mayBear(c, read, wanted)) continue;
        const s = setByContext(c, read, context);
        const comparison = compareMeanings(c, s);
        const found = { source: s, sentence, comparison };
        if (relationSupports(comparison.relation) || describedCount(c, s, comparison)) return { claim: c, match: found, conflict: null, mismatch: null };
        if (wanted === 'match') continue;
        const same = sameNumber(c, s) && sameWritten(c, s);
        if (same && signal.mismatch === null && comparison.relation !== 'unrelated' && (comparison.relation !== 'conflicting-value' || valueRelation(c, s) === 'match')) signal.mismatch = found;
        // Of several rivals, the one whose clause names what the claim names and says most of it ("Dunmore … a $4.50 fare", not Ardee's $6.20).
        if (rival(c, s, comparison) && (signal.conflict === null || closeness(c, s) > closeness(c, signal.conflict.source))) signal.conflict = found;
      }
    }
    return signal;
  });
}
