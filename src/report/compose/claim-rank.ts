// A claim's candidates ranked by how much of the claim they state: the source whose passages
// state most of the claim (its words weighted by rarity, its figures and dates, its names) comes
// first, and within it the sentence that states most of it. A sentence that shares a number or a
// few common words with the claim ranks below one that says what the claim says.
import { coverageByBestSentences, coverageBySource, textCoverage, type ClaimProfile } from '../../evidence/index.js';
import type { Judgement, Source } from '../../model.js';
import { contentTerms } from '../../text/index.js';
import type { PendingSentence } from '../citations.js';
import { sourceName } from './attribution.js';
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

/** A page title must hold at least this rarity-weighted share of the claim's words to stand for the page. */
const HEADLINE_FLOOR = 0.3;

/** A title without its site name ("… | The Portwick Times", "… – Site"), when what is left reads as a headline. */
function headlineOf(source: Source): string | null {
  const head = source.title.split(/\s+[|•»]\s+|\s+[–—]\s+|\s+-\s+/)[0]?.trim() ?? '';
  if (head.split(/\s+/).length < 4 || /https?:|www\./i.test(head) || /["“”]/.test(head)) return null;
  return head;
}

/**
 * When no sentence of any source can be quoted (pages of headings, bylines and lists), the title
 * of the page that states most of the claim — a headline is its page's own words about its
 * subject — as a sentence about the source (basis "metadata": the verifier checks it against the
 * source's title): "The Portwick Times titles its page “Ferries stop running to the island”".
 * Only a title that states HEADLINE_FLOOR of the claim and two of its content words; null
 * otherwise.
 */
export function headlineSentence(profile: ClaimProfile, judgements: readonly Judgement[], bySource: ReadonlyMap<string, number>): PendingSentence | null {
  const claimTerms = new Set(contentTerms(profile.text));
  let best: { source: Source; head: string; score: number } | null = null;
  for (const source of new Map(judgements.map((j) => [j.source.id, j.source])).values()) {
    const head = headlineOf(source);
    if (head === null) continue;
    const shared = new Set(contentTerms(head).filter((t) => claimTerms.has(t))).size;
    const coverage = coverageByBestSentences(profile, [head], 1).coverage;
    if (shared < 2 || coverage < HEADLINE_FLOOR) continue;
    const score = coverage + (bySource.get(source.id) ?? 0);
    if (best === null || score > best.score) best = { source, head, score };
  }
  if (best === null) return null;
  const name = sourceName(best.source);
  return { body: `${name.charAt(0).toUpperCase()}${name.slice(1)} titles its page “${best.head}”`, sourceIds: [best.source.id], passageIds: [], basis: 'metadata' };
}
