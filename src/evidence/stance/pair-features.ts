// Features of a (claim, evidence text) pair for the stance model, with the reasons they stand for.
// Local cues (negation, opposites, substitutions, hedges) are read in the evidence sentences that
// share most words with the claim ("focus" sentences), so a long passage is judged where it talks
// about the claim.
import type { Reason } from '../../model.js';
import { splitSentences, tokenize } from '../../text/index.js';
import type { ClaimProfile } from './claim-profile.js';
import { contentStems } from './claim-profile.js';
import { HEDGES, REFUTATION_CUES, isNegator } from './cue-lexicon.js';
import { figureSignals, type FigureSignal } from '../figures/figure-signals.js';
import { readYears } from '../figures/years.js';
import { shippedIdf } from './idf.js';
import type { IdfTable } from './idf.js';
import { MEANING_FEATURE_NAMES, meaningFeatures } from './meaning-features.js';

/** Feature names, in the order of the vector; the model file must list the same names. */
export const FEATURE_NAMES = [
  'cov_all',
  'cov_best1',
  'cov_best2',
  'cov_syn',
  'idf_cov',
  'idf_cov_sq',
  'max_missing_idf',
  'bigram_cov',
  'ent_cov',
  'ent_missing',
  'unmatched_terms',
  'substitution',
  'substitution_cov',
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
  'hedge_cov',
  'refute_cue_cov',
  'fig_conflict_cov',
  'ent_missing_cov',
  'unmatched_cov',
  ...MEANING_FEATURE_NAMES,
] as const;
export type FeatureName = (typeof FEATURE_NAMES)[number];

export interface PairFeatures {
  values: number[];
  reasons: Reason[];
  /** Offsets (into the evidence text) of the focus sentences. */
  focus: Array<{ start: number; end: number }>;
  /** Content stems of the whole evidence (of its first 400 sentences). */
  stems: ReadonlySet<string>;
  /** What the evidence says of each claim figure, by meaning (the source of fig_match and fig_conflict). */
  figures: FigureSignal[];
}

interface SentenceInfo {
  start: number;
  end: number;
  text: string;
  sequence: string[];
  /** Whether each word of `sequence` is capitalised. */
  capitals: boolean[];
  /** The words of `sequence` as written. */
  words: string[];
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
    const words = contentStems(s.text);
    const sequence = words.map((c) => c.stem);
    out.push({ start: s.start, end: s.end, text: s.text, sequence, capitals: words.map((c) => c.capital), words: words.map((c) => c.word), stems: new Set(sequence) });
  }
  return out;
}

function covered(terms: string[], stems: Set<string>): number {
  let n = 0;
  for (const t of terms) if (stems.has(t)) n++;
  return n;
}

/** Is the claim term present, directly or through a WordNet synonym? */
function present(claim: ClaimProfile, term: string, stems: Set<string>): boolean {
  if (stems.has(term)) return true;
  for (const s of claim.synonyms.get(term) ?? []) if (stems.has(s)) return true;
  return false;
}

/**
 * Substitutions: a rare claim word missing from the sentence while its neighbour in the claim is
 * there, next to a word of the same kind (both names or both common words) that the claim does
 * not have — "associated with stroke" against "associated with pneumonia".
 */
function substitutions(claim: ClaimProfile, sentence: SentenceInfo, isPresent: (t: string) => boolean, idf: IdfTable): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const claimSet = new Set(claim.terms);
  const seq = claim.sequence;
  const ev = sentence.sequence;
  const sameKind = (t: string, k: number): boolean => (claim.capitals.get(t) ?? false) === (sentence.capitals[k] ?? false);
  const candidate = (t: string, k: number): boolean => {
    const e = ev[k];
    return e !== undefined && !claimSet.has(e) && sameKind(t, k) && idf(e) >= idf.max * 0.35;
  };
  // A word of a claim figure ("a quarter", "two dozen") is the figure's, compared by value, not a substitution.
  const figureWords = new Set(claim.figures.flatMap((f) => f.text.toLowerCase().split(/[^\p{L}]+/u)).filter((w) => w !== ''));
  for (let i = 0; i < seq.length; i++) {
    const t = seq[i]!;
    if (isPresent(t) || idf(t) < idf.max * 0.35 || figureWords.has((claim.words.get(t) ?? t).toLowerCase())) continue;
    const prev = seq[i - 1];
    const next = seq[i + 1];
    let found: string | undefined;
    if (prev !== undefined) {
      for (let p = 0; p < ev.length - 1 && !found; p++) if (ev[p] === prev && candidate(t, p + 1)) found = sentence.words[p + 1];
    }
    if (!found && next !== undefined) {
      for (let q = 1; q < ev.length && !found; q++) if (ev[q] === next && candidate(t, q - 1)) found = sentence.words[q - 1];
    }
    if (found) out.push([t, found]);
  }
  return out;
}

/**
 * Compute the feature vector for a claim (profiled once) and an evidence text, or the evidence
 * already split into sentences (offsets then count the sentences joined with single spaces).
 */
export function pairFeatures(claim: ClaimProfile, evidenceInput: string | readonly string[], idf: IdfTable = shippedIdf(), around = ''): PairFeatures {
  const sentences = sentencesOf(evidenceInput);
  const evidence = typeof evidenceInput === 'string' ? evidenceInput : evidenceInput.join(' ');
  const all = new Set<string>();
  for (const s of sentences) for (const t of s.stems) all.add(t);
  const nTerms = Math.max(1, claim.terms.length);

  // Focus: the best sentence (rare words weigh more), then the one adding most of what is left.
  const weightIn = (stems: Set<string>, terms: string[]): number => {
    let w = 0;
    for (const t of terms) if (present(claim, t, stems)) w += idf(t);
    return w;
  };
  let best: SentenceInfo | undefined;
  let bestW = -1;
  for (const s of sentences) {
    const w = weightIn(s.stems, claim.terms);
    if (w > bestW || (w === bestW && best !== undefined && s.text.length < best.text.length)) {
      best = s;
      bestW = w;
    }
  }
  const focus: SentenceInfo[] = best ? [best] : [];
  if (best && sentences.length > 1) {
    const left = claim.terms.filter((t) => !present(claim, t, best.stems));
    let second: SentenceInfo | undefined;
    let secondW = 0;
    for (const s of sentences) {
      if (s === best) continue;
      const w = weightIn(s.stems, left);
      if (w > secondW) {
        second = s;
        secondW = w;
      }
    }
    if (second) focus.push(second);
  }
  const focusStems = new Set<string>();
  for (const s of focus) for (const t of s.stems) focusStems.add(t);
  const focusText = focus.map((s) => s.text).join(' ');
  const focusLower = tokenize(focusText).map((t) => t.lower);

  const covAll = covered(claim.terms, all) / nTerms;
  const covBest1 = best ? covered(claim.terms, best.stems) / nTerms : 0;
  const covBest2 = covered(claim.terms, focusStems) / nTerms;
  const isPresent = (t: string): boolean => present(claim, t, focusStems);
  const covSyn = claim.terms.filter(isPresent).length / nTerms;
  let idfAll = 0;
  let idfHit = 0;
  let maxMissing = 0;
  let rarestMissing = '';
  for (const t of claim.terms) {
    const w = idf(t);
    idfAll += w;
    if (isPresent(t)) idfHit += w;
    else if (w > maxMissing) {
      maxMissing = w;
      rarestMissing = t;
    }
  }
  const idfCov = idfAll > 0 ? idfHit / idfAll : 0;
  let bigramHits = 0;
  if (claim.bigrams.length > 0) {
    const evBigrams = new Set<string>();
    for (const s of focus) for (let i = 1; i < s.sequence.length; i++) evBigrams.add(`${s.sequence[i - 1]}|${s.sequence[i]}`);
    for (const b of claim.bigrams) if (evBigrams.has(b)) bigramHits++;
  }
  const bigramCov = claim.bigrams.length > 0 ? bigramHits / claim.bigrams.length : covBest1;

  const reasons: Reason[] = [];
  const missingEntities = claim.entities.filter((e) => !all.has(e));
  const entCov = claim.entities.length > 0 ? 1 - missingEntities.length / claim.entities.length : 1;
  if (missingEntities.length > 0 && idfCov >= 0.4) {
    reasons.push({ kind: 'entity-mismatch', detail: `the passage does not mention ${missingEntities.map((e) => `"${claim.entityText.get(e) ?? e}"`).join(', ')}` });
  }
  const unmatched = claim.terms.filter((t) => !isPresent(t)).length;
  const subs = best ? substitutions(claim, best, isPresent, idf) : [];
  for (const [c, e] of subs.slice(0, 2)) reasons.push({ kind: 'substitution', detail: `the claim has "${claim.words.get(c) ?? c}" where the passage has "${e}"` });

  // Figures, by meaning (figure-signals.ts): a figure the evidence says the same thing of matches;
  // one it says the same thing of with another value (or the other way) conflicts.
  const figures = claim.figures.length > 0 ? figureSignals(claim.text, typeof evidenceInput === 'string' ? evidence : evidenceInput, claim.figures, around) : [];
  let figMatch = 0;
  let figConflict = 0;
  for (const f of figures) {
    if (f.match) {
      figMatch = 1;
      reasons.push({ kind: 'figure-match', detail: `claim "${f.claim.figure.text}" agrees with passage "${f.match.source.figure.text}"` });
    } else if (f.conflict) {
      figConflict = 1;
      reasons.push({ kind: 'figure-conflict', detail: `claim "${f.claim.figure.text}" differs from passage "${f.conflict.source.figure.text}": ${f.conflict.comparison.reason}` });
    }
  }

  const evNeg = focusLower.some(isNegator);
  const negMismatch = claim.negated !== evNeg;
  if (negMismatch && idfCov >= 0.5) {
    reasons.push({ kind: 'negation-mismatch', detail: claim.negated ? 'the claim is negated, the passage is not' : 'the passage negates what the claim asserts' });
  }

  let antonyms = 0;
  for (const t of claim.terms) {
    // A word of a name ("Great" in "Great Barrier Reef") has no opposite.
    if (focusStems.has(t) || claim.capitals.get(t) === true) continue;
    for (const o of claim.opposites.get(t) ?? []) {
      if (focusStems.has(o) && !claim.terms.includes(o)) {
        antonyms++;
        const said = focus.map((f) => f.words[f.sequence.indexOf(o)]).find((w) => w !== undefined) ?? o;
        reasons.push({ kind: 'antonym', detail: `the claim says "${claim.words.get(t) ?? t}", the passage the opposite ("${said}")` });
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

  const shared = `the passage shares ${Math.round(covSyn * nTerms)} of ${nTerms} claim terms`;
  if (idfCov >= 0.8) reasons.push({ kind: 'lexical-entailment', detail: `${shared}${rarestMissing ? `; missing "${claim.words.get(rarestMissing) ?? rarestMissing}"` : ''}` });
  else if (idfCov < 0.3) reasons.push({ kind: 'low-overlap', detail: shared });
  else reasons.push({ kind: 'term-coverage', detail: `${shared}${rarestMissing ? `; missing "${claim.words.get(rarestMissing) ?? rarestMissing}"` : ''}` });

  const values: number[] = [
    covAll,
    covBest1,
    covBest2,
    covSyn,
    idfCov,
    idfCov * idfCov,
    idf.max > 0 ? maxMissing / idf.max : 0,
    bigramCov,
    entCov,
    missingEntities.length > 0 ? 1 : 0,
    Math.min(1, unmatched / 5),
    Math.min(1, subs.length),
    Math.min(1, subs.length) * idfCov,
    figMatch,
    figConflict,
    claim.negated ? 1 : 0,
    evNeg ? 1 : 0,
    negMismatch ? 1 : 0,
    negMismatch ? idfCov : 0,
    Math.min(1, antonyms),
    Math.min(1, antonyms) * idfCov,
    hedgeEv ? 1 : 0,
    claim.hedged ? 1 : 0,
    refuteCue ? 1 : 0,
    dateMatch,
    dateMismatch,
    covBest1 >= 0.999 ? 1 : 0,
    Math.log1p(claim.terms.length),
    Math.log1p(focusLower.length),
    hedgeEv ? idfCov : 0,
    refuteCue ? idfCov : 0,
    figConflict * idfCov,
    missingEntities.length > 0 ? idfCov : 0,
    Math.min(1, unmatched / 5) * idfCov,
  ];
  const meaning = meaningFeatures(claim, focus, idfCov);
  values.push(...meaning.values);
  reasons.push(...meaning.reasons);
  return { values, reasons, focus: focus.map((s) => ({ start: s.start, end: s.end })), stems: all, figures };
}
