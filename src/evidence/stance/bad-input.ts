// Pairs that cannot be judged: a claim with no content words (empty, punctuation, only numbers),
// a "claim" longer than one statement can be, evidence with no content words, or features that
// are not numbers. Each gets a neutral stance with a reason instead of a guess, a crash or NaN.
import type { Reason } from '../../model.js';
import type { ClaimProfile } from './claim-profile.js';

/** A claim longer than this is not one statement: it is judged neutral with a reason. */
export const MAX_CLAIM_CHARS = 2000;

const reason = (detail: string): Reason => ({ kind: 'unreadable-input', detail });

/** Why the claim cannot be judged, or null. */
export function unreadableClaim(claim: ClaimProfile): Reason | null {
  if (claim.text.length > MAX_CLAIM_CHARS) {
    return reason(`the claim is ${claim.text.length} characters long; one claim to judge is at most ${MAX_CLAIM_CHARS} (split it into sentences)`);
  }
  if (claim.terms.length === 0) {
    const shown = claim.text.trim().slice(0, 40);
    return reason(shown === '' ? 'the claim is empty' : `the claim ${JSON.stringify(shown)} has no content words to compare (only numbers, symbols or function words)`);
  }
  return null;
}

/** Why the evidence (its content stems known) cannot be judged, or null. */
export function unreadableEvidence(evidenceStems: ReadonlySet<string>): Reason | null {
  return evidenceStems.size === 0 ? reason('the passage has no content words to compare (empty, or only numbers and symbols)') : null;
}

/** Why a feature vector cannot be scored (a value that is not a finite number), or null. */
export function unreadableFeatures(values: readonly number[], names: readonly string[]): Reason | null {
  const bad = values.findIndex((v) => !Number.isFinite(v));
  return bad < 0 ? null : reason(`feature ${names[bad] ?? bad} is ${String(values[bad])}`);
}
