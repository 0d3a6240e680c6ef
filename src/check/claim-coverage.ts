// How much of the claim one source's retrieved passages state (evidence/verdict/source-coverage.ts): the
// best source counts: a claim is borne out by a page that says all of it, not by words scattered
// over several.
import { coverageBySource, profileClaim } from '../evidence/index.js';
import type { Judgement } from '../model.js';

export function claimCoverage(claim: string, judgements: readonly Judgement[]): number {
  if (judgements.length === 0) return 0;
  const bySource = coverageBySource(profileClaim(claim), judgements.map((j) => ({ sourceId: j.source.id, text: j.passage.text })));
  return Math.max(0, ...bySource.values());
}
