// Back-off for clients that keep presenting wrong tokens or tickets: after `threshold` failures
// a client (its remote address) is refused with 429 and Retry-After for a time that doubles with
// every further failure, up to `maxMs`. Failures are counted (per client and in total) and
// logged: the first of a client, and every one that starts a block. A right token clears the
// client's count. The table of clients is bounded (the longest-quiet client is forgotten first).
import { VerityError, quote } from '../errors.js';

export const DEFAULT_AUTH_FAILURE_THRESHOLD = 10;
export const DEFAULT_AUTH_BACKOFF_BASE_MS = 1_000;
export const DEFAULT_AUTH_BACKOFF_MAX_MS = 15 * 60_000;
/** A client with no failure for this long starts again from zero (1 hour). */
export const AUTH_FAILURE_MEMORY_MS = 60 * 60_000;
const MAX_CLIENTS = 10_000;

export interface AuthBackoffOptions {
  /** Failures allowed before the first block (default 10). */
  threshold?: number;
  /** The first block, in ms (default 1 s); each further failure doubles it. */
  baseMs?: number;
  /** The longest block, in ms (default 15 minutes). */
  maxMs?: number;
  now?: () => number;
  log?: (line: string) => void;
}

interface ClientState {
  failures: number;
  lastFailure: number;
  blockedUntil: number;
}

export interface AuthBackoff {
  /** Milliseconds the client must still wait, or 0 when it may try. */
  blockedFor(client: string): number;
  /** Counts a failure; returns how long the client is now blocked (0: not yet). */
  fail(client: string): number;
  /** A right token: the client's failures are forgotten. */
  succeed(client: string): void;
  /** Failures counted since the server started, and clients blocked now. */
  stats(): { failures: number; blocked: number };
}

function positive(name: string, value: number | undefined, fallback: number): number {
  const v = value ?? fallback;
  if (!Number.isInteger(v) || v < 1) {
    throw new VerityError({ code: 'USAGE', component: 'serve', problem: `${name} must be a whole number of at least 1, got ${quote(String(v))}`, fix: `pass a positive ${name}, or leave it out for the default (${fallback})` });
  }
  return v;
}

export function createAuthBackoff(options: AuthBackoffOptions = {}): AuthBackoff {
  const threshold = positive('threshold', options.threshold, DEFAULT_AUTH_FAILURE_THRESHOLD);
  const baseMs = positive('baseMs', options.baseMs, DEFAULT_AUTH_BACKOFF_BASE_MS);
  const maxMs = positive('maxMs', options.maxMs, DEFAULT_AUTH_BACKOFF_MAX_MS);
  const now = options.now ?? Date.now;
  const log = options.log ?? (() => undefined);
  // A Map keeps insertion order: a client is re-inserted on each failure, so the first is the longest quiet.
  const clients = new Map<string, ClientState>();
  let total = 0;

  const current = (client: string, t: number): ClientState | undefined => {
    const s = clients.get(client);
    if (s && t - s.lastFailure > AUTH_FAILURE_MEMORY_MS && t >= s.blockedUntil) {
      clients.delete(client);
      return undefined;
    }
    return s;
  };

  return {
    blockedFor(client) {
      const t = now();
      const s = current(client, t);
      return s ? Math.max(0, s.blockedUntil - t) : 0;
    },
    fail(client) {
      const t = now();
      total++;
      const s = current(client, t) ?? { failures: 0, lastFailure: t, blockedUntil: 0 };
      s.failures++;
      s.lastFailure = t;
      clients.delete(client);
      clients.set(client, s);
      if (clients.size > MAX_CLIENTS) clients.delete(clients.keys().next().value!);
      if (s.failures === 1) log(`verity: [serve] a wrong access token or ticket from ${client} (${total} refused since start)`);
      if (s.failures < threshold) return 0;
      const ms = Math.min(maxMs, baseMs * 2 ** Math.min(s.failures - threshold, 30));
      s.blockedUntil = t + ms;
      log(`verity: [serve] ${s.failures} wrong access tokens or tickets from ${client}: refused (429) for ${Math.ceil(ms / 1000)} s (${total} refused since start)`);
      return ms;
    },
    succeed(client) {
      clients.delete(client);
    },
    stats() {
      const t = now();
      let blocked = 0;
      for (const s of clients.values()) if (s.blockedUntil > t) blocked++;
      return { failures: total, blocked };
    },
  };
}

/** The 429 problem and fix for a client blocked `ms` more milliseconds. */
export function backoffError(ms: number): VerityError {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  return new VerityError({
    code: 'TOO_MANY_REQUESTS',
    component: 'serve',
    problem: `too many wrong access tokens or tickets from this address; refused for ${seconds} more second${seconds === 1 ? '' : 's'}`,
    fix: `wait ${seconds} s (Retry-After), then send one of the server's tokens; each further wrong one doubles the wait`,
  });
}
