// Verdict for a claim from its judged evidence. Copies count once; the aggregate of the
// strongest supporting and refuting evidence goes through learned weights (models/verdict.json)
// whose class probabilities, calibrated (calibration.ts), give the confidence.
import { fileURLToPath } from 'node:url';
import type { Judgement, Reason, Stance, Verdict, VerdictLabel } from '../../model.js';
import { VerityError } from '../../errors.js';
import { hasMatrixShape, hasNames } from '../../text/model-file.js';
import { retrainFix, shippedModelLoader, TRAIN_COMMAND } from '../../text/read-model-file.js';
import { copyGroups } from './independence.js';
import { figureConflictNote, figureConflictVerdict, figureMeaningVerdict } from '../figures/figure-stance.js';
import { DECISIVE_RESTATEMENT } from '../stance/restatement.js';
import { predictProba } from '../stance/logistic.js';
import type { LogisticModel } from '../stance/logistic.js';
import { monotoneBreach, monotoneConstraints, tieBreach, tiedWeights } from '../stance/monotone.js';
import type { NamedMonotone } from '../stance/monotone.js';
import { calibrateVerdict, verdictCalibration } from './calibration.js';
import type { CalibrationFile } from './calibration.js';
import { confidenceFeatures } from './confidence.js';

/** How a verdict's reason says that the claim's number is stated with another meaning (the note ends the reason). */
export const MEANING_NOTE = 'The number matches but not its meaning';
export const CONFLICT_NOTE = 'The source gives the figure another value';

export const VERDICT_LABELS: readonly VerdictLabel[] = ['supported', 'refuted', 'mixed', 'unproven'];
export const VERDICT_FEATURES = ['max_s', 'max_r', 'top3_s', 'top3_r', 'min_sr', 'n_s', 'n_r', 'mean_n', 'n_independent', 'max_relevance', 'max_coverage', 'missing_rare'] as const;
export const VERDICT_SCHEMA_VERSION = 1;
/**
 * What the verdict weights may learn about the evidence (monotone.ts; enforced by the training
 * and checked when the weights are loaded): more supporting evidence never lowers P(supported)
 * nor raises P(refuted), and more refuting evidence the reverse. Each support feature alone
 * (max_s, top3_s, n_s) and the way they rise together (a passage's support rising as the
 * strongest raises max_s, top3_s and, when refutation is the stronger side, min_sr) is
 * constrained; the refute features the same way.
 */
export const VERDICT_MONOTONE: readonly NamedMonotone[] = (['s', 'r'] as const).flatMap((side) => {
  const rises: Array<Record<string, number>> = [{ [`max_${side}`]: 1 }, { [`top3_${side}`]: 1 }, { [`n_${side}`]: 1 }, { [`max_${side}`]: 1, [`top3_${side}`]: 1, min_sr: 1 }];
  const up = side === 's' ? 'supported' : 'refuted';
  const down = side === 's' ? 'refuted' : 'supported';
  return rises.flatMap((rise) => [{ label: up, sign: 1 as const, rise }, { label: down, sign: -1 as const, rise }]);
});
/**
 * Weights supported and refuted share, so that which way the verdict goes is read from the
 * support and refute features (and the bias: how often supported is right rather than refuted)
 * alone: evidence both ways (min_sr) and how much the evidence addresses the claim (mean_n, the
 * number of passages, relevance, the best passage's coverage and what it lacks). They may still
 * tell a decided verdict from mixed or unproven. Without the ties the best passage's coverage —
 * as high for a plain refutation — learned the majority label and turned a strong refutation
 * into "supported". (Tying the bias too was tried: Climate-FEVER's LODO accuracy fell from 36 %
 * to 19 %, nearly every claim refuted; docs/training.md.)
 */
export const VERDICT_SIDE_FREE: readonly string[] = ['min_sr', 'mean_n', 'n_independent', 'max_relevance', 'max_coverage', 'missing_rare'];
/** The largest breach of VERDICT_MONOTONE a loaded model may show (rounding of its weights). */
const MONOTONE_TOLERANCE = 1e-5;
/** Strength both a supporting and a refuting independent passage must reach for "mixed" by rule. */
export const MIXED_AT = 0.7;
/** Strength a judgement resting on a restatement (restatement.ts) needs to decide the verdict. */
export const RESTATED_AT = DECISIVE_RESTATEMENT;

export interface VerdictModelFile extends LogisticModel {
  schemaVersion: number;
  kind: 'multinomial-logistic';
  trainedWith: { command: string; files: string[]; examples: Record<string, number> };
  /**
   * Weights fitted for one benchmark from its own training split (label priors and evidence
   * differ between benchmarks); the top-level weights are the general model the pipeline uses.
   */
  suites?: Record<string, LogisticModel>;
  /**
   * Decision rule of a suite with its own weights: each label's probability is multiplied by its
   * class weight before the most likely label is taken (missing labels weigh 1). Chosen by the
   * training script for macro-F1 on out-of-fold predictions over the suite's training split.
   */
  decisions?: Record<string, { classWeights: Partial<Record<VerdictLabel, number>> }>;
}

export interface VerdictOptions {
  /** Restrict the answer to these labels (a benchmark without "mixed", say). Default: all four. */
  labels?: readonly VerdictLabel[];
  model?: LogisticModel;
  /**
   * Multiply each label's probability by this weight (default 1) when choosing the label; the
   * confidence stays the chosen label's unweighted probability. See `suiteDecision`.
   */
  classWeights?: Partial<Record<VerdictLabel, number>>;
  /**
   * Features of the claim itself appended after VERDICT_FEATURES, for a model fitted with them
   * (a benchmark suite's own weights: the citing sentence's markers, say). The model must list
   * exactly VERDICT_FEATURES followed by as many names.
   */
  extraFeatures?: readonly number[];
  /** Confidence calibration (default: the shipped models/calibration.json); false keeps the raw confidence. */
  calibration?: CalibrationFile | false;
}

export interface VerdictDetail extends Verdict {
  probabilities: Record<VerdictLabel, number>;
  /** How many judgements remained after copies were merged. */
  independent: number;
}

type Judged = Judgement & { probabilities?: Record<Stance, number>; coverage?: number; missingRare?: number };

function stanceProbs(j: Judged): Record<Stance, number> {
  if (j.probabilities) return j.probabilities;
  const rest = (1 - j.strength) / 2;
  return {
    supports: j.stance === 'supports' ? j.strength : rest,
    refutes: j.stance === 'refutes' ? j.strength : rest,
    neutral: j.stance === 'neutral' ? j.strength : rest,
  };
}

/** Merge copies: of each group of copying passages keep the one with the strongest stance. */
export function independentJudgements<T extends Judgement>(judgements: T[]): T[] {
  const groups = copyGroups(judgements.map((j) => j.passage.text));
  const best = new Map<number, T>();
  judgements.forEach((j, i) => {
    const g = groups[i]!;
    const cur = best.get(g);
    const weight = (x: T): number => (x.stance === 'neutral' ? 0 : x.strength);
    if (!cur || weight(j) > weight(cur)) best.set(g, j);
  });
  return [...best.values()];
}

/** Aggregate features of a claim's independent judgements, in VERDICT_FEATURES order. */
export function verdictFeatures(judgements: Judged[]): number[] {
  const ps = judgements.map((j) => stanceProbs(j));
  const s = ps.map((p) => p.supports).sort((a, b) => b - a);
  const r = ps.map((p) => p.refutes).sort((a, b) => b - a);
  const top3 = (xs: number[]): number => xs.slice(0, 3).reduce((a, b) => a + b, 0);
  const maxS = s[0] ?? 0;
  const maxR = r[0] ?? 0;
  const nS = judgements.filter((j) => j.stance === 'supports').length;
  const nR = judgements.filter((j) => j.stance === 'refutes').length;
  const meanN = ps.length > 0 ? ps.reduce((a, p) => a + p.neutral, 0) / ps.length : 1;
  const maxRelevance = judgements.reduce((m, j) => Math.max(m, j.relevance), 0);
  // The best-covering passage: how much of the claim it holds, and how rare what it lacks is.
  // Judgements made elsewhere may lack them: 1 − P(neutral) stands in for coverage then.
  const coverage = (j: Judged): number => j.coverage ?? 1 - stanceProbs(j).neutral;
  let best: Judged | undefined;
  for (const j of judgements) if (!best || coverage(j) > coverage(best)) best = j;
  return [maxS, maxR, top3(s), top3(r), Math.min(maxS, maxR), Math.log1p(nS), Math.log1p(nR), meanN, Math.log1p(judgements.length), maxRelevance, best ? coverage(best) : 0, best?.missingRare ?? 0];
}

export const VERDICT_MODEL_PATH = fileURLToPath(new URL('../../../models/verdict.json', import.meta.url));
/** Validate a parsed verdict model: its shape, and VERDICT_MONOTONE and VERDICT_SIDE_FREE for the general and every suite's weights. */
export function checkVerdictModel(value: unknown, where: string): VerdictModelFile {
  const m = value as Partial<VerdictModelFile> | null;
  const ok =
    m !== null &&
    typeof m === 'object' &&
    m.schemaVersion === VERDICT_SCHEMA_VERSION &&
    hasNames(m.features, VERDICT_FEATURES) &&
    hasNames(m.classes, VERDICT_LABELS) &&
    hasMatrixShape(m.weights, VERDICT_LABELS.length, VERDICT_FEATURES.length + 1);
  if (!ok) {
    throw new VerityError({
      code: 'BAD_INPUT',
      component: 'evidence',
      problem: `verdict model ${where} does not fit this build (schemaVersion ${VERDICT_SCHEMA_VERSION}, features ${VERDICT_FEATURES.join(',')})`,
      fix: retrainFix('models/verdict.json'),
    });
  }
  const file = m as VerdictModelFile;
  for (const [name, weights] of [['general', file] as const, ...Object.entries(file.suites ?? {})]) {
    const breach = Math.min(
      monotoneBreach(weights, monotoneConstraints(weights.classes, weights.features, VERDICT_MONOTONE)),
      -tieBreach(weights, tiedWeights(weights.classes, weights.features, ['supported', 'refuted'], VERDICT_SIDE_FREE)),
    );
    if (breach < -MONOTONE_TOLERANCE) {
      throw new VerityError({
        code: 'BAD_INPUT',
        component: 'evidence',
        problem: `verdict model ${where} has ${name} weights by which more evidence one way can lower that verdict's probability, or by which how much the evidence addresses the claim favours one side (breach ${breach.toFixed(6)})`,
        fix: retrainFix('models/verdict.json'),
      });
    }
  }
  return file;
}

/** The shipped verdict weights (read on first use). */
export const verdictModel: () => VerdictModelFile = shippedModelLoader({ component: 'evidence', model: 'verdict', path: VERDICT_MODEL_PATH, file: 'models/verdict.json', check: checkVerdictModel });

/** The weights fitted for a benchmark suite's own training split, else the general model. */
export function suiteVerdictModel(suite: string): LogisticModel {
  const m = verdictModel();
  return m.suites?.[suite] ?? m;
}

/** The class weights fitted for a benchmark suite's decisions (undefined: plain most-likely label). */
export function suiteDecision(suite: string): Partial<Record<VerdictLabel, number>> | undefined {
  const weights = verdictModel().decisions?.[suite]?.classWeights;
  if (weights === undefined) return undefined;
  const bad = Object.entries(weights).find(([label, w]) => !(VERDICT_LABELS as readonly string[]).includes(label) || typeof w !== 'number' || !(w > 0) || !Number.isFinite(w));
  if (bad || typeof weights !== 'object') {
    throw new VerityError({
      code: 'BAD_INPUT',
      component: 'evidence',
      problem: `the verdict model ${JSON.stringify(VERDICT_MODEL_PATH)} has class weights for ${JSON.stringify(suite)} that are not positive numbers of known labels (${JSON.stringify(bad ?? weights)})`,
      fix: retrainFix('models/verdict.json'),
    });
  }
  return weights;
}

const LABEL_WORDS: Record<VerdictLabel, string> = {
  supported: 'the evidence supports the claim',
  refuted: 'the evidence refutes the claim',
  mixed: 'the evidence is mixed',
  unproven: 'the evidence neither supports nor refutes the claim',
};

/** Decide supported / refuted / mixed / unproven with a calibrated confidence and reasons. */
export function decideVerdict(claim: string, judgements: Judgement[], options: VerdictOptions = {}): VerdictDetail {
  const model = options.model ?? verdictModel();
  const independent = independentJudgements(judgements as Judged[]);
  const allowed = options.labels && options.labels.length > 0 ? options.labels : VERDICT_LABELS;
  if (independent.length === 0 && allowed.includes('unproven')) {
    // Nothing to weigh: no model is asked what empty evidence means.
    const probabilities = { supported: 0, refuted: 0, mixed: 0, unproven: 1 } as Record<VerdictLabel, number>;
    return { label: 'unproven', confidence: 1, reason: 'No evidence was found for this claim.', reasons: [{ kind: 'no-evidence', detail: `no passage was found or given for ${JSON.stringify(claim)}` }], probabilities, independent: 0 };
  }
  const x = [...verdictFeatures(independent), ...(options.extraFeatures ?? [])];
  if (model.features.length !== x.length) {
    throw new VerityError({
      code: 'BAD_INPUT',
      component: 'evidence',
      problem: `the verdict weights expect ${model.features.length} features (${model.features.join(',')}) but ${x.length} were given (${VERDICT_FEATURES.length} aggregate + ${options.extraFeatures?.length ?? 0} extra)`,
      fix: `pass the extra features the weights were fitted with, or retrain them with "${TRAIN_COMMAND}"`,
    });
  }
  const p = predictProba(model, x);
  const probabilities = { supported: 0, refuted: 0, mixed: 0, unproven: 0 } as Record<VerdictLabel, number>;
  VERDICT_LABELS.forEach((l, i) => (probabilities[l] = p[i] ?? 0));
  const weighted = (l: VerdictLabel): number => probabilities[l] * (options.classWeights?.[l] ?? 1);
  let label: VerdictLabel = allowed[0]!;
  for (const l of allowed) if (weighted(l) > weighted(label)) label = l;
  const mass = allowed.reduce((a, l) => a + probabilities[l], 0) || 1;
  let confidence = probabilities[label] / mass;
  // Rule over the learned weights: strong independent evidence both ways is "mixed", however rare
  // mixed verdicts were in training. Its confidence is the weaker side's strength times the
  // model's belief that the evidence is not silent.
  const strongest = (stance: Stance): number => independent.reduce((m, j) => (j.stance === stance ? Math.max(m, j.strength) : m), 0);
  const bothWays = Math.min(strongest('supports'), strongest('refutes'));
  if (allowed.includes('mixed') && bothWays >= MIXED_AT) {
    label = 'mixed';
    confidence = Math.min(1, bothWays * (1 - probabilities.unproven));
  }
  // Rule over both: passages that plainly restate the claim (same words, names and figures)
  // decide by their polarity. One way only → supported or refuted with the strongest
  // restatement's strength as confidence; both ways → mixed.
  const restated = (stance: Stance): Judgement[] => independent.filter((j) => j.stance === stance && j.strength >= RESTATED_AT && j.reasons.some((r) => r.kind === 'restatement'));
  // A source that reports what someone said ("it reported that 138 …") and itself says otherwise
  // ("… was 95, not 138") is counted by what it says itself.
  const reported = (j: Judgement): boolean => j.reasons.some((r) => r.kind === 'restatement' && r.reported === true);
  const ownWord = (mine: Judgement[], others: Judgement[]): Judgement[] => mine.filter((j) => !reported(j) || !others.some((k) => k.source.id === j.source.id && !reported(k)));
  const rs0 = restated('supports');
  const rr0 = restated('refutes');
  const rs = ownWord(rs0, rr0);
  const rr = ownWord(rr0, rs0);
  const top = (js: Judgement[]): number => js.reduce((m, j) => Math.max(m, j.strength), 0);
  let byRestatement = true;
  if (rs.length > 0 && rr.length > 0 && allowed.includes('mixed')) {
    label = 'mixed';
    confidence = Math.min(top(rs), top(rr));
  } else if (rs.length > 0 && rr.length === 0 && allowed.includes('supported')) {
    label = 'supported';
    confidence = top(rs);
  } else if (rr.length > 0 && rs.length === 0 && allowed.includes('refuted')) {
    label = 'refuted';
    confidence = top(rr);
  } else {
    byRestatement = false;
  }

  const supports = independent.filter((j) => j.stance === 'supports').sort((a, b) => b.strength - a.strength);
  const refutes = independent.filter((j) => j.stance === 'refutes').sort((a, b) => b.strength - a.strength);
  const reasons: Reason[] = [];
  if (rs.length + rr.length > 0) {
    reasons.push({ kind: 'restatement', detail: `${rs.length} passage(s) restate the claim and ${rr.length} restate it the other way round (strength ≥ ${RESTATED_AT}): the verdict follows them` });
  }
  const copies = judgements.length - independent.length;
  if (copies > 0) reasons.push({ kind: 'independence', detail: `${copies} passage(s) copy others and count once` });
  for (const j of [...supports.slice(0, 2), ...refutes.slice(0, 2)]) {
    const why = j.reasons[0];
    reasons.push({ kind: j.stance === 'supports' ? 'supports' : 'refutes', detail: `passage ${j.passage.id} ${j.stance} (${j.strength.toFixed(2)})${why ? `: ${why.detail}` : ''}` });
  }
  // A figure the evidence states with the same meaning and another value, and nowhere as claimed, refutes it.
  const conflict = figureConflictVerdict(label, independent, allowed.includes('refuted') ? 'refuted' : null);
  if (conflict) {
    label = conflict.label;
    confidence = conflict.confidence;
  }
  // A number the evidence states with another meaning is no support: say so, quoting both (figure-stance.ts).
  const meaning = figureMeaningVerdict(label, independent, allowed.includes('unproven') ? 'unproven' : null);
  if (meaning) {
    if (meaning.label !== label) confidence = Math.max(probabilities.unproven / mass, 0.5);
    label = meaning.label;
    reasons.unshift(meaning.reason);
  }
  // Confidence is the calibrated probability that the label is right (calibration.ts).
  const calibrated = options.calibration === false ? null : calibrateVerdict(options.calibration ?? verdictCalibration(), label, confidence, allowed, confidenceFeatures(label, confidence, probabilities, allowed, independent));
  if (calibrated) {
    label = calibrated.label;
    confidence = calibrated.confidence;
    if (calibrated.leaning) reasons.unshift({ kind: 'leaning', detail: `the evidence leans ${calibrated.leaning}, but a ${calibrated.leaning} verdict on it is right less than half the time` });
  }
  // A refuted verdict on a figure names both values (the claim's and the source's).
  const figures = label === 'refuted' ? figureConflictNote(claim, independent) : null;
  const figureNote = figures === null ? '' : ` ${CONFLICT_NOTE} (${figures}).`;
  const leaning = calibrated?.leaning ? ` It leans ${calibrated.leaning}, not enough to call it.` : '';
  const count = (n: number, what: string): string => (n === 0 ? `no passage ${what}` : n === 1 ? `1 passage ${what}` : `${n} passages ${what.replace(/s$/, '')}`);
  const restatedWhy = (): string => {
    const n = (k: number): string => (k === 0 ? 'none' : k === 1 ? '1 passage' : `${k} passages`);
    return `${n(rs.length)} restate${rs.length === 1 ? 's' : ''} it as claimed and ${n(rr.length)} the other way round; `;
  };
  const reason =
    independent.length === 0
      ? 'No evidence was found for this claim.'
      : `${LABEL_WORDS[label][0]!.toUpperCase()}${LABEL_WORDS[label].slice(1)}: ${byRestatement ? restatedWhy() : ''}${count(supports.length, 'supports')} and ${count(refutes.length, 'refutes')} it among ${independent.length} independent passage(s).${leaning}${figureNote}${meaning ? ` ${MEANING_NOTE} (${meaning.reason.detail}).` : ''}`;
  return { label, confidence, reason, reasons, probabilities, independent: independent.length };
}
