// Two figures a reader wants named together, read from the judged passages:
// - another base: the page gives the claim's number measured against something else ("rose 35 per
//   cent when compared to the same six months a year earlier") and another number for what the
//   claim says ("an increase of 9 per cent during the trial"): the claim is refuted by the second,
//   and the reason says what the first counts;
// - another stage: the page gives the claim's count at one stage ("Seventy firms signed up") and
//   another count of the same bodies at another ("61 of them finished the trial"): the claim is
//   borne out at one stage only, so the verdict is Mixed with both named.
import type { Judgement } from '../model.js';
import { compareMeanings } from '../evidence/index.js';
import { sameBodies, sameCounted, valueRelation } from '../evidence/figures/figure-relation.js';
import { readFigureMeanings, type FigureMeaning } from '../text/figures/figure-meaning.js';
import { splitSentences } from '../text/index.js';

export interface FigureSeen {
  passageId: string;
  /** The source sentence and the figure's words in it. */
  sentence: string;
  figure: string;
  /** What the figure's clause says of it, quoted in a reason. */
  clause: string;
}

export interface FigureNuance {
  kind: 'other-base' | 'other-stage';
  /** The claim's figure as written. */
  claimFigure: string;
  /** The source's figure with the claim's value, said of something else (another base, another stage). */
  same: FigureSeen;
  /** The source's figure with another value: for the claim's period (other-base) or another stage of the same bodies (other-stage). */
  rival: FigureSeen;
}

/** "… when compared to the same six months in 2023", "… than a year earlier": the figure is measured against another base. */
const BASE_AFTER = /^[^.;]{0,12}?\b(?:(?:when\s+)?compared\s+(?:to|with)|in\s+comparison\s+(?:to|with)|versus|relative\s+to|year[-\s]on[-\s]year|than\s+(?:a\s+year|the\s+same|in\s+\p{N}{4}))/iu;
const FIGURE_REASONS = new Set(['figure-match', 'figure-conflict', 'figure-meaning-mismatch']);

interface Read {
  j: Judgement;
  sentence: string;
  m: FigureMeaning;
}

function measuredAgainstBase(r: Read): boolean {
  const at = r.sentence.indexOf(r.m.figure.text);
  return at >= 0 && BASE_AFTER.test(r.sentence.slice(at + r.m.figure.text.length));
}

function seen(r: Read): FigureSeen {
  const clause = r.m.clause.replace(/^[\s.,;:]+|[\s.,;:]+$/g, '').replace(/^(?:and|but|while|whereas)\s+/i, '');
  return { passageId: r.j.passage.id, sentence: r.sentence, figure: r.m.figure.text, clause: clause.length > 0 ? clause : r.m.figure.text };
}

/** Every figure of the passages judged on figures whose page names what the claim names. */
function figuresOf(judgements: readonly Judgement[], named: (j: Judgement) => boolean): Read[] {
  const out: Read[] = [];
  const seenPassages = new Set<string>();
  for (const j of judgements) {
    if (seenPassages.has(j.passage.id) || !j.reasons.some((r) => FIGURE_REASONS.has(r.kind)) || !named(j)) continue;
    seenPassages.add(j.passage.id);
    for (const s of splitSentences(j.passage.text)) {
      if (!/\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)\b/i.test(s.text)) continue;
      for (const m of readFigureMeanings(s.text).figures) out.push({ j, sentence: s.text, m });
    }
  }
  return out;
}

/** Another base: the claim's value measured against another base, and another value for the claim's own. */
function otherBase(claim: string, c: FigureMeaning, reads: readonly Read[]): FigureNuance | null {
  const after = claim.slice(claim.indexOf(c.figure.text) + c.figure.text.length);
  if (c.direction === null || BASE_AFTER.test(after) || /\b(?:compared|than|versus|year[-\s]on[-\s]year)\b/i.test(c.clause)) return null;
  const same = reads.find((r) => r.m.kind === c.kind && r.m.direction === c.direction && valueRelation(c, r.m) === 'match' && measuredAgainstBase(r));
  if (!same) return null;
  const rival = reads.find((r) => r.m.kind === c.kind && r.m.direction === c.direction && valueRelation(c, r.m) === 'conflict' && !measuredAgainstBase(r) && compareMeanings(c, r.m).relation === 'conflicting-value');
  return rival ? { kind: 'other-base', claimFigure: c.figure.text, same: seen(same), rival: seen(rival) } : null;
}

/** Verbs of the stages bodies go through in a scheme: signing up, taking part, finishing, dropping out. */
const STAGE = /^(?:took|take|takes|taking|finish\w*|complet\w*|participat\w*|join\w*|sign\w*|start\w*|began|begin\w*|enrol\w*|register\w*|dropped|quit|withdr\w*|trialled|trialing|trialling|entered|enter)$/i;

/** "61 of them finished": a count of the bodies named before it in the sentence. */
function ofThem(r: Read): boolean {
  const at = r.sentence.indexOf(r.m.figure.text);
  return at >= 0 && /^\s+of\s+(?:them|those|these)\b/i.test(r.sentence.slice(at + r.m.figure.text.length));
}

/** Another stage: the claim's count said of the same bodies with a verb of one stage, and another count of them at another. */
function otherStage(c: FigureMeaning, reads: readonly Read[]): FigureNuance | null {
  if (c.kind !== 'count' || c.counted === null || c.direction !== null || c.figure.whole !== null) return null;
  // A count of the claim's bodies ("61 organisations" of "companies" in reports of one trial), exact
  // ("more than 3,000 workers" is neither), and no part of a set named before it. Its way is not
  // asked: "signed up" and "more than" nearby are read as one.
  const bodies = (r: Read): boolean =>
    r.m.kind === 'count' && r.m.share === null && !r.m.subset && r.m.figure.bound === '=' && !r.m.figure.approximate &&
    (r.m.counted === null ? ofThem(r) : sameCounted(c, r.m) === true || sameBodies(c.counted ?? '', r.m.counted));
  const same = reads.find((r) => bodies(r) && r.m.figure.whole === null && valueRelation(c, r.m) === 'match' && r.m.verbs.every((v) => STAGE.test(v)));
  if (!same) return null;
  // The page says the claim's count at the claim's own stage ("61 finished" for "61 firms finished"): nothing to add.
  const claimStage = c.verbs.filter((v) => STAGE.test(v));
  if (claimStage.length > 0 && same.m.verbs.some((v) => claimStage.includes(v))) return null;
  // The other count is the same bodies at another stage ("61 organisations took part", "61 of them
  // finished"), not an outcome among them ("56 opted to continue").
  const rival = reads.find((r) => bodies(r) && r.m.figure.whole === null && valueRelation(c, r.m) === 'conflict' && r.m.verbs.some((v) => STAGE.test(v)));
  return rival ? { kind: 'other-stage', claimFigure: c.figure.text, same: seen(same), rival: seen(rival) } : null;
}

/** The first nuance the claim's figures have in the judged passages, or null. */
export function figureNuance(claim: string, judgements: readonly Judgement[], named: (j: Judgement) => boolean): FigureNuance | null {
  const claimed = readFigureMeanings(claim).figures;
  if (claimed.length === 0) return null;
  const reads = figuresOf(judgements, named);
  for (const c of claimed) {
    const found = otherBase(claim, c, reads) ?? otherStage(c, reads);
    if (found) return found;
  }
  return null;
}
