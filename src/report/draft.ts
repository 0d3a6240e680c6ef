// The composer's output before verification: a report whose sentences carry their citations
// and the passages they rest on, but no verdict from the verifier yet.
import type { Report, ReportSentence } from '../model.js';

/** A sentence as the composer wrote it. `citations` are 1-based numbers into `sources`. */
export interface DraftSentence {
  text: string;
  citations: number[];
  /** Passage ids the sentence was taken from (basis "passage"); may be empty for other bases. */
  passageIds: string[];
  /** Default "passage". See ReportSentence.basis. */
  basis?: NonNullable<ReportSentence['basis']>;
}

export interface DraftFinding {
  headline: string;
  sentences: DraftSentence[];
}

/** A report before `verifyReport`: same shape as Report, sentences not yet judged. */
export interface ReportDraft extends Omit<Report, 'summary' | 'findings' | 'gaps' | 'perspectives'> {
  summary: DraftSentence[];
  findings: DraftFinding[];
  gaps: DraftSentence[];
  perspectives: DraftSentence[];
}

/** What the verifier needs to know about a cited passage. */
export interface CitedPassage {
  text: string;
}
