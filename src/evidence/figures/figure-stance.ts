// A matching number is not support when it counts something else: the stance and verdict side of
// the figure-meaning comparison (figure-meaning.ts). For each figure of the claim, the evidence
// sentences holding the same value are compared in meaning; when none of them says what the claim
// says of it, and some say something else (another predicate, period, whole, a narrower or broader
// set), the evidence does not support the claim on that figure.
import type { Figure, Reason } from '../../model.js';
import { readFigureMeanings, type FigureMeaning } from '../../text/figures/figure-meaning.js';
import { splitSentences } from '../../text/index.js';
import { compareMeanings, relationSupports, type MeaningComparison } from './figure-meaning.js';
import { sameNumber, valueRelation } from './figure-relation.js';

export const FIGURE_MEANING_MISMATCH = 'figure-meaning-mismatch';

export interface FigureMeaningMismatch {
  comparison: MeaningComparison;
  claimFigure: string;
  claimSentence: string;
  sourceFigure: string;
  sourceSentence: string;
}

const quote = (s: string): string => `"${s.trim().replace(/\s+/g, ' ').replace(/[.;:]$/, '')}"`;

/** The reason a stance or verdict gives: the relation's words and both sentences. */
export function mismatchReason(m: FigureMeaningMismatch): Reason {
  return {
    kind: FIGURE_MEANING_MISMATCH,
    detail: `${m.comparison.relation}: ${m.comparison.reason}; the claim says ${quote(m.claimSentence)}, the source says ${quote(m.sourceSentence)}`,
  };
}

function sentencesOf(evidence: string | readonly string[]): string[] {
  const texts = typeof evidence === 'string' ? [evidence] : [...evidence];
  return texts.flatMap((t) => (t.length > 600 || /[.!?]\s/.test(t) ? splitSentences(t).map((s) => s.text) : [t]));
}

/**
 * The same number written, not a bound or range that merely overlaps it ("up to 4 years" and "not
 * less than 2 years" overlap but are different numbers): equal values, equal shares, or the same
 * digits on another scale.
 */
function sameWritten(c: FigureMeaning, s: FigureMeaning): boolean {
  if (c.figure.value === s.figure.value) return true;
  if (c.share !== null && s.share !== null && Math.abs(c.share - s.share) <= 0.006) return true;
  return c.scale !== s.scale && Math.abs(c.figure.value / c.scale - s.figure.value / s.scale) < 1e-9;
}

/**
 * The first claim figure whose value the evidence states only with another meaning, or null when
 * every matched figure is matched in meaning too (or no figure's value is stated at all).
 * `claimFigures` narrows which figures of the claim to compare (years are left out by callers).
 */
export function figureMeaningMismatch(claimText: string, evidence: string | readonly string[], claimFigures?: readonly Figure[]): FigureMeaningMismatch | null {
  const claim = readFigureMeanings(claimText);
  const wanted = claimFigures ? claim.figures.filter((m) => claimFigures.some((f) => f.start === m.figure.start)) : claim.figures;
  if (wanted.length === 0) return null;
  const sources: Array<{ sentence: string; meanings: FigureMeaning[] }> = [];
  for (const sentence of sentencesOf(evidence)) {
    if (!/\d|\b(?:half|third|quarter|dozen|hundred|thousand|million|billion|one|two|three|four|five|six|seven|eight|nine|ten)\b/i.test(sentence)) continue;
    sources.push({ sentence, meanings: readFigureMeanings(sentence).figures });
  }
  for (const c of wanted) {
    let first: FigureMeaningMismatch | null = null;
    let supported = false;
    for (const { sentence, meanings } of sources) {
      for (const s of meanings) {
        if (!sameNumber(c, s) || !sameWritten(c, s)) continue;
        const comparison = compareMeanings(c, s);
        if (relationSupports(comparison.relation)) supported = true;
        else if (first === null && comparison.relation !== 'unrelated' && (comparison.relation !== 'conflicting-value' || valueRelation(c, s) === 'match')) {
          first = { comparison, claimFigure: c.figure.text, claimSentence: claimText, sourceFigure: s.figure.text, sourceSentence: sentence };
        }
      }
      if (supported) break;
    }
    if (!supported && first !== null) return first;
  }
  return null;
}

/**
 * The verdict's side: when no passage supports the claim and some matched its number with another
 * meaning, a "supported" label falls to "unproven", and the verdict's one-line reason says why,
 * quoting both sentences. Returns null when nothing changes.
 */
export function figureMeaningVerdict<L extends string>(label: L, judgements: ReadonlyArray<{ stance: string; reasons: readonly Reason[] }>, unproven: L | null): { label: L; reason: Reason } | null {
  if (judgements.some((j) => j.stance === 'supports')) return null;
  const reason = judgements.flatMap((j) => j.reasons).find((r) => r.kind === FIGURE_MEANING_MISMATCH);
  if (!reason) return null;
  return { label: label === 'supported' && unproven !== null ? unproven : label, reason };
}
