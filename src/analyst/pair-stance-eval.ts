// `verity eval <pair-suite> --analyst llm`: the pair benchmarks (HealthVer, FEVER-Symmetric,
// COVID-Fact, SciFact RTE) measured with any Analyst's `stance`. Reads the suites with the
// eval module's readers and scores with its metrics, so the figures are comparable with the
// rules analyst's `verity eval` on the same file. The rules analyst's own pair runner
// (eval/suites/pairs.ts) also uses its probabilities (fitted cut-offs); this one has labels only.
import { VerityError, quote } from '../errors.js';
import type { Stance } from '../model.js';
import type { EvalOptions, EvalResult } from '../eval/eval-result.js';
import { classify, majorityBaseline } from '../eval/metrics.js';
import { hasRteFiles, readPairs } from '../eval/upstream-formats.js';
import type { Analyst } from './analyst.js';

export const PAIR_SUITES = ['healthver', 'fever-symmetric', 'covid-fact', 'scifact'] as const;
export type PairSuite = (typeof PAIR_SUITES)[number];

export function isPairSuite(name: string): name is PairSuite {
  return (PAIR_SUITES as readonly string[]).includes(name);
}

/** The suite's labels, and a stance read as one of them. */
const LABELS: Record<PairSuite, { labels: string[]; of: (s: Stance) => string }> = {
  healthver: { labels: ['Supports', 'Refutes', 'Neutral'], of: (s) => (s === 'supports' ? 'Supports' : s === 'refutes' ? 'Refutes' : 'Neutral') },
  'fever-symmetric': { labels: ['SUPPORTS', 'REFUTES'], of: (s) => (s === 'supports' ? 'SUPPORTS' : 'REFUTES') },
  'covid-fact': { labels: ['entailment', 'not_entailment'], of: (s) => (s === 'supports' ? 'entailment' : 'not_entailment') },
  scifact: { labels: ['entailment', 'not_entailment'], of: (s) => (s === 'supports' ? 'entailment' : 'not_entailment') },
};

/** Measure `analyst` on a pair suite. Throws USAGE for a suite that is not a pair suite. */
export async function runPairStanceEval(suite: string, options: EvalOptions, analyst: Analyst): Promise<EvalResult> {
  if (!isPairSuite(suite) || (suite === 'scifact' && !hasRteFiles(options.data))) {
    throw new VerityError({
      code: 'USAGE',
      component: 'eval',
      problem: `--analyst ${analyst.name.split(':')[0]} measures the pair suites only, not ${quote(suite)}${suite === 'scifact' ? ' in its claims format' : ''}`,
      fix: `use one of ${PAIR_SUITES.join(', ')} (scifact: the rte-scifact-oracle TSV), or drop --analyst to run ${quote(suite)} with the rules analyst`,
    });
  }
  const pairs = readPairs(suite, options.data, suite === 'covid-fact' ? options.corpus : undefined).slice(0, options.limit ?? Infinity);
  const spec = LABELS[suite];
  const t0 = performance.now();
  const stances = await analyst.stance(
    pairs.map((p) => ({ claim: p.claim, evidence: p.evidence })),
    { onProgress: (done, total) => options.onProgress?.({ stage: suite, done, total }) },
  );
  const seconds = (performance.now() - t0) / 1000;
  const gold = pairs.map((p) => p.gold);
  const predicted = stances.map(spec.of);
  return {
    suite,
    ...classify(gold, predicted, spec.labels),
    auc: null,
    recallAt5: null,
    claimsPerSecond: Math.round((pairs.length / Math.max(seconds, 1e-6)) * 100) / 100,
    majorityBaseline: majorityBaseline(gold, spec.labels),
    extra: { analyst: analyst.name },
  };
}
