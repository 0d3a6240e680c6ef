// Consistency of the figures across an article: the same quantity given two values; counts that
// must nest ("of these, N"; a narrower group larger than the group it belongs to; a part larger
// than the whole the article states); and derived figures (whole − part) given a meaning that
// does not follow from them.
import { compareFigures, unitsCompatible } from '../../evidence/index.js';
import { stem } from '../../text/index.js';
import { contentStems, describeFigure, droppedQualifier, isNegated, predicateSimilarity, predicateText, stemSimilarity } from '../figure-context.js';
import { sameTime } from '../figures.js';
import type { FigureSite } from '../figures.js';
import type { PredicateWord } from '../figure-context.js';
import { fmt } from '../numbers.js';
import { Findings, StemIndex, Statements } from './pairs.js';
import type { ConsistencyFinding, ConsistencyWork } from './pairs.js';

export type { ConsistencyFinding, ConsistencyWork } from './pairs.js';

/** A figure of the article: which claim (sentence) it is in, and where. */
export interface ArticleFigure extends FigureSite {
  claim: number;
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

// A figure is quoted in every finding it is part of; a long article's figures are in many.
const quotes = new WeakMap<ArticleFigure, string>();
function quoted(s: ArticleFigure): string {
  let q = quotes.get(s);
  if (q === undefined) {
    q = describeFigure(s.figure, s.predicate);
    quotes.set(s, q);
  }
  return q;
}

/** The same quantity — same unit, same predicate, same time — given different values. */
function sameQuantity(figs: ArticleFigure[], out: Findings, work: ConsistencyWork): void {
  const owns = figs.map(own);
  const ownStems = owns.map((p) => contentStems(p));
  const allStems = figs.map((f) => contentStems(f.predicate));
  // Two or more words after each figure, mostly shared (similarity ≥ 0.5): at least one shared.
  const index = new StemIndex(ownStems.map((x) => (x.length < 2 ? [] : x)));
  const statements = new Statements<boolean>(figs, work);
  for (let i = 0; i < figs.length; i++) {
    if (ownStems[i]!.length < 2) continue;
    for (const j of index.candidates(ownStems[i]!, i)) {
      const a = figs[i]!;
      const b = figs[j]!;
      if (a.claim === b.claim) continue;
      const conflict = statements.pair(i, j, () => {
        if (!sameUnit(a, b) || !sameTime(a.years, b.years)) return false;
        // Said of the same thing: two or more words after each figure, mostly shared, and close overall.
        if (stemSimilarity(ownStems[i]!, ownStems[j]!) < 0.5 || stemSimilarity(allStems[i]!, allStems[j]!) < 0.75) return false;
        if (droppedQualifier(a.predicate, b.predicate) || droppedQualifier(b.predicate, a.predicate)) return false;
        if (compareFigures(b.figure, a.figure) !== 'conflict') return false;
        return !(a.figure.whole !== null && b.figure.whole !== null && a.figure.whole !== b.figure.whole);
      });
      if (conflict) out.add({ claim: b.claim, other: a.claim, value: b.figure.value }, 'The article gives two values for the same quantity: ', () => `${quoted(b)} here, and ${quoted(a)} earlier.`);
    }
  }
}

/** "Of these, N …": N cannot exceed the figure it refers to (the last one before it, same sentence or the one before). */
function nestedCounts(figs: ArticleFigure[], out: Findings): void {
  for (let i = 0; i < figs.length; i++) {
    const b = figs[i]!;
    const lead = b.sentence.slice(0, b.figure.start);
    if (!NESTED.test(lead)) continue;
    // The referent: the previous figure in the same sentence, else the last figure of the previous claim.
    let ref: ArticleFigure | undefined;
    for (let k = i - 1; k >= 0; k--) {
      const c = figs[k]!;
      // In article order: nothing before the previous claim can be the referent.
      if (c.claim < b.claim - 1) break;
      // "Employees at 61 companies … across four days … Of those, 56 companies": the set is of the subset's own kind.
      const noun = b.figure.unit === null ? '' : stem(b.figure.unit);
      if (noun !== '' && c.figure.unit !== null && !sameUnit(b, c) && !c.sentence.slice(c.figure.start, c.figure.end + 30).toLowerCase().includes(noun)) continue;
      ref = c;
      break;
    }
    if (!ref || /%|percent/i.test(`${ref.figure.unit ?? ''}${b.figure.unit ?? ''}`)) continue;
    const container = ref.figure.value;
    if (b.figure.value > container && !(b.figure.bound === '<' || b.figure.bound === '<=')) {
      out.add({
        claim: b.claim,
        other: ref.claim === b.claim ? null : ref.claim,
        value: b.figure.value,
      }, `"${(NESTED.exec(lead)?.[0] ?? '').trim()} ${b.figure.text}" counts a subset of the ${fmt(container, 2)} in ${quoted(ref)}, but ${fmt(b.figure.value, 2)} > ${fmt(container, 2)}: a subset cannot be larger than its set.`);
    }
  }
}

/** A narrower group (the same predicate plus a qualifier) larger than the broader one. */
function narrowerLarger(figs: ArticleFigure[], out: Findings, work: ConsistencyWork): void {
  // b reads as a with words inserted only when b's own content words hold a's first one.
  const ownContent = figs.map((f) => f.predicate.filter((w) => w.content && !w.context).map((w) => w.stem));
  const index = new StemIndex(ownContent);
  const statements = new Statements<string | null>(figs, work);
  const near = (x: ArticleFigure) => x.sentence.slice(Math.max(0, x.figure.start - 40), Math.min(x.sentence.length, x.figure.end + 80));
  for (const [i, a] of figs.entries()) {
    if (contentStems(a.predicate).length < 1 || ownContent[i]!.length === 0) continue;
    for (const j of index.candidates(ownContent[i]!.slice(0, 1))) {
      const b = figs[j]!;
      if (a === b || a.claim === b.claim) continue;
      const qualifier = statements.pair(i, j, () => {
        if (!sameUnit(a, b) || !sameTime(a.years, b.years)) return null;
        const q = droppedQualifier(a.predicate, b.predicate);
        if (!q) return null;
        // "the remaining 62 have some legislation, but not …" is a complement, not the broader group.
        if (COMPLEMENT.test(near(a)) || COMPLEMENT.test(near(b)) || /\bbut\s+not\b/i.test(near(a)) || /\bbut\s+not\b/i.test(near(b))) return null;
        // b counts a narrower group than a. Negated predicates do not nest that way.
        if (NEGATION.test(predicateText(a.predicate)) || NEGATION.test(predicateText(b.predicate))) return null;
        return b.figure.value > a.figure.value && b.figure.bound !== '<' && b.figure.bound !== '<=' && a.figure.bound !== '>' && a.figure.bound !== '>=' ? q : null;
      });
      if (qualifier === null) continue;
      const later = Math.max(a.claim, b.claim);
      out.add(
        { claim: later, other: later === a.claim ? b.claim : a.claim, value: b.figure.value },
        `${quoted(b)} is a narrower group (it adds "${qualifier}") than `,
        () => `${quoted(a)}, so it cannot be larger: ${fmt(b.figure.value, 2)} > ${fmt(a.figure.value, 2)}.`,
      );
    }
  }
}

/** A count larger than the whole the article states for the same unit and the same kind of thing. */
function partOverStatedWhole(figs: ArticleFigure[], out: Findings, work: ConsistencyWork): void {
  // Only the article's largest whole for the unit is "all of them"; smaller wholes are subsets.
  const largest = Math.max(...figs.map((f) => f.figure.whole ?? -Infinity));
  const statements = new Statements<string | null>(figs, work);
  for (const [i, w] of figs.entries()) {
    if (w.figure.whole === null || w.figure.whole !== largest) continue;
    // "of the 62 countries that have some legislation" is a subset, not a total.
    if (/^(?:\s*(?:out\s+)?of\s+(?:the\s+|all\s+|those\s+|these\s+)?[\d,]+\s+[A-Za-z-]+)?\s*,?\s*(?:that|which|who|whose|with|where|having|in\s+which)\b/i.test(w.sentence.slice(w.figure.end, w.figure.end + 60))) continue;
    const whole = w.figure.whole;
    for (const [j, x] of figs.entries()) {
      if (x === w || x.claim === w.claim || x.figure.whole !== null) continue;
      // The message, or null: worked out once per pair of statements.
      const message = statements.pair(i, j, () => {
        if (!sameUnit(w, x) || /%|percent/i.test(x.figure.unit ?? '')) return null;
        if (isNegated(w.predicate) !== isNegated(x.predicate)) return null;
        if (predicateSimilarity(own(w), own(x)) < 0.5 && !droppedQualifier(w.predicate, x.predicate)) return null;
        if (!(x.figure.value > whole && x.figure.bound !== '<' && x.figure.bound !== '<=' && !x.figure.approximate)) return null;
        return `${quoted(x)} is more than the ${fmt(whole, 2)} ${w.figure.unit ?? ''} the article counts in all ("${w.figure.text}"): a part cannot be larger than its whole.`.replace(/\s+\(/, ' (');
      });
      if (message !== null) {
        const later = Math.max(x.claim, w.claim);
        out.add({ claim: later, other: later === x.claim ? w.claim : x.claim, value: x.figure.value }, message);
      }
    }
  }
}

/**
 * A figure equal to whole − part ("140 of 196 …" → 56) whose stated meaning is not the complement
 * of the part: the 56 are the ones that do *not* do what the 140 do, not ones that do something else.
 */
function derivedMeaning(figs: ArticleFigure[], out: Findings, work: ConsistencyWork): void {
  const byValue = new Map<number, Array<[number, ArticleFigure]>>();
  for (const [j, f] of figs.entries()) {
    const list = byValue.get(f.figure.value);
    if (list) list.push([j, f]);
    else byValue.set(f.figure.value, [[j, f]]);
  }
  const statements = new Statements<boolean>(figs, work);
  for (const [i, p] of figs.entries()) {
    const whole = p.figure.whole;
    if (whole === null || /%|percent/i.test(p.figure.unit ?? '')) continue;
    const rest = whole - p.figure.value;
    if (!(rest > 0)) continue;
    let head: string | null = null;
    for (const [j, r] of byValue.get(rest) ?? []) {
      if (r === p || r.figure.value !== rest || r.figure.whole !== null) continue;
      if (!statements.pair(i, j, () => doesNotFollow(p, r))) continue;
      head ??= `${fmt(rest, 2)} = ${fmt(whole, 2)} − ${fmt(p.figure.value, 2)} is the number of ${p.figure.unit ?? 'items'} that do not fall under `;
      out.add(
        { claim: r.claim, other: r.claim === p.claim ? null : p.claim, value: r.figure.value },
        head,
        () => `${quoted(p)}; the article presents it as ${quoted(r)}, which does not follow: those outside one group are not thereby in another.`,
      );
    }
  }
}

/** True when r, equal to p's whole − p, is given a meaning that does not follow from it (derivedMeaning). */
function doesNotFollow(p: ArticleFigure, r: ArticleFigure): boolean {
  if (!sameUnit(p, r)) return false;
  const rText = predicateText(r.predicate);
  const pStems = new Set(contentStems(p.predicate));
  const rStems = contentStems(r.predicate);
  // "which leaves 46 (184 − 138) that did": a bare complement gives the number no new meaning.
  if (pStems.size === 0 || rStems.length === 0 || contentStems(own(r)).length === 0) return false;
  const shared = rStems.some((s) => pStems.has(s));
  const lead = r.sentence.slice(Math.max(0, r.figure.start - 40), r.figure.start);
  const negated = NEGATION.test(rText) || NEGATION.test(lead);
  const partNegated = NEGATION.test(predicateText(p.predicate));
  // The complement, stated as such: "56 do not criminalise possession", "the other 56 lack such
  // laws" — or, for a negated part ("138 without an offence"), "46 where it is an offence".
  if (negated !== partNegated && shared) return false;
  return shared || COMPLEMENT.test(lead) || /\b(?:therefore|thus|so|hence|means?|meaning|which leaves)\b/i.test(r.sentence);
}

/** "140 of 196 countries … This is 81% of them": a percentage that restates the previous sentence's "X of Y". */
function restatedPercent(figs: ArticleFigure[], out: Findings): void {
  const byClaim = new Map<number, ArticleFigure[]>();
  for (const f of figs) {
    const list = byClaim.get(f.claim);
    if (list) list.push(f);
    else byClaim.set(f.claim, [f]);
  }
  for (const p of figs) {
    if (!/%|percent/i.test(`${p.figure.unit ?? ''} ${p.figure.text}`)) continue;
    if (!/\b(?:this|that|these|those|which|it)\b(?:\s+\w+){0,3}\s*$/i.test(p.sentence.slice(0, p.figure.start))) continue;
    const prev = (byClaim.get(p.claim - 1) ?? []).filter((f) => f.figure.whole !== null);
    if (prev.length !== 1) continue;
    const x = prev[0]!;
    const whole = x.figure.whole as number;
    if (whole <= 0) continue;
    const computed = (x.figure.value / whole) * 100;
    const tol = p.figure.approximate ? Math.max(0.1 * p.figure.value, 1) : 0.5 + 1e-9;
    if (Math.abs(computed - p.figure.value) > tol) {
      out.add({ claim: p.claim, other: x.claim, value: p.figure.value, arithmetic: true }, `${fmt(x.figure.value, 2)} of ${fmt(whole, 2)} (the sentence before) is ${fmt(computed)}%, not ${p.figure.text.trim()} (${fmt(x.figure.value, 2)} ÷ ${fmt(whole, 2)} × 100 = ${fmt(computed)}).`);
    }
  }
}

/** Every cross-article inconsistency among the figures. `figs` in article order; `work` counts the pairwise checks. */
export function checkConsistency(figs: ArticleFigure[], work: ConsistencyWork = { checks: 0 }): ConsistencyFinding[] {
  unitPairs = new Map();
  const out = new Findings();
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
    sameQuantity(group, out, work);
    narrowerLarger(group, out, work);
    partOverStatedWhole(group, out, work);
    derivedMeaning(group, out, work);
  }
  nestedCounts(figs, out);
  restatedPercent(figs, out);
  return out.list;
}
