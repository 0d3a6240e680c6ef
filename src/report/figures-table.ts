// The figures table: every counted figure the report's sentences state, with what it counts,
// its whole and its source, and whether it agrees with the other figures. Two figures
// conflict when they count the same thing (similar predicate, same unit and whole) in the
// same year from different sources, and their values do not match.
import type { Figure, ReportFigure, Source } from '../model.js';
import { compareFigures, compareMeanings, relationSupports } from '../evidence/index.js';
import { readFigureMeanings, type FigureMeaning } from '../text/figures/figure-meaning.js';
import { contentTerms } from '../text/index.js';
import type { Candidate } from './compose/candidates.js';
import { countedPhrase } from './compose/counted-phrase.js';
import type { Discrepancy, FigureMention } from './discrepancies.js';

export interface TableFigure {
  figure: Figure;
  candidate: Candidate;
}

export interface FigureConflict {
  a: TableFigure;
  b: TableFigure;
}

function predicateTerms(f: Figure): Set<string> {
  return new Set(contentTerms(f.predicate ?? ''));
}

/** Jaccard similarity of what two figures count. */
export function countsSimilarity(a: Figure, b: Figure): number {
  const x = predicateTerms(a);
  const y = predicateTerms(b);
  if (x.size === 0 || y.size === 0) return 0;
  let shared = 0;
  for (const t of x) if (y.has(t)) shared++;
  return shared / (x.size + y.size - shared);
}

function yearOf(s: Source): string | null {
  return /^\d{4}/.exec(s.publishedAt ?? '')?.[0] ?? null;
}

function negationOf(f: Figure): boolean {
  return /\b(?:not|no|without|never)\b/i.test(f.predicate ?? '');
}

/** Relations of meaning under which two values are no conflict: they count over another period, whole or set. */
const NOT_A_CONFLICT = new Set(['different-period', 'different-whole', 'different-unit', 'narrower', 'broader', 'unrelated']);

export function findConflicts(figures: readonly TableFigure[]): FigureConflict[] {
  const out: FigureConflict[] = [];
  const read = new Map<string, FigureMeaning[]>();
  for (let i = 0; i < figures.length; i++) {
    for (let j = i + 1; j < figures.length; j++) {
      const a = figures[i];
      const b = figures[j];
      if (!a || !b || a.candidate.source.id === b.candidate.source.id) continue;
      if (yearOf(a.candidate.source) !== yearOf(b.candidate.source)) continue;
      if (a.figure.whole !== b.figure.whole) continue;
      if (negationOf(a.figure) !== negationOf(b.figure)) continue;
      if (countsSimilarity(a.figure, b.figure) < 0.6) continue;
      if (compareFigures(a.figure, b.figure) !== 'conflict') continue;
      // The meaning comparison (evidence/figures) has the last word: values said of another period,
      // whole or set do not conflict ("21 states in 2025" and "23 states in 2024").
      const ma = meaningOf(a, read);
      const mb = meaningOf(b, read);
      if (ma && mb && NOT_A_CONFLICT.has(compareMeanings(ma, mb).relation)) continue;
      out.push({ a, b });
    }
  }
  return out;
}

const MONTH_DAY = /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\b/g;

function holdsAmount(text: string): boolean {
  return /\d/.test(text.replace(MONTH_DAY, '').replace(/\b(?:1[89]|20)\d\d\b/g, ''));
}

/**
 * What a figure counts, briefly and completely: the complete phrase of its sentence
 * ("criminalise simple possession of CSAM", "countries without any legislation"), else its
 * counted noun alone — never a phrase cut mid-way nor the whole sentence.
 */
export function whatItCounts(figure: Figure, sentence: string): string {
  const found = countedPhrase(figure, sentence);
  // "from $10.45 to $10.70": a phrase that holds another amount says how the figure changed, not what it
  // counts (dates — "January 1", "in 2025" — are not amounts).
  const phrase = found && !holdsAmount(found.text) ? found : null;
  if (phrase?.form === 'modifier' && figure.unit) return `${figure.unit} ${phrase.text}`;
  if (phrase) return phrase.text;
  return changedThing(figure, sentence) ?? figure.unit ?? '';
}

/** A number joined to a unit of time before a noun names a kind of thing ("a 4-day workweek", "the six-month pilot"), not a count. */
export function namesAKind(figure: Figure, sentence: string): boolean {
  return /^[\p{L}\d]+-(?:day|week|month|year|hour|minute)$/iu.test(figure.text.trim()) && /^\s+\p{L}/u.test(sentence.slice(figure.end));
}

/** A span of time said as when something happened ("the largest in 30 years", "in just five days"), not a count of anything. */
export function spanOfTime(figure: Figure, sentence: string): boolean {
  return /^(?:years?|months?|weeks?|days?|hours?|decades?|centuries)$/i.test(figure.unit ?? '') && /\b(?:in|within|over|for|during|after|past|last|since)\s+(?:just\s+|only\s+|nearly\s+|almost\s+|about\s+|the\s+(?:past|last|first|next)\s+)?$/i.test(sentence.slice(Math.max(0, figure.start - 30), figure.start));
}

/**
 * For a change that closes its clause ("Overall, sick days taken decreased by 65%."), what changed:
 * the clause's words before the figure, without an opening connective or the closing "by"/"to".
 */
function changedThing(figure: Figure, sentence: string): string | null {
  const meaning = readFigureMeanings(sentence).figures.find((m) => m.figure.start === figure.start);
  if (!meaning || meaning.direction === null) return null;
  const before = sentence.slice(0, figure.start).split(/[;:()—]|,\s+(?=\p{Ll})/u).pop() ?? '';
  // Only the size of a change said right after its verb ("decreased by 65%", "rose 4%"), not "rose from $3.45 to …".
  if (!/\b\p{L}+(?:ed|ell|ose|ew|ank|opped)\s+(?:by\s+)?$/iu.test(before)) return null;
  const words = before.replace(/^\s*(?:overall|in\s+all|in\s+total|meanwhile|however|also|and|but)\b[\s,]*/i, '').replace(/\s+(?:by|to|of|about|around|nearly|some)\s*$/i, '').trim();
  const count = words.split(/\s+/).length;
  return count >= 2 && count <= 12 ? words : null;
}

function sameMention(tf: TableFigure, m: FigureMention): boolean {
  return tf.candidate.passage.id === m.passage.id && tf.figure.value === m.figure.value && tf.figure.whole === m.figure.whole && tf.figure.unit === m.figure.unit;
}

/** "does not add up: 16 + 38 = 54 [3] against 196 − 140 = 56 [1]" for a figure that takes part in a discrepancy. */
function discrepancyNote(tf: TableFigure, discrepancies: readonly Discrepancy[], numberOf: (sourceId: string) => number): string[] {
  return discrepancies
    .filter((d) => sameMention(tf, d.positive) || d.parts.some((x) => sameMention(tf, x.mention)))
    .map((d) => {
      const parts = d.parts.map((x) => x.mention.figure.value).join(' + ');
      const cites = [...new Set(d.parts.map((x) => numberOf(x.mention.source.id)))].map((n) => `[${n}]`).join('');
      return `does not add up: ${parts} = ${d.sum} ${cites} against ${d.whole} − ${d.positive.figure.value} = ${d.complement} [${numberOf(d.positive.source.id)}]`;
    });
}

/** The meaning of a table figure, read in its sentence (figure-meaning.ts); null when it cannot be found there. */
function meaningOf(tf: TableFigure, read: Map<string, FigureMeaning[]>): FigureMeaning | null {
  let meanings = read.get(tf.candidate.text);
  if (!meanings) {
    meanings = readFigureMeanings(tf.candidate.text).figures;
    read.set(tf.candidate.text, meanings);
  }
  return meanings.find((m) => m.figure.start === tf.figure.start && m.figure.value === tf.figure.value) ?? meanings.find((m) => m.figure.value === tf.figure.value && m.figure.text.includes(tf.figure.text)) ?? null;
}

/**
 * What a figure agrees with, by meaning: the other sources' figures that say the same thing
 * ("agrees with 140 nations out of 196 [2]"), and the same number said of something else ("same
 * number as 1,200 clinics [2], which counts something else: …"), so a reader does not take one for the other.
 */
export function meaningNotes(tf: TableFigure, figures: readonly TableFigure[], numberOf: (sourceId: string) => number, read: Map<string, FigureMeaning[]> = new Map()): { agrees: string[]; differs: string[] } {
  const agrees: string[] = [];
  const differs: string[] = [];
  const mine = meaningOf(tf, read);
  if (!mine) return { agrees, differs };
  for (const o of figures) {
    if (o === tf || o.candidate.source.id === tf.candidate.source.id) continue;
    if (compareFigures({ ...tf.figure, unit: null, whole: null }, { ...o.figure, unit: null, whole: null }) !== 'match') continue;
    const theirs = meaningOf(o, read);
    if (!theirs) continue;
    const c = compareMeanings(mine, theirs);
    const where = `${o.figure.text} [${numberOf(o.candidate.source.id)}]`;
    if (relationSupports(c.relation)) agrees.push(`agrees with ${where}`);
    else if (c.relation !== 'unrelated' && c.relation !== 'conflicting-value') differs.push(`same number as ${where}, said of something else (${c.relation}): ${c.reason}`);
  }
  return { agrees: [...new Set(agrees)], differs: [...new Set(differs)] };
}

export function figureTable(figures: readonly TableFigure[], numberOf: (sourceId: string) => number, discrepancies: readonly Discrepancy[] = []): ReportFigure[] {
  const conflicts = findConflicts(figures);
  const read = new Map<string, FigureMeaning[]>();
  return figures.map((tf) => {
    const against = conflicts
      .filter((c) => c.a === tf || c.b === tf)
      .map((c) => (c.a === tf ? c.b : c.a))
      .map((o) => `conflicts with ${o.figure.text} [${numberOf(o.candidate.source.id)}]`);
    against.push(...discrepancyNote(tf, discrepancies, numberOf));
    const meaning = meaningNotes(tf, figures, numberOf, read);
    const year = yearOf(tf.candidate.source);
    return {
      value: tf.figure.value,
      text: tf.figure.text,
      counts: whatItCounts(tf.figure, tf.candidate.text),
      whole: tf.figure.whole,
      unit: tf.figure.unit,
      source: numberOf(tf.candidate.source.id),
      passageId: tf.candidate.passage.id,
      agrees: against.length === 0,
      note: [...(against.length > 0 ? against : [year ? `source dated ${year}` : 'source undated']), ...meaning.agrees, ...meaning.differs].join('; '),
    };
  });
}
