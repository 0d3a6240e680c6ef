// Where a claim's own figures stand in the evidence, for any verdict that names them (a check's
// verdict discipline and an audit's corpus check): a claim whose number no passage states with
// its meaning is at best partly borne out, and one a passage gives another value is refuted by it.
import type { Judgement } from '../../model.js';
import type { ClaimProfile } from '../stance/claim-profile.js';

/** A span of time ("in eight years", "the past decade") is a period, compared as one, not a count to find stated. */
const TIME_SPAN = /^(?:years?|months?|weeks?|days?|decades?|centuries|century)$/i;

/** The claim's figures (years and spans of time aside) when no passage states one with the claim's meaning or restates the claim; else none. */
export function unstatedFigures(profile: ClaimProfile, judgements: readonly Judgement[]): string[] {
  const figures = profile.figures.filter((f) => !TIME_SPAN.test(f.unit ?? ''));
  if (figures.length === 0) return [];
  const stated = judgements.some((j) => j.reasons.some((r) => r.kind === 'figure-match' || (r.kind === 'restatement' && j.stance === 'supports')));
  return stated ? [] : figures.map((f) => f.text);
}

/** Refuting judgements that give the claim's figure another value (strongest first). */
export function conflictingFigures(judgements: readonly Judgement[]): Judgement[] {
  return judgements.filter((j) => j.stance === 'refutes' && j.reasons.some((r) => r.kind === 'figure-conflict')).sort((a, b) => b.strength - a.strength);
}
