// The restatement rule: when one sentence of a passage says what the claim says — nearly all of
// the claim's content words (rarity-weighted), every name, the same years, each claimed figure
// found with the same whole — the stance follows from polarity alone, and strongly:
//   same polarity → supports; opposite polarity → refutes;
//   same whole, another count → refutes, unless it is the complement said the other way round
//   ("56 of 196 do not" against "140 of 196 do") → supports;
//   a count of some does not establish "all" or "none" → neutral (quantifier-mismatch).
// Anything short of a restatement is left to the learned model (judge.ts).
//
// Contract: `readRestatement` is a pure function of the claim profile and the evidence text; it
// returns null when no sentence restates the claim, or when restating sentences disagree.
import type { Figure, Reason, Stance } from '../../model.js';
import { extractFigures, PageNames, splitSentences } from '../../text/index.js';
import type { ClaimProfile } from './claim-profile.js';
import { contentStems, isYear } from './claim-profile.js';
import { HEDGES, isNegator, paraphrasesOf } from './cue-lexicon.js';
import { compareFigures, unitsCompatible } from '../figures/figure-compare.js';
import { compareFigureStatements } from '../figures/figure-meaning.js';
import type { IdfTable } from './idf.js';
import { shippedIdf } from './idf.js';
import { DENIALS, readPolarity, splitClauses } from './polarity.js';
import type { Polarity } from './polarity.js';
import { readYears } from '../figures/years.js';

/** Rarity-weighted share of the claim's words a sentence must hold to restate it. */
export const RESTATE_COVERAGE = 0.85;
/** Claim words a restatement may lack: none in a claim of fewer than this many words, else one. */
const TERMS_FOR_ONE_MISSING = 10;
/**
 * Strength taken off when the sentence reports what someone else said. Plain attribution ("the
 * institute said surveys found …") is how news states a finding and costs little; a verb of dispute
 * ("claimed", "alleged", "insisted") distances the writer from it and costs more.
 */
const ATTRIBUTED_PENALTY = 0.15;
const DISPUTED_PENALTY = 0.3;
const REPORTED = /\b(?:reported|reports|said|says|claimed|claims|alleged|alleges|wrote|argued|argues|told|asserted|insisted)\b/i;
const DISPUTED = /\b(?:claimed|claims|alleged|alleges|argued|argues|asserted|insisted)\b/i;
/** A sentence that asks or supposes ("whether X", "if X", "X?") asserts nothing. */
const NOT_ASSERTED = /\b(?:whether|if)\b|\?\s*["”’)]*\s*$/i;
/** Words that, beside a claim quoted whole, question it, besides negators and polarity.ts's DENIALS. */
const DOUBTING = new Set(['wrong', 'denied', 'denies', 'deny', 'whether', 'if', 'claim', 'claims', 'claimed', 'rumor', 'rumour']);
/** A figure the sentence denies ("not 138 of 184", "rather than 138"). */
const DENIED_BEFORE = /(?:\bnot|\brather than|\binstead of)\s*$/i;
/** Probability the rule gives its stance at the coverage threshold and at full coverage. */
const STRENGTH_LOW = 0.75;
const STRENGTH_HIGH = 0.95;
/** Below this strength (hedged or reported restatements) the rule's reason is `weak-restatement`: it sways the stance but does not decide a verdict. */
export const DECISIVE_RESTATEMENT = 0.7;
/** Reporting verbs: a claim's opening "the 2018 review found (that)" frames the statement, which a passage may restate without it. */
const FRAME_VERBS = new Set(['found', 'find', 'finds', 'show', 'shows', 'showed', 'shown', 'report', 'reports', 'reported', 'say', 'says', 'said', 'state', 'states', 'stated', 'concluded', 'concludes', 'revealed', 'reveals', 'according', 'estimated', 'estimates']);
const FRAME_WINDOW = 6;
/** Probability the rule gives "neutral" when a count cannot settle an "all"/"none" claim. */
const QUANTIFIER_NEUTRAL = 0.6;
const MAX_SENTENCES = 400;

export interface Restatement {
  stance: Stance;
  /** Probability the rule assigns to `stance`, in [0,1]. */
  strength: number;
  /** `restatement` (supports or refutes) or `quantifier-mismatch` (neutral), with the sentence. */
  reason: Reason;
  /** Rarity-weighted coverage of the claim by the restating sentence. */
  coverage: number;
  /** How it restates: 'same', 'opposite', 'figure' (another value of the claim's figure), 'denied-figure', 'complement', … */
  relation: string;
}

type Candidate = Restatement;

function termPresent(claim: ClaimProfile, term: string, stems: ReadonlySet<string>): boolean {
  if (stems.has(term)) return true;
  for (const s of claim.synonyms.get(term) ?? []) if (stems.has(s)) return true;
  for (const s of paraphrasesOf(term)) if (stems.has(s)) return true;
  return false;
}

/** A figure that is an operand of written arithmetic ("196 − 140 = 56") is no statement of its own. */
function inArithmetic(sentence: string, f: Figure): boolean {
  const before = sentence.slice(Math.max(0, f.start - 3), f.start);
  const after = sentence.slice(f.end, f.end + 3);
  return /[−\-+×=÷*/]\s*$/u.test(before) || /^\s*[−\-+×=÷*/]/u.test(after);
}

/** Can a passage figure stand for a claimed one (same kind of count, same whole when the claim states one)? */
function comparable(c: Figure, f: Figure): boolean {
  if (!unitsCompatible(c.unit, f.unit)) return false;
  if (c.whole !== null) return f.whole === c.whole;
  if (c.unit !== null && f.unit === null) return false;
  return true;
}

const quote = (s: string): string => {
  const t = s.trim().replace(/\s+/g, ' ');
  return `"${t.length > 160 ? `${t.slice(0, 157)}…` : t}"`;
};

function describe(p: Polarity): string {
  if (p.quantity === 'count' && p.count) return `${p.negated ? 'denies' : 'asserts'} it of ${p.count.text}`;
  if (p.quantity === 'all') return p.negated ? 'denies it of all' : 'asserts it of all';
  return p.negated ? `denies it (${p.cues.join(', ') || 'negated'})` : 'asserts it';
}

/** Judge one sentence; null when it does not restate the claim. */
/**
 * The claim's terms a restatement must hold: all but the frame ("The 2018 review found"), i.e.
 * the words up to a reporting verb among the claim's first words, when enough remain.
 */
export function statementTerms(claim: ClaimProfile): string[] {
  const words = contentStems(claim.text);
  const verb = words.findIndex((w, i) => i < FRAME_WINDOW && FRAME_VERBS.has(w.word.toLowerCase()));
  if (verb < 0) return claim.terms;
  const frame = new Set(words.slice(0, verb + 1).map((w) => w.stem));
  const rest = claim.terms.filter((t) => !frame.has(t));
  return rest.length >= 2 ? rest : claim.terms;
}

/**
 * `context` holds the stems of the whole evidence: a name the sentence shortens ("the Protocol"
 * for "the Optional Protocol") counts as present when the rest of the passage has it and the
 * sentence keeps another of the claim's names. `sentence` is read with its short names written in
 * full (PageNames); `written` is the sentence as the source wrote it, which the reason quotes.
 */
function judgeSentence(claim: ClaimProfile, terms: readonly string[], sentence: string, idf: IdfTable, claimFigures: Figure[], context: ReadonlySet<string>, written = sentence): Candidate | null {
  const words = contentStems(sentence);
  const stems = new Set(words.map((w) => w.stem));
  if (claim.entities.length > 1 && claim.entities.some((e) => stems.has(e))) {
    for (const e of claim.entities) if (!stems.has(e) && context.has(e)) stems.add(e);
  }
  let all = 0;
  let hit = 0;
  let n = 0;
  for (const t of terms) {
    const w = idf(t);
    all += w;
    if (termPresent(claim, t, stems)) {
      hit += w;
      n++;
    }
  }
  const coverage = all > 0 ? hit / all : 0;
  const mayMiss = terms.length >= TERMS_FOR_ONE_MISSING ? 1 : 0;
  if (coverage < RESTATE_COVERAGE || terms.length - n > mayMiss) return null;
  if (claim.entities.some((e) => !stems.has(e))) return null;
  // "its fourth mass bleaching" against "its fifth mass bleaching": another ordinal of the same thing.
  const ordinal = otherOrdinal(claim.text, sentence);
  if (ordinal !== null) {
    return { stance: 'refutes', strength: STRENGTH_LOW, relation: 'ordinal', coverage, reason: { kind: 'restatement', detail: `the passage restates the claim with another ordinal: ${quote(ordinal.found)} where the claim says ${quote(ordinal.claimed)} — ${quote(written)}` } };
  }
  if (NOT_ASSERTED.test(sentence) && !NOT_ASSERTED.test(claim.text)) return null;
  // An opposite word ("decreased" for "increased") is the model's business, not a restatement.
  for (const t of claim.terms) {
    if (stems.has(t)) continue;
    for (const o of claim.opposites.get(t) ?? []) if (stems.has(o)) return null;
  }
  if (claim.years.length > 0) {
    const years = readYears(sentence);
    if (years.length > 0 && !claim.years.some((y) => years.includes(y))) return null;
  }

  // Figures: each claimed figure needs a comparable statement figure in the sentence.
  const found = extractFigures(sentence).filter((f) => !isYear(f) && !inArithmetic(sentence, f));
  let anchor: Figure | undefined;
  let conflict: { claimed: Figure; found: Figure } | undefined;
  let denied: { claimed: Figure; found: Figure } | undefined;
  for (const c of claimFigures) {
    const all = found.filter((f) => comparable(c, f));
    const isDenied = (f: Figure): boolean => DENIED_BEFORE.test(sentence.slice(Math.max(0, f.start - 20), f.start));
    const deniedMatch = all.find((f) => isDenied(f) && compareFigures(c, f) === 'match');
    if (deniedMatch) {
      denied ??= { claimed: c, found: deniedMatch };
      continue;
    }
    const candidates = all.filter((f) => !isDenied(f));
    const match = candidates.find((f) => compareFigures(c, f) === 'match');
    if (match) {
      anchor ??= match;
      continue;
    }
    const other = candidates.find((f) => compareFigures(c, f) === 'conflict');
    if (!other) return null;
    conflict ??= { claimed: c, found: other };
    anchor ??= other;
  }

  // Polarity is read in the clause holding the anchoring figure, else in the best-covering clause.
  const clauses = splitClauses(sentence);
  let clause = clauses[0] ?? { text: sentence, start: 0 };
  if (anchor) {
    const a = anchor;
    clause = clauses.find((c) => a.start >= c.start && a.start < c.start + c.text.length) ?? clause;
  } else {
    let best = -1;
    for (const c of clauses) {
      const cs = new Set(contentStems(c.text).map((w) => w.stem));
      const w = claim.terms.reduce((sum, t) => sum + (termPresent(claim, t, cs) ? idf(t) : 0), 0);
      if (w > best) {
        best = w;
        clause = c;
      }
    }
  }
  const clauseFigures = found.filter((f) => f.start >= clause.start && f.start < clause.start + clause.text.length).map((f) => ({ ...f, start: f.start - clause.start, end: f.end - clause.start }));
  // A denial word both sides use ("the false claim") is what is said, not a denial: it counts for neither.
  const passage = readPolarity(clause.text, clauseFigures, claimWords(claim));
  const claimPolarity = readPolarity(claim.text, claimFigures, new Set(sentence.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []));
  if (anchor) {
    passage.quantity = 'count';
    passage.count = anchor;
  }

  const hedged = claim.hedged !== words.some((w) => HEDGES.has(w.word.toLowerCase()));
  const reported = REPORTED.test(sentence) && !REPORTED.test(claim.text);
  const base = STRENGTH_LOW + (STRENGTH_HIGH - STRENGTH_LOW) * Math.min(1, (coverage - RESTATE_COVERAGE) / (1 - RESTATE_COVERAGE));
  const strength = base - (hedged ? 0.15 : 0) - (reported ? (DISPUTED.test(sentence) ? DISPUTED_PENALTY : ATTRIBUTED_PENALTY) : 0);
  const said = `${quote(written)}${reported ? ' (reported speech)' : ''}${hedged ? ' (hedged)' : ''}`;
  const shared = `${n} of ${terms.length} claim terms`;
  const samePolarity = passage.negated === claimPolarity.negated;
  const make = (stance: Stance, relation: string, detail: string, s = strength): Candidate => ({
    stance,
    strength: s,
    relation,
    coverage,
    reason: { kind: stance === 'neutral' ? 'quantifier-mismatch' : s >= DECISIVE_RESTATEMENT ? 'restatement' : 'weak-restatement', detail, ...(reported ? { reported: true } : {}) },
  });

  // The claim's own words, whole, in the sentence: whatever its clauses read, it says what the claim says.
  const plain = (t: string): string => t.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  const around = ` ${plain(sentence)} `.split(` ${plain(claim.text)} `);
  const framedAsFalse = around.join(' ').split(' ').some((w) => isNegator(w) || DENIALS.has(w) || DOUBTING.has(w));
  if (plain(claim.text).length > 0 && around.length > 1 && !framedAsFalse) {
    return make('supports', 'verbatim', `the passage states the claim word for word — ${said}`);
  }
  if (denied) {
    return make('refutes', 'denied-figure', `the passage restates the claim (${shared}) and denies its figure: ${quote(`not ${denied.found.text}`)} — ${said}`);
  }
  if (conflict) {
    const whole = conflict.claimed.whole;
    const complement = whole !== null && conflict.found.whole === whole && Math.abs(conflict.claimed.value + conflict.found.value - whole) < 1e-9;
    if (!samePolarity && complement) {
      return make('supports', 'complement', `the passage states the complement: ${quote(conflict.found.text)} ${passage.negated ? 'do not' : 'do'} where the claim says ${quote(conflict.claimed.text)} ${claimPolarity.negated ? 'do not' : 'do'} (${conflict.claimed.value} + ${conflict.found.value} = ${whole}) — ${said}`);
    }
    // Another value of the same thing refutes; the same thing of another period, whole or set is no restatement
    // ("97 cases between January 1 and March 28" does not restate "64 cases in 2024" the other way;
    // "28.9 per hectare in the east" is a narrower set's figure).
    const meaning = compareFigureStatements({ sentence: claim.text, figure: conflict.claimed.text }, { sentence, figure: conflict.found.text }).relation;
    if (meaning !== 'conflicting-value' && meaning !== 'same' && meaning !== 'paraphrase') return null;
    return make('refutes', 'figure', `the passage restates the claim (${shared}) with another figure: ${quote(conflict.found.text)} where the claim says ${quote(conflict.claimed.text)} — ${said}`);
  }

  // Universal claims ("no country", "all countries") against counts of some.
  if (claimPolarity.quantity === 'all' && passage.quantity === 'count') {
    const k = passage.count;
    const everyOne = k !== undefined && k.whole !== null && k.value === k.whole;
    if (!samePolarity) return make('refutes', 'counterexample', `the claim ${describe(claimPolarity)}; the passage ${describe(passage)} (${shared}) — ${said}`);
    if (!everyOne) return make('neutral', 'quantifier', `the claim speaks of all (${claimPolarity.cues.join(', ') || 'all'}); the passage only of ${k?.text ?? 'some'} — ${said}`, QUANTIFIER_NEUTRAL);
  }
  if (samePolarity) return make('supports', 'same', `the passage restates the claim (${shared}, same names${claimFigures.length > 0 ? ' and figures' : ''}) and ${describe(passage)} as the claim does — ${said}`);
  return make('refutes', 'opposite', `the passage restates the claim (${shared}) with the opposite polarity: the claim ${describe(claimPolarity)}, the passage ${describe(passage)} — ${said}`);
}

/**
 * The restatement reading of an evidence text (or its sentences) for a profiled claim.
 * `evidenceStems`, the content stems of the whole evidence when the caller has them, lets a
 * passage that lacks the claim's words altogether be set aside without reading its sentences.
 */
export function readRestatement(claim: ClaimProfile, evidence: string | readonly string[], idf: IdfTable = shippedIdf(), evidenceStems?: ReadonlySet<string>): Restatement | null {
  if (claim.terms.length < 2) return null;
  const terms = statementTerms(claim);
  if (evidenceStems && !couldRestate(claim, terms, evidenceStems, idf)) return null;
  const sentences = typeof evidence === 'string' ? splitSentences(evidence).map((s) => s.text) : [...evidence];
  const context = evidenceStems ?? new Set(sentences.slice(0, MAX_SENTENCES).flatMap((s) => contentStems(s).map((w) => w.stem)));
  let best: Candidate[] = [];
  // "the reef" after "the Great Barrier Reef": each sentence is read with the names the evidence gave before it.
  const names = new PageNames();
  for (const s of sentences.slice(0, MAX_SENTENCES)) {
    const c = judgeSentence(claim, terms, names.expand(s), idf, claim.figures, context, s);
    names.add(s);
    if (!c) continue;
    const top = best[0];
    if (!top || c.coverage > top.coverage + 1e-9) best = [c];
    else if (Math.abs(c.coverage - top.coverage) <= 1e-9) best.push(c);
  }
  if (best.length === 0) return null;
  // Equally good restatements that disagree settle nothing.
  if (new Set(best.map((c) => c.stance)).size > 1) return null;
  const pick = best.reduce((a, b) => (b.strength > a.strength ? b : a));
  return { stance: pick.stance, strength: pick.strength, reason: pick.reason, coverage: pick.coverage, relation: pick.relation };
}

const ORDINAL = /\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\d+(?:st|nd|rd|th))\s+([\p{L}-]+)/giu;

/** An ordinal of the claim ("fourth mass") that the sentence gives as another ordinal before the same word ("fifth mass"). */
function otherOrdinal(claim: string, sentence: string): { claimed: string; found: string } | null {
  const said = [...sentence.matchAll(ORDINAL)].map((m) => ({ ord: (m[1] ?? '').toLowerCase(), next: (m[2] ?? '').toLowerCase(), text: m[0] }));
  for (const m of claim.matchAll(ORDINAL)) {
    const ord = (m[1] ?? '').toLowerCase();
    const next = (m[2] ?? '').toLowerCase();
    if (said.some((x) => x.ord === ord)) continue;
    const other = said.find((x) => x.next === next && x.ord !== ord);
    if (other) return { claimed: m[0], found: other.text };
  }
  return null;
}

const ownWords = new WeakMap<ClaimProfile, ReadonlySet<string>>();
/** The claim's own words, lower-cased: a denial word the claim itself uses is not a denial. */
function claimWords(claim: ClaimProfile): ReadonlySet<string> {
  let w = ownWords.get(claim);
  if (!w) {
    w = new Set(claim.text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
    ownWords.set(claim, w);
  }
  return w;
}

/** Does the evidence as a whole hold enough of the claim's words for one sentence to restate it? */
function couldRestate(claim: ClaimProfile, terms: readonly string[], stems: ReadonlySet<string>, idf: IdfTable): boolean {
  let all = 0;
  let hit = 0;
  let n = 0;
  for (const t of terms) {
    all += idf(t);
    if (termPresent(claim, t, stems)) {
      hit += idf(t);
      n++;
    }
  }
  const mayMiss = terms.length >= TERMS_FOR_ONE_MISSING ? 1 : 0;
  return all > 0 && hit / all >= RESTATE_COVERAGE && terms.length - n <= mayMiss && claim.entities.every((e) => stems.has(e));
}
