// Stance of a passage toward a claim: the learned weights over pair features, with reasons.
import type { Judgement, Passage, Reason, Source, Stance } from '../../model.js';
import { contentStems, profileClaim } from './claim-profile.js';
import type { ClaimProfile } from './claim-profile.js';
import { predictProba } from './logistic.js';
import type { LogisticModel } from './logistic.js';
import { FEATURE_NAMES, pairFeatures } from './pair-features.js';
import { readYears, yearOf } from '../figures/years.js';
import type { PairFeatures } from './pair-features.js';
import { figureMeaningMismatch, mismatchReason } from '../figures/figure-stance.js';
import type { FigureMeaningMismatch } from '../figures/figure-stance.js';
import { readRestatement } from './restatement.js';
import type { Restatement } from './restatement.js';
import { unreadableClaim, unreadableEvidence, unreadableFeatures } from './bad-input.js';
import { STANCE_CLASSES, stanceModel } from './stance-model.js';

export interface PairJudgement {
  stance: Stance;
  /** Probability of the chosen stance, in [0,1]. */
  strength: number;
  reasons: Reason[];
  /** Probability of each stance (supports, refutes, neutral). */
  probabilities: Record<Stance, number>;
  /** Rarity-weighted share of the claim's words the passage contains, in [0,1]. */
  coverage: number;
  /** Rarity of the rarest claim word the passage lacks, in [0,1] (0 when none is missing). */
  missingRare: number;
}

const COVERAGE = FEATURE_NAMES.indexOf('idf_cov');
const MISSING = FEATURE_NAMES.indexOf('max_missing_idf');

// Reasons that point the way of each stance; the others are context.
const SUPPORT_KINDS = new Set(['restatement', 'figure-match', 'lexical-entailment', 'term-coverage']);
const REFUTE_KINDS = new Set(['restatement', 'figure-conflict', 'negation-mismatch', 'antonym', 'entity-mismatch', 'date-mismatch']);

function orderReasons(stance: Stance, reasons: Reason[]): Reason[] {
  const first = stance === 'supports' ? SUPPORT_KINDS : stance === 'refutes' ? REFUTE_KINDS : new Set(['figure-meaning-mismatch', 'quantifier-mismatch', 'low-overlap', 'hedge']);
  return [...reasons.filter((r) => first.has(r.kind)), ...reasons.filter((r) => !first.has(r.kind))];
}

export interface JudgeOptions {
  /** Apply the restatement rule (default true); false gives the learned model alone. */
  restatement?: boolean;
  /**
   * Text around the evidence (its source's title): a name a restating sentence shortens ("the
   * Protocol") may be found here. Not judged itself.
   */
  context?: string;
  /**
   * When the evidence's source was published (ISO date): a passage of a page dated in the claim's
   * year speaks of that year ("this year") even when it names only an earlier one, so its years
   * are no date mismatch.
   */
  published?: string | null;
}

/** What a pair says before any weights are applied: its features, the restatement rule's reading and a figure-meaning mismatch. */
export interface PairReading {
  features: PairFeatures;
  rule: Restatement | null;
  mismatch: FigureMeaningMismatch | null;
  /** Why the pair cannot be judged at all (no content words, an over-long claim): the stance is neutral. */
  unreadable: Reason | null;
}

/** Read a pair once; `decidePair` turns the reading into a stance with any weights. */
export function readPair(claim: ClaimProfile, evidenceText: string | readonly string[], options: JudgeOptions = {}): PairReading {
  const claimProblem = unreadableClaim(claim);
  const page = pageDate(claim, evidenceText, options.published);
  const f = datedFeatures(claim, pairFeatures(claim, claimProblem ? '' : evidenceText, undefined, options.context), page);
  const unreadable = claimProblem ?? unreadableEvidence(f.stems) ?? unreadableFeatures(f.values, FEATURE_NAMES);
  if (unreadable) return { features: f, rule: null, mismatch: null, unreadable };
  let stems = f.stems;
  if (options.context) stems = new Set([...stems, ...contentStems(options.context).map((w) => w.stem)]);
  const read = options.restatement === false ? null : readRestatement(claim, evidenceText, undefined, stems);
  // A page dated before the claim's years gives no other value for them (datedFeatures).
  const rule = read?.relation === 'figure' && page.older ? null : read;
  const mismatch = claim.figures.length > 0 ? figureMeaningMismatch(claim.text, evidenceText, claim.figures, f.figures) : null;
  return { features: f, rule, mismatch, unreadable: null };
}

/** When the evidence's page was published, read against the claim's years. */
interface PageDate {
  /** The page's year (null when undated or the claim names no year). */
  year: number | null;
  /** Dated before every year the claim names, and naming none of them itself. */
  older: boolean;
}

function pageDate(claim: ClaimProfile, evidenceText: string | readonly string[], published: string | null | undefined): PageDate {
  const year = claim.years.length === 0 ? null : yearOf(published);
  if (year === null) return { year, older: false };
  const named = readYears(typeof evidenceText === 'string' ? evidenceText : evidenceText.join(' '));
  return { year, older: claim.years.every((y) => y > year) && !claim.years.some((y) => named.includes(y)) };
}

/**
 * The features read against the source's publication date: a passage of a page dated in one of the
 * claim's years speaks of that year ("this year") even when it names only an earlier one, so its
 * years are no date mismatch; a page dated before all the claim's years, naming none of them, cannot
 * give the claim's figure another value for them (its figures are of another period).
 */
function datedFeatures(claim: ClaimProfile, f: PairFeatures, page: PageDate): PairFeatures {
  if (page.year === null) return f;
  const values = [...f.values];
  const drop = new Set<string>();
  const clear = (feature: (typeof FEATURE_NAMES)[number], reason: string): void => {
    const at = FEATURE_NAMES.indexOf(feature);
    if (at >= 0 && values[at] === 1) {
      values[at] = 0;
      drop.add(reason);
    }
  };
  if (claim.years.includes(page.year)) clear('date_mismatch', 'date-mismatch');
  if (page.older) clear('fig_conflict', 'figure-conflict');
  return drop.size === 0 ? f : { ...f, values, reasons: f.reasons.filter((r) => !drop.has(r.kind)) };
}

/**
 * The stance of a read pair under the given weights. When a sentence restates the claim
 * (restatement.ts) the rule's stance gets at least the rule's probability and the other two share
 * the rest in the model's proportions; otherwise the learned model decides alone.
 */
export function decidePair(reading: PairReading, model: LogisticModel = stanceModel()): PairJudgement {
  const f = reading.features;
  if (reading.unreadable) {
    return { stance: 'neutral', strength: 1, reasons: [reading.unreadable], probabilities: { supports: 0, refutes: 0, neutral: 1 }, coverage: 0, missingRare: 0 };
  }
  const p = predictProba(model, f.values);
  const probabilities: Record<Stance, number> = { supports: 0, refutes: 0, neutral: 0 };
  STANCE_CLASSES.forEach((c, i) => (probabilities[c] = p[i] ?? 0));
  let reasons = f.reasons;
  const rule = reading.rule;
  if (rule) {
    const target = Math.max(rule.strength, probabilities[rule.stance]);
    const others = STANCE_CLASSES.filter((c) => c !== rule.stance);
    const rest = others.reduce((a, c) => a + probabilities[c], 0);
    for (const c of others) probabilities[c] = rest > 0 ? ((1 - target) * probabilities[c]) / rest : (1 - target) / others.length;
    probabilities[rule.stance] = target;
    // The rule's reading replaces the bare negation cue it explains.
    reasons = [rule.reason, ...reasons.filter((r) => r.kind !== 'negation-mismatch' || rule.stance === 'refutes')];
  }
  let stance: Stance = 'neutral';
  for (const c of STANCE_CLASSES) if (probabilities[c] > probabilities[stance]) stance = c;
  if (rule) stance = rule.stance;
  // A matching number with another predicate, period or whole is not support (figure-stance.ts).
  // Every stance carries the reason (the verdict quotes it); only support is taken away.
  const mismatch = reading.mismatch;
  if (mismatch) {
    if (stance === 'supports') {
      probabilities.neutral += probabilities.supports;
      probabilities.supports = 0;
      stance = 'neutral';
    }
    reasons = [mismatchReason(mismatch), ...reasons.filter((r) => r.kind !== 'figure-match')];
  } else if (stance === 'supports' && rule === null && f.figures.some((x) => x.match === null && x.conflict !== null)) {
    // The evidence says the same thing of a claim figure with another value ("64 measles cases were
    // reported in 2024" for 97) and nowhere the claim's: a passage that contradicts it, not support
    // (unless a sentence restating the claim decided: "56 of 196 do not" for "140 of 196 do").
    probabilities.refutes += probabilities.supports;
    probabilities.supports = 0;
    stance = 'refutes';
  }
  return { stance, strength: probabilities[stance], reasons: orderReasons(stance, reasons), probabilities, coverage: f.values[COVERAGE] ?? 0, missingRare: f.values[MISSING] ?? 0 };
}

/** Judge an evidence text (or its sentences) against an already profiled claim (fast path for many passages). */
export function judgeProfiled(claim: ClaimProfile, evidenceText: string | readonly string[], model: LogisticModel = stanceModel(), options: JudgeOptions = {}): PairJudgement {
  return decidePair(readPair(claim, evidenceText, options), model);
}

/** Stance of an evidence text toward a claim: for pair benchmarks and the audit. */
export function judgePair(claim: string, evidenceText: string): PairJudgement {
  return judgeProfiled(profileClaim(claim), evidenceText);
}

/** Judge one retrieved (or cited) passage; `score` becomes the judgement's relevance. */
export type JudgementDetail = Judgement & { probabilities: Record<Stance, number>; coverage: number; missingRare: number };

export function judge(claim: string | ClaimProfile, evidence: { passage: Passage; source: Source; score?: number }): JudgementDetail {
  const profile = typeof claim === 'string' ? profileClaim(claim) : claim;
  const j = judgeProfiled(profile, evidence.passage.text, stanceModel(), { context: evidence.source.title, published: evidence.source.publishedAt });
  return {
    claim: profile.text,
    passage: evidence.passage,
    source: evidence.source,
    stance: j.stance,
    strength: j.strength,
    relevance: evidence.score ?? 0,
    reasons: j.reasons,
    probabilities: j.probabilities,
    coverage: j.coverage,
    missingRare: j.missingRare,
  };
}
