// The JSON text of a job's result, when whoever made the result already has it (a job thread
// sends a large audit as JSON text, in parts): the journal then writes that text as it is rather
// than serialising the result again in the request thread (for a 25,000-claim audit, 33 MB and
// most of a second).
const known = new WeakMap<object, string>();

/** Records that `json` is the JSON text of `value` (JSON.parse(json) deep-equals it). */
export function rememberJson(value: object, json: string): void {
  known.set(value, json);
}

/** The JSON text recorded for `value`, if any. */
export function knownJson(value: unknown): string | undefined {
  return typeof value === 'object' && value !== null ? known.get(value) : undefined;
}
