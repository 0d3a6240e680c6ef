// Pair suites: one claim and one evidence text per row → stance. HealthVer has three labels;
// FEVER-Symmetric, COVID-Fact and SciFact (RTE) have two, so the choice is between the two.
import type { Stance } from '../../model.js';
import { judgePair, stanceModel } from '../../evidence/index.js';
import type { EvalOptions, EvalResult } from '../eval-result.js';
import { classify, majorityBaseline } from '../metrics.js';
import { readPairs } from '../upstream-formats.js';

/** The entailment cut-off fitted on the suite's training split (models/stance.json), else 0.5. */
function supportsAt(suite: string): number {
  return stanceModel().decisions?.[suite]?.supportsAt ?? 0.5;
}

type PairSuite = 'healthver' | 'fever-symmetric' | 'covid-fact' | 'scifact';

const LABELS: Record<PairSuite, { labels: string[]; map: (p: Record<Stance, number>) => string }> = {
  healthver: {
    labels: ['Supports', 'Refutes', 'Neutral'],
    map: (p) => (p.supports >= p.refutes && p.supports >= p.neutral ? 'Supports' : p.refutes >= p.neutral ? 'Refutes' : 'Neutral'),
  },
  'fever-symmetric': { labels: ['SUPPORTS', 'REFUTES'], map: (p) => (p.supports >= Math.max(p.refutes, p.neutral) ? 'SUPPORTS' : 'REFUTES') },
  'covid-fact': { labels: ['entailment', 'not_entailment'], map: (p) => (p.supports >= supportsAt('covid-fact') ? 'entailment' : 'not_entailment') },
  scifact: { labels: ['entailment', 'not_entailment'], map: (p) => (p.supports >= supportsAt('scifact') ? 'entailment' : 'not_entailment') },
};

export function runPairs(suite: PairSuite, options: EvalOptions): EvalResult {
  const pairs = readPairs(suite, options.data, suite === 'covid-fact' ? options.corpus : undefined).slice(0, options.limit ?? Infinity);
  const spec = LABELS[suite];
  const gold: string[] = [];
  const predicted: string[] = [];
  const t0 = performance.now();
  pairs.forEach((p, i) => {
    const j = judgePair(p.claim, p.evidence);
    gold.push(p.gold);
    predicted.push(spec.map(j.probabilities));
    if (i % 50 === 0 || i === pairs.length - 1) options.onProgress?.({ stage: suite, done: i + 1, total: pairs.length });
  });
  const seconds = (performance.now() - t0) / 1000;
  return {
    suite,
    ...classify(gold, predicted, spec.labels),
    auc: null,
    recallAt5: null,
    claimsPerSecond: Math.round(pairs.length / Math.max(seconds, 1e-6)),
    majorityBaseline: majorityBaseline(gold, spec.labels),
    extra: {},
  };
}
