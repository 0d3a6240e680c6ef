// Figure against cited source: does the source give this value for this thing?
// - the same value for the same thing → a match (no flag);
// - the same value for another thing — the article's words are the source's with a qualifier
//   dropped ("62 countries have *refined their* laws" reported as "62 countries have laws")
//   → a mismatch of meaning;
// - another value for the same thing (same unit, same predicate, same time) → a mismatch of value.
// Anything less clear is left alone.
import { compareFigures, figureMeaningMismatch, unitsCompatible } from '../evidence/index.js';
import { describeFigure, droppedQualifier, isNegated, predicateSimilarity } from './figure-context.js';
import type { FigureSite } from './figures.js';
import { sameStatementOtherFigure } from './statement-figures.js';

/** A sentence of a cited source with its figures. */
export interface SourceSentence {
  /** The sentence as the source wrote it: what a message quotes. */
  text: string;
  /** The sentence with its short names written in full from the page before it ("the reef" → "the Great Barrier Reef"): what is compared, and what `sites` are read in. */
  resolved?: string;
  passageId: string;
  sourceId: string;
  sourceTitle: string;
  ref: number;
  sites: FigureSite[];
  /** The section heading the sentence's passage falls under, when the source has one. */
  heading?: string;
}

export interface SourceFigureResult {
  /** figure-meaning: the same number, which the source says of something else (evidence/figures/figure-meaning.ts). */
  kind: 'match' | 'meaning' | 'value' | 'figure-meaning';
  /** The article figure as written. */
  figure: string;
  value: number;
  message: string;
  evidence: SourceSentence[];
}

const SAME_THING = 0.6;

function yearsClash(a: readonly number[], b: readonly number[]): boolean {
  return a.length > 0 && b.length > 0 && !a.some((y) => b.includes(y));
}

function label(site: FigureSite): string {
  return describeFigure(site.figure, site.predicate);
}

/** Compare one article figure with the figures of its cited sources' sentences. */
export function compareWithSource(article: FigureSite, sentences: readonly SourceSentence[]): SourceFigureResult | null {
  const sameValue: Array<{ s: SourceSentence; site: FigureSite }> = [];
  const sameThingOther: Array<{ s: SourceSentence; site: FigureSite }> = [];
  for (const s of sentences) {
    for (const site of s.sites) {
      const rel = compareFigures(article.figure, site.figure);
      if (rel === 'unrelated') continue;
      const sim = predicateSimilarity(article.predicate, site.predicate);
      if (rel === 'match') sameValue.push({ s, site });
      else if (
        sim >= SAME_THING &&
        // Another value for the same thing: same polarity, same whole (when the article states one), same time.
        isNegated(article.predicate) === isNegated(site.predicate) &&
        (article.figure.whole === null || site.figure.whole === article.figure.whole) &&
        !yearsClash(article.years, s.sites[0]?.years ?? []) &&
        !droppedQualifier(article.predicate, site.predicate) &&
        !droppedQualifier(site.predicate, article.predicate)
      ) {
        sameThingOther.push({ s, site });
      }
    }
  }
  const base = { figure: article.figure.text, value: article.figure.value };
  // The same value for the same thing: same polarity too ("85 … had no law" is not "at least 43 … had some law").
  const exact = sameValue.find(({ site }) => predicateSimilarity(article.predicate, site.predicate) >= SAME_THING && isNegated(article.predicate) === isNegated(site.predicate) && !droppedQualifier(article.predicate, site.predicate) && !droppedQualifier(site.predicate, article.predicate));
  if (exact) return { ...base, kind: 'match', message: `the cited source [${exact.s.ref}] gives ${label(exact.site)}`, evidence: [exact.s] };

  // Only a dropped qualifier is flagged: an article that names what its source leaves to context
  // ("21% of the patients who had AD …") adds words without changing the meaning.
  for (const { s, site } of sameValue) {
    if (site.figure.value !== article.figure.value) continue;
    const dropped = droppedQualifier(article.predicate, site.predicate);
    if (!dropped) continue;
    const other = sameThingOther[0];
    const also = other ? ` For that, it gives ${label(other.site)} ("${other.s.text.trim()}").` : '';
    return {
      ...base,
      kind: 'meaning',
      message: `The cited source [${s.ref}] gives ${article.figure.text} for ${label(site)}; the article reports it as ${label(article)}, dropping "${dropped}".${also}`,
      evidence: other ? [s, other.s] : [s],
    };
  }
  // The sentence of the source that reads as the article's, with another figure in its place.
  const statement = (): SourceFigureResult | null => {
    const d = sameStatementOtherFigure(article, sentences);
    if (!d) return null;
    return {
      ...base,
      kind: 'value',
      message: `The article gives ${label(article)}; the cited source [${d.s.ref}] says the same with ${label(d.site)} ("${d.s.text.trim()}").`,
      evidence: [d.s],
    };
  };
  // The value is there; what it counts is not clear enough to judge — unless the source's
  // sentence closest to the article's gives another figure, or every sentence that gives the
  // number says something else of it (another predicate, period, whole or set).
  if (sameValue.length > 0) return statement() ?? meaningMismatch(article, sameValue.map((x) => x.s));
  const conflict = sameThingOther[0];
  if (conflict) {
    return {
      ...base,
      kind: 'value',
      message: `The article gives ${label(article)}; the cited source [${conflict.s.ref}] gives ${label(conflict.site)} ("${conflict.s.text.trim()}").`,
      evidence: [conflict.s],
    };
  }
  // "38 of the 107 countries" against a source that counts out of the same 107: when none of its
  // counts is 38 (and 38 is not one of them taken from the whole), the source does not give it.
  const whole = article.figure.whole;
  if (whole !== null && whole >= 10) {
    const sameWhole = sentences.flatMap((s) => s.sites.filter((x) => x.figure.whole === whole && unitsCompatible(x.figure.unit, article.figure.unit)).map((site) => ({ s, site })));
    const complement = sameWhole.some(({ site }) => Math.abs(whole - site.figure.value - article.figure.value) < 1e-9);
    if (sameWhole.length > 0 && !complement && !yearsClash(article.years, sameWhole[0]!.site.years)) {
      const best = [...sameWhole].sort((a, b) => predicateSimilarity(article.predicate, b.site.predicate) - predicateSimilarity(article.predicate, a.site.predicate))[0]!;
      const values = [...new Set(sameWhole.map((x) => x.site.figure.value))];
      return {
        ...base,
        kind: 'value',
        message:
          `The article gives ${label(article)}; the cited source [${best.s.ref}] counts out of the same ${whole} ${article.figure.unit ?? ''} ` +
          `(${values.join(', ')}), and none of its counts is ${article.figure.value}. Closest in meaning: "${best.s.text.trim()}"`.replace(/\s+\(/, ' ('),
        evidence: [best.s],
      };
    }
  }
  // "26 of 40" against a source's "26 of 52": the number is there, out of another whole.
  return statement() ?? meaningMismatch(article, sentences.filter((s) => s.sites.some((x) => x.figure.value === article.figure.value)));
}

/** A sentence as quoted: spaces folded, none before punctuation (where a citation marker was cut). */
const plain = (text: string): string => text.replace(/\s+/g, ' ').replace(/\s+([.,;:!?])/g, '$1').trim();

/**
 * The figure-meaning-mismatch flag: the cited source gives the article's number only with another
 * meaning. The message shows the article's wording and the source's, and the relation in plain words.
 */
function meaningMismatch(article: FigureSite, sentences: readonly SourceSentence[]): SourceFigureResult | null {
  const unique = [...new Map(sentences.map((s) => [s.text, s])).values()];
  if (unique.length === 0) return null;
  const read = (x: SourceSentence): string => x.resolved ?? x.text;
  const m = figureMeaningMismatch(article.sentence, unique.map(read), [article.figure]);
  if (!m) return null;
  const s = unique.find((x) => read(x) === m.sourceSentence) ?? unique.find((x) => read(x).includes(m.sourceSentence.trim())) ?? unique[0]!;
  return {
    figure: article.figure.text,
    value: article.figure.value,
    kind: 'figure-meaning',
    message: `The article says "${plain(article.sentence)}"; the cited source [${s.ref}] gives ${m.sourceFigure} with another meaning: "${s.text.trim()}" (${m.comparison.relation}: ${m.comparison.reason}).`,
    evidence: [s],
  };
}
