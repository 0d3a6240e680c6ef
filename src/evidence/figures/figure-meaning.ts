// What a figure counts, compared: the one function that stance, verdicts, the report's figures
// table and the audit use to decide whether two figures say the same thing.
//
// CONTRACT (fixed, so the dev benchmark and every caller can be written against it):
// `compareFigureStatements(claim, source)` compares one figure of the claim (or article) sentence
// with one figure of the source sentence and answers how the SOURCE's figure stands to the
// CLAIM's figure, with a one-line reason in plain words.
//
// Relations:
//   same                 same value, same counted thing, same whole and period (near-identical wording)
//   paraphrase           same value and meaning in other words ("140 of 196 countries" / "140 nations out of 196",
//                        "a quarter" / "25 %")
//   narrower             the source counts a narrower set than the claim (claim: "countries with some law",
//                        source: "countries that criminalize possession")
//   broader              the source counts a broader set than the claim (the reverse)
//   different-predicate  same number, but the source says something else of it ("inspected 1,200 clinics" vs
//                        "1,200 clinics offer the vaccine"; a survey figure vs a legal fact)
//   different-period     same quantity, other period or date ("in 2023" vs "in 2019", "since 2006" dropped)
//   different-whole      the figures are out of different wholes ("26 of 40 districts" vs "26 of 52")
//   different-unit       percent vs percentage points, a rate vs a count, millions vs billions of another unit
//   conflicting-value    same meaning, other value (or opposite direction: "rose 5 %" vs "fell 5 %")
//   unrelated            the two figures are about different things altogether
//
// `figure` is the surface text of the figure to compare inside its sentence ("1,200", "a quarter",
// "25 %"); when omitted, the best-matching figure pair of the two sentences is chosen.
//
// The figures' meanings are read by text/figures/figure-meaning.ts; the tests that decide the relation
// are in figure-relation.ts; this file picks the pair and words the answer.
import { readFigureMeanings, type FigureMeaning } from '../../text/figures/figure-meaning.js';
import { otherPlace } from '../../text/figures/figure-places.js';
import { stem } from '../../text/tokens.js';
import { antonymSaid, isAge, isDifference, otherModality } from './figure-modality.js';
import { kindNesting, setNarrowing } from './figure-sets.js';
import { addedRestriction, extraModifiers, governingVerb, missingVerbs, nesting, otherVerbs, otherWhole, sameCounted, samePeriod, saidOverlap, valueRelation } from './figure-relation.js';

export type MeaningRelation =
  | 'same'
  | 'paraphrase'
  | 'narrower'
  | 'broader'
  | 'different-predicate'
  | 'different-period'
  | 'different-whole'
  | 'different-unit'
  | 'conflicting-value'
  | 'unrelated';

export const MEANING_RELATIONS: readonly MeaningRelation[] = [
  'same',
  'paraphrase',
  'narrower',
  'broader',
  'different-predicate',
  'different-period',
  'different-whole',
  'different-unit',
  'conflicting-value',
  'unrelated',
];

/** A relation under which the source's figure bears out the claim's figure. */
export function relationSupports(relation: MeaningRelation): boolean {
  return relation === 'same' || relation === 'paraphrase';
}

export interface FigureStatement {
  /** The whole sentence the figure is read in. */
  sentence: string;
  /** The figure's surface text inside `sentence`; omitted: the best pair is chosen. */
  figure?: string;
}

export interface MeaningComparison {
  relation: MeaningRelation;
  /** One line in plain words: "the source counts districts that restrict e-scooters, not districts that ban them". */
  reason: string;
}

/** Below this share of the claim's words said of the source's figure, the source says something else of it. */
const SAID_AT = 0.5;
/** Below this share, with no counted thing or verb in common, the two figures are about different things. */
const UNRELATED_AT = 0.34;
/** Below this share (and two words or more missing) the source says something else of the figure. */
const PREDICATE_AT = 0.34;

/** The meaning whose figure is written `text`, or all when no text is given. */
function pick(meanings: readonly FigureMeaning[], text: string | undefined): FigureMeaning[] {
  if (text === undefined || text.trim() === '') return [...meanings];
  const want = text.replace(/\s+/g, ' ').trim().toLowerCase();
  const exact = meanings.filter((m) => m.figure.text.toLowerCase() === want);
  if (exact.length > 0) return exact;
  const inside = meanings.filter((m) => m.figure.text.toLowerCase().includes(want) || want.includes(m.figure.text.toLowerCase()));
  return inside.length > 0 ? inside : [...meanings];
}

function pairScore(c: FigureMeaning, s: FigureMeaning): number {
  const v = valueRelation(c, s);
  const counted = sameCounted(c, s);
  // Figures said of the same period pair first ("to $17 in 2025" with "to $16.50 in 2025", not "$16 in 2024").
  const samePeriod = c.period !== null && s.period !== null ? (c.period.from === s.period.from && c.period.until === s.period.until ? 1 : -1) : 0;
  return (v === 'match' ? 4 : v === 'scale' || v === 'unit' ? 2 : 0) + (counted === true ? 2 : counted === false ? -1 : 0) + saidOverlap(c, s).covered + (c.kind === s.kind ? 0.5 : 0) + samePeriod;
}

/** The best pair of figures of two sentences: a matching value of the same counted thing first. */
export function bestFigurePair(claim: readonly FigureMeaning[], source: readonly FigureMeaning[]): [FigureMeaning, FigureMeaning] | null {
  let best: [FigureMeaning, FigureMeaning] | null = null;
  let score = -Infinity;
  for (const c of claim) {
    for (const s of source) {
      const x = pairScore(c, s);
      if (x > score) {
        score = x;
        best = [c, s];
      }
    }
  }
  return best;
}

const q = (text: string): string => `"${text.trim()}"`;
/** A lower-case name written as a name again: "gaines county" → "Gaines County". */
const title = (name: string): string => name.replace(/(^|\s)(\p{L})/gu, (_m, a: string, b: string) => a + b.toUpperCase());

/** What the clause says of its figure, for a reason: the figure's predicate, else its clause. */
function saying(m: FigureMeaning): string {
  const clause = m.clause.replace(/^[\s.,;:]+|[\s.,;:]+$/g, '');
  return clause.length > 0 ? clause : m.figure.text;
}

/** The words of a figure's clause before it. */
function before(m: FigureMeaning): string {
  const at = m.clause.indexOf(m.figure.text);
  return at < 0 ? '' : m.clause.slice(0, at);
}

/** A change's figure as the level reached ("fell to 5%") or the size of the change ("fell by 5%", "fell 5%"); null for no change. */
function changeForm(m: FigureMeaning): 'to' | 'by' | null {
  if (m.direction === null) return null;
  const head = before(m);
  if (/\b(?:to|at|reach(?:ed|es)?|hit)\s+$/i.test(head) && !/\bfrom\s+\S+\s+to\s+$/i.test(head)) return 'to';
  return /\bby\s+$/i.test(head) || /\b(?:rose|fell|grew|climbed|dropped|declined|increased|decreased|jumped|slid|shrank)\s+$/i.test(head) ? 'by' : null;
}

/** Money or growth measured "in real terms" (after inflation) or "in cash/nominal terms"; null when not said. */
function termsOf(m: FigureMeaning): 'real' | 'nominal' | null {
  if (/\b(?:in\s+real\s+terms|inflation[-\s]adjusted|after\s+inflation|real[-\s]terms)\b/i.test(m.clause)) return 'real';
  if (/\b(?:in\s+(?:cash|nominal|money)\s+terms|nominal(?:ly)?|before\s+inflation)\b/i.test(m.clause)) return 'nominal';
  return null;
}

/**
 * "has not changed" and "remains unchanged" say one thing: the side without a negation word says
 * an un- word whose base the negated side says ("unchanged" / "changed").
 */
function prefixNegates(negated: FigureMeaning, other: FigureMeaning): boolean {
  const bases = new Set(negated.said.map(stem));
  return other.said.some((w) => /^un\p{L}{4,}/u.test(w) && bases.has(stem(w.slice(2))));
}

/**
 * The same figure written the same way, and every word the claim says of it written by the source
 * too (by stem, not by synonym); the source may add who said it and when ("…, the club said", "on
 * Tuesday"). Word order does not matter: "In 2023, Northvale recorded 4,312 cases".
 */
function sameWords(c: FigureMeaning, s: FigureMeaning): boolean {
  const figure = (m: FigureMeaning): string => m.figure.text.toLowerCase().replace(/\s+/g, ' ');
  if (figure(c) !== figure(s)) return false;
  // Every word of the claim's clause but the plainest ones ("over 55" is not "older than 55", "will" not "is due to").
  const words = (m: FigureMeaning): string[] => (m.clause.toLowerCase().match(/[\p{L}\p{N}%]+/gu) ?? []).filter((w) => !PLAIN.has(w)).map((w) => stem(w.replace(/['’]s$/, '')));
  const stems = new Set(words(s));
  return words(c).every((w) => stems.has(w));
}

const PLAIN = new Set(['the', 'a', 'an', 'of', 'in', 's', 'its', 'their', 'that', 'this']);

/** Compare two figure meanings already read (the pair chosen). */
export function compareMeanings(c: FigureMeaning, s: FigureMeaning): MeaningComparison {
  const cf = q(c.figure.text);
  const sf = q(s.figure.text);
  const value = valueRelation(c, s);
  const counted = sameCounted(c, s);
  const said = saidOverlap(c, s);
  const shareVerb = c.verbs.some((v) => s.verbs.includes(v));
  // "the police chief, 44, took office": a number set apart by commas after a person is an age.
  if (isAge(c) !== isAge(s)) {
    return { relation: 'unrelated', reason: `${isAge(s) ? `the source's ${sf}` : `the claim's ${cf}`} is someone's age: ${q(saying(s))} against ${q(saying(c))}` };
  }
  if (value === 'match' && s.subset !== c.subset) {
    const nest = s.subset ? 'narrower' : 'broader';
    return { relation: nest, reason: `the source counts ${nest === 'narrower' ? 'part of a larger set' : 'the larger set'}: ${q(saying(s))}, where the claim says ${q(saying(c))}` };
  }
  if (counted !== true && said.covered < UNRELATED_AT && !shareVerb) {
    return { relation: 'unrelated', reason: `the source's ${sf} and the claim's ${cf} are about different things: ${q(saying(s))} against ${q(saying(c))}` };
  }
  // "91 percent" for Lynn County against the claim's "82 percent" for Gaines County: two places of one kind.
  const places = otherPlace(c.places, s.places);
  if (places !== null) {
    return { relation: 'different-whole', reason: `the source's ${sf} is given for ${title(places[1])}, the claim's ${cf} for ${title(places[0])}` };
  }
  if (value === 'unit') {
    const plain = (m: FigureMeaning): boolean => m.kind === 'count';
    const thing = (m: FigureMeaning): boolean => m.kind === 'measure' || m.kind === 'money';
    if (counted !== true && ((plain(c) && thing(s)) || (thing(c) && plain(s))) && c.kind !== s.kind) {
      return { relation: 'unrelated', reason: `the source's ${sf} measures something else than the claim's ${cf}: ${q(saying(s))} against ${q(saying(c))}` };
    }
    const what = (m: FigureMeaning): string => (m.kind === 'count' && m.share !== null ? 'a share' : m.kind === 'points' ? 'percentage points' : m.kind === 'percent' ? 'a percentage' : m.kind === 'rate' ? 'a rate' : m.kind === 'money' ? 'money' : m.kind === 'measure' ? (m.figure.unit ?? 'a measure') : 'a count');
    return { relation: 'different-unit', reason: `the source gives ${what(s)} (${sf}) where the claim gives ${what(c)} (${cf})` };
  }
  // "4% of GDP" is a share; "grew 4%" a change.
  const change = (m: FigureMeaning): boolean => m.direction !== null && m.counted === null;
  const level = (m: FigureMeaning): boolean => m.direction === null && (m.counted !== null || /^\s+of\b/i.test(m.clause.slice(m.clause.indexOf(m.figure.text) + m.figure.text.length)));
  // "21 degrees" (a level) against "21 degrees warmer than in January" (a difference); a change ("up by a fifth") is no level.
  if (value === 'match' && isDifference(c) !== isDifference(s) && (isDifference(c) ? s : c).direction === null) {
    return { relation: 'different-unit', reason: `one figure is a level and the other a difference: the source's ${q(saying(s))} against the claim's ${q(saying(c))}` };
  }
  if (c.kind === 'percent' && s.kind === 'percent' && ((change(c) && level(s)) || (level(c) && change(s))) && value === 'match') {
    return { relation: 'different-unit', reason: `one figure is a share and the other a change: the source's ${q(saying(s))} against the claim's ${q(saying(c))}` };
  }
  // "fell to 5%" is the level reached, "fell by 5%" the size of the fall.
  const cForm = changeForm(c);
  const sForm = changeForm(s);
  if (value === 'match' && cForm !== null && sForm !== null && cForm !== sForm) {
    const how = (f: 'to' | 'by', m: FigureMeaning): string => (f === 'to' ? `the level reached (${q(saying(m))})` : `the size of the change (${q(saying(m))})`);
    return { relation: 'different-unit', reason: `the source gives ${how(sForm, s)}, the claim ${how(cForm, c)}` };
  }
  // "rose 5% in real terms" is after inflation, "in cash terms" before it.
  const cTerms = termsOf(c);
  const sTerms = termsOf(s);
  if (value === 'match' && cTerms !== null && sTerms !== null && cTerms !== sTerms) {
    return { relation: 'different-unit', reason: `the source's ${sf} is in ${sTerms} terms, the claim's ${cf} in ${cTerms} terms` };
  }
  if (c.per !== s.per && c.per !== null && s.per !== null && value === 'match') {
    const how = (m: FigureMeaning): string => (m.per?.startsWith('in ') ? `in one ${m.per.slice(3)}` : `a ${m.per ?? ''}`);
    return { relation: 'different-unit', reason: `the source counts ${sf} ${how(s)}, the claim ${cf} ${how(c)}` };
  }
  // "cost 310 million marks" / "310 thousand cars a month": other scales of other kinds of thing.
  if (value === 'scale' && c.kind !== s.kind && counted !== true) return { relation: 'unrelated', reason: `the source's ${sf} measures something else than the claim's ${cf}: ${q(saying(s))} against ${q(saying(c))}` };
  if (value === 'scale') return { relation: 'different-unit', reason: `the source's ${sf} is on another scale than the claim's ${cf}` };
  // A share of another set is out of another whole ("of adults" / "of residents, children included").
  if (c.share !== null && s.share !== null && c.figure.whole === null && s.figure.whole === null && value === 'match' && (counted === false || otherWhole(c, s))) {
    return { relation: 'different-whole', reason: `the source's ${sf} is a share of another set: ${q(saying(s))} against ${q(saying(c))}` };
  }
  const kind = value === 'match' && (counted === false || said.covered < 1) ? kindNesting(c, s) : null;
  if (kind !== null) {
    return { relation: kind, reason: `the source counts ${kind === 'narrower' ? 'a kind of' : 'more than'} what the claim counts: ${q(saying(s))}, where the claim says ${q(saying(c))}` };
  }
  if (counted === false) {
    if (said.covered < SAID_AT || value !== 'match') return { relation: 'unrelated', reason: `the source's ${sf} counts ${s.counted ?? 'something else'}, the claim's ${cf} counts ${c.counted ?? 'something else'}` };
    return { relation: 'different-predicate', reason: `the source counts ${s.counted ?? 'something else'} (${q(saying(s))}), not ${c.counted ?? 'what the claim counts'} (${q(saying(c))})` };
  }
  if (c.whole !== null && s.whole !== null && c.whole !== s.whole) {
    return { relation: 'different-whole', reason: `the source's figure is out of ${s.whole} (${sf}), the claim's out of ${c.whole} (${cf})` };
  }
  const period = samePeriod(c, s);
  if (period === false) {
    const when = (m: FigureMeaning): string => (m.period ? q(m.period.text) : 'no period');
    return { relation: 'different-period', reason: `the source's ${sf} holds for ${when(s)}, the claim's ${cf} for ${when(c)}` };
  }
  // "won by 7 votes" / "lost by 7 votes": an antonym said of the same figure.
  // With a negation on one side the antonym says the same ("has not changed" / "remains unchanged").
  const opposite = value === 'match' && c.negated === s.negated ? antonymSaid(c, s) : null;
  if (opposite !== null) {
    return { relation: 'conflicting-value', reason: `the source says "${opposite[1]}" where the claim says "${opposite[0]}" of ${cf}: ${q(saying(s))} against ${q(saying(c))}` };
  }
  if (value === 'match' && s.inclusive !== c.inclusive) {
    const wider = s.inclusive ? 'broader' : 'narrower';
    return { relation: wider, reason: `the source counts ${wider === 'broader' ? 'a broader' : 'a narrower'} set: ${q(saying(s))}, where the claim says ${q(saying(c))}` };
  }
  const sExtra = extraModifiers(s, c);
  const cExtra = extraModifiers(c, s);
  if (value === 'match' && counted === true && (sExtra.length === 0) !== (cExtra.length === 0)) {
    const rel = sExtra.length > 0 ? 'narrower' : 'broader';
    return { relation: rel, reason: `the source counts ${[...sExtra, ...cExtra].join(' ')} ${s.counted ?? ''} ${rel === 'narrower' ? 'only' : 'of every kind'}: ${q(saying(s))}, where the claim says ${q(saying(c))}` };
  }
  const nest = nesting(c, s);
  if (nest !== null && value === 'match') {
    return { relation: nest, reason: `the source counts ${nest === 'narrower' ? 'a narrower' : 'a broader'} set: ${q(saying(s))}, where the claim says ${q(saying(c))}` };
  }
  if (c.direction !== null && s.direction !== null && c.direction !== s.direction && value === 'match') {
    return { relation: 'conflicting-value', reason: `the source's ${sf} went ${s.direction}, the claim's ${cf} ${c.direction}` };
  }
  const modality = value === 'match' ? otherModality(c, s) : null;
  if (modality !== null) {
    return { relation: 'different-predicate', reason: `${modality.reason}: ${q(saying(s))} against ${q(saying(c))}` };
  }
  const verbs = missingVerbs(c, s);
  if (verbs.length > 0 && value === 'match' && otherVerbs(c, s).length > 0) {
    return { relation: 'different-predicate', reason: `the source says ${q(saying(s))}, not that ${q(saying(c))} (it does not say "${verbs.join('", "')}")` };
  }
  const governs = value === 'match' ? governingVerb(c, s) : null;
  if (governs !== null) {
    return { relation: 'different-predicate', reason: `the source says ${q(saying(s))}, not that ${q(saying(c))} (the claim does not say "${governs}")` };
  }
  if (c.negated !== s.negated && value === 'match' && verbs.length === 0 && !prefixNegates(c.negated ? c : s, c.negated ? s : c)) {
    const [yes, no] = c.negated ? ['the source', 'the claim'] : ['the claim', 'the source'];
    return { relation: 'conflicting-value', reason: `${no} denies what ${yes} says of ${cf}: ${q(saying(c.negated ? c : s))} against ${q(saying(c.negated ? s : c))}` };
  }
  const legal = (m: FigureMeaning): boolean => m.countSource === 'statute' || /\b(?:ban|bans|banned|criminali[sz]e[sd]?|outlaw(?:s|ed)?|prohibit(?:s|ed)?|illegal|legal)\b/i.test(m.clause);
  // A survey of laws that counts countries (a review of statutes) counts legal facts; only a survey's
  // answers from people ("52% of voters back a ban") are not one.
  const ofPlaces = (m: FigureMeaning): boolean => /\b(?:countr|nation|states?\b|jurisdiction|territor|provinc|district|municipal|cit(?:y|ies))/i.test(m.counted ?? '');
  const answers = (m: FigureMeaning): boolean => m.countSource === 'survey' && (!ofPlaces(m) || /\b(?:say|says|said|told|answered|responded|believe[sd]?|think|thought)\b/i.test(`${m.clause} ${m.said.join(' ')}`));
  if (value === 'match' && ((answers(s) && c.countSource !== 'survey' && legal(c)) || (answers(c) && s.countSource !== 'survey' && legal(s)))) {
    return s.countSource === 'survey'
      ? { relation: 'different-predicate', reason: `the source's ${sf} is what a survey's respondents said (${q(saying(s))}), not a legal fact as the claim states it` }
      : { relation: 'different-predicate', reason: `the claim's ${cf} is what a survey's respondents said; the source states ${sf} as a legal fact` };
  }
  if (value === 'match') {
    const sAdds = [...addedRestriction(s, c), ...setNarrowing(s, c)];
    const cAdds = [...addedRestriction(c, s), ...setNarrowing(c, s)];
    if ((sAdds.length > 0) !== (cAdds.length > 0)) {
      const rel = sAdds.length > 0 ? 'narrower' : 'broader';
      const kind = s.share !== null && c.share !== null ? 'different-whole' : rel;
      return { relation: kind, reason: `the ${sAdds.length > 0 ? 'source' : 'claim'} narrows what it counts ("${[...sAdds, ...cAdds].slice(0, 4).join(' ')}"): the source says ${q(saying(s))}, the claim ${q(saying(c))}` };
    }
  }
  if (said.covered < PREDICATE_AT && said.missing.length > 1 && value === 'match') {
    return { relation: 'different-predicate', reason: `the source says ${q(saying(s))}, not that ${q(saying(c))} (it does not say ${said.missing.slice(0, 3).join(', ')})` };
  }
  if (value === 'conflict') return { relation: 'conflicting-value', reason: `the source gives ${sf} where the claim gives ${cf}` };
  const norm = (m: FigureMeaning): string => m.clause.toLowerCase().replace(/[^\p{L}\p{N}%]+/gu, ' ').trim();
  if (norm(c) === norm(s) || sameWords(c, s)) return { relation: 'same', reason: `the source states ${sf} in the same words` };
  return { relation: 'paraphrase', reason: `the source's ${sf} says what the claim's ${cf} says, in other words` };
}

export function compareFigureStatements(claim: FigureStatement, source: FigureStatement): MeaningComparison {
  const c = readFigureMeanings(claim.sentence);
  const s = readFigureMeanings(source.sentence);
  const pair = bestFigurePair(pick(c.figures, claim.figure), pick(s.figures, source.figure));
  if (pair === null) {
    const notes = [...c.notes, ...s.notes];
    const which = c.figures.length === 0 ? 'the claim' : 'the source';
    return { relation: 'unrelated', reason: `${which} states no figure that can be read${notes.length > 0 ? ` (${notes.join('; ')})` : ''}` };
  }
  return compareMeanings(pair[0], pair[1]);
}
