// The Analyst contract: the part of the pipeline that reads judged evidence and writes. Two
// implementations: the rules analyst (default, deterministic, offline: rules-analyst.ts) and
// the LLM analyst (optional: llm/, any OpenAI-compatible chat-completions server).
//
// Contract
// - `name` is what a report's provenance says wrote it: "rules", or "llm:<model>".
// - `compose(input)` writes a report draft from the facets, their judgements and the verdict
//   the pipeline already decided. It adds no evidence: every sentence it writes cites passages
//   among `input.facets[].judgements`, and the pipeline runs every sentence through the same
//   verifier (report/verify.ts) whatever the analyst — a sentence that fails is flagged, never
//   dropped or kept as good. The verdict label is the pipeline's (evidence.decideVerdict); an
//   analyst does not change it. An analyst that cannot finish throws a VerityError: never a
//   half report. It may append warnings (data, shown in the report) to
//   `input.provenance.warnings`.
// - `stance(pairs)` gives the stance of each evidence text toward its claim, in order (the
//   pair benchmarks of `verity eval`). Same length as `pairs`, or a VerityError.
// - Neither method reaches the network unless the analyst is one that must (the LLM analyst).
import type { Stance } from '../model.js';
import type { Composed } from '../report/compose/compose.js';
import type { ComposeInput } from '../report/compose/compose-input.js';

/** One claim and one evidence text, for stance. */
export interface StancePair {
  claim: string;
  evidence: string;
}

export interface StanceOptions {
  /** Progress as pairs are judged (done of total). */
  onProgress?: (done: number, total: number) => void;
}

export interface Analyst {
  /** Provenance name: "rules" or "llm:<model>". */
  readonly name: string;
  compose(input: ComposeInput): Promise<Composed>;
  stance(pairs: readonly StancePair[], options?: StanceOptions): Promise<Stance[]>;
}
