// How long to wait before the next attempt: the server's Retry-After when it gives one
// (seconds, or an HTTP date), else exponential backoff; both capped.

/** Milliseconds a Retry-After header asks for, or null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (value === null) return null;
  const v = value.trim();
  if (/^\d+(?:\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  const at = Date.parse(v);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now);
}

export interface BackoffPolicy {
  /** First delay (default 500 ms); doubled each attempt. */
  baseDelayMs: number;
  /** No wait is longer than this, whatever Retry-After says (default 30 s). */
  maxDelayMs: number;
}

/** The wait before attempt `attempt + 1` (attempt counts from 1). */
export function retryDelay(attempt: number, retryAfterMs: number | null, policy: BackoffPolicy): number {
  const backoff = policy.baseDelayMs * 2 ** (attempt - 1);
  return Math.min(policy.maxDelayMs, retryAfterMs ?? backoff);
}
