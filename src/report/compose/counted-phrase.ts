// What a figure counts, as a complete phrase taken from its own sentence. The language
// toolkit's `Figure.predicate` is capped at a fixed number of words, so it can stop mid-phrase
// ("… without regard to"); headlines and the figures table need the phrase whole or not at all.
//
// Contract
// - countedPhrase(figure, sentence, { maxWords }) returns words of `sentence` only (never
//   invented ones, except the glue word "where" for the fronted form below), or null.
// - The phrase ends on a content word, never on a stop word ("to", "of", "the"), and holds at
//   most `maxWords` words (default 16). A clause longer than that is cut only before a
//   qualifier ("regardless of …", "without …", "when …") so what is left is still complete;
//   when no such cut exists the result is null.
// - form "predicate": the clause after the figure ("140 of 196 countries | criminalise simple
//   possession of CSAM"); the only form a headline may be built from.
// - form "modifier": a phrase that narrows the counted noun ("16 countries | without any
//   legislation" in "the fall to 16 countries without any legislation is …").
// - form "clause": a whole clause around the figure, for figures that are not its subject
//   ("In 138 of the 184 countries reviewed, possession … was not a crime" → "countries reviewed
//   where possession … was not a crime"; "The report analyses CSAM legislation in 196 countries").
import type { Figure } from '../../model.js';
import { STOPWORDS } from '../../text/index.js';

export interface CountedPhrase {
  text: string;
  form: 'predicate' | 'modifier' | 'clause';
}

export interface CountedPhraseOptions {
  /** Most words the phrase may hold (default 16). */
  maxWords?: number;
}

/** Where a clause ends: punctuation that closes it. */
// A point or comma inside a number ("$10.70", "1,200") does not end the clause.
const CLAUSE_END = /,(?!\d{3}\b)|\.(?!\d)|[;:()!?—–[\]]|\s-\s/;
/** Words that open a phrase narrowing the counted noun rather than saying what it does. */
const MODIFIER_START = new Set(['without', 'with', 'in', 'on', 'at', 'from', 'for', 'under', 'whose', 'where', 'lacking', 'having', 'outside', 'across', 'among']);
/** Words that open the next clause: the figure is not its subject. */
const CONJUNCTION = new Set(['and', 'or', 'but', 'while', 'whereas', 'so', 'yet']);
/** Finite verbs that end a modifier phrase ("countries without any legislation | is …"). */
const FINITE = new Set(['is', 'are', 'was', 'were', 'has', 'have', 'had', 'do', 'does', 'did', 'can', 'could', 'will', 'would', 'shall', 'should', 'may', 'might', 'must', 'remain', 'remains', 'remained']);
/** Words before which a long clause may be cut, leaving a complete phrase. */
const QUALIFIER = new Set(['regardless', 'irrespective', 'without', 'when', 'whenever', 'because', 'while', 'although', 'though', 'unless', 'if', 'since', 'after', 'before', 'under', 'which', 'who', 'whose', 'where', 'with', 'by', 'for', 'in', 'than', 'through', 'within', 'despite']);
/** Relative pronouns that open a predicate: "countries that criminalise …". */
const RELATIVE = new Set(['that', 'which', 'who']);
/** Object pronouns a complete phrase may end on. */
const OBJECT_PRONOUN = new Set(['it', 'them', 'him', 'her', 'us', 'me', 'there', 'here', 'themselves', 'itself']);
/** Participles that describe the whole a figure is out of, not what it counts. */
const WHOLE_PARTICIPLE = new Set(['reviewed', 'surveyed', 'studied', 'assessed', 'examined', 'analysed', 'analyzed', 'covered', 'listed', 'included', 'counted', 'sampled', 'polled']);
/** A fronted phrase holding the figure: "In 138 of the 184 countries reviewed, …". */
const FRONTED = /^\s*(?:in|across|among)\s*$/i;

interface Word {
  text: string;
  lower: string;
  start: number;
  end: number;
}

function words(text: string, offset: number): Word[] {
  return [...text.matchAll(/[^\s]+/g)].map((m) => {
    const start = offset + (m.index ?? 0);
    return { text: m[0], lower: m[0].toLowerCase().replace(/[^\p{L}\p{N}'’-]/gu, ''), start, end: start + m[0].length };
  });
}

/** The clause of `sentence` from `from` to the first clause-ending mark, as words. */
function clauseAfter(sentence: string, from: number): Word[] {
  const rest = sentence.slice(from);
  const stop = CLAUSE_END.exec(rest);
  return words(stop ? rest.slice(0, stop.index) : rest, from);
}

function isContent(w: Word | undefined): boolean {
  return w !== undefined && w.lower !== '' && !STOPWORDS.has(w.lower);
}

/** The words, cut to at most `max` before a qualifier when needed; null when no complete cut exists. */
function complete(ws: Word[], max: number): Word[] | null {
  let out = ws;
  if (out.length > max) {
    let cut = -1;
    for (let i = Math.min(max, out.length - 1); i >= 2; i--) {
      if (QUALIFIER.has(out[i]?.lower ?? '') && isContent(out[i - 1])) {
        cut = i;
        break;
      }
    }
    if (cut < 0) return null;
    out = out.slice(0, cut);
  }
  // A phrase may end on its object pronoun ("ban private cars from them"), never on a
  // preposition or determiner ("without regard to").
  const last = out[out.length - 1];
  if (last === undefined || (!isContent(last) && !OBJECT_PRONOUN.has(last.lower))) return null;
  return out.some((w) => isContent(w)) ? out : null;
}

function join(sentence: string, ws: readonly Word[]): string {
  const first = ws[0];
  const last = ws[ws.length - 1];
  return first && last ? sentence.slice(first.start, last.end) : '';
}

/** What `figure` counts, as a complete phrase of `sentence` (see the contract above). */
export function countedPhrase(figure: Figure, sentence: string, options: CountedPhraseOptions = {}): CountedPhrase | null {
  const max = options.maxWords ?? 16;
  if (sentence.slice(figure.start, figure.end) !== figure.text) return null;
  const after = clauseAfter(sentence, figure.end);
  const head = after[0];

  // "In 138 of the 184 countries reviewed, possession … was not a crime."
  if (FRONTED.test(sentence.slice(0, figure.start)) && figure.unit !== null) {
    const closing = sentence.slice(figure.end).search(/,/);
    if (closing >= 0 && after.length <= 2) {
      const main = complete(clauseAfter(sentence, figure.end + closing + 1), max - after.length - 2);
      if (main) {
        const qualifier = after.length > 0 ? ` ${join(sentence, after)}` : '';
        return { text: `${figure.unit}${qualifier} where ${join(sentence, main)}`, form: 'clause' };
      }
    }
    return null;
  }

  if (head && MODIFIER_START.has(head.lower)) {
    const end = after.findIndex((w, i) => i > 0 && FINITE.has(w.lower));
    const ws = complete(end > 0 ? after.slice(0, end) : after, max);
    return ws ? { text: join(sentence, ws), form: 'modifier' } : null;
  }

  if (head && !CONJUNCTION.has(head.lower) && after.some((w) => isContent(w))) {
    // "16 of the 196 countries reviewed still have …": the participle describes the whole.
    // "140 of 196 countries that criminalise …": the relative pronoun is not part of what is counted.
    const own = (figure.whole !== null && WHOLE_PARTICIPLE.has(head.lower)) || RELATIVE.has(head.lower) ? after.slice(1) : after;
    if (own.length === 0) return null;
    const ws = complete(own, max);
    return ws ? { text: join(sentence, ws), form: 'predicate' } : null;
  }

  // The figure closes its clause ("The report analyses CSAM legislation in 196 countries and …").
  const before = sentence.slice(0, figure.start);
  const open = Math.max(...[';', ':', '(', '—'].map((m) => before.lastIndexOf(m)), -1);
  const lead = words(before.slice(open + 1), open + 1);
  if (lead.filter((w) => isContent(w)).length < 2 || lead.length + 1 > max) return null;
  return { text: sentence.slice(lead[0]?.start ?? figure.start, figure.end).trim(), form: 'clause' };
}
