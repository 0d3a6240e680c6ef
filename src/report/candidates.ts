// Candidate sentences: every sentence of every judged passage, scored for how well it answers
// one facet. The composer only ever writes these sentences (plus glue), so every fact in a
// report is a sentence some source wrote.
import type { Figure, Judgement, Passage, Source, Stance } from '../model.js';
import { contentTerms, extractFigures, splitSentences } from '../text/index.js';
import { negationCount } from './negation.js';
import { withExpansions } from './acronyms.js';

export interface Candidate {
  /** The sentence as written in the passage (list markers and heading marks removed). */
  text: string;
  passage: Passage;
  source: Source;
  facetId: string;
  stance: Stance;
  strength: number;
  relevance: number;
  terms: ReadonlySet<string>;
  /** Figures that say what they count (unit or predicate). */
  figures: Figure[];
  negated: boolean;
  /** Share of the facet's content terms the sentence contains. */
  coverage: number;
  /** Share of the facet's focus words the sentence contains (0 when the facet has none). */
  focusCoverage: number;
  score: number;
  /** Position of the sentence in its passage, for stable ordering. */
  index: number;
}

const MIN_CHARS = 30;
/** Sentences that lean on the one before them. */
export const ANAPHORA = /^(?:this|that|these|those|it|its|they|their|such|both|the two|the same|here|there)\b/i;
const MAX_CHARS = 480;

function cleanSentence(text: string): string {
  return text
    .replace(/^\s*(?:#{1,6}\s+|[-*•▪]\s+|\d+[.)]\s+|>\s*)+/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function usable(text: string): boolean {
  if (text.length < MIN_CHARS || text.length > MAX_CHARS) return false;
  if (text.endsWith('?') || text.endsWith(':')) return false;
  if (/[|]{2,}|^[-=*_]{3,}/.test(text)) return false;
  const words = text.split(/\s+/).length;
  if (!/[.!]["'”’)\]]*$/.test(text)) return false; // headings and fragments have no full stop
  const afterColon = /:\s+([^:]*)$/.exec(text)?.[1];
  if (afterColon !== undefined && afterColon.split(/\s+/).length <= 5) return false;
  return words >= 6 && /[a-z]/.test(text) && !/^[a-z]/.test(text);
}

export interface CandidateOptions {
  facetId: string;
  /** The facet's claim: candidates are scored by how much of it they cover. */
  claim: string;
  /** Words that set the facet apart; covering them weighs more than covering the claim. */
  focus?: readonly string[];
  /** Acronyms the sources define, so "CSAM" covers "child sexual abuse material". */
  acronyms?: ReadonlyMap<string, readonly string[]>;
  /** +1 favours negated sentences ("do not criminalize"), −1 disfavours them, 0 neither. */
  negation: -1 | 0 | 1;
}

/** Score every sentence of the judged passages for a facet. Deterministic order: best first. */
export function candidatesFor(judgements: readonly Judgement[], options: CandidateOptions): Candidate[] {
  const facetTerms = [...new Set(contentTerms(options.claim))].filter((t) => !/^\d/.test(t));
  const focus = [...new Set(contentTerms((options.focus ?? []).join(' ')))];
  const maxRelevance = Math.max(1e-9, ...judgements.map((j) => j.relevance));
  const out: Candidate[] = [];
  for (const j of judgements) {
    splitSentences(j.passage.text).forEach((span, index) => {
      const text = cleanSentence(span.text);
      if (!usable(text)) return;
      const terms = withExpansions(contentTerms(text), options.acronyms ?? new Map());
      const covered = facetTerms.filter((t) => terms.has(t)).length;
      const coverage = facetTerms.length === 0 ? 0 : covered / facetTerms.length;
      const focusCoverage = focus.length === 0 ? 0 : focus.filter((t) => terms.has(t)).length / focus.length;
      if (coverage < 0.2 && focusCoverage === 0) return;
      if (covered < Math.min(2, facetTerms.length)) return; // one shared word ("made") is chance
      const figures = extractFigures(text).filter((f) => f.unit !== null || f.predicate !== null);
      const negated = negationCount(text) > 0;
      let score = 0.7 * coverage + 0.8 * focusCoverage + 0.25 * (j.relevance / maxRelevance);
      if (figures.length > 0) score += 0.35;
      if (j.stance !== 'neutral') score += 0.15 * j.strength;
      if (options.negation !== 0) score += (negated ? 0.3 : -0.3) * options.negation;
      // A sentence that leans on the one before ("That conference …", "Those 56 …") reads badly alone.
      if (ANAPHORA.test(text)) score -= 0.4;
      out.push({
        text,
        passage: j.passage,
        source: j.source,
        facetId: options.facetId,
        stance: j.stance,
        strength: j.strength,
        relevance: j.relevance,
        terms,
        figures,
        negated,
        coverage,
        focusCoverage,
        score,
        index,
      });
    });
  }
  return out.sort(byScore);
}

export function byScore(a: Candidate, b: Candidate): number {
  return b.score - a.score || a.passage.id.localeCompare(b.passage.id) || a.index - b.index;
}

/** Key identifying a sentence across facets. */
export function candidateKey(c: Pick<Candidate, 'passage' | 'index'>): string {
  return `${c.passage.id}#${c.index}`;
}

/** Near-duplicate test (Jaccard of content terms ≥ 0.7): two sources copying one sentence. */
export function nearDuplicate(a: Candidate, b: Candidate): boolean {
  let shared = 0;
  for (const t of a.terms) if (b.terms.has(t)) shared++;
  const union = a.terms.size + b.terms.size - shared;
  return union > 0 && shared / union >= 0.7;
}
