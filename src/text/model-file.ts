// Shipped model files (JSON weights in models/): the parsing and shape checks every model
// validator shares (stance and verdict in evidence/, check-worthiness here). Pure: callers read
// the file; each validator keeps its own messages and decides what a failed check means.
import { VerityError } from '../errors.js';

/** Names a model file in errors: "the <model> model "<path>" …", reported by `component`. */
export interface ModelFileRef {
  component: string;
  /** Short name in messages: "stance", "verdict", "check-worthiness". */
  model: string;
  path: string;
  /** How to get a good file back (retrain command or restore from git). */
  fix: string;
}

/** Parses a model file's text; invalid JSON throws BAD_INPUT naming the file, the cause kept. */
export function parseModelJson(text: string, ref: ModelFileRef): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    throw new VerityError({ code: 'BAD_INPUT', component: ref.component, problem: `the ${ref.model} model ${JSON.stringify(ref.path)} is not valid JSON`, fix: ref.fix, cause });
  }
}

/** Whether `value` lists exactly `expected`, in order (feature or class names of this build). */
export function hasNames(value: unknown, expected: readonly string[]): boolean {
  return Array.isArray(value) && value.join(',') === expected.join(',');
}

/** Whether `value` is `rows` arrays of `columns` entries each, e.g. weights[class][bias + features]. */
export function hasMatrixShape(value: unknown, rows: number, columns: number): boolean {
  return Array.isArray(value) && value.length === rows && value.every((row) => Array.isArray(row) && row.length === columns);
}
