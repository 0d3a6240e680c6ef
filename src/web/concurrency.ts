// A polite concurrency limit: at most `limit` calls in flight, results in input order.

/** Maps items through `fn` with at most `limit` calls running at once. Rejects as soon as one call rejects. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i] as T, i);
    }
  };
  const n = Math.max(1, Math.min(Math.floor(limit) || 1, items.length));
  await Promise.all(Array.from({ length: n }, worker));
  return results;
}

/** Default number of pages fetched at once from the web: low, to be polite to servers. */
export const DEFAULT_WEB_CONCURRENCY = 2;
