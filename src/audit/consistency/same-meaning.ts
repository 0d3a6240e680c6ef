// One quantity given two values: "92% of the companies continued" in one paragraph and "91%
// continued" in another. Two figures of different sentences are the same quantity when their
// meanings are the same — what they count, what is said of it, its whole and its period, as the
// figure-meaning comparison reads them (evidence/figures compareMeanings) — once their values are
// set aside; they are given two values when the values differ beyond rounding.
import { compareMeanings, relationSupports } from '../../evidence/index.js';
import { isAge } from '../../evidence/figures/figure-modality.js';
import { covered, sameCounted, samePeriod } from '../../evidence/figures/figure-relation.js';
import { STOPWORDS } from '../../text/index.js';
import { readFigureMeanings } from '../../text/figures/figure-meaning.js';
import type { FigureMeaning } from '../../text/figures/figure-meaning.js';
import { fmt } from '../numbers.js';
import type { InternalFinding, ProseSentence } from './finding.js';

interface Read {
  s: ProseSentence;
  m: FigureMeaning;
}

/** `b` as if it gave `a`'s value: what is left to compare is what the two figures mean. */
function withValueOf(b: FigureMeaning, a: FigureMeaning): FigureMeaning {
  const { value, high, bound, approximate } = a.figure;
  return { ...b, figure: { ...b.figure, value, high, bound, approximate }, share: a.share, scale: a.scale };
}

/** Relations under which two figures, their values set aside, cannot be one quantity. */
const APART = new Set(['different-period', 'different-unit', 'unrelated', 'narrower', 'broader']);

/** A phrase before the figure naming which set it is of: "Among the smaller firms, 91%", "In Scotland, 91%". */
const SET_BEFORE = /\b(?:among|of|in|for|at|across|within|outside|except|excluding|from)\s+(?:the\s+|its\s+|their\s+|all\s+)?([\p{L}-]+(?:\s+[\p{L}-]+){0,2})/giu;

/** The words that say which set a figure counts: a phrase before it, its modifiers and restrictions. */
function setWords(m: FigureMeaning): string[] {
  const lead = m.clause.slice(0, Math.max(0, m.clause.indexOf(m.figure.text)));
  const phrases = [...lead.matchAll(SET_BEFORE)].flatMap((x) => (x[1] ?? '').toLowerCase().split(/\s+/));
  return [...phrases, ...m.modifiers, ...m.restriction, ...m.ofWords].filter((w) => w.length > 2 && !STOPWORDS.has(w) && !/\d/.test(w));
}

/** Words that link a sentence to the text around it, not what it says of its figure. */
const DISCOURSE = new Set(['overall', 'also', 'meanwhile', 'however', 'moreover', 'furthermore', 'additionally', 'then', 'again', 'altogether', 'means', 'meaning']);

/** Every word of `words` said by the other figure (its words, its counted thing, its set). */
function saysAll(words: readonly string[], other: FigureMeaning): boolean {
  const theirs = [...other.said, ...setWords(other), ...(other.counted ? [other.counted] : [])];
  return words.every((w) => DISCOURSE.has(w) || covered(w, theirs));
}

/**
 * One quantity: the same kind, way, whole and period; the same set (no set word on one side that
 * the other does not say); one verb in common, and all one side says of its figure said by the
 * other ("91% continued" / "92% of the companies continued the four-day week"); and the
 * figure-meaning comparison, values set aside, finds them the same one way round and no other set,
 * period or unit the other way.
 */
function sameQuantity(a: FigureMeaning, b: FigureMeaning): boolean {
  if (a.kind !== b.kind || a.direction !== b.direction || a.negated !== b.negated || a.subset !== b.subset || a.inclusive !== b.inclusive) return false;
  if (a.whole !== b.whole || (a.period === null) !== (b.period === null) || samePeriod(a, b) === false || sameCounted(a, b) === false) return false;
  if (!sameWhen(a, b) || !saysAll(setWords(a), b) || !saysAll(setWords(b), a)) return false;
  // A change ("fell by 65%") is said by its way; anything else by a verb in common.
  const verbs = a.verbs.length > 0 && b.verbs.length > 0 ? a.verbs.some((v) => covered(v, b.verbs)) : a.direction !== null;
  if (!verbs || (!saysAll(a.said, b) && !saysAll(b.said, a))) return false;
  const there = compareMeanings(a, withValueOf(b, a)).relation;
  const back = compareMeanings(b, withValueOf(a, b)).relation;
  // "91% continued" leaves its counted thing to the sentence before: the comparison reads the
  // other side's "of the companies" as a narrower whole, which the whole and set words above rule out.
  const elided = (r: string): boolean => r === 'different-whole' && (a.counted === null) !== (b.counted === null);
  return [there, back].some((r) => relationSupports(r) || elided(r)) && !APART.has(there) && !APART.has(back);
}

/** "…, the organisers said.": who said it is not what is said. */
const ATTRIBUTION = /,\s*(?:the\s+|its\s+|their\s+)?[\p{L}'’ -]{1,40}?\s+(?:said|says|added|reported|found|wrote)\s*[.!]?\s*$/u;

/**
 * The words and numbers of the sentence up to the end of the figure's clause ("The fifth edition
 * added 1 more country, which brings the review to 187 countries"), but its figure, its linking
 * words and its attribution.
 */
function sentenceWords(r: Read): string[] {
  const text = statement(r).replace(r.m.figure.text, ' ').replace(ATTRIBUTION, ' ');
  return (text.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu) ?? [])
    .map((w) => w.replace(/[.'’]+$/, '').replace(/['’]s$/, ''))
    .filter((w) => w.length > 0 && !STOPWORDS.has(w) && !DISCOURSE.has(w));
}

/** Where the next statement of a sentence starts: "…, and 64% of staff said …", "…; in addition …". */
const NEXT_STATEMENT = /\s*(?:;|,\s*(?:and|but|while|whereas)\s|\s(?:and|but)\s+(?=[\d(]))/i;

/**
 * The sentence up to the end of the statement that gives the figure: its clause and what follows
 * it up to the next statement ("He played in eight games as a freshman and connected on …": "as a
 * freshman" belongs to the eight games).
 */
function statement(r: Read): string {
  const at = r.s.text.indexOf(r.m.clause);
  if (at < 0) return r.s.text;
  const end = at + r.m.clause.length;
  const next = NEXT_STATEMENT.exec(r.s.text.slice(end));
  return r.s.text.slice(0, next ? end + next.index : r.s.text.length);
}

/** Names said in the statement (capitalised words not opening it): "Sir Hugh left his estate …". */
function names(r: Read): string[] {
  return [...statement(r).matchAll(/(?<=\S\s+)\p{Lu}[\p{L}'’-]+/gu)].map((x) => x[0].toLowerCase().replace(/['’]s$/, ''));
}

/** All one sentence says besides its figure, the other says too: "91% continued" of "92% of the companies continued". */
function oneSaysAll(a: Read, b: Read): boolean {
  const inside = (x: string[], y: string[]): boolean => x.every((w) => (/\d/.test(w) ? y.includes(w) : covered(w, y)));
  const [x, y] = [sentenceWords(a), sentenceWords(b)];
  // A name on one side only may be someone else: "His estate … £429,132" / "Sir Hugh left his estate, … £143,194".
  const [na, nb] = [names(a), names(b)];
  if (na.some((n) => !nb.includes(n)) || nb.some((n) => !na.includes(n))) return false;
  return inside(x, y) || inside(y, x);
}

/** When a figure holds, said in words the period reader does not date: "a year later", "after the trial", "still". */
const WHEN = /\b(?:(?:a|an|one|two|three|four|five|six|several|some|\d+)\s+(?:years?|months?|weeks?|days?|decades?)\s+(?:on|later|after(?:wards)?|earlier|before|ago|in)|(?:after|before|during|since|until|by|throughout)\s+(?:the\s+|its\s+|their\s+)?[\p{L}-]+|now|still|today|currently|initially|at\s+first|at\s+the\s+(?:end|start|outset|close)(?:\s+of\s+(?:the\s+)?[\p{L}-]+)?)\b/giu;
/** Of those, the ones that move the time away from the story's own: "a year later", "now", "still". */
const SHIFT = /\b(?:years?|months?|weeks?|days?|decades?)\s+(?:on|later|after|afterwards|earlier|before|ago|in)$|^(?:now|still|today|currently|initially|at\s+first|at\s+the\s+)/i;

function whenOf(m: FigureMeaning): string[] {
  return [...m.clause.matchAll(WHEN)].map((x) => x[0].toLowerCase().replace(/\s+/g, ' '));
}

/** The same time: the same time words on both sides, or words on one side that narrow the story's time without moving it ("during the trial"). */
function sameWhen(a: FigureMeaning, b: FigureMeaning): boolean {
  const [x, y] = [whenOf(a), whenOf(b)];
  if (x.length > 0 && y.length > 0) return x.length === y.length && x.every((w) => y.includes(w));
  return ![...x, ...y].some((w) => SHIFT.test(w));
}

/** Half the step of the figure's last written digit, on its scale: "92%" ± 0.5, "2.3 million" ± 50,000. */
function halfStepOf(m: FigureMeaning): number {
  const decimals = /\d+(?:,\d{3})*\.(\d+)/.exec(m.figure.text)?.[1]?.length ?? 0;
  return (0.5 * m.scale) / 10 ** decimals;
}

/** What the figure says, quoted: its clause, without the punctuation around it. */
function quote(m: FigureMeaning): string {
  const clause = m.clause.replace(/^[\s.,;:—–-]+|[\s.,;:—–-]+$/g, '');
  return clause.length > 0 ? clause : m.figure.text;
}

/** Figures worth comparing: something is said of them, and they are not a range or a vague amount. */
function comparable(m: FigureMeaning): boolean {
  // An age ("aged 31", "the chief, 44,") is someone's; a measure naming a kind ("the women's 75kg event") is a label.
  const before = m.clause.slice(0, Math.max(0, m.clause.indexOf(m.figure.text)));
  const after = m.clause.slice(m.clause.indexOf(m.figure.text) + m.figure.text.length);
  if (isAge(m) || /\b(?:aged|age(?:\s+of)?)\s*$/i.test(before)) return false;
  if (m.kind === 'measure' && /(?:\b(?:the|a|an)|['’]s)\s*[+]?$/i.test(before) && /^[\s-]*\p{Ll}/u.test(after)) return false;
  return m.said.length > 0 && (m.figure.high ?? null) === null && !m.figure.approximate && m.figure.bound === '=';
}

/** Every figure meaning of the article's sentences with a digit, in reading order. */
function readAll(sentences: readonly ProseSentence[]): Read[] {
  const out: Read[] = [];
  for (const s of sentences) {
    if (!/\d/.test(s.text)) continue;
    for (const m of readFigureMeanings(s.text).figures) if (comparable(m)) out.push({ s, m });
  }
  return out;
}

/** The later of two figures that mean the same and are given different values, quoting both. */
export function sameMeaningFindings(sentences: readonly ProseSentence[]): InternalFinding[] {
  const out: InternalFinding[] = [];
  const read = readAll(sentences);
  const flagged = new Set<number>();
  for (let j = 1; j < read.length; j++) {
    const b = read[j]!;
    if (flagged.has(b.s.i)) continue;
    for (let i = 0; i < j; i++) {
      const a = read[i]!;
      if (a.s.i === b.s.i || a.m.kind !== b.m.kind || a.m.figure.value === b.m.figure.value) continue;
      // Beyond rounding: "91.7%" may be "92%" written to another precision; "91%" and "92%" are two values.
      if (Math.abs(a.m.figure.value - b.m.figure.value) < halfStepOf(a.m) + halfStepOf(b.m) - 1e-9) continue;
      if (!oneSaysAll(a, b) || !sameQuantity(a.m, b.m)) continue;
      flagged.add(b.s.i);
      const unit = b.m.kind === 'percent' ? '%' : '';
      out.push({
        check: 'restated-value', sentence: b.s.i, others: [a.s.i], kind: 'internal-inconsistency',
        message: `The article gives two values for the same quantity: "${quote(b.m)}" here, and "${quote(a.m)}" earlier.`,
        computation: `${fmt(b.m.figure.value, 2)}${unit} ≠ ${fmt(a.m.figure.value, 2)}${unit}`,
        suggestion: `use one figure (${a.m.figure.text.trim()} or ${b.m.figure.text.trim()}) for the same quantity, or say what each one counts`,
      });
      break;
    }
  }
  return out;
}
