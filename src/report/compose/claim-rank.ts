// A claim's candidates ranked by how much of the claim they state: the source whose passages
// state most of the claim (its words weighted by rarity, its figures and dates, its names) comes
// first, and within it the sentence that states most of it. A sentence that shares a number or a
// few common words with the claim ranks below one that says what the claim says.
import { coverageByBestSentences, coverageBySource, textCoverage, type ClaimProfile } from '../../evidence/index.js';
import type { Judgement, Source } from '../../model.js';
import { contentTerms, injectionText } from '../../text/index.js';
import type { PendingSentence } from '../citations.js';
import { sourceName } from './attribution.js';
import { byScore, cleanSentence, FURNITURE, type Candidate } from './candidates.js';

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

/** A line must hold at least this rarity-weighted share of the claim's words, and two of its content words. */
const LINE_FLOOR = 0.25;
const LINE_WORDS = { min: 4, max: 40 };
/** Glued words ("NZ)Government", "pageTitle") and debris: a line with them does not read as the source's words. */
const DEBRIS = /\p{Ll}\p{Lu}{2,}\p{Ll}|\p{Ll}[.!?]\p{Lu}\p{Ll}|[)\]]\p{L}|[|]{1}|^[-=*_]{3,}|https?:|www\.|@/u;

/** A line of a page as it may be quoted inside quotation marks: the source's words, whole, nothing else. */
function quotableLine(raw: string): string | null {
  const line = cleanSentence(raw).replace(/^["“”]+|["“”]+$/g, '').trim();
  const words = line.split(/\s+/).length;
  if (words < LINE_WORDS.min || words > LINE_WORDS.max || line.length > 300) return null;
  if (DEBRIS.test(line) || FURNITURE.test(line) || injectionText(line) !== null || /[:?]$/.test(line)) return null;
  if (/[“”]/.test(line) || (line.match(/"/g) ?? []).length % 2 === 1) return null;
  return line;
}

/**
 * When nothing can be quoted as a sentence and no title stands for a page (headlineSentence), the
 * line of a retrieved page that states most of the claim — a heading, a list line, a caption —
 * quoted whole inside quotation marks, so it is read as the page's own words and not as a
 * statement: "NZHistory comes nearest to the claim in the line “Parliament moves to Wellington”".
 * Only a line holding LINE_FLOOR of the claim's rarity-weighted words and two of its content
 * words; null otherwise. It stands in the summary only: no verdict rests on it.
 */
export function nearestLineSentence(profile: ClaimProfile, judgements: readonly Judgement[], bySource: ReadonlyMap<string, number>): PendingSentence | null {
  const claimTerms = new Set(contentTerms(profile.text));
  let best: { judgement: Judgement; line: string; score: number } | null = null;
  for (const j of judgements) {
    for (const raw of j.passage.text.split(/\n+/)) {
      const line = quotableLine(raw);
      if (line === null) continue;
      const shared = new Set(contentTerms(line).filter((t) => claimTerms.has(t))).size;
      const coverage = coverageByBestSentences(profile, [line], 1).coverage;
      if (shared < 2 || coverage < LINE_FLOOR) continue;
      const score = coverage + (bySource.get(j.source.id) ?? 0);
      if (best === null || score > best.score + 1e-12) best = { judgement: j, line, score };
    }
  }
  if (best === null) return null;
  const name = sourceName(best.judgement.source);
  return { body: `${name.charAt(0).toUpperCase()}${name.slice(1)} comes nearest to the claim in the line “${best.line.replace(/[.!]+$/, '')}”`, sourceIds: [best.judgement.source.id], passageIds: [best.judgement.passage.id] };
}

/** The best source must state at least this share of the claim to be named when none of its sentences can be quoted. */
const UNQUOTED_FLOOR = 0.3;

/**
 * The source that states most of the claim (read whole: `bySource`), when the report cites it
 * nowhere because none of its sentences can be quoted (`pool` holds none of them) — a page of
 * headings and lists about the claim, while another source's sentence was quoted: its headline
 * or its nearest line, so the reader learns which page holds the claim's words. Null when it is
 * cited already, quotable, or states less than UNQUOTED_FLOOR of the claim.
 */
export function unquotedBestSource(profile: ClaimProfile, judgements: readonly Judgement[], bySource: ReadonlyMap<string, number>, pool: readonly Candidate[], written: readonly PendingSentence[]): PendingSentence | null {
  let bestId: string | null = null;
  for (const j of judgements) {
    const c = bySource.get(j.source.id) ?? 0;
    if (c >= UNQUOTED_FLOOR && (bestId === null || c > (bySource.get(bestId) ?? 0))) bestId = j.source.id;
  }
  if (bestId === null || pool.some((c) => c.source.id === bestId)) return null;
  if (written.some((s) => s.sourceIds.includes(bestId) || s.body.includes(`{{cite:${bestId}}}`))) return null;
  const own = judgements.filter((j) => j.source.id === bestId);
  return headlineSentence(profile, own, bySource) ?? nearestLineSentence(profile, own, bySource);
}
