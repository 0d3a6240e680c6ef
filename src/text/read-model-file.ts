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
