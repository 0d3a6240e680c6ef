// The shipped stance weights (models/stance.json): loaded once, lazily, and checked against the
// feature names this build computes, so a stale model file fails loudly instead of mis-scoring.
import { fileURLToPath } from 'node:url';
import { VerityError } from '../../errors.js';
import { hasMatrixShape, hasNames } from '../../text/model-file.js';
import { retrainFix, shippedModelLoader } from '../../text/read-model-file.js';
import { FEATURE_NAMES } from './pair-features.js';
import type { LogisticModel } from './logistic.js';

export const STANCE_SCHEMA_VERSION = 1;
export const STANCE_CLASSES = ['supports', 'refutes', 'neutral'] as const;

export interface StanceModelFile extends LogisticModel {
  schemaVersion: number;
  kind: 'multinomial-logistic';
  /** How the weights were made: the command and the files it read. */
  trainedWith: { command: string; files: string[]; examples: Record<string, number> };
  /**
   * Two-way decisions fitted on a benchmark's training split: "supports" when P(supports) is at
   * least `supportsAt` (e.g. RTE entailment vs not_entailment).
   */
  decisions?: Record<string, { supportsAt: number }>;
}

export const STANCE_MODEL_PATH = fileURLToPath(new URL('../../../models/stance.json', import.meta.url));

/** Validate a parsed model file; `where` names it in errors. */
export function checkStanceModel(value: unknown, where: string): StanceModelFile {
  const m = value as Partial<StanceModelFile> | null;
  const fail = (problem: string): never => {
    throw new VerityError({
      code: 'BAD_INPUT',
      component: 'evidence',
      problem: `stance model ${where} ${problem}`,
      fix: retrainFix('models/stance.json'),
    });
  };
  if (!m || typeof m !== 'object') return fail('is not a JSON object');
  if (m.schemaVersion !== STANCE_SCHEMA_VERSION) fail(`has schemaVersion ${String(m.schemaVersion)}, expected ${STANCE_SCHEMA_VERSION}`);
  if (!hasNames(m.features, FEATURE_NAMES)) fail('lists other features than this build computes');
  if (!hasNames(m.classes, STANCE_CLASSES)) fail(`has classes ${JSON.stringify(m.classes)}`);
  if (!hasMatrixShape(m.weights, STANCE_CLASSES.length, FEATURE_NAMES.length + 1)) fail('has weights of the wrong shape');
  if (!Array.isArray(m.mean) || !Array.isArray(m.scale) || m.mean.length !== FEATURE_NAMES.length || m.scale.length !== FEATURE_NAMES.length) fail('has mean/scale of the wrong length');
  return m as StanceModelFile;
}

/** The shipped stance model (read on first use). */
export const stanceModel: () => StanceModelFile = shippedModelLoader({ component: 'evidence', model: 'stance', path: STANCE_MODEL_PATH, file: 'models/stance.json', check: checkStanceModel });
