// Reading a request body with a byte cap counted as it streams (never buffering more than the
// cap), and reading its media type.
import type { IncomingMessage } from 'node:http';
import { quote } from '../errors.js';
import { HttpError } from './http-error.js';
import { continueBody } from './edge-limits.js';

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
export function requireMediaType(req: IncomingMessage, accepted: readonly string[], component: string): MediaType {
  const media = mediaType(req.headers['content-type']);
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

function tooLarge(limit: number, component: string, seen: string): HttpError {
  return new HttpError(
    413,
    { code: 'TOO_LARGE', component, problem: `the request body is ${seen}, more than the ${limit} bytes this server reads`, fix: `send at most ${limit} bytes (split a long article into parts)` },
    { connection: 'close' },
  );
}

/**
 * The body as UTF-8 text. Stops reading and throws a 413 as soon as more than `limit` bytes have
 * arrived (or a Content-Length above it is declared); the rest of the upload is discarded unread.
 */
export async function readBodyText(req: IncomingMessage, limit: number, component: string): Promise<string> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    throw tooLarge(limit, component, `${declared} bytes (Content-Length)`);
  }
  // A client waiting on `Expect: 100-continue` sends the body only now that it is wanted.
  continueBody(req);
  const chunks: Buffer[] = [];
  let size = 0;
  return new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        req.off('end', onEnd);
        chunks.length = 0;
        req.resume();
        reject(tooLarge(limit, component, `over ${limit} bytes`));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => {
      const buf = Buffer.concat(chunks, size);
      const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
      try {
        resolve(text.decode(buf));
      } catch {
        reject(new HttpError(400, { code: 'BAD_INPUT', component, problem: 'the request body is not valid UTF-8', fix: 'send the body encoded as UTF-8' }));
      }
    };
    req.on('data', onData);
    req.on('end', onEnd);
    // A client that goes away mid-upload: nothing will answer it, but the promise must settle.
    req.on('close', () => {
      if (!req.complete) reject(new HttpError(400, { code: 'BAD_INPUT', component, problem: 'the client closed the connection before the body was complete', fix: 'send the request again' }));
    });
    req.on('error', (e) => reject(new HttpError(400, { code: 'BAD_INPUT', component, problem: `the request body could not be read: ${e.message}`, fix: 'send the request again' })));
  });
}
