// A matching number is not support when it counts something else: the stance and verdict side of
// the figure-meaning comparison (figure-meaning.ts). For each figure of the claim, the evidence
// sentences holding the same value are compared in meaning; when none of them says what the claim
// says of it, and some say something else (another predicate, period, whole, a narrower or broader
// set), the evidence does not support the claim on that figure.
import type { Figure, Reason } from '../../model.js';
import type { MeaningComparison } from './figure-meaning.js';
import { figureSignals, namesOf, type FigureSignal } from './figure-signals.js';

export const FIGURE_MEANING_MISMATCH = 'figure-meaning-mismatch';

export interface FigureMeaningMismatch {
  comparison: MeaningComparison;
  claimFigure: string;
  claimSentence: string;
  sourceFigure: string;
  sourceSentence: string;
}

const quote = (s: string): string => `"${s.trim().replace(/\s+/g, ' ').replace(/[.;:]$/, '')}"`;

/** The reason a stance or verdict gives: the relation's words and both sentences. */
export function mismatchReason(m: FigureMeaningMismatch): Reason {
  return {
    kind: FIGURE_MEANING_MISMATCH,
    detail: `${m.comparison.relation}: ${m.comparison.reason}; the claim says ${quote(m.claimSentence)}, the source says ${quote(m.sourceSentence)}`,
  };
}

/**
 * The first claim figure whose value the evidence states only with another meaning, or null when
 * every matched figure is matched in meaning too (or no figure's value is stated at all).
 * `claimFigures` narrows which figures of the claim to compare (years are left out by callers).
 * The figures are read once for every use (figure-signals.ts); pass `signals` when already read.
 */
export function figureMeaningMismatch(claimText: string, evidence: string | readonly string[], claimFigures?: readonly Figure[], signals?: readonly FigureSignal[]): FigureMeaningMismatch | null {
  for (const signal of signals ?? figureSignals(claimText, evidence, claimFigures)) {
    const m = signal.mismatch;
    if (signal.match !== null || m === null) continue;
    return { comparison: m.comparison, claimFigure: signal.claim.figure.text, claimSentence: claimText, sourceFigure: m.source.figure.text, sourceSentence: m.sentence };
  }
  return null;
}

/**
 * The verdict's side: when no passage supports the claim and some matched its number with another
 * meaning, a "supported" label falls to "unproven", and the verdict's one-line reason says why,
 * quoting both sentences. Returns null when nothing changes.
 */
export function figureMeaningVerdict<L extends string>(label: L, judgements: ReadonlyArray<{ stance: string; reasons: readonly Reason[] }>, unproven: L | null): { label: L; reason: Reason } | null {
  if (judgements.some((j) => j.stance === 'supports')) return null;
  const reason = judgements.flatMap((j) => j.reasons).find((r) => r.kind === FIGURE_MEANING_MISMATCH);
  if (!reason) return null;
  return { label: label === 'supported' && unproven !== null ? unproven : label, reason };
}

/**
 * The verdict's side of a value conflict: when no passage supports the claim and one refutes it
 * because it says the same thing of a claim figure with another value (figure-signals.ts), a
 * `supported` label the learned weights gave is `refuted`, at that passage's strength. Returns
 * null when nothing changes.
 */
export function figureConflictVerdict<L extends string>(label: L, judgements: ReadonlyArray<{ stance: string; strength: number; reasons: readonly Reason[] }>, refuted: L | null): { label: L; confidence: number } | null {
  if (label !== 'supported' || refuted === null || judgements.some((j) => j.stance === 'supports')) return null;
  const conflicting = judgements.filter((j) => j.stance === 'refutes' && j.reasons.some((r) => r.kind === 'figure-conflict'));
  if (conflicting.length === 0) return null;
  return { label: refuted, confidence: Math.max(...conflicting.map((j) => j.strength)) };
}

/**
 * What a refuting verdict says of the figures: the strongest refuting passage's value conflict
 * ("claim "97 measles" differs from passage "64 measles": …"), so the reason names both figures.
 * Only a passage that names every name of the claim is quoted (another town's fare is not the
 * claim's). Null when no such passage conflicts on a figure.
 */
export function figureConflictNote(claim: string, judgements: ReadonlyArray<{ stance: string; strength: number; reasons: readonly Reason[]; passage: { text: string } }>): string | null {
  const names = namesOf(claim);
  const refuting = judgements.filter((j) => j.stance === 'refutes' && names.every((n) => j.passage.text.includes(n))).sort((a, b) => b.strength - a.strength);
  for (const j of refuting) {
    const r = j.reasons.find((x) => x.kind === 'figure-conflict');
    if (r) return r.detail;
  }
  return null;
}
