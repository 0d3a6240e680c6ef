// One reading of a whole-number flag (--port, --limit, --concurrency, --web-limit, --fetch-limit …)
// for every command: digits only, within [min, max], else a usage error naming the flag and value.
import { VerityError, quote } from '../errors.js';

/** The number `text` gives for `--flag`; throws USAGE (component, flag, value, `fix`) unless it is all digits from min to max. */
export function wholeFlag(component: string, flag: string, text: string, min: number, max: number, fix: string): number {
  const n = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new VerityError({ code: 'USAGE', component, problem: `--${flag} ${quote(text)} is not a whole number from ${min} to ${max}`, fix });
  }
  return n;
}

/** `wholeFlag` for an optional flag value: undefined when the flag was not given; the fix names the range. */
export function optionalWholeFlag(component: string, flag: string, value: string | boolean | string[] | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  return wholeFlag(component, flag, String(value), min, max, `pass --${flag} N with ${min} ≤ N ≤ ${max}`);
}
