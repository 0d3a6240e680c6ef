// What `verity eval` reports for a suite, and the options every suite runner takes.
import type { ProgressListener } from '../model.js';
import type { ClassificationReport } from './metrics.js';

export const SUITES = ['climate-fever', 'check-covid', 'wice', 'wice-corpus', 'citation-integrity', 'healthver', 'fever-symmetric', 'covid-fact', 'scifact', 'figure-pairs', 'figure-pairs-shared'] as const;
export type SuiteName = (typeof SUITES)[number];

export interface EvalOptions {
  /** A claims file, or a folder: every file in it with the suite's format. */
  data: string;
  /** The abstracts corpus (check-covid: corpus.json; citation-integrity: corpus.jsonl). */
  corpus?: string;
  /** Evaluate only the first N claims (or pairs). */
  limit?: number;
  /** figure-pairs: only the pairs of this split (dev or heldout). */
  split?: string;
  /** wice-corpus: keep the articles, the corpus database and every report JSON in this folder. */
  out?: string;
  onProgress?: ProgressListener;
}

export interface EvalResult extends ClassificationReport {
  suite: SuiteName;
  /** ROC-AUC of the "supported" score against the rest (wice), else null. */
  auc: number | null;
  /** Share of claims whose gold abstract is among the first 5 retrieved (check-covid), else null. */
  recallAt5: number | null;
  /** Claims (or pairs) judged per second, reading excluded. */
  claimsPerSecond: number;
  /** Always predicting the most frequent gold label, on the same items. */
  majorityBaseline: { label: string; accuracy: number; macroF1: number };
  /** Extra suite-specific figures (evidence-level stance for climate-fever, reliability tables …). */
  extra: Record<string, unknown>;
}
