// One pass over a text: sentences, and for each its figures, dates, cues and check-worthiness.
//
// Contract: every offset (sentence, figure, date, cue) is into the `text` given, so
// `text.slice(x.start, x.end) === x.text` for all of them. Figures, dates and cues never cross
// a sentence boundary. Relative dates resolve against `options.reference` when given.
import type { SentenceAnalysis, Span } from '../model.js';
import { checkworthiness } from './checkworthiness/checkworthiness.js';
import type { CheckworthinessModel } from './checkworthiness/checkworthiness-model.js';
import { findCues } from './words/cues.js';
import { extractDates } from './dates.js';
import { extractFigures } from './figures/figures.js';
import { splitSentences } from './sentences.js';

export interface AnalyzeOptions {
  reference?: Date;
  /** A check-worthiness model other than the shipped one (tests, experiments). */
  model?: CheckworthinessModel;
}

function shift<T extends Span>(items: T[], by: number): T[] {
  for (const x of items) {
    x.start += by;
    x.end += by;
  }
  return items;
}

export function analyzeText(text: string, options: AnalyzeOptions = {}): SentenceAnalysis[] {
  return splitSentences(text).map((s) => {
    const dates = extractDates(s.text, options.reference ? { reference: options.reference } : {});
    // Date spans do not depend on the reference, only their values do: reuse them as the figure mask.
    const figures = extractFigures(s.text, { dates });
    const cues = findCues(s.text);
    const score = checkworthiness(s.text, { parts: { figures, dates, cues }, ...(options.model ? { model: options.model } : {}) });
    return {
      text: s.text,
      start: s.start,
      end: s.end,
      checkworthiness: Math.round(score * 1e4) / 1e4,
      figures: shift(figures, s.start),
      dates: shift(dates, s.start),
      cues: shift(cues, s.start),
    };
  });
}
