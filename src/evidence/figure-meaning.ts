// What a figure counts, compared: the one function that stance, verdicts, the report's figures
// table and the audit use to decide whether two figures say the same thing.
//
// CONTRACT (fixed, so the dev benchmark and every caller can be written against it):
// `compareFigureStatements(claim, source)` compares one figure of the claim (or article) sentence
// with one figure of the source sentence and answers how the SOURCE's figure stands to the
// CLAIM's figure, with a one-line reason in plain words.
//
// Relations:
//   same                 same value, same counted thing, same whole and period (near-identical wording)
//   paraphrase           same value and meaning in other words ("140 of 196 countries" / "140 nations out of 196",
//                        "a quarter" / "25 %")
//   narrower             the source counts a narrower set than the claim (claim: "countries with some law",
//                        source: "countries that criminalize possession")
//   broader              the source counts a broader set than the claim (the reverse)
//   different-predicate  same number, but the source says something else of it ("inspected 1,200 clinics" vs
//                        "1,200 clinics offer the vaccine"; a survey figure vs a legal fact)
//   different-period     same quantity, other period or date ("in 2023" vs "in 2019", "since 2006" dropped)
//   different-whole      the figures are out of different wholes ("26 of 40 districts" vs "26 of 52")
//   different-unit       percent vs percentage points, a rate vs a count, millions vs billions of another unit
//   conflicting-value    same meaning, other value (or opposite direction: "rose 5 %" vs "fell 5 %")
//   unrelated            the two figures are about different things altogether
//
// `figure` is the surface text of the figure to compare inside its sentence ("1,200", "a quarter",
// "25 %"); when omitted, the best-matching figure pair of the two sentences is chosen.
//
// The implementation below is a placeholder so the contract compiles; it is replaced by the real
// comparison (issue 12).

export type MeaningRelation =
  | 'same'
  | 'paraphrase'
  | 'narrower'
  | 'broader'
  | 'different-predicate'
  | 'different-period'
  | 'different-whole'
  | 'different-unit'
  | 'conflicting-value'
  | 'unrelated';

export const MEANING_RELATIONS: readonly MeaningRelation[] = [
  'same',
  'paraphrase',
  'narrower',
  'broader',
  'different-predicate',
  'different-period',
  'different-whole',
  'different-unit',
  'conflicting-value',
  'unrelated',
];

/** A relation under which the source's figure bears out the claim's figure. */
export function relationSupports(relation: MeaningRelation): boolean {
  return relation === 'same' || relation === 'paraphrase';
}

export interface FigureStatement {
  /** The whole sentence the figure is read in. */
  sentence: string;
  /** The figure's surface text inside `sentence`; omitted: the best pair is chosen. */
  figure?: string;
}

export interface MeaningComparison {
  relation: MeaningRelation;
  /** One line in plain words: "the source counts districts that restrict e-scooters, not districts that ban them". */
  reason: string;
}

export function compareFigureStatements(claim: FigureStatement, source: FigureStatement): MeaningComparison {
  void claim;
  void source;
  return { relation: 'unrelated', reason: 'figure meaning is not compared yet' };
}
