// What a verdict's confidence is read from: features that say how firmly the evidence backs the
// label given, whatever the label is (so a confidence model fitted on some suites does not carry
// their label priors to another): the weights' margin over the runner-up label, how much of the
// evidence that takes a side takes the label's side, and how much of the claim the best passage
// holds. calibration.ts maps them to the probability that the label is right.
import type { Judgement, Stance, VerdictLabel } from '../../model.js';

export const CONFIDENCE_FEATURES = ['raw', 'margin', 'agreement', 'coverage'] as const;

/** The parts of a judgement the confidence features read (a judged passage's stance probabilities and coverage). */
export type ConfidenceJudgement = Pick<Judgement, 'stance' | 'strength'> & { probabilities?: Record<Stance, number>; coverage?: number };

const SIDE: Partial<Record<VerdictLabel, Stance>> = { supported: 'supports', refuted: 'refutes' };

function stanceOf(j: ConfidenceJudgement): Record<Stance, number> {
  if (j.probabilities) return j.probabilities;
  const rest = (1 - j.strength) / 2;
  return { supports: j.stance === 'supports' ? j.strength : rest, refutes: j.stance === 'refutes' ? j.strength : rest, neutral: j.stance === 'neutral' ? j.strength : rest };
}

/**
 * Label-agnostic confidence features, in CONFIDENCE_FEATURES order.
 * - raw: the confidence the verdict was decided with (the weights' probability of the label among
 *   the labels allowed, or a rule's strength);
 * - margin: that probability less the runner-up label's (0 when a rule decided against the weights);
 * - agreement: of the evidence's stance mass that takes a side, the share on the label's side
 *   (supported, refuted); for mixed the weaker side's share of the two; for unproven the mean
 *   neutral probability (how much of the evidence says nothing);
 * - coverage: how much of the claim the best-covering passage holds (1 − P(neutral) when unknown).
 */
export function confidenceFeatures(label: VerdictLabel, raw: number, probabilities: Record<VerdictLabel, number>, allowed: readonly VerdictLabel[], judgements: readonly ConfidenceJudgement[]): number[] {
  const mass = allowed.reduce((a, l) => a + (probabilities[l] ?? 0), 0) || 1;
  const runnerUp = allowed.filter((l) => l !== label).reduce((m, l) => Math.max(m, (probabilities[l] ?? 0) / mass), 0);
  const margin = Math.max(0, raw - runnerUp);
  const ps = judgements.map(stanceOf);
  const s = ps.reduce((a, p) => a + p.supports, 0);
  const r = ps.reduce((a, p) => a + p.refutes, 0);
  const side = SIDE[label];
  let agreement: number;
  if (side) agreement = s + r > 0 ? (side === 'supports' ? s : r) / (s + r) : 0.5;
  else if (label === 'mixed') agreement = s + r > 0 ? (2 * Math.min(s, r)) / (s + r) : 0;
  else agreement = ps.length > 0 ? ps.reduce((a, p) => a + p.neutral, 0) / ps.length : 1;
  const coverage = judgements.reduce((m, j) => Math.max(m, j.coverage ?? 1 - stanceOf(j).neutral), 0);
  const finite = (v: number): number => (Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0);
  return [finite(raw), finite(margin), finite(agreement), finite(coverage)];
}
