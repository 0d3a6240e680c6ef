// The shipped check-worthiness weights (models/checkworthiness.json): their shape, a validator,
// and the one lazy read of the file. Written by `npm run train` (scripts/train-checkworthiness.ts).
import { fileURLToPath } from 'node:url';
import { VerityError } from '../../errors.js';
import { DENSE_FEATURES } from './checkworthiness-features.js';
import { hasNames } from '../model-file.js';
import { retrainFix, shippedModelLoader } from '../read-model-file.js';

export const CHECKWORTHINESS_SCHEMA_VERSION = 1;
export const CHECKWORTHINESS_MODEL_PATH = fileURLToPath(new URL('../../../models/checkworthiness.json', import.meta.url));

/** Logistic regression over dense features and binary stemmed-term features. */
export interface CheckworthinessModel {
  schemaVersion: number;
  kind: 'logistic-regression';
  bias: number;
  /** Names of the dense features, in the order of `denseWeights`; must equal DENSE_FEATURES. */
  dense: string[];
  denseWeights: number[];
  /** Stemmed terms and their weights. */
  terms: Record<string, number>;
  /** How it was trained and what it scored on dev (for people; not read by the scorer). */
  training?: unknown;
}

export function validateCheckworthinessModel(value: unknown, source: string): CheckworthinessModel {
  const bad = (why: string): VerityError =>
    new VerityError({
      code: 'BAD_INPUT',
      component: 'text',
      problem: `the check-worthiness model ${JSON.stringify(source)} is not usable: ${why}`,
      fix: retrainFix('models/checkworthiness.json'),
    });
  if (typeof value !== 'object' || value === null) throw bad('not a JSON object');
  const m = value as Partial<CheckworthinessModel>;
  if (m.schemaVersion !== CHECKWORTHINESS_SCHEMA_VERSION) throw bad(`schemaVersion ${String(m.schemaVersion)}, expected ${CHECKWORTHINESS_SCHEMA_VERSION}`);
  if (m.kind !== 'logistic-regression' || typeof m.bias !== 'number') throw bad('kind or bias missing');
  if (!hasNames(m.dense, DENSE_FEATURES)) throw bad('its dense features do not match this version of Verity');
  if (!Array.isArray(m.denseWeights) || m.denseWeights.length !== DENSE_FEATURES.length || !m.denseWeights.every((w) => typeof w === 'number')) throw bad('denseWeights malformed');
  if (typeof m.terms !== 'object' || m.terms === null) throw bad('terms missing');
  return m as CheckworthinessModel;
}

/** The shipped model, read once. */
export const shippedCheckworthinessModel: () => CheckworthinessModel = shippedModelLoader({
  component: 'text',
  model: 'check-worthiness',
  path: CHECKWORTHINESS_MODEL_PATH,
  file: 'models/checkworthiness.json',
  check: (value) => validateCheckworthinessModel(value, CHECKWORTHINESS_MODEL_PATH),
});
