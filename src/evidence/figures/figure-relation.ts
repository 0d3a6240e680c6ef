// How one figure's meaning stands to another's: the body of compareFigureStatements
// (figure-meaning.ts holds the contract). Reads both figures (text/figures/figure-meaning.ts), then asks in
// turn: the same kind of quantity (percent vs points, rate vs count, millions vs billions)? the
// same thing counted? the same whole? the same period? the same source of the count? the same
// thing said of it, or a wider or narrower one? the same value and direction?
import type { Figure } from '../../model.js';
import type { FigureMeaning } from '../../text/figures/figure-meaning.js';
import { DOWN_WORDS, IRREGULAR_VERBS, LIGHT_WORDS, UP_WORDS, NARROWING, NOUN_FAMILIES, WIDER_THAN } from '../../text/figures/figure-words.js';
import { kindOf, kindredSenses, stem, synonymsOf } from '../../text/index.js';
import { compareFigures } from './figure-compare.js';

export type ValueRelation = 'match' | 'conflict' | 'scale' | 'unit';

/** Share tolerance: "71 %" and "140 of 196" (0.714) are one share; so are "a quarter" and "25 %". */
const SHARE_SLACK = 0.006;

const stemCache = new Map<string, Set<string>>();

/** A word's stem and its WordNet synonyms' stems (single words only). */
function senseStems(word: string): Set<string> {
  let out = stemCache.get(word);
  if (!out) {
    const lemma = IRREGULAR_VERBS.get(word) ?? word;
    out = new Set([stem(word), stem(lemma)]);
    // A phrasal synonym counts by its verb ("resign" → "step down" → "step").
    if (!word.includes('-')) for (const s of synonymsOf(lemma)) out.add(stem(s.split(' ')[0] ?? s));
    const own = stem(word);
    for (const fam of NOUN_FAMILIES) if (fam.some((f) => own.startsWith(f) || (own.length >= 5 && f.startsWith(own)))) for (const f of fam) out.add(f);
    stemCache.set(word, out);
  }
  return out;
}

/** A word without its possessive and agent or tense ending ("voter", "voted" → "vot"). */
function base(word: string): string {
  const w = word.replace(/['’]s$/, '');
  let b = w.replace(/(?:ers|er|ed|ing|es|s)$/, '');
  if (b !== w && /([b-df-hj-np-tv-z])\1$/.test(b)) b = b.slice(0, -1); // "stepped" → "step"
  return b.length >= 3 ? b : w;
}

function meaningful(words: readonly string[]): string[] {
  return words.filter((w) => !LIGHT_WORDS.has(w) && !LIGHT_WORDS.has(stem(w)) && w.length > 1);
}

/** Does `word` (or a synonym of it) appear among `others`? */
export function covered(word: string, others: readonly string[]): boolean {
  const mine = senseStems(word);
  const ws = stem(word);
  return others.some((o) => {
    const os = stem(IRREGULAR_VERBS.get(o) ?? o);
    if (os === stem(IRREGULAR_VERBS.get(word) ?? word)) return true;
    // "remains unchanged" says "has not changed": the negating prefix is the negation (compared apart).
    if ((o.startsWith('un') && o.length > 5 && stem(o.slice(2)) === ws) || (word.startsWith('un') && word.length > 5 && stem(word.slice(2)) === os)) return true;
    if (os === ws || mine.has(os) || senseStems(o).has(ws)) return true;
    if ([...mine].some((m) => (m.length >= 5 && os.startsWith(m)) || m === base(o))) return true;
    return (os.length >= 5 && ws.length >= 5 && (os.startsWith(ws) || ws.startsWith(os))) || (base(o).length >= 3 && base(o) === base(word));
  });
}

/**
 * Nouns a writer uses for any body that takes part, so that "61 organisations" and "61 companies"
 * in two reports of one trial name one set: of these, a kind (company, firm, school) is no
 * narrower set. A kind of a specific noun ("swimmers" of "athletes") still is.
 */
const ANY_BODY = /^(?:organi[sz]ations?|institutions?|bodies|body|entit(?:y|ies)|employers?|participants?|members?)$/i;

/** One side names a body by a kind of it ("companies") and the other by the general word ("organisations"). */
export function sameBodies(a: string, b: string): boolean {
  return (ANY_BODY.test(b) && kindOf(a, b)) || (ANY_BODY.test(a) && kindOf(b, a));
}

/** Same counted thing: same stem, a synonym, or one family ("countries"/"nations"); null when either has none. */
export function sameCounted(a: FigureMeaning, b: FigureMeaning): boolean | null {
  if (a.counted === null || b.counted === null) return null;
  if (covered(a.counted, [b.counted]) || sameBodies(a.counted, b.counted)) return true;
  // "won 14 of their 20 matches" / "14 wins from 20 games": the noun of one is the verb of the other.
  if (covered(b.counted, a.verbs) || covered(a.counted, b.verbs)) return null;
  return false;
}

const STUDY_MEMBER = /^(?:participating|participants?|enrolled|involved|surveyed|responding|respondents?|taking)$/i;
const STUDY = /\b(?:trials?|study|studies|pilots?|survey(?:ed)?|experiments?|programmes?|programs?|schemes?|scheme)\b/i;

/** Words of one side's share restriction the other side does not say ("private-sector workers" / "workers"). */
export function otherWhole(c: FigureMeaning, s: FigureMeaning): boolean {
  // "92% of the participating companies" against "92% of companies in the trial": a word for taking
  // part names the study's own set, which the other side names by its study.
  const member = (w: string, b: FigureMeaning): boolean => STUDY_MEMBER.test(w) && STUDY.test(b.clause);
  const extra = (a: FigureMeaning, b: FigureMeaning): boolean => a.ofWords.some((w) => !member(w, b) && !covered(w, [...b.ofWords, ...b.said, ...b.modifiers]));
  return extra(c, s) || extra(s, c);
}

/**
 * Is `verb` said by the other side: among its words (the word or a synonym), or among its verbs as
 * a verb of one sense or kind ("covered" / "travelled", "took" / "won")?
 */
function verbSaid(verb: string, words: readonly string[], verbs: readonly string[]): boolean {
  if (covered(verb, [...words, ...verbs])) return true;
  const lemma = IRREGULAR_VERBS.get(verb) ?? verb;
  return verbs.some((o) => !LIGHT_WORDS.has(o) && kindredSenses(lemma, IRREGULAR_VERBS.get(o) ?? o));
}

/** The source's own verbs the claim does not say (nor a synonym): "inspected" against "offer". */
export function otherVerbs(c: FigureMeaning, s: FigureMeaning): string[] {
  return s.verbs.filter((v) => !LIGHT_WORDS.has(v) && !occurrenceVerb(v, s) && !verbSaid(v, c.said, c.verbs));
}

/** Modifiers of the counted noun one side has and the other lacks: "flowering plant species" vs "plant species". */
export function extraModifiers(a: FigureMeaning, b: FigureMeaning): string[] {
  const written = b.figure.text.toLowerCase().split(/[^\p{L}'’-]+/u);
  return a.modifiers.filter((w) => !LIGHT_WORDS.has(w) && !covered(w, [...b.modifiers, ...b.said, ...written]));
}

function asKind(f: Figure, unit: string | null): Figure {
  return { ...f, unit };
}

/** Minutes in a unit of time, so "two hours" and "120 minutes" compare. */
const MINUTES: ReadonlyMap<string, number> = new Map([['second', 1 / 60], ['minute', 1], ['min', 1], ['hour', 60], ['hr', 60], ['h', 60], ['day', 1440], ['week', 10080]]);

function minutesOf(m: FigureMeaning): number | null {
  const u = (m.figure.unit ?? '').toLowerCase().replace(/s$/, '');
  return MINUTES.get(u) ?? null;
}

/** A figure restated in another unit: minutes for durations, per one for rates ("1.8 per 1,000" → 0.0018). */
function rescaled(m: FigureMeaning, factor: number): Figure {
  const f = m.figure;
  const value = f.value * factor;
  // The text carries the precision compareFigures reads: the value as restated.
  return { ...f, value, text: String(Number(value.toPrecision(6))), ...(f.high !== undefined && f.high !== null ? { high: f.high * factor } : {}), unit: 'n', whole: null };
}

/** One unit is the other times hours: "megawatts" / "megawatt-hours", "kW" / "kWh", "person-hours" / "persons". */
function perHour(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return false;
  const bare = (u: string): string => u.toLowerCase().replace(/s$/, '');
  const hours = (u: string): string | null => /^(.+?)[-\s]?hours?$/i.exec(u)?.[1] ?? /^([kmgt]?w)h$/i.exec(u)?.[1] ?? null;
  const ha = hours(a);
  const hb = hours(b);
  return (ha !== null) !== (hb !== null) && bare(ha ?? a) === bare(hb ?? b);
}

/** The values alone: equal within bounds and precision, off by a scale word, or of another kind. */
export function valueRelation(c: FigureMeaning, s: FigureMeaning): ValueRelation {
  const tc = minutesOf(c);
  const ts = minutesOf(s);
  // "two hours" is "120 minutes"; "48 seconds" against "48 minutes" is the unit, not the value.
  if (tc !== null && ts !== null && tc !== ts) return compareFigures(rescaled(c, tc), rescaled(s, ts)) === 'match' ? 'match' : c.figure.value === s.figure.value ? 'unit' : 'conflict';
  // "0.25%" against "0.25 percentage points"; "600 megawatts" (power) against "600 megawatt-hours" (energy).
  const points = (m: FigureMeaning): boolean => m.kind === 'points';
  if (points(c) !== points(s) && (c.kind === 'percent' || s.kind === 'percent') && c.figure.value === s.figure.value) return 'unit';
  if (perHour(c.figure.unit, s.figure.unit) && c.figure.value === s.figure.value) return 'unit';
  if (c.perBase !== null && s.perBase !== null && c.perBase !== s.perBase) return compareFigures(rescaled(c, 1 / c.perBase), rescaled(s, 1 / s.perBase)) === 'match' ? 'match' : 'conflict';
  if (c.share !== null && s.share !== null && (c.kind !== s.kind || c.whole !== s.whole)) {
    const slack = c.figure.approximate || s.figure.approximate ? 0.03 : SHARE_SLACK;
    const cs = c.share;
    const ss = s.share;
    const ok = Math.abs(cs - ss) <= slack || ((s.figure.bound !== '=' || c.figure.bound !== '=') && compareFigures(asKind({ ...c.figure, value: cs, whole: null }, 'share'), asKind({ ...s.figure, value: ss, whole: null, high: null }, 'share')) === 'match');
    if (c.whole !== null && s.whole !== null && c.whole !== s.whole) return compareFigures(asKind(c.figure, 'n'), asKind(s.figure, 'n')) === 'match' ? 'match' : 'conflict';
    return ok ? 'match' : 'conflict';
  }
  // "Half of the companies" is a share, "61 companies" a count: neither is the other's value.
  // "one in five children" is a ratio (a share), "three children" a count.
  const fraction = (m: FigureMeaning): boolean => m.share !== null && ((m.figure.value > 0 && m.figure.value < 1 && m.whole === null) || (m.whole !== null && /\S\s+in\s+(?:every\s+)?\S+/i.test(m.figure.text)));
  const plainCount = (m: FigureMeaning): boolean => m.kind === 'count' && m.share === null && m.figure.value >= 1;
  if ((fraction(c) && plainCount(s)) || (fraction(s) && plainCount(c))) return 'unit';
  const kindC = c.kind === 'measure' || c.kind === 'money' ? (c.measure ?? c.figure.unit) : c.kind;
  const kindS = s.kind === 'measure' || s.kind === 'money' ? (s.measure ?? s.figure.unit) : s.kind;
  const rel = compareFigures(asKind({ ...c.figure, whole: null }, 'n'), asKind({ ...s.figure, whole: null }, 'n'));
  if (kindC !== kindS && !(c.kind === 'count' && s.kind === 'count')) {
    const moneyVsCount = (c.kind === 'money' && s.kind === 'count') || (s.kind === 'money' && c.kind === 'count');
    if (!moneyVsCount || rel === 'match') return 'unit';
  }
  if (rel === 'match') return 'match';
  if (c.scale !== s.scale && c.scale > 1 && s.scale > 1) {
    const r = c.figure.value / c.scale / (s.figure.value / s.scale);
    if (Math.abs(r - 1) < 0.02) return 'scale';
  }
  return 'conflict';
}

/** Which way the predicates nest: the source's set is 'narrower' or 'broader' than the claim's, or null. */
export function nesting(c: FigureMeaning, s: FigureMeaning): 'narrower' | 'broader' | null {
  const cw = [...c.said, ...c.modifiers].map(stem);
  const sw = [...s.said, ...s.modifiers].map(stem);
  const has = (ws: string[], list: readonly string[]): boolean => ws.some((w) => list.some((l) => w.startsWith(l) || w.startsWith(stem(l))));
  for (const [wide, narrow] of WIDER_THAN) {
    if (has(cw, wide) && !has(cw, narrow) && has(sw, narrow)) return 'narrower';
    if (has(sw, wide) && !has(sw, narrow) && has(cw, narrow)) return 'broader';
  }
  // "a total of 2,006 cases" is the count itself; "a total ban" narrows.
  const narrowing = (w: string, m: FigureMeaning): boolean => (NARROWING.has(w) || NARROWING.has(stem(w))) && !new RegExp(`\\b${w}\\s+of\\b`, 'iu').test(m.clause);
  const extra = (a: FigureMeaning, b: FigureMeaning): boolean => [...a.said, ...a.modifiers].some((w) => narrowing(w, a) && !covered(w, [...b.said, ...b.modifiers]));
  // "closed or cut shifts" counts more than "closed": alternatives widen the set.
  const alternatives = (m: FigureMeaning): boolean => /\bor\b/i.test(m.clause.slice(m.clause.indexOf(m.figure.text) + m.figure.text.length));
  if (alternatives(s) !== alternatives(c)) {
    const [wide, narrow] = alternatives(s) ? [s, c] : [c, s];
    if (narrow.verbs.length > 0 && narrow.verbs.every((w) => covered(w, wide.said))) return wide === s ? 'broader' : 'narrower';
  }
  // "food and farm exports" counts more than "farm exports": a list of which the other side names one.
  const listed = (a: FigureMeaning, b: FigureMeaning): boolean => {
    const bw = [...b.said, ...b.modifiers, ...(b.counted ? [b.counted] : [])];
    for (const m of a.clause.matchAll(/((?:[\p{L}-]+,\s+)*[\p{L}-]+),?\s+(?:and|or)\s+(?:the\s+)?([\p{L}-]+)/gu)) {
      const items = [...(m[1] ?? '').split(/,\s+/), m[2] ?? ''].map((w) => w.toLowerCase()).filter((w) => w !== '' && !LIGHT_WORDS.has(w));
      const named = items.filter((w) => covered(w, bw));
      if (items.length >= 2 && named.length >= 1 && named.length < items.length && !/^\p{Lu}/u.test(m[0])) return true;
    }
    return false;
  };
  const and = (m: FigureMeaning): boolean => /\b(?:and|or)\b/i.test(m.clause);
  if (!and(c) && listed(s, c)) return 'broader';
  if (!and(s) && listed(c, s)) return 'narrower';
  const sNarrows = extra(s, c);
  const cNarrows = extra(c, s);
  if (sNarrows && !cNarrows) return 'narrower';
  if (cNarrows && !sNarrows) return 'broader';
  return null;
}

export interface SaidOverlap {
  /** Share of the claim's meaningful words the source's clause says too (synonyms count). */
  covered: number;
  /** The claim's words the source does not say. */
  missing: string[];
  /** The source's words the claim does not say. */
  extra: string[];
}

const COMPARATIVES = /^(?:higher|lower|more|less|fewer|up|down|greater|smaller)$/i;
/** The words of change one way, compiled once: every one in a clause, and one word whole. */
const UP_WAY = { all: new RegExp(UP_WORDS.source, 'gi'), word: new RegExp(`^(?:${UP_WORDS.source})$`, 'i') };
const DOWN_WAY = { all: new RegExp(DOWN_WORDS.source, 'gi'), word: new RegExp(`^(?:${DOWN_WORDS.source})$`, 'i') };

export function saidOverlap(c: FigureMeaning, s: FigureMeaning): SaidOverlap {
  const cw = meaningful(c.said);
  // A word the source writes before its counted noun is said too: "Northvale clubs" / "clubs in Northvale".
  // So is the place the sentence gives the figure for ("in Gaines County, … where coverage is 82 percent").
  const sw = meaningful([...s.said, ...s.modifiers, ...(s.counted ? [s.counted] : []), ...s.places.flatMap((p) => p.split(' '))]);
  // "fell by 65%" / "decreased by 65%": a word of change said the same way is said.
  // A comparison ("2.1% higher in rural areas") is no change: only a word of change on both sides counts.
  const way = c.direction === 'down' ? DOWN_WAY : UP_WAY;
  const sameWay = c.direction !== null && c.direction === s.direction && [...s.clause.matchAll(way.all)].some((m) => !COMPARATIVES.test(m[0]));
  const missing = cw.filter((w) => !(sameWay && way.word.test(w)) && (c.verbs.includes(w) ? !verbSaid(w, sw, s.verbs) : !covered(w, sw)));
  const extra = meaningful(s.said).filter((w) => !covered(w, [...cw, ...(c.counted ? [c.counted] : [])]));
  return { covered: cw.length === 0 ? 1 : (cw.length - missing.length) / cw.length, missing, extra };
}

/** Do two periods name the same time? Unknown parts (a month without a year) compare by their text. */
const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** The month (1–12) a dated period names, from its ISO start or its words; null when none. */
function monthOf(p: { text: string; from: string | null }): number | null {
  const iso = p.from !== null ? /^\d{4}-(\d{2})/.exec(p.from)?.[1] : undefined;
  if (iso) return Number(iso);
  const word = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/i.exec(p.text)?.[1]?.toLowerCase();
  return word ? MONTH_NAMES.indexOf(word) + 1 : null;
}

export function samePeriod(c: FigureMeaning, s: FigureMeaning): boolean | null {
  const a = c.period;
  const b = s.period;
  if (a === null && b === null) return true;
  if (a === null || b === null) {
    // A running total ("since 2006", "between 2010 and 2015") dropped or added changes what is counted.
    const one = a ?? b;
    if (one !== null && (one.kind === 'since' || one.kind === 'span')) return false;
    // "since the election" (a running total the period reader cannot date) against "in the last term".
    const unread = a === null ? c : s;
    return one !== null && /\bsince\s+(?:the\s+|its\s+|their\s+)?\p{L}/iu.test(unread.clause) ? false : null;
  }
  if (a.kind === 'since' || b.kind === 'since') {
    // "since 1901" and "Since the first match in 1901" hold from the same year.
    const [since, other] = a.kind === 'since' ? [a, b] : [b, a];
    const otherClause = a.kind === 'since' ? s.clause : c.clause;
    // A change "since 2020" is one "on 2020", "what it was in 2020": the year is the base it is measured from.
    const base = c.direction !== null && s.direction !== null && other.text !== '' && new RegExp(`\\b(?:on|than\\s+in|compared\\s+(?:with|to)|what\\s+(?:it|they)\\s+(?:was|were)\\s+in|from)\\s+${other.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'i').test(otherClause);
    return since.from === other.from && (other.kind === 'since' || base || /\bsince\b/i.test(otherClause));
  }
  // A span read in words only ("over the last decade") compares by its words.
  const ends = (p: typeof a): string => `${p.from ?? p.text.toLowerCase()}|${p.until ?? p.text.toLowerCase()}`;
  if (a.kind === 'span' || b.kind === 'span') return ends(a) === ends(b);
  // "on January 1" (no year) against "January 2025" or "Jan. 1, 2025": the year is not said on one side,
  // so only the month can differ; the same month is not known to be another period.
  if (a.kind === 'date' && b.kind === 'date' && (a.from === null) !== (b.from === null)) {
    const ma = monthOf(a);
    const mb = monthOf(b);
    // A period in words ("this year", "the spring months") against a dated one is another period.
    if (monthOf(a.from === null ? a : b) !== null) return ma !== null && mb !== null && ma !== mb ? false : null;
  }
  const key = (p: typeof a): string => (p.from ?? p.text.toLowerCase()).slice(0, Math.min((a.from ?? '').length || 10, (b.from ?? '').length || 10));
  return key(a) === key(b);
}

/**
 * A verb of occurrence right before its figure: "hospitals saw 12,000 patients", "Calder has seen
 * 40 floods" say that the things counted were there, as "12,000 patients were treated" does.
 */
function occurrenceVerb(v: string, m: FigureMeaning): boolean {
  if (!/^(?:saw|see|sees|seen)$/.test(v)) return false;
  const before = m.clause.slice(0, Math.max(0, m.clause.indexOf(m.figure.text)));
  // "was seen by 1.1 million people" is what the counted people did, not that they were there.
  return new RegExp(`\\b${v}\\s+(?:(?!by\\b)[\\p{L}'’-]+\\s+){0,2}$`, 'iu').test(before);
}

/** The claim's verbs the source's clause does not say (nor a synonym of them). */
export function missingVerbs(c: FigureMeaning, s: FigureMeaning): string[] {
  // A verb that only says which way the figure moved ("rose", "up", "grown") is compared as a direction.
  const moved = (v: string): boolean => c.direction !== null && c.direction === s.direction && (UP_WORDS.test(v) || DOWN_WORDS.test(v));
  return c.verbs.filter((v) => !LIGHT_WORDS.has(v) && !moved(v) && !occurrenceVerb(v, c) && !verbSaid(v, s.said, s.verbs));
}

/**
 * The same number written, whatever it means: equal values ("12 of 30" and "12 of 45" share the
 * 12), a share written two ways, or the same digits on another scale or of another kind.
 */
export function sameNumber(c: FigureMeaning, s: FigureMeaning): boolean {
  const v = valueRelation(c, s);
  if (v !== 'conflict') return true;
  return compareFigures(asKind({ ...c.figure, whole: null }, 'n'), asKind({ ...s.figure, whole: null }, 'n')) === 'match';
}

/** Restriction words one side writes after its counted thing and the other does not say at all. */
export function addedRestriction(a: FigureMeaning, b: FigureMeaning): string[] {
  const bw = [...b.said, ...b.modifiers, ...b.restriction, ...(b.counted ? [b.counted] : []), ...b.figure.text.toLowerCase().split(/[^\p{L}\p{N}'’-]+/u)];
  // The period is compared on its own: "patients with flu last winter" restricts them by flu only.
  const when = a.period === null ? [] : a.period.text.toLowerCase().split(/[^\p{L}\p{N}]+/u);
  return a.restriction.filter((w) => !when.includes(w) && !covered(w, bw));
}

/** A verb of the source that governs what the claim says: "invited to sign", "applied for", "promised to create". */
export function governingVerb(c: FigureMeaning, s: FigureMeaning): string | null {
  for (const v of otherVerbs(c, s)) {
    const re = new RegExp(`\\b${v}\\s+(?:[\\p{L}'’-]+\\s+){0,2}?(?:to|whether|for)\\b`, 'iu');
    if (re.test(s.clause)) return v;
  }
  return null;
}
