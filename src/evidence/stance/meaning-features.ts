// Stance features that read meaning on an alignment of claim and passage, beyond shared words:
// the negation of each aligned word (its scope, not the sentence's), quantifiers ("all" against
// "some", in the passage at large and on a word both share), modality ("may", "is expected to" against a plain statement), the order in which the
// aligned words come (who did what to whom). WordNet synonyms and antonyms are read by
// pair-features.ts; a WordNet kind-of test per word pair was tried and cut (16 pairs/s). Each
// group is kept in the model only when leave-one-dataset-out validation improves with it
// (scripts/train/select-stance.ts).
import type { Reason } from '../../model.js';
import { stem, STOPWORDS, tokenize } from '../../text/index.js';
import type { ClaimProfile } from './claim-profile.js';
import { isNegator } from './cue-lexicon.js';

export const MEANING_FEATURE_GROUPS = {
  'negation-scope': ['neg_scope', 'neg_scope_cov'],
  quantifiers: ['quant_mismatch', 'quant_mismatch_cov'],
  modality: ['modal_claim_only', 'modal_ev_only_cov'],
  alignment: ['order_agree', 'role_swap'],
  'aligned-quantifiers': ['quant_aligned', 'quant_aligned_cov'],
} as const;

export const MEANING_FEATURE_NAMES = Object.values(MEANING_FEATURE_GROUPS).flat();

/** A focus sentence of the passage: its text and content stems in order. */
export interface FocusSentence {
  text: string;
  sequence: string[];
  words: string[];
}

const UNIVERSAL = new Set('all every each always entire whole everyone everybody everything everywhere nobody none never universally invariably'.split(' '));
const PARTIAL = new Set('some several few many most often sometimes occasionally partly partially part certain majority minority various usually generally mostly rarely'.split(' '));
const MODAL = new Set('may might could can will would should expected expect expects likely unlikely predicted predict projected plan plans planned aim aims intend intends proposed possibly potentially'.split(' '));
const SCOPE = 3;

/**
 * Stems of the words a negator governs: the first content word after it (within SCOPE words, in
 * the same clause) — the predicate it denies ("does not *reduce* admissions"), not everything after.
 */
function negatedStems(text: string): Set<string> {
  const toks = tokenize(text);
  const out = new Set<string>();
  let left = 0;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (i > 0 && /[,;:()]/.test(text.slice(toks[i - 1]!.end, t.start))) left = 0;
    if (isNegator(t.lower)) {
      // "X, not Y" contrasts Y with X: it denies no predicate of the sentence.
      const contrastive = t.lower === 'not' && i > 0 && /,/.test(text.slice(toks[i - 1]!.end, t.start));
      left = contrastive ? 0 : SCOPE;
      continue;
    }
    if (left > 0) {
      left--;
      if (!STOPWORDS.has(t.lower)) {
        out.add(stem(t.lower));
        left = 0;
      }
    }
  }
  return out;
}

function wordsOf(text: string): Set<string> {
  return new Set(tokenize(text).map((t) => t.lower));
}

const some = (words: Set<string>, list: Set<string>): boolean => {
  for (const w of words) if (list.has(w)) return true;
  return false;
};

/** Share of pairs of aligned terms that come in the same order in both (1 when fewer than two). */
function orderAgreement(claimOrder: string[], sentence: string[]): { agree: number; swapped: boolean } {
  const pos = new Map<string, number>();
  sentence.forEach((s, i) => {
    if (!pos.has(s)) pos.set(s, i);
  });
  const aligned = claimOrder.filter((t, i) => pos.has(t) && claimOrder.indexOf(t) === i);
  if (aligned.length < 2) return { agree: 1, swapped: false };
  let same = 0;
  let pairs = 0;
  for (let i = 0; i < aligned.length; i++) {
    for (let j = i + 1; j < aligned.length; j++) {
      pairs++;
      if (pos.get(aligned[i]!)! < pos.get(aligned[j]!)!) same++;
    }
  }
  // The claim's first two aligned words (its subject and verb, or verb and object) come reversed.
  return { agree: same / pairs, swapped: pos.get(aligned[0]!)! > pos.get(aligned[1]!)! };
}

type Quantity = 'universal' | 'partial' | 'none';
const NONE = new Set(['no', 'none', 'nobody', 'nothing']);
/** The quantifier governing each content stem: the quantifier word within the two words before it. */
function quantified(text: string): Map<string, Quantity> {
  const out = new Map<string, Quantity>();
  const toks = tokenize(text);
  toks.forEach((t, i) => {
    if (STOPWORDS.has(t.lower) || UNIVERSAL.has(t.lower) || PARTIAL.has(t.lower) || NONE.has(t.lower)) return;
    for (let k = Math.max(0, i - 2); k < i; k++) {
      const w = toks[k]!.lower;
      const q: Quantity | null = NONE.has(w) ? 'none' : UNIVERSAL.has(w) && w !== 'never' && w !== 'always' ? 'universal' : PARTIAL.has(w) ? 'partial' : null;
      if (q) out.set(stem(t.lower), q);
    }
  });
  return out;
}
/** Does a shared word carry a different quantifier on each side (both quantified)? */
function alignedQuantifierClash(claimText: string, sentence: string, shared: ReadonlySet<string>): boolean {
  const c = quantified(claimText);
  const e = quantified(sentence);
  for (const [t, q] of c) if (shared.has(t) && e.has(t) && e.get(t) !== q) return true;
  return false;
}

/**
 * The meaning features of a claim against its focus sentences, in MEANING_FEATURE_NAMES order.
 * `idfCov` is the rarity-weighted coverage some of them are scaled by.
 */
export function meaningFeatures(claim: ClaimProfile, focus: readonly FocusSentence[], idfCov: number): { values: number[]; reasons: Reason[] } {
  const reasons: Reason[] = [];
  const focusText = focus.map((f) => f.text).join(' ');
  const focusStems = new Set(focus.flatMap((f) => f.sequence));

  // Negation by scope: aligned words negated on one side only.
  const claimNeg = negatedStems(claim.text);
  const evNeg = negatedStems(focusText);
  const aligned = claim.terms.filter((t) => focusStems.has(t));
  const flipped = aligned.filter((t) => claimNeg.has(t) !== evNeg.has(t));
  const negScope = aligned.length > 0 ? flipped.length / aligned.length : 0;
  if (flipped.length > 0 && idfCov >= 0.5) {
    const t = flipped[0]!;
    reasons.push({ kind: 'negation-scope', detail: `"${claim.words.get(t) ?? t}" is negated in ${claimNeg.has(t) ? 'the claim' : 'the passage'} only` });
  }

  // Quantifiers: "all" against "some" (either way).
  const cw = wordsOf(claim.text);
  const ew = wordsOf(focusText);
  const quant = (some(cw, UNIVERSAL) && some(ew, PARTIAL) && !some(ew, UNIVERSAL)) || (some(cw, PARTIAL) && some(ew, UNIVERSAL) && !some(ew, PARTIAL)) ? 1 : 0;
  if (quant && idfCov >= 0.5) reasons.push({ kind: 'quantifier-mismatch', detail: 'the claim and the passage quantify differently ("all" against "some")' });

  // Modality: a possibility or expectation on one side, a plain statement on the other.
  const modalClaim = some(cw, MODAL);
  const modalEv = some(ew, MODAL);

  // Who did what to whom: the order of the aligned words in the best sentence.
  const order = orderAgreement(claim.sequence, focus[0]?.sequence ?? []);

  const bestText = focus[0]?.text ?? '';

  // Quantifiers on the alignment: a word the claim and the passage share, quantified "all" on one side and "some" (or "no") on the other.
  const quantAligned = alignedQuantifierClash(claim.text, bestText, new Set(aligned)) ? 1 : 0;
  if (quantAligned && idfCov >= 0.5) reasons.push({ kind: 'quantifier-mismatch', detail: 'a word the claim and the passage share is quantified differently ("all" against "some")' });

  const values = [negScope, negScope * idfCov, quant, quant * idfCov, modalClaim && !modalEv ? 1 : 0, modalEv && !modalClaim ? idfCov : 0, order.agree, order.swapped ? 1 : 0, quantAligned, quantAligned * idfCov];
  return { values, reasons };
}
