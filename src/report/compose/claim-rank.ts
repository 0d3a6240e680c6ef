// A claim's candidates ranked by how much of the claim they state: the source whose passages
// state most of the claim (its words weighted by rarity, its figures and dates, its names) comes
// first, and within it the sentence that states most of it. A sentence that shares a number or a
// few common words with the claim ranks below one that says what the claim says.
import { coverageBySource, textCoverage, type ClaimProfile } from '../../evidence/index.js';
import type { Judgement } from '../../model.js';
import { byScore, type Candidate } from './candidates.js';

/** Weight of the candidate's source coverage, relative to the best source's. */
const SOURCE_WEIGHT = 0.8;
/** Weight of the sentence's own coverage of the claim. */
const SENTENCE_WEIGHT = 1.0;

export interface ClaimRanking {
  /** The candidates, rescored, best first. */
  ranked: Candidate[];
  /** Coverage of the claim by each source (evidence/verdict/source-coverage.ts), by source id. */
  bySource: ReadonlyMap<string, number>;
}

/** `known`: the coverage of each source read whole (FacetEvidence.sourceCoverage), when the caller has it. */
export function rankByClaimCoverage(pool: readonly Candidate[], profile: ClaimProfile, judgements: readonly Judgement[], known?: ReadonlyMap<string, number>): ClaimRanking {
  const bySource = known ?? coverageBySource(profile, judgements.map((j) => ({ sourceId: j.source.id, text: j.passage.text })));
  const best = Math.max(0, ...bySource.values());
  const ranked = pool
    .map((c) => {
      const source = best > 0 ? (bySource.get(c.source.id) ?? 0) / best : 0;
      const sentence = textCoverage(profile, c.antecedent ? `${c.antecedent.text} ${c.text}` : c.text, 1);
      return { ...c, score: c.score + SOURCE_WEIGHT * source + SENTENCE_WEIGHT * sentence };
    })
    .sort(byScore);
  return { ranked, bySource };
}
