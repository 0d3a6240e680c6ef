// How many hits a search returns: the same default, bounds and refusal on every engine.
import type { SearchOptions } from '../contracts.js';
import { VerityError } from '../errors.js';

export const DEFAULT_SEARCH_LIMIT = 10;
export const MAX_SEARCH_LIMIT = 10_000;

/** The limit `options` ask for (default DEFAULT_SEARCH_LIMIT); throws VerityError BAD_INPUT naming it when it is not a whole number from 1 to MAX_SEARCH_LIMIT. */
export function searchLimit(options: SearchOptions): number {
  const limit = options.limit ?? DEFAULT_SEARCH_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_SEARCH_LIMIT) {
    throw new VerityError({
      code: 'BAD_INPUT',
      component: 'search',
      problem: `limit ${String(limit)} is not a whole number from 1 to ${MAX_SEARCH_LIMIT}`,
      fix: `pass a limit between 1 and ${MAX_SEARCH_LIMIT}`,
    });
  }
  return limit;
}
