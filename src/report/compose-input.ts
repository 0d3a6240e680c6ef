// What the composer is given: the plan's facets with their judged evidence, and the
// provenance the pipeline measured. The composer adds nothing it was not given.
import type { Judgement, Provenance, Verdict } from '../model.js';

/** What a facet asks: see check/plan.ts. */
export type FacetRole = 'claim' | 'part' | 'does-a' | 'does-b-only' | 'compare' | 'topic';

export interface FacetEvidence {
  id: string;
  role: FacetRole;
  /** The sub-question in plain words. */
  label: string;
  /** The statement evidence was retrieved for and judged against. */
  claim: string;
  /** False for facets computed from others (compare). */
  retrieve: boolean;
  /** Words that set this facet apart from its siblings; empty when none. */
  focus: string[];
  judgements: Judgement[];
  /** The facet's own verdict (claims and their parts); null for question facets. */
  verdict: Verdict | null;
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
}
