// Reading a shipped model file (models/*.json) once it is asked for: the one place the three
// model loaders (stance, verdict, check-worthiness) touch the file system. Validation is theirs.
import { readFileSync } from 'node:fs';
import { VerityError } from '../errors.js';
import { parseModelJson, type ModelFileRef } from './model-file.js';

export interface ShippedModelRef extends ModelFileRef {
  /** What to do when the file cannot be read at all (reinstall, or the training command). */
  missingFix: string;
}

/**
 * The parsed JSON of `ref.path`. Throws NOT_FOUND "cannot read the <model> model "<path>"" when
 * the file cannot be read, BAD_INPUT when it is not JSON (see parseModelJson); the cause is kept.
 */
export function readModelJson(ref: ShippedModelRef): unknown {
  let text: string;
  try {
    text = readFileSync(ref.path, 'utf8');
  } catch (cause) {
    throw new VerityError({ code: 'NOT_FOUND', component: ref.component, problem: `cannot read the ${ref.model} model ${JSON.stringify(ref.path)}`, fix: ref.missingFix, cause });
  }
  return parseModelJson(text, ref);
}

/** The one command that rebuilds every file in models/ (docs/training.md). */
export const TRAIN_COMMAND = 'npm run train';

/** The fix a validator gives for a file that parses but does not fit this build. */
export function retrainFix(file: string): string {
  return `retrain it with "${TRAIN_COMMAND}" (or restore ${file} from git)`;
}

/** Names a shipped model file: `file` is its path inside the repository ("models/stance.json"). */
export interface ShippedModel<T> {
  component: string;
  model: string;
  path: string;
  file: string;
  /** Validates the parsed JSON; `where` names the file in its errors. */
  check: (value: unknown, where: string) => T;
}

/**
 * A loader that reads, parses and validates a shipped model file on first use and keeps it: the
 * three model loaders (stance, verdict, check-worthiness) and the calibration share it, and
 * with it the messages of a missing or corrupt file, which name `npm run train`.
 */
export function shippedModelLoader<T>(spec: ShippedModel<T>): () => T {
  let cached: T | undefined;
  return () => {
    if (cached !== undefined) return cached;
    const parsed = readModelJson({
      component: spec.component,
      model: spec.model,
      path: spec.path,
      missingFix: `restore ${spec.file} from git (or reinstall Verity), or rebuild it with "${TRAIN_COMMAND}"`,
      fix: retrainFix(spec.file),
    });
    cached = spec.check(parsed, JSON.stringify(spec.path));
    return cached;
  };
}
