// What the composer is given: the plan's facets with their judged evidence, and the
// provenance the pipeline measured. The composer adds nothing it was not given.
import type { Judgement, Provenance, Verdict } from '../../model.js';
import type { AnswerType } from '../../text/index.js';

/** What a facet asks: see check/plan.ts. */
export type FacetRole = 'claim' | 'part' | 'does-a' | 'does-b-only' | 'compare' | 'topic';

/**
 * One sub-question of a plan, as the planner (check/plan.ts) makes it. Defined here, not in
 * check/, because report/ must not import check/; the planner re-exports it as its `Facet`.
 */
export interface PlannedFacet {
  /** Stable id within the plan: "f1", "f2" … */
  id: string;
  role: FacetRole;
  /** The sub-question in plain words, for headlines and gap statements. */
  label: string;
  /** A declarative statement the evidence is retrieved for and judged against. */
  claim: string;
  /** Whether this facet has evidence of its own (compare facets are computed from others). */
  retrieve: boolean;
  /** The words that set this facet apart from its siblings ("mere possession"); empty when none. */
  focus: string[];
}

/** A planned facet with the evidence judged for it. */
export interface FacetEvidence extends PlannedFacet {
  judgements: Judgement[];
  /** The facet's own verdict (claims and their parts); null for question facets. */
  verdict: Verdict | null;
  /**
   * How much of the facet's claim each of its sources states, read whole, by source id (claims
   * and their parts). Absent: the composer reads it from the judged passages.
   */
  sourceCoverage?: ReadonlyMap<string, number>;
}

export interface ComposeInput {
  input: string;
  kind: 'claim' | 'question';
  facets: FacetEvidence[];
  /** The verdict on the whole claim; null for questions. */
  verdict: Verdict | null;
  /** "Now" for judging how old sources are (injected, for reproducible reports). */
  now: Date;
  provenance: Provenance;
  /**
   * What names a which-question asks for (the plan's `answer`). Absent: read from `input` with
   * text.answerTypeOf, so callers that do not pass it get the same report.
   */
  answer?: AnswerType | null;
}
