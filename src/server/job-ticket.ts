// Short-lived signed tickets: EventSource and an <iframe src> cannot send an Authorization
// header, so the page trades its bearer token for a ticket (POST /api/jobs/:id/ticket) and puts
// that in the URL of the job's event stream and report. A ticket is
// `<expiry ms>.<base64url HMAC-SHA256(secret, job id + "\n" + expiry)>` with a per-process random
// secret: it names one job, ends after `ttlMs`, and is worthless after a restart.
import crypto from 'node:crypto';

/** Tickets last 10 minutes unless told otherwise. */
export const DEFAULT_TICKET_TTL_MS = 10 * 60 * 1000;

export interface TicketIssuer {
  /** A ticket for job `id`, with its expiry (ms since the epoch). */
  issue(id: string): { ticket: string; expiresAt: number };
  /** True when `ticket` was issued by this issuer for job `id` and has not expired. */
  verify(id: string, ticket: string): boolean;
}

export function createTicketIssuer(options: { ttlMs?: number; now?: () => number } = {}): TicketIssuer {
  const secret = crypto.randomBytes(32);
  const ttl = options.ttlMs ?? DEFAULT_TICKET_TTL_MS;
  const now = options.now ?? Date.now;
  const sign = (id: string, expiry: string): Buffer => crypto.createHmac('sha256', secret).update(`${id}\n${expiry}`, 'utf8').digest();
  return {
    issue(id) {
      const expiresAt = now() + ttl;
      return { ticket: `${expiresAt}.${sign(id, String(expiresAt)).toString('base64url')}`, expiresAt };
    },
    verify(id, ticket) {
      const m = /^(\d{1,16})\.([A-Za-z0-9_-]{43})$/.exec(ticket);
      if (!m) return false;
      const expiry = m[1]!;
      const given = Buffer.from(m[2]!, 'base64url');
      const ok = given.length === 32 && crypto.timingSafeEqual(given, sign(id, expiry));
      return ok && Number(expiry) > now();
    },
  };
}
