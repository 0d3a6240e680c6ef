// Consistency of the figures across an article: the same quantity given two values; counts that
// must nest ("of these, N"; a narrower group larger than the group it belongs to; a part larger
// than the whole the article states); and derived figures (whole − part) given a meaning that
// does not follow from them.
import { compareFigures, unitsCompatible } from '../../evidence/index.js';
import { stem } from '../../text/index.js';
import { contentStems, describeFigure, droppedQualifier, isNegated, predicateSimilarity, predicateText } from '../figure-context.js';
import { sameTime } from '../figures.js';
import type { FigureSite } from '../figures.js';
import type { PredicateWord } from '../figure-context.js';
import { fmt } from '../numbers.js';

/** A figure of the article: which claim (sentence) it is in, and where. */
export interface ArticleFigure extends FigureSite {
  claim: number;
}

export interface ConsistencyFinding {
  /** The claim the finding is attached to (the later of the two). */
  claim: number;
  /** The other claim involved, quoted as evidence. */
  other: number | null;
  message: string;
  /** The value of the figure the finding is about, so the audit can lift it if a source states it. */
  value: number;
  /** Arithmetic across two sentences ("140 of 196 … This is 81%") rather than an inconsistency. */
  arithmetic?: boolean;
}

const NEGATION = /\b(?:not|no|never|without|lacks?|lacking|fails?\s+to|neither|nor|none|outside)\b|n't\b|\bnon-/i;
const COMPLEMENT = /\b(?:remaining|rest|other|others|leaving|leaves?|else)\b/i;
const NESTED = /\b(?:of\s+(?:these|them|those|which|whom)|among\s+(?:them|these|those)|of\s+this\s+group)\b[^.;\d]{0,20}?$/i;

function unitsMatch(x: string, y: string): boolean {
  return stem(x) === stem(y) || (unitsCompatible(x, y) && /%|percent/.test(`${x}${y}`) === /%|percent/.test(`${x}`));
}

// The pairwise checks ask about the same few unit pairs many times over (a figure-dense article
// has hundreds of figures of one unit): answers are kept per pair, for one checkConsistency call.
let unitPairs = new Map<string, boolean>();

function sameUnit(a: ArticleFigure, b: ArticleFigure): boolean {
  const x = a.figure.unit;
  const y = b.figure.unit;
  if (x === null || y === null) return false;
  const key = `${x}\u0000${y}`;
  let v = unitPairs.get(key);
  if (v === undefined) {
    v = unitsMatch(x, y);
    unitPairs.set(key, v);
  }
  return v;
}

/** The words read after the figure (not the context before it). */
function own(s: ArticleFigure): PredicateWord[] {
  return s.predicate.filter((w) => !w.context);
}

function quoted(s: ArticleFigure): string {
  return describeFigure(s.figure, s.predicate);
}

/** The same quantity — same unit, same predicate, same time — given different values. */
function sameQuantity(figs: ArticleFigure[], out: ConsistencyFinding[]): void {
  for (let i = 0; i < figs.length; i++) {
    for (let j = i + 1; j < figs.length; j++) {
      const a = figs[i]!;
      const b = figs[j]!;
      if (a.claim === b.claim || !sameUnit(a, b) || !sameTime(a.years, b.years)) continue;
      // Said of the same thing: two or more words after each figure, mostly shared, and close overall.
      if (contentStems(own(a)).length < 2 || contentStems(own(b)).length < 2) continue;
      if (predicateSimilarity(own(a), own(b)) < 0.5 || predicateSimilarity(a.predicate, b.predicate) < 0.75) continue;
      if (droppedQualifier(a.predicate, b.predicate) || droppedQualifier(b.predicate, a.predicate)) continue;
      if (compareFigures(b.figure, a.figure) !== 'conflict') continue;
      if (a.figure.whole !== null && b.figure.whole !== null && a.figure.whole !== b.figure.whole) continue;
      out.push({
        claim: b.claim,
        other: a.claim,
        value: b.figure.value,
        message: `The article gives two values for the same quantity: ${quoted(b)} here, and ${quoted(a)} earlier.`,
      });
    }
  }
}

/** "Of these, N …": N cannot exceed the figure it refers to (the last one before it, same sentence or the one before). */
function nestedCounts(figs: ArticleFigure[], out: ConsistencyFinding[]): void {
  for (let i = 0; i < figs.length; i++) {
    const b = figs[i]!;
    const lead = b.sentence.slice(0, b.figure.start);
    if (!NESTED.test(lead)) continue;
    // The referent: the previous figure in the same sentence, else the last figure of the previous claim.
    let ref: ArticleFigure | undefined;
    for (let k = i - 1; k >= 0; k--) {
      const c = figs[k]!;
      if (c.claim !== b.claim && c.claim !== b.claim - 1) break;
      // "Employees at 61 companies … across four days … Of those, 56 companies": the set is of the subset's own kind.
      const noun = b.figure.unit === null ? '' : stem(b.figure.unit);
      if (noun !== '' && c.figure.unit !== null && !sameUnit(b, c) && !c.sentence.slice(c.figure.start, c.figure.end + 30).toLowerCase().includes(noun)) continue;
      ref = c;
      break;
    }
    if (!ref || /%|percent/i.test(`${ref.figure.unit ?? ''}${b.figure.unit ?? ''}`)) continue;
    const container = ref.figure.value;
    if (b.figure.value > container && !(b.figure.bound === '<' || b.figure.bound === '<=')) {
      out.push({
        claim: b.claim,
        other: ref.claim === b.claim ? null : ref.claim,
        value: b.figure.value,
        message: `"${(NESTED.exec(lead)?.[0] ?? '').trim()} ${b.figure.text}" counts a subset of the ${fmt(container, 2)} in ${quoted(ref)}, but ${fmt(b.figure.value, 2)} > ${fmt(container, 2)}: a subset cannot be larger than its set.`,
      });
    }
  }
}

/** A narrower group (the same predicate plus a qualifier) larger than the broader one. */
function narrowerLarger(figs: ArticleFigure[], out: ConsistencyFinding[]): void {
  for (const a of figs) {
    if (contentStems(a.predicate).length < 1) continue;
    for (const b of figs) {
      if (a === b || a.claim === b.claim || !sameUnit(a, b) || !sameTime(a.years, b.years)) continue;
      const qualifier = droppedQualifier(a.predicate, b.predicate);
      if (!qualifier) continue;
      // "the remaining 62 have some legislation, but not …" is a complement, not the broader group.
      const near = (x: ArticleFigure) => x.sentence.slice(Math.max(0, x.figure.start - 40), Math.min(x.sentence.length, x.figure.end + 80));
      if (COMPLEMENT.test(near(a)) || COMPLEMENT.test(near(b)) || /\bbut\s+not\b/i.test(near(a)) || /\bbut\s+not\b/i.test(near(b))) continue;
      // b counts a narrower group than a. Negated predicates do not nest that way.
      if (NEGATION.test(predicateText(a.predicate)) || NEGATION.test(predicateText(b.predicate))) continue;
      if (b.figure.value > a.figure.value && b.figure.bound !== '<' && b.figure.bound !== '<=' && a.figure.bound !== '>' && a.figure.bound !== '>=') {
        const later = Math.max(a.claim, b.claim);
        out.push({
          claim: later,
          other: later === a.claim ? b.claim : a.claim,
          value: b.figure.value,
          message: `${quoted(b)} is a narrower group (it adds "${qualifier}") than ${quoted(a)}, so it cannot be larger: ${fmt(b.figure.value, 2)} > ${fmt(a.figure.value, 2)}.`,
        });
      }
    }
  }
}

/** A count larger than the whole the article states for the same unit and the same kind of thing. */
function partOverStatedWhole(figs: ArticleFigure[], out: ConsistencyFinding[]): void {
  // Only the article's largest whole for the unit is "all of them"; smaller wholes are subsets.
  const largest = Math.max(...figs.map((f) => f.figure.whole ?? -Infinity));
  for (const w of figs) {
    if (w.figure.whole === null || w.figure.whole !== largest) continue;
    // "of the 62 countries that have some legislation" is a subset, not a total.
    if (/^(?:\s*(?:out\s+)?of\s+(?:the\s+|all\s+|those\s+|these\s+)?[\d,]+\s+[A-Za-z-]+)?\s*,?\s*(?:that|which|who|whose|with|where|having|in\s+which)\b/i.test(w.sentence.slice(w.figure.end, w.figure.end + 60))) continue;
    for (const x of figs) {
      if (x === w || x.claim === w.claim || x.figure.whole !== null || !sameUnit(w, x)) continue;
      if (/%|percent/i.test(x.figure.unit ?? '')) continue;
      if (isNegated(w.predicate) !== isNegated(x.predicate)) continue;
      if (predicateSimilarity(own(w), own(x)) < 0.5 && !droppedQualifier(w.predicate, x.predicate)) continue;
      if (x.figure.value > w.figure.whole && x.figure.bound !== '<' && x.figure.bound !== '<=' && !x.figure.approximate) {
        const later = Math.max(x.claim, w.claim);
        out.push({
          claim: later,
          other: later === x.claim ? w.claim : x.claim,
          value: x.figure.value,
          message: `${quoted(x)} is more than the ${fmt(w.figure.whole, 2)} ${w.figure.unit ?? ''} the article counts in all ("${w.figure.text}"): a part cannot be larger than its whole.`.replace(/\s+\(/, ' ('),
        });
      }
    }
  }
}

/**
 * A figure equal to whole − part ("140 of 196 …" → 56) whose stated meaning is not the complement
 * of the part: the 56 are the ones that do *not* do what the 140 do, not ones that do something else.
 */
function derivedMeaning(figs: ArticleFigure[], out: ConsistencyFinding[]): void {
  for (const p of figs) {
    const whole = p.figure.whole;
    if (whole === null || /%|percent/i.test(p.figure.unit ?? '')) continue;
    const rest = whole - p.figure.value;
    if (rest <= 0) continue;
    for (const r of figs) {
      if (r === p || r.figure.value !== rest || r.figure.whole !== null || !sameUnit(p, r)) continue;
      const rText = predicateText(r.predicate);
      const pStems = new Set(contentStems(p.predicate));
      const rStems = contentStems(r.predicate);
      // "which leaves 46 (184 − 138) that did": a bare complement gives the number no new meaning.
      if (pStems.size === 0 || rStems.length === 0 || contentStems(own(r)).length === 0) continue;
      const shared = rStems.some((s) => pStems.has(s));
      const lead = r.sentence.slice(Math.max(0, r.figure.start - 40), r.figure.start);
      const negated = NEGATION.test(rText) || NEGATION.test(lead);
      const partNegated = NEGATION.test(predicateText(p.predicate));
      // The complement, stated as such: "56 do not criminalise possession", "the other 56 lack such
      // laws" — or, for a negated part ("138 without an offence"), "46 where it is an offence".
      if (negated !== partNegated && shared) continue;
      if (!shared && !COMPLEMENT.test(lead) && !/\b(?:therefore|thus|so|hence|means?|meaning|which leaves)\b/i.test(r.sentence)) continue;
      out.push({
        claim: r.claim,
        other: r.claim === p.claim ? null : p.claim,
        value: r.figure.value,
        message:
          `${fmt(rest, 2)} = ${fmt(whole, 2)} − ${fmt(p.figure.value, 2)} is the number of ${p.figure.unit ?? 'items'} that do not fall under ${quoted(p)}; ` +
          `the article presents it as ${quoted(r)}, which does not follow: those outside one group are not thereby in another.`,
      });
    }
  }
}

/** "140 of 196 countries … This is 81% of them": a percentage that restates the previous sentence's "X of Y". */
function restatedPercent(figs: ArticleFigure[], out: ConsistencyFinding[]): void {
  for (const p of figs) {
    if (!/%|percent/i.test(`${p.figure.unit ?? ''} ${p.figure.text}`)) continue;
    if (!/\b(?:this|that|these|those|which|it)\b(?:\s+\w+){0,3}\s*$/i.test(p.sentence.slice(0, p.figure.start))) continue;
    const prev = figs.filter((f) => f.claim === p.claim - 1 && f.figure.whole !== null);
    if (prev.length !== 1) continue;
    const x = prev[0]!;
    const whole = x.figure.whole as number;
    if (whole <= 0) continue;
    const computed = (x.figure.value / whole) * 100;
    const tol = p.figure.approximate ? Math.max(0.1 * p.figure.value, 1) : 0.5 + 1e-9;
    if (Math.abs(computed - p.figure.value) > tol) {
      out.push({
        claim: p.claim,
        other: x.claim,
        value: p.figure.value,
        arithmetic: true,
        message: `${fmt(x.figure.value, 2)} of ${fmt(whole, 2)} (the sentence before) is ${fmt(computed)}%, not ${p.figure.text.trim()} (${fmt(x.figure.value, 2)} ÷ ${fmt(whole, 2)} × 100 = ${fmt(computed)}).`,
      });
    }
  }
}

/** Every cross-article inconsistency among the figures. `figs` in article order. */
export function checkConsistency(figs: ArticleFigure[]): ConsistencyFinding[] {
  unitPairs = new Map();
  const out: ConsistencyFinding[] = [];
  // The pairwise checks compare figures of one unit only: group first (a long article has hundreds).
  const groups = new Map<string, ArticleFigure[]>();
  for (const f of figs) {
    if (f.figure.unit === null) continue;
    const key = /%|percent/i.test(f.figure.unit) ? '%' : stem(f.figure.unit);
    const group = groups.get(key);
    if (group) group.push(f);
    else groups.set(key, [f]);
  }
  for (const group of groups.values()) {
    sameQuantity(group, out);
    narrowerLarger(group, out);
    partOverStatedWhole(group, out);
    derivedMeaning(group, out);
  }
  nestedCounts(figs, out);
  restatedPercent(figs, out);
  const seen = new Set<string>();
  return out.filter((f) => {
    const key = `${f.claim}:${f.value}:${f.message.slice(0, 40)}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}
