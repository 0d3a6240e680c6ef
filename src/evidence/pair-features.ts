// Features of a (claim, evidence text) pair for the stance model, with the reasons they stand for.
// Local cues (negation, opposites, hedges) are read in the evidence sentences that share most
// words with the claim ("focus" sentences), so a long passage is judged where it talks about the claim.
import type { Figure, Reason } from '../model.js';
import { splitSentences } from '../text/sentences.js';
import { tokenize } from '../text/tokens.js';
import type { ClaimProfile } from './claim-profile.js';
import { contentStems } from './claim-profile.js';
import { HEDGES, REFUTATION_CUES, isNegator, oppositesOf } from './cue-lexicon.js';
import { compareFigures, normalUnit } from './figure-compare.js';
import { readFigures, readYears } from './figure-reader.js';

/** Feature names, in the order of the vector; the model file must list the same names. */
export const FEATURE_NAMES = [
  'cov_all',
  'cov_best1',
  'cov_best2',
  'cov_best1_sq',
  'bigram_cov',
  'ent_cov',
  'ent_missing',
  'unmatched_terms',
  'fig_match',
  'fig_conflict',
  'claim_neg',
  'ev_neg',
  'neg_mismatch',
  'neg_mismatch_cov',
  'antonym',
  'antonym_cov',
  'hedge_ev',
  'hedge_claim',
  'refute_cue',
  'date_match',
  'date_mismatch',
  'all_in_one',
  'log_claim_len',
  'log_focus_len',
] as const;
export type FeatureName = (typeof FEATURE_NAMES)[number];

export interface PairFeatures {
  values: number[];
  reasons: Reason[];
  /** Offsets (into the evidence text) of the focus sentences. */
  focus: Array<{ start: number; end: number }>;
}

interface SentenceInfo {
  start: number;
  end: number;
  text: string;
  stems: Set<string>;
}

const MAX_SENTENCES = 400;

function sentencesOf(evidence: string | readonly string[]): SentenceInfo[] {
  let spans: Array<{ text: string; start: number; end: number }>;
  if (typeof evidence === 'string') {
    spans = evidence.length > 400 ? splitSentences(evidence) : [{ text: evidence, start: 0, end: evidence.length }];
  } else {
    // Pre-split sentences: offsets are into the sentences joined with single spaces.
    spans = [];
    let at = 0;
    for (const t of evidence) {
      spans.push({ text: t, start: at, end: at + t.length });
      at += t.length + 1;
    }
  }
  const out: SentenceInfo[] = [];
  for (const s of spans.slice(0, MAX_SENTENCES)) {
    out.push({ start: s.start, end: s.end, text: s.text, stems: new Set(contentStems(s.text).map((c) => c.stem)) });
  }
  return out;
}

function covered(terms: string[], stems: Set<string>): number {
  let n = 0;
  for (const t of terms) if (stems.has(t)) n++;
  return n;
}

/**
 * Compute the feature vector for a claim (profiled once) and an evidence text, or the evidence
 * already split into sentences (offsets then count the sentences joined with single spaces).
 */
export function pairFeatures(claim: ClaimProfile, evidenceInput: string | readonly string[]): PairFeatures {
  const sentences = sentencesOf(evidenceInput);
  const evidence = typeof evidenceInput === 'string' ? evidenceInput : evidenceInput.join(' ');
  const all = new Set<string>();
  for (const s of sentences) for (const t of s.stems) all.add(t);
  const nTerms = Math.max(1, claim.terms.length);

  // Focus: the best sentence, then the one adding most uncovered claim terms.
  let best: SentenceInfo | undefined;
  let bestN = -1;
  for (const s of sentences) {
    const n = covered(claim.terms, s.stems);
    if (n > bestN || (n === bestN && best !== undefined && s.text.length < best.text.length)) {
      best = s;
      bestN = n;
    }
  }
  const focus: SentenceInfo[] = best ? [best] : [];
  let second: SentenceInfo | undefined;
  if (best && sentences.length > 1) {
    const left = claim.terms.filter((t) => !best.stems.has(t));
    let secondN = 0;
    for (const s of sentences) {
      if (s === best) continue;
      const n = covered(left, s.stems);
      if (n > secondN) {
        second = s;
        secondN = n;
      }
    }
    if (second) focus.push(second);
  }
  const focusStems = new Set<string>();
  for (const s of focus) for (const t of s.stems) focusStems.add(t);
  const focusText = focus.map((s) => s.text).join(' ');
  const focusLower = tokenize(focusText).map((t) => t.lower);

  const covAll = covered(claim.terms, all) / nTerms;
  const covBest1 = Math.max(0, bestN) / nTerms;
  const covBest2 = covered(claim.terms, focusStems) / nTerms;
  let bigramHits = 0;
  if (claim.bigrams.length > 0) {
    const evStems = contentStems(focusText).map((c) => c.stem);
    const evBigrams = new Set<string>();
    for (let i = 1; i < evStems.length; i++) evBigrams.add(`${evStems[i - 1]}|${evStems[i]}`);
    for (const b of claim.bigrams) if (evBigrams.has(b)) bigramHits++;
  }
  const bigramCov = claim.bigrams.length > 0 ? bigramHits / claim.bigrams.length : covBest1;

  const reasons: Reason[] = [];
  const missingEntities = claim.entities.filter((e) => !all.has(e));
  const entCov = claim.entities.length > 0 ? 1 - missingEntities.length / claim.entities.length : 1;
  if (missingEntities.length > 0 && covBest2 >= 0.4) {
    reasons.push({ kind: 'entity-mismatch', detail: `the passage does not mention ${missingEntities.map((e) => `"${claim.entityText.get(e) ?? e}"`).join(', ')}` });
  }
  const unmatched = claim.terms.filter((t) => !focusStems.has(t)).length;

  // Figures: a match anywhere counts; a conflict only between figures of the same (stated) unit.
  let figMatch = 0;
  let figConflict = 0;
  if (claim.figures.length > 0) {
    const found: Figure[] = readFigures(focus.length > 0 && evidence.length > 2000 ? focusText : evidence);
    for (const c of claim.figures) {
      let matched: Figure | undefined;
      let conflicting: Figure | undefined;
      for (const f of found) {
        const rel = compareFigures(c, f);
        if (rel === 'match' && (normalUnit(c.unit) === null || normalUnit(f.unit) !== null || c.value === f.value)) matched ??= f;
        else if (rel === 'conflict' && normalUnit(c.unit) !== null && normalUnit(f.unit) !== null) conflicting ??= f;
      }
      if (matched) {
        figMatch = 1;
        reasons.push({ kind: 'figure-match', detail: `claim "${c.text}" agrees with passage "${matched.text}"` });
      } else if (conflicting) {
        figConflict = 1;
        reasons.push({ kind: 'figure-conflict', detail: `claim "${c.text}" differs from passage "${conflicting.text}"` });
      }
    }
  }

  const evNeg = focusLower.some(isNegator);
  const negMismatch = claim.negated !== evNeg;
  if (negMismatch && covBest2 >= 0.5) {
    reasons.push({ kind: 'negation-mismatch', detail: claim.negated ? 'the claim is negated, the passage is not' : 'the passage negates what the claim asserts' });
  }

  let antonyms = 0;
  for (const t of claim.terms) {
    if (focusStems.has(t)) continue;
    for (const o of oppositesOf(t)) {
      if (focusStems.has(o) && !claim.terms.includes(o)) {
        antonyms++;
        reasons.push({ kind: 'antonym', detail: `claim says "${t}", passage says "${o}"` });
        break;
      }
    }
  }

  const hedgeEv = focusLower.some((w) => HEDGES.has(w));
  if (hedgeEv) reasons.push({ kind: 'hedge', detail: 'the passage hedges (may, suggests, likely …)' });
  const refuteCue = focusLower.some((w) => REFUTATION_CUES.has(w));

  let dateMatch = 0;
  let dateMismatch = 0;
  if (claim.years.length > 0) {
    const evYears = new Set(readYears(evidence));
    if (claim.years.some((y) => evYears.has(y))) dateMatch = 1;
    else if (evYears.size > 0) {
      dateMismatch = 1;
      reasons.push({ kind: 'date-mismatch', detail: `claim year ${claim.years.join(', ')}, passage years ${[...evYears].slice(0, 4).join(', ')}` });
    }
  }

  if (covBest2 >= 0.8) reasons.push({ kind: 'lexical-entailment', detail: `the passage contains ${Math.round(covBest2 * nTerms)} of ${nTerms} claim terms` });
  else if (covBest2 < 0.3) reasons.push({ kind: 'low-overlap', detail: `the passage shares ${Math.round(covBest2 * nTerms)} of ${nTerms} claim terms` });
  else reasons.push({ kind: 'term-coverage', detail: `the passage shares ${Math.round(covBest2 * nTerms)} of ${nTerms} claim terms` });

  const values: number[] = [
    covAll,
    covBest1,
    covBest2,
    covBest1 * covBest1,
    bigramCov,
    entCov,
    missingEntities.length > 0 ? 1 : 0,
    Math.min(1, unmatched / 5),
    figMatch,
    figConflict,
    claim.negated ? 1 : 0,
    evNeg ? 1 : 0,
    negMismatch ? 1 : 0,
    negMismatch ? covBest2 : 0,
    Math.min(1, antonyms),
    Math.min(1, antonyms) * covBest2,
    hedgeEv ? 1 : 0,
    claim.hedged ? 1 : 0,
    refuteCue ? 1 : 0,
    dateMatch,
    dateMismatch,
    covBest1 >= 0.999 ? 1 : 0,
    Math.log1p(claim.terms.length),
    Math.log1p(focusLower.length),
  ];
  return { values, reasons, focus: focus.map((s) => ({ start: s.start, end: s.end })) };
}
