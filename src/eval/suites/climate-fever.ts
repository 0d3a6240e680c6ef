// CLIMATE-FEVER: each claim with its 5 evidence sentences → claim verdict; also sentence stance.
import type { Stance, VerdictLabel } from '../../model.js';
import { decideVerdict, judge, profileClaim } from '../../evidence/index.js';
import type { EvalOptions, EvalResult } from '../eval-result.js';
import { classify, expectedCalibrationError, majorityBaseline, reliability } from '../metrics.js';
import { textEvidence } from '../synthetic-evidence.js';
import { readClimateFever } from '../upstream-formats.js';

export const CLIMATE_FEVER_LABELS = ['SUPPORTS', 'REFUTES', 'NOT_ENOUGH_INFO', 'DISPUTED'] as const;
const FROM_VERDICT: Record<VerdictLabel, string> = { supported: 'SUPPORTS', refuted: 'REFUTES', mixed: 'DISPUTED', unproven: 'NOT_ENOUGH_INFO' };
const FROM_STANCE: Record<Stance, string> = { supports: 'SUPPORTS', refutes: 'REFUTES', neutral: 'NOT_ENOUGH_INFO' };

export function runClimateFever(options: EvalOptions): EvalResult {
  const claims = readClimateFever(options.data).slice(0, options.limit ?? Infinity);
  const gold: string[] = [];
  const predicted: string[] = [];
  const confidence: number[] = [];
  const evGold: string[] = [];
  const evPred: string[] = [];
  const t0 = performance.now();
  claims.forEach((c, i) => {
    const profile = profileClaim(c.claim);
    const judgements = c.evidences.map((e, k) => {
      const j = judge(profile, textEvidence(`${c.id}:${k}`, e.text));
      evGold.push(e.gold);
      evPred.push(FROM_STANCE[j.stance]);
      return j;
    });
    const v = decideVerdict(c.claim, judgements);
    gold.push(c.gold);
    predicted.push(FROM_VERDICT[v.label]);
    confidence.push(v.confidence);
    options.onProgress?.({ stage: 'climate-fever', done: i + 1, total: claims.length });
  });
  const seconds = (performance.now() - t0) / 1000;
  const report = classify(gold, predicted, CLIMATE_FEVER_LABELS);
  const evidence = classify(evGold, evPred, ['SUPPORTS', 'REFUTES', 'NOT_ENOUGH_INFO']);
  const table = reliability(confidence, predicted.map((p, i) => p === gold[i]));
  return {
    suite: 'climate-fever',
    ...report,
    auc: null,
    recallAt5: null,
    claimsPerSecond: Math.round(claims.length / Math.max(seconds, 1e-6)),
    majorityBaseline: majorityBaseline(gold, CLIMATE_FEVER_LABELS),
    extra: {
      evidenceStance: { n: evidence.n, accuracy: evidence.accuracy, macroF1: evidence.macroF1, perClass: evidence.perClass, majorityBaseline: majorityBaseline(evGold, ['SUPPORTS', 'REFUTES', 'NOT_ENOUGH_INFO']) },
      reliability: table,
      expectedCalibrationError: expectedCalibrationError(table),
    },
  };
}
