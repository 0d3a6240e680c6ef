// Figures that do not add up: two routes to the same count that give different results.
//
// Contract
// - findDiscrepancies(positives, mentions, { terms }) is pure and deterministic.
// - Route one: a count P "of W" that is not negated ("140 of the 196 countries criminalise
//   simple possession") leaves W − P outside it (196 − 140 = 56).
// - Route two: the counts the sources give of ways of *not* doing what P counts, one per
//   group: a negated count out of the same whole W ("16 of the 196 countries … have no
//   legislation …") plus a negated count out of a sub-group S of W ("38 of those 62 countries
//   do not criminalise possession …"), where S is a group some sentence counts out of W or
//   next to W. From each group the count sharing most words with P's (at least two, acronyms
//   expanded) is taken; sentences with stated arithmetic are not read as parts.
// - Only figures of the same year as P, or undated, exact (bound "=", not approximate), are used.
// - A discrepancy is reported when the parts (at least two) add up to more than W − P, or to
//   less but within a quarter of it (a larger shortfall more likely means a group the sources
//   do not count, not a conflict).
import type { Figure, Passage, Source } from '../model.js';
import { contentTerms, extractFigures, splitSentences } from '../text/index.js';
import { findArithmetic } from './arithmetic.js';
import { countedPhrase } from './compose/counted-phrase.js';
import { negationCount } from './compose/negation.js';

/** A figure as a source states it, with the sentence that holds it (figure offsets are into `sentence`). */
export interface FigureMention {
  figure: Figure;
  sentence: string;
  passage: Passage;
  source: Source;
}

export interface Discrepancy {
  /** The count out of the whole ("140 of the 196 countries criminalise …"). */
  positive: FigureMention;
  /** What it counts, as a complete phrase ("criminalise simple possession of CSAM"). */
  positivePhrase: string;
  whole: number;
  /** whole − positive value: what route one gives. */
  complement: number;
  /** The counts route two adds up, with what each counts. */
  parts: { mention: FigureMention; phrase: string }[];
  /** What route two gives. */
  sum: number;
}

export interface DiscrepancyOptions {
  /** Content terms of a text, acronyms expanded ("CSAM" also gives "child", "sexual" …). */
  terms: (text: string) => ReadonlySet<string>;
  /**
   * What the positives answer, in the input's words (the facets' claims): their terms count as
   * words of what P counts, so "CSAM" in P and "child sexual abuse material" in a part meet
   * even when no passage read defines the acronym.
   */
  context?: readonly string[];
}

const MAX_SHORTFALL = 0.25;
const MIN_SHARED_TERMS = 2;

/** Every figure of every sentence of the passages, in a stable order. */
export function figureMentions(read: readonly { passage: Passage; source: Source }[]): FigureMention[] {
  const out: FigureMention[] = [];
  const seen = new Set<string>();
  for (const r of [...read].sort((a, b) => a.passage.id.localeCompare(b.passage.id))) {
    if (seen.has(r.passage.id)) continue;
    seen.add(r.passage.id);
    for (const span of splitSentences(r.passage.text)) {
      for (const figure of extractFigures(span.text)) out.push({ figure, sentence: span.text, passage: r.passage, source: r.source });
    }
  }
  return out;
}

function yearOf(s: Source): string | null {
  return /^\d{4}/.exec(s.publishedAt ?? '')?.[0] ?? null;
}

function exact(f: Figure): boolean {
  return f.bound === '=' && !f.approximate && (f.high ?? null) === null;
}

function phraseOf(m: FigureMention): string | null {
  return countedPhrase(m.figure, m.sentence)?.text ?? null;
}

function mentionsNumber(sentence: string, n: number): boolean {
  return new RegExp(`(^|[^\\d.,])${n}(?![\\d]|[.,]\\d)`).test(sentence.replace(/(\d),(\d{3})/g, '$1$2'));
}

/**
 * Groups inside the whole: values a same-year sentence counts out of it or states beside it
 * ("the remaining 62 countries … (196 − 118 − 16 = 62)"), and the wholes of counts from a source
 * that also counts out of it ("16 of the 196 countries …; 38 of those 62 countries …").
 */
function subGroups(whole: number, exclude: number, pool: readonly FigureMention[]): number[] {
  const out = new Set<number>();
  const inside = (v: number): boolean => Number.isInteger(v) && v > 0 && v < whole && v !== exclude;
  const countsOutOfWhole = new Set(pool.filter((m) => m.figure.whole === whole).map((m) => m.source.id));
  for (const m of pool) {
    const v = m.figure.value;
    if (inside(v) && (m.figure.whole === whole || mentionsNumber(m.sentence, whole))) out.add(v);
    const w = m.figure.whole;
    if (w !== null && inside(w) && countsOutOfWhole.has(m.source.id)) out.add(w);
  }
  return [...out].sort((a, b) => b - a);
}

export function findDiscrepancies(positives: readonly FigureMention[], mentions: readonly FigureMention[], options: DiscrepancyOptions): Discrepancy[] {
  const out: Discrepancy[] = [];
  const seen = new Set<string>();
  // Dated counts first, the newest first: an edition's own count is the better first route.
  const ordered = [...positives].sort((a, b) => Number(yearOf(b.source) ?? 0) - Number(yearOf(a.source) ?? 0));
  for (const p of ordered) {
    const f = p.figure;
    const whole = f.whole;
    if (whole === null || !exact(f) || f.value >= whole) continue;
    const positivePhrase = phraseOf(p);
    if (positivePhrase === null || negationCount(positivePhrase) > 0) continue;
    const unitTerms = new Set(contentTerms(f.unit ?? ''));
    const want = [...new Set([positivePhrase, ...(options.context ?? [])].flatMap((t) => [...options.terms(t)]))].filter((t) => !unitTerms.has(t) && !/^\d/.test(t));
    const year = yearOf(p.source);
    const pool = mentions.filter((m) => {
      const y = yearOf(m.source);
      return (y === null || y === year) && exact(m.figure) && m.figure.unit === f.unit;
    });
    const complement = whole - f.value;

    const bestIn = (groups: readonly number[]): { mention: FigureMention; phrase: string } | null => {
      let best: { mention: FigureMention; phrase: string; shared: number } | null = null;
      for (const group of groups) {
        for (const m of pool) {
          if (m.figure.whole !== group || m.figure.value >= group || m.figure.value === complement) continue;
          if (findArithmetic(m.sentence).length > 0) continue;
          const phrase = phraseOf(m);
          if (phrase === null || negationCount(phrase) === 0) continue;
          const theirs = options.terms(phrase);
          const shared = want.filter((t) => theirs.has(t)).length;
          if (shared < MIN_SHARED_TERMS) continue;
          if (best === null || shared > best.shared) best = { mention: m, phrase, shared };
        }
      }
      return best ? { mention: best.mention, phrase: best.phrase } : null;
    };
    // One part out of the whole, one out of a group inside it (not the first part's own group).
    const outer = bestIn([whole]);
    const inner = outer ? bestIn(subGroups(whole, f.value, pool).filter((g) => g !== outer.mention.figure.value)) : null;
    const parts = outer && inner ? [outer, inner] : [];
    if (parts.length < 2) continue;
    const sum = parts.reduce((acc, x) => acc + x.mention.figure.value, 0);
    if (sum === complement || sum > whole) continue;
    if (sum < complement && complement - sum > MAX_SHORTFALL * complement) continue;
    const key = `${whole}:${f.value}:${parts.map((x) => x.mention.figure.value).join('+')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ positive: p, positivePhrase, whole, complement, parts, sum });
  }
  return out;
}
