// Another figure for the same statement: the sentence of the cited source that says what the
// article's sentence says, with a different figure in the article figure's place.
//
// Contract: `sameStatementOtherFigure(article, sentences)` returns the source sentence and its
// figure, or null. It answers only when all of these hold:
// - the article figure says what it counts (a unit or a whole: "up to 15 years", "128 of them"
//   read as 128 of 184 countries);
// - among the source sentences with a figure of a compatible unit, one is the closest to the
//   article's sentence by shared content words (its section heading counts with it), holding at
//   least half of the article sentence's words, and no other sentence is as close;
// - no sentence giving the article's value (same unit) is as close, or holds half its words;
// - that sentence has a figure of the same unit, the same kind of bound (exact, at most, at
//   least), another value, the same whole when both state one, the same polarity in its clause
//   ("was not a crime") and no clashing years.
// Figure comparison by predicate (source-figures.ts) comes first; this is the fallback for a
// source whose sentence reads the same but whose figure's own clause is too thin to compare
// ("A first offender faces a fine, imprisonment of not more than 10 years" under "Simple
// possession", against "a first offence of simple possession carries up to 15 years").
import type { Bound, Figure } from '../model.js';
import { contentTerms } from '../text/index.js';
import { compareFigures, unitsCompatible } from '../evidence/index.js';
import { predicateSimilarity } from './figure-context.js';
import { figureSites } from './figures.js';
import type { FigureSite } from './figures.js';
import type { SourceSentence } from './source-figures.js';

/** Share of the article sentence's words a source sentence must hold. */
const MIN_SHARE = 0.5;
/** Sentences listing more figures than this ("ascites (28%), encephalopathy (27%) …") are left alone. */
const MAX_FIGURES = 2;

/** Content-word keys: stems cut to five letters ("offence" and "offender" meet), no numbers. */
function keys(text: string): Set<string> {
  return new Set(contentTerms(text).filter((t) => !/\d/.test(t) && t.length > 1).map((t) => t.slice(0, 5)));
}

/** The text without its figures and citation markers. */
function withoutFigures(text: string, sites: readonly FigureSite[]): string {
  let out = text;
  for (const x of [...sites].sort((a, b) => b.figure.start - a.figure.start)) out = `${out.slice(0, x.figure.start)} ${out.slice(x.figure.end)}`;
  return out.replace(/\[[\d,\s–-]+\]/g, ' ');
}

function boundClass(b: Bound): 'exact' | 'upper' | 'lower' {
  return b === '<' || b === '<=' ? 'upper' : b === '>' || b === '>=' ? 'lower' : 'exact';
}

function sameValue(a: Figure, b: Figure): boolean {
  return Math.abs(a.value - b.value) <= Math.abs(a.value) * 1e-6 && (a.high ?? null) === (b.high ?? null);
}

/** Does the clause holding a figure deny (bound words like "not more than" aside)? */
function clauseNegated(sentence: string, f: Figure): boolean {
  const head = sentence.slice(0, f.start);
  const tail = sentence.slice(f.end);
  const from = Math.max(head.lastIndexOf(';'), head.lastIndexOf(':')) + 1;
  const to = tail.search(/[;:]/);
  const clause = `${head.slice(from)} ${to < 0 ? tail : tail.slice(0, to)}`;
  return /\b(?:not|no|never|none|without)\b|n't\b/i.test(clause);
}

function yearsClash(a: readonly number[], b: readonly number[]): boolean {
  return a.length > 0 && b.length > 0 && !a.some((y) => b.includes(y));
}

const keyCache = new WeakMap<SourceSentence, Set<string>>();

/** A source sentence's keys, with its section heading's. */
function sentenceKeys(s: SourceSentence): Set<string> {
  let k = keyCache.get(s);
  if (!k) {
    k = keys(`${withoutFigures(s.resolved ?? s.text, s.sites)} ${s.heading ?? ''}`);
    keyCache.set(s, k);
  }
  return k;
}

/** The cited source's sentence that says the same with another figure (see the contract above). */
export function sameStatementOtherFigure(article: FigureSite, sentences: readonly SourceSentence[]): { s: SourceSentence; site: FigureSite } | null {
  const f = article.figure;
  if (f.unit === null && f.whole === null) return null;
  if (figureSites(article.sentence).length > MAX_FIGURES) return null;
  const compatible = (x: FigureSite): boolean => x.figure.unit !== null && f.unit !== null && unitsCompatible(x.figure.unit, f.unit);
  const articleKeys = keys(withoutFigures(article.sentence, [article]));
  if (articleKeys.size < 3) return null;
  // Words rare in the source weigh more: a heading's words, shared by its whole section, little.
  const df = new Map<string, number>();
  for (const s of sentences) for (const k of sentenceKeys(s)) df.set(k, (df.get(k) ?? 0) + 1);
  const weight = (k: string): number => Math.log(1 + sentences.length / (df.get(k) ?? 1));
  // Weighted overlap: shared over the union (a sentence with extra qualifiers scores lower).
  const closeness = (s: SourceSentence): { jaccard: number; cover: number } => {
    const k = sentenceKeys(s);
    let shared = 0;
    let union = 0;
    let n = 0;
    for (const w of articleKeys) {
      union += weight(w);
      if (k.has(w)) {
        shared += weight(w);
        n++;
      }
    }
    for (const w of k) if (!articleKeys.has(w)) union += weight(w);
    return { jaccard: union === 0 ? 0 : shared / union, cover: n / articleKeys.size };
  };
  const negated = clauseNegated(article.sentence, f);
  // Another value: a conflict by value (a point inside a range, "about 20%" against 21%, is not
  // one); two bounds of one kind ("up to 15" against "not more than 10") conflict when they differ.
  const differs = (g: Figure): boolean => (boundClass(f.bound) === 'exact' ? compareFigures(f, g) === 'conflict' : !sameValue(g, f) && !f.approximate && !g.approximate);
  // The article's value, as far as the figures let one tell ("about 20%" is given by 21%).
  const gives = (g: Figure): boolean => (boundClass(f.bound) === 'exact' && boundClass(g.bound) === 'exact' ? compareFigures(f, g) === 'match' : sameValue(g, f));
  const other = (s: SourceSentence, x: FigureSite): boolean =>
    compatible(x) &&
    s.sites.filter(compatible).length <= MAX_FIGURES &&
    boundClass(x.figure.bound) === boundClass(f.bound) &&
    (f.high ?? null) === null &&
    (x.figure.high ?? null) === null &&
    differs(x.figure) &&
    (f.whole === null || x.figure.whole === null || f.whole === x.figure.whole) &&
    clauseNegated(s.resolved ?? s.text, x.figure) === negated;
  let best: { s: SourceSentence; jaccard: number; cover: number } | null = null;
  let tie = false;
  let value = { jaccard: 0, cover: 0 };
  for (const s of sentences) {
    const sites = s.sites.filter(compatible);
    if (sites.length === 0) continue;
    const c = closeness(s);
    if (sites.some((x) => gives(x.figure))) {
      value = { jaccard: Math.max(value.jaccard, c.jaccard), cover: Math.max(value.cover, c.cover) };
      continue;
    }
    if (!sites.some((x) => other(s, x))) continue;
    if (!best || c.jaccard > best.jaccard + 1e-9) {
      best = { s, ...c };
      tie = false;
    } else if (Math.abs(c.jaccard - best.jaccard) <= 1e-9 && s.text !== best.s.text) tie = true;
  }
  if (!best || tie || best.cover < MIN_SHARE || value.cover >= MIN_SHARE || value.jaccard >= best.jaccard) return null;
  const s = best.s;
  if (yearsClash(article.years, s.sites[0]?.years ?? [])) return null;
  const candidates = s.sites.filter((x) => other(s, x));
  if (candidates.length === 0) return null;
  const site = [...candidates].sort((a, b) => predicateSimilarity(article.predicate, b.predicate) - predicateSimilarity(article.predicate, a.predicate))[0]!;
  return { s, site };
}
