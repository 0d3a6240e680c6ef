// The body of a POST: its media type checked first (415), `Expect: 100-continue` answered only
// once the body is wanted, its size capped by hono/body-limit (413 by Content-Length before a
// byte is read, or counted while a chunked body streams), then read as strict UTF-8.
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { quote } from '../../errors.js';
import { HttpError } from './http-error.js';
import type { ServerEnv } from './server-env.js';

export interface MediaType {
  /** Lower-cased type/subtype, e.g. "application/json"; "" when the header is missing. */
  type: string;
  /** Lower-cased charset parameter, or null. */
  charset: string | null;
}

export function mediaType(header: string | undefined): MediaType {
  if (!header) return { type: '', charset: null };
  const [head, ...params] = header.split(';');
  let charset: string | null = null;
  for (const p of params) {
    const m = /^\s*charset\s*=\s*"?([^";\s]+)"?\s*$/i.exec(p);
    if (m) charset = m[1]!.toLowerCase();
  }
  return { type: (head ?? '').trim().toLowerCase(), charset };
}

/** Refuses a media type not in `accepted`, or a charset other than UTF-8 (415). */
export function requireMediaType(header: string | undefined, accepted: readonly string[], component: string): MediaType {
  const media = mediaType(header);
  if (!accepted.includes(media.type)) {
    throw new HttpError(415, {
      code: 'UNSUPPORTED',
      component,
      problem: media.type === '' ? 'the request has no Content-Type' : `the Content-Type ${quote(media.type)} is not accepted here`,
      fix: `send the body as ${accepted.join(', ')}`,
    });
  }
  if (media.charset !== null && media.charset !== 'utf-8' && media.charset !== 'utf8' && media.charset !== 'us-ascii') {
    throw new HttpError(415, { code: 'UNSUPPORTED', component, problem: `the charset ${quote(media.charset)} is not supported`, fix: 'send the body encoded as UTF-8 (charset=utf-8)' });
  }
  return media;
}

/** The Content-Length a request declares (null when it has none, or streams chunked). */
function declaredLength(c: Context): number | null {
  const length = c.req.header('content-length');
  if (length === undefined || c.req.header('transfer-encoding') !== undefined) return null;
  const n = Number(length);
  return Number.isFinite(n) ? n : null;
}

function tooLarge(limit: number, component: string, seen: string): HttpError {
  return new HttpError(
    413,
    { code: 'TOO_LARGE', component, problem: `the request body is ${seen}, more than the ${limit} bytes this server reads`, fix: `send at most ${limit} bytes (split a long article into parts)` },
    { connection: 'close' },
  );
}

/**
 * The checks before a body is read, as middleware for a POST route: its media type (415), then
 * "100 Continue" for a client that waits for it — unless its Content-Length is over the cap,
 * which hono/body-limit then refuses (413) without asking for the body — then the cap itself.
 */
export function bodyChecks(accepted: readonly string[], maxBytes: number, component: string): [MiddlewareHandler<ServerEnv>, MiddlewareHandler] {
  const media: MiddlewareHandler<ServerEnv> = async (c, next) => {
    requireMediaType(c.req.header('content-type'), accepted, component);
    const declared = declaredLength(c);
    if (c.req.header('expect')?.toLowerCase() === '100-continue' && (declared === null || declared <= maxBytes)) c.env.outgoing.writeContinue();
    await next();
  };
  const limit = bodyLimit({
    maxSize: maxBytes,
    onError: (c) => {
      const declared = declaredLength(c);
      throw tooLarge(maxBytes, component, declared !== null ? `${declared} bytes (Content-Length)` : `over ${maxBytes} bytes`);
    },
  });
  return [media, limit];
}

/** The body (already capped by `bodyChecks`) as UTF-8 text; 400 when it is not UTF-8 or the client left mid-upload. */
export async function bodyText(c: Context<ServerEnv>, component: string): Promise<string> {
  let bytes: ArrayBuffer;
  try {
    bytes = await c.req.arrayBuffer();
  } catch (e) {
    const closed = !c.env.incoming.complete;
    throw new HttpError(400, {
      code: 'BAD_INPUT',
      component,
      problem: closed ? 'the client closed the connection before the body was complete' : `the request body could not be read: ${(e as Error).message}`,
      fix: 'send the request again',
    });
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new HttpError(400, { code: 'BAD_INPUT', component, problem: 'the request body is not valid UTF-8', fix: 'send the body encoded as UTF-8' });
  }
}
