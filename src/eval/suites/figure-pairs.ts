// figure-pairs: the dev benchmark of figure statements written for issue 12
// (bench/data/figure-pairs.jsonl). Each pair goes through compareFigureStatements and the answer
// is scored against the labelled relation: per-class precision/recall, the confusion table, and the
// issue's two targets — mismatch recall (predicate, period, whole, unit and value mismatches
// answered as anything but same/paraphrase) and the paraphrase false-mismatch rate (true
// paraphrases answered as anything but same/paraphrase).
import { VerityError, quote } from '../../errors.js';
import { compareFigureStatements, MEANING_RELATIONS, relationSupports } from '../../evidence/figures/figure-meaning.js';
import type { FigureStatement, MeaningComparison, MeaningRelation } from '../../evidence/figures/figure-meaning.js';
import type { EvalOptions, EvalResult } from '../eval-result.js';
import { classify, majorityBaseline } from '../metrics.js';
import { FIGURE_PAIR_DOMAINS, FIGURE_PAIR_SPLITS, readFigurePairs } from './figure-pairs-file.js';
import type { FigurePair } from './figure-pairs-file.js';

/** The comparison under test (compareFigureStatements unless a test passes its own). */
export type CompareFigures = (claim: FigureStatement, source: FigureStatement) => MeaningComparison;

/** The kinds the issue counts as mismatches: the same number saying something else. */
export const MISMATCH_RELATIONS: readonly MeaningRelation[] = ['different-predicate', 'different-period', 'different-whole', 'different-unit', 'conflicting-value'];

export interface Rate {
  /** hits / n, rounded to 4 places; 0 when n is 0. */
  value: number;
  hits: number;
  n: number;
}

export interface FigurePairFigures {
  /** Gold mismatch pairs answered as anything but same/paraphrase. */
  mismatchRecall: Rate & { byRelation: Record<string, Rate> };
  /** Gold paraphrase pairs answered as anything but same/paraphrase. */
  paraphraseFalseMismatch: Rate;
  /** Gold same-or-paraphrase pairs answered as anything but same/paraphrase. */
  supportiveFalseMismatch: Rate;
  /** Of the pairs answered same/paraphrase, those whose gold is same/paraphrase. */
  supportivePrecision: Rate;
  /** Accuracy on the exact relation, per domain. */
  byDomain: Record<string, Rate>;
}

const rate = (hits: number, n: number): Rate => ({ value: n > 0 ? Math.round((hits / n) * 1e4) / 1e4 : 0, hits, n });

function rateWhere(pairs: readonly FigurePair[], among: (p: FigurePair, i: number) => boolean, hit: (p: FigurePair, i: number) => boolean): Rate {
  let n = 0;
  let hits = 0;
  pairs.forEach((p, i) => {
    if (!among(p, i)) return;
    n++;
    if (hit(p, i)) hits++;
  });
  return rate(hits, n);
}

/** The issue's figures over scored pairs: `predicted[i]` is the answer for `pairs[i]`. */
export function figurePairFigures(pairs: readonly FigurePair[], predicted: readonly MeaningRelation[]): FigurePairFigures {
  const answeredSupport = (_: FigurePair, i: number): boolean => relationSupports(predicted[i]!);
  const notSupport = (p: FigurePair, i: number): boolean => !answeredSupport(p, i);
  const isMismatch = (p: FigurePair): boolean => MISMATCH_RELATIONS.includes(p.relation);
  const byRelation: Record<string, Rate> = {};
  for (const r of MISMATCH_RELATIONS) byRelation[r] = rateWhere(pairs, (p) => p.relation === r, notSupport);
  const byDomain: Record<string, Rate> = {};
  for (const d of FIGURE_PAIR_DOMAINS) byDomain[d] = rateWhere(pairs, (p) => p.domain === d, (p, i) => predicted[i] === p.relation);
  return {
    mismatchRecall: { ...rateWhere(pairs, isMismatch, notSupport), byRelation },
    paraphraseFalseMismatch: rateWhere(pairs, (p) => p.relation === 'paraphrase', notSupport),
    supportiveFalseMismatch: rateWhere(pairs, (p) => relationSupports(p.relation), notSupport),
    supportivePrecision: rateWhere(pairs, answeredSupport, (p) => relationSupports(p.relation)),
    byDomain,
  };
}

const pct = (r: Rate): string => `${(r.value * 100).toFixed(1)}% (${r.hits}/${r.n})`;

/** The figures as lines for the text output. */
export function figurePairLines(f: FigurePairFigures): string[] {
  return [
    `  mismatch recall (predicate, period, whole, unit, value answered as not same/paraphrase): ${pct(f.mismatchRecall)}`,
    ...MISMATCH_RELATIONS.map((r) => `    ${r.padEnd(20)} ${pct(f.mismatchRecall.byRelation[r]!)}`),
    `  paraphrase false-mismatch rate (paraphrase answered as not same/paraphrase): ${pct(f.paraphraseFalseMismatch)}`,
    `  same/paraphrase answered as not same/paraphrase: ${pct(f.supportiveFalseMismatch)}`,
    `  precision of the same/paraphrase answers: ${pct(f.supportivePrecision)}`,
    `  exact relation per domain: ${FIGURE_PAIR_DOMAINS.map((d) => `${d} ${pct(f.byDomain[d]!)}`).join(', ')}`,
  ];
}

export function runFigurePairs(options: EvalOptions, compare: CompareFigures = compareFigureStatements): EvalResult {
  const split = options.split;
  if (split !== undefined && !(FIGURE_PAIR_SPLITS as readonly string[]).includes(split)) {
    throw new VerityError({ code: 'USAGE', component: 'eval', problem: `--split ${quote(split)} is not a split of the figure pairs`, fix: `pass --split ${FIGURE_PAIR_SPLITS.join(' or --split ')}, or leave it out for every pair` });
  }
  const pairs = readFigurePairs(options.data)
    .filter((p) => split === undefined || p.split === split)
    .slice(0, options.limit ?? Infinity);
  if (pairs.length === 0) {
    throw new VerityError({ code: 'BAD_INPUT', component: 'eval', problem: `${quote(options.data)} holds no pairs of the ${quote(split ?? 'any')} split`, fix: 'leave --split out, or mark pairs with "split":"heldout"' });
  }
  const predicted: MeaningRelation[] = [];
  const wrong: Array<{ id: string; gold: MeaningRelation; predicted: MeaningRelation; reason: string }> = [];
  const t0 = performance.now();
  pairs.forEach((p, i) => {
    const answer = compare(p.claim, p.source);
    predicted.push(answer.relation);
    if (answer.relation !== p.relation) wrong.push({ id: p.id, gold: p.relation, predicted: answer.relation, reason: answer.reason });
    if (i % 50 === 0 || i === pairs.length - 1) options.onProgress?.({ stage: 'figure-pairs', done: i + 1, total: pairs.length });
  });
  const gold = pairs.map((p) => p.relation);
  const figures = figurePairFigures(pairs, predicted);
  return scoredResult('figure-pairs', { gold, predicted, labels: MEANING_RELATIONS, t0 }, { split: split ?? 'all', ...figures, summary: figurePairLines(figures), wrong });
}

/** A suite's result from its gold and predicted labels; `t0` is when judging began. */
export function scoredResult(suite: 'figure-pairs' | 'figure-pairs-shared', scored: { gold: string[]; predicted: string[]; labels: readonly string[]; t0: number }, extra: Record<string, unknown>): EvalResult {
  const seconds = (performance.now() - scored.t0) / 1000;
  return {
    suite,
    ...classify(scored.gold, scored.predicted, scored.labels),
    auc: null,
    recallAt5: null,
    claimsPerSecond: Math.round(scored.gold.length / Math.max(seconds, 1e-6)),
    majorityBaseline: majorityBaseline(scored.gold, scored.labels),
    extra,
  };
}
