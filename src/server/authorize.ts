// Who may make an /api request when the server has access tokens: a bearer token, a job ticket
// in the URL, or nobody (the anonymous health check); wrong ones are refused with 401 and
// counted by the back-off, which answers 429 once a client has failed too often.
import { HttpError } from './http/http-error.js';
import { backoffError } from './auth-backoff.js';
import type { AuthBackoff } from './auth-backoff.js';
import type { TokenCheck } from './access-tokens.js';
import type { TicketIssuer } from './job-ticket.js';

/** What the access check reads of a request. */
export interface Credentials {
  method: string;
  /** The Authorization header, if any. */
  authorization: string | undefined;
  /** Who the back-off is kept for: the remote address. */
  client: string;
}

/** Bearer-token access: the configured tokens, and the tickets that stand in for one in a URL. */
export interface HandlerAuth {
  tokens: TokenCheck;
  tickets: TicketIssuer;
  /** Back-off for clients that keep presenting wrong tokens or tickets (429 with Retry-After). */
  backoff: AuthBackoff;
}

/** The 401 answer: names what was wrong, never the token or ticket presented. */
function unauthorized(problem: string, fix: string, invalid: boolean): HttpError {
  return new HttpError(401, { code: 'UNAUTHORIZED', component: 'serve', problem, fix }, { 'www-authenticate': invalid ? 'Bearer realm="verity", error="invalid_token"' : 'Bearer realm="verity"' });
}

const TOKEN_FIX = 'send the header Authorization: Bearer <token> with one of the tokens in the server\'s --token-file (or $VERITY_SERVE_TOKENS)';

export type Access = 'token' | 'ticket' | 'anonymous';

/**
 * Who may make this /api request. A bearer token that matches → 'token'; a wrong one, or an
 * Authorization header of another scheme → 401. No header: a valid ?ticket= for the job of an
 * events or report URL → 'ticket'; GET /api/health → 'anonymous' (it then says only "ok"), and
 * GET /api/openapi.json (the API's description, no data);
 * anything else → 401.
 */
function checkCredentials(req: Credentials, url: URL, path: string, auth: HandlerAuth): Access {
  const header = req.authorization;
  if (header !== undefined) {
    const m = /^Bearer +(\S+) *$/i.exec(header);
    if (!m) throw unauthorized('the Authorization header is not of the form "Bearer <token>"', TOKEN_FIX, true);
    if (!auth.tokens.matches(m[1]!)) throw unauthorized('the access token sent is not one of this server\'s tokens', `${TOKEN_FIX}; ask whoever runs the server for a valid one`, true);
    return 'token';
  }
  if ((path === '/api/health' || path === '/api/openapi.json') && req.method === 'GET') return 'anonymous';
  const ticket = url.searchParams.get('ticket');
  const m = /^\/api\/jobs\/([^/]+)\/(events|report)$/.exec(path);
  if (ticket !== null && m && req.method === 'GET') {
    let id: string | null;
    try {
      id = decodeURIComponent(m[1]!);
    } catch {
      id = null;
    }
    if (id !== null && auth.tickets.verify(id, ticket)) return 'ticket';
    throw unauthorized('the ticket in the URL is not valid for this job or has expired (tickets last 10 minutes)', 'get a new one with POST /api/jobs/:id/ticket and the bearer token', true);
  }
  throw unauthorized(`${req.method} ${path} needs an access token and the request has none`, TOKEN_FIX, false);
}

/**
 * `checkCredentials` behind the back-off: a client blocked after repeated wrong tokens or
 * tickets gets 429 (Retry-After) whatever it sends; each 401 for a wrong one is counted.
 * A request with no credential at all is not a failed guess and is not counted.
 */
export function authorize(req: Credentials, url: URL, path: string, auth: HandlerAuth): Access {
  const client = req.client;
  const presents = req.authorization !== undefined || url.searchParams.has('ticket');
  if (presents) {
    const wait = auth.backoff.blockedFor(client);
    if (wait > 0) throw new HttpError(429, backoffError(wait), { 'retry-after': String(Math.max(1, Math.ceil(wait / 1000))) });
  }
  try {
    const access = checkCredentials(req, url, path, auth);
    if (access === 'token') auth.backoff.succeed(client);
    return access;
  } catch (e) {
    if (presents && e instanceof HttpError && e.status === 401) auth.backoff.fail(client);
    throw e;
  }
}
