// Fetching a URL safely, for ingestion and for web search.
//
// Contract (what every caller can rely on):
// - only http: and https: URLs are fetched;
// - the host is resolved once per hop and EVERY resolved address is checked against the
//   address policy (address-policy.ts: loopback, private, link-local, CGNAT, multicast,
//   unspecified, IPv4-mapped IPv6 … are refused); the connection is then pinned to the
//   checked addresses through a custom `lookup`, so a DNS answer that changes between the check
//   and the connect (DNS rebinding) cannot reach another address;
// - redirects are followed by hand, at most `maxRedirects`, each hop checked again;
// - one deadline (`timeoutMs`) covers every hop and the whole body;
// - the body is streamed and the fetch aborted once it passes `maxBytes` (decompressed size
//   counts, so a compressed bomb is stopped too); a Content-Length over the cap is refused
//   before reading;
// - only the allowed content types are read (media-types.ts), checked from the headers;
// - every failure is a VerityError with component "web" naming the URL and the fix; nothing
//   else escapes. `retryable` is true for timeouts, 429 and 5xx answers.
//
// `allowPrivate` (or VERITY_WEB_ALLOW_PRIVATE=1 read by the CLI) lifts the address check: it
// is for tests and intranets only. `trustedHosts` lifts it for named hosts only (a search
// engine the user configured on localhost); a redirect to another host is checked as usual.
import { lookup as dnsLookup } from 'node:dns/promises';
import type { LookupAddress, LookupOptions } from 'node:dns';
import * as http from 'node:http';
import * as https from 'node:https';
import { isIP } from 'node:net';
import * as tls from 'node:tls';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Readable } from 'node:stream';
import { VerityError, quote } from '../errors.js';
import { ENGINE_VERSION } from '../version.js';
import { addressRefusal } from './address-policy.js';
import { MEDIA_KINDS, acceptHeader, kindOfMediaType, parseContentType, sniffKind, type MediaKind } from './media-types.js';

export const DEFAULT_WEB_MAX_BYTES = 20 * 1024 * 1024;
export const DEFAULT_WEB_TIMEOUT_MS = 20_000;
export const DEFAULT_MAX_REDIRECTS = 5;
export const DEFAULT_USER_AGENT = `Verity/${ENGINE_VERSION} (offline-first fact-check engine; +https://github.com/verity-factcheck/verity)`;

/** Resolves a host name to its addresses (all of them). Injected in tests. */
export type Resolver = (hostname: string) => Promise<LookupAddress[]>;

export interface SafeFetchOptions {
  /** Connect to private, loopback … addresses too. For tests and intranets only. Default false. */
  allowPrivate?: boolean;
  /** Host names (as in the URL, lower case) exempt from the address check, e.g. a local search engine. */
  trustedHosts?: readonly string[];
  /** Redirects followed before giving up (default 5). */
  maxRedirects?: number;
  /** Deadline for the whole fetch, every hop and the body included (default 20 000 ms). */
  timeoutMs?: number;
  /** Largest body read, after decompression (default 20 MB). */
  maxBytes?: number;
  /** Content kinds accepted (default all of MEDIA_KINDS). */
  accept?: readonly MediaKind[];
  /** User-Agent header (default names Verity and its version). */
  userAgent?: string;
  /** DNS resolver (default the system's, every address). */
  resolve?: Resolver;
  /** Cancels the fetch. */
  signal?: AbortSignal;
  /** Extra CA certificates (PEM) trusted for https, added to the system's: an intranet's private CA, or a test's. */
  ca?: string | readonly string[];
}

export interface FetchedResource {
  /** The URL asked for. */
  requestedUrl: string;
  /** The URL the body came from, after redirects. */
  url: string;
  status: number;
  /** Lower-case media type from the Content-Type header ("" when missing). */
  mediaType: string;
  /** How the body should be read. */
  kind: MediaKind;
  charset: string | null;
  body: Buffer;
  /** Every URL redirected to, in order. */
  redirects: string[];
  /** The IP address the final response came from. */
  address: string;
}

/** A URL for messages: credentials removed. */
export function shownUrl(url: string | URL): string {
  try {
    const u = new URL(String(url));
    u.username = '';
    u.password = '';
    return u.href;
  } catch {
    return String(url);
  }
}

function webError(code: string, url: string | URL, problem: string, fix: string, extra: { retryable?: boolean; cause?: unknown } = {}): VerityError {
  return new VerityError({ code, component: 'web', problem: `cannot fetch ${quote(shownUrl(url), 200)}: ${problem}`, fix, ...extra });
}

const PRIVATE_FIX = 'Verity fetches only public addresses; for a test server or an intranet set VERITY_WEB_ALLOW_PRIVATE=1 (library: allowPrivate: true)';

/** Parses and checks the scheme of a URL given by a user or a document. */
export function parseWebUrl(input: string): URL {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw webError('BAD_INPUT', input, 'not a valid URL', 'write a full URL such as https://example.org/page');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw webError('UNSUPPORTED', input, `the scheme ${quote(url.protocol.replace(/:$/, ''))} is not fetched`, 'use an http:// or https:// URL (local files are ingested by path)');
  }
  return url;
}

async function defaultResolve(hostname: string): Promise<LookupAddress[]> {
  return dnsLookup(hostname, { all: true, verbatim: true });
}

/** The addresses a hop may connect to, after the policy check. Throws when any is refused. */
async function checkedAddresses(url: URL, options: SafeFetchOptions, signal: AbortSignal): Promise<LookupAddress[]> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: LookupAddress[];
  const family = isIP(host);
  if (family !== 0) addresses = [{ address: host, family }];
  else {
    try {
      addresses = await untilAborted((options.resolve ?? defaultResolve)(host), signal);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if ((e as Error).name === 'AbortError') throw e;
      if (code === 'ENOTFOUND' || code === 'ENODATA') throw webError('NOT_FOUND', url, `the host ${quote(host)} does not resolve`, 'check the spelling of the host name and your network', { cause: e });
      throw webError('IO', url, `resolving ${quote(host)} failed (${code ?? (e as Error).message})`, 'check your network and DNS, then retry', { retryable: true, cause: e });
    }
    if (addresses.length === 0) throw webError('NOT_FOUND', url, `the host ${quote(host)} has no addresses`, 'check the host name');
  }
  const trusted = (options.trustedHosts ?? []).some((h) => h.toLowerCase() === host.toLowerCase());
  if (!options.allowPrivate && !trusted) {
    for (const a of addresses) {
      const why = addressRefusal(a.address);
      if (why !== null) {
        const via = a.address === host ? '' : ` (${quote(host)} resolves to ${a.address})`;
        throw webError('REFUSED', url, `the address ${a.address} is ${why}${via}, and Verity does not connect to non-public addresses`, PRIVATE_FIX);
      }
    }
  }
  return addresses;
}

/** The promise's value, or an AbortError as soon as the signal fires (a slow DNS answer cannot outlive the deadline). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(Object.assign(new Error('aborted'), { name: 'AbortError' }));
  return new Promise<T>((resolvePromise, reject) => {
    const onAbort = (): void => reject(Object.assign(new Error('aborted'), { name: 'AbortError' }));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolvePromise(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}

/** A `lookup` that answers only with the checked addresses: the connection cannot be re-resolved elsewhere. */
function pinnedLookup(checked: LookupAddress[]) {
  const first = checked[0] as LookupAddress;
  return (_hostname: string, options: LookupOptions | number, callback: (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void): void => {
    if (typeof options === 'object' && options.all) callback(null, checked);
    else callback(null, first.address, first.family);
  };
}

function request(url: URL, checked: LookupAddress[], headers: Record<string, string>, signal: AbortSignal, ca: readonly string[] | undefined): Promise<http.IncomingMessage> {
  return new Promise((resolvePromise, reject) => {
    const mod = url.protocol === 'https:' ? https : http;
    const req = mod.request(
      {
        ...(ca && url.protocol === 'https:' ? { ca: [...tls.rootCertificates, ...ca] } : {}),
        protocol: url.protocol,
        hostname: url.hostname.replace(/^\[|\]$/g, ''),
        port: url.port || undefined,
        path: `${url.pathname}${url.search}`,
        method: 'GET',
        headers,
        agent: false,
        lookup: pinnedLookup(checked),
        signal,
      },
      resolvePromise,
    );
    req.on('error', reject);
    req.end();
  });
}

function decoded(res: http.IncomingMessage, url: URL): Readable {
  const enc = String(res.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  if (enc === 'identity' || enc === '') return res;
  if (enc === 'gzip' || enc === 'x-gzip') return res.pipe(createGunzip());
  if (enc === 'deflate') return res.pipe(createInflate());
  if (enc === 'br') return res.pipe(createBrotliDecompress());
  res.destroy();
  throw webError('UNSUPPORTED', url, `the server sent an unknown content encoding ${quote(enc)}`, 'ask the server for an uncompressed or gzip response');
}

async function readCapped(res: http.IncomingMessage, url: URL, maxBytes: number): Promise<Buffer> {
  const stream = decoded(res, url);
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      const b = chunk as Buffer;
      total += b.length;
      if (total > maxBytes) {
        res.destroy();
        stream.destroy();
        throw webError('TOO_LARGE', url, `the body passed the ${maxBytes}-byte limit while reading`, `raise the limit (--max-bytes, or maxBytes) if the document is really that large`);
      }
      chunks.push(b);
    }
  } catch (e) {
    if (e instanceof VerityError) throw e;
    if ((e as NodeJS.ErrnoException).code?.startsWith('Z_')) throw webError('BAD_INPUT', url, `the compressed body is damaged (${(e as Error).message})`, 'retry; if it persists the server is sending broken data', { cause: e });
    throw e;
  }
  return Buffer.concat(chunks);
}

/** A non-2xx answer: the status is a field, so callers (a search adapter on 403) never read the message. */
export class HttpStatusError extends VerityError {
  readonly status: number;
  readonly url: string;
  constructor(url: URL, status: number, statusText: string | undefined) {
    const label = `${status}${statusText ? ` ${statusText}` : ''}`;
    const [code, fix, retryable] =
      status === 404 || status === 410
        ? ['NOT_FOUND', 'check the URL; the page may have moved or been removed', false]
        : status === 401 || status === 403
          ? ['HTTP', 'the page needs a login or refuses robots; save it from a browser and ingest the file', false]
          : status === 429
            ? ['HTTP', 'wait and retry, or fetch fewer pages at a time', true]
            : status >= 500
              ? ['HTTP', 'retry later; the server has a problem', true]
              : ['HTTP', 'check the URL', false];
    super({ code, component: 'web', problem: `cannot fetch ${quote(shownUrl(url), 200)}: the server answered ${label}${status === 429 ? ' (rate limited)' : ''}`, fix, retryable });
    this.status = status;
    this.url = shownUrl(url);
  }
}

function networkError(e: unknown, url: URL, timedOut: boolean, timeoutMs: number): VerityError {
  if (e instanceof VerityError) return e;
  if (timedOut) return webError('TIMEOUT', url, `no complete answer within ${timeoutMs} ms`, 'retry, or raise the timeout (timeoutMs) for a slow server', { retryable: true, cause: e });
  const err = e as NodeJS.ErrnoException;
  if (err.name === 'AbortError') return webError('ABORTED', url, 'the fetch was cancelled', 'run it again', { cause: e });
  const code = err.code ?? '';
  if (code === 'ECONNREFUSED') return webError('IO', url, 'the connection was refused', 'check the host and port, and that the server is running', { retryable: true, cause: e });
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'ECONNABORTED') return webError('IO', url, `the connection was cut (${code})`, 'retry', { retryable: true, cause: e });
  if (/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code)) return webError('IO', url, `the TLS certificate could not be verified (${code})`, 'check the URL; Verity does not fetch from servers with invalid certificates');
  if (code === 'HPE_HEADER_OVERFLOW' || code.startsWith('HPE_')) return webError('BAD_INPUT', url, `the server sent a malformed HTTP response (${code})`, 'check the URL points at a web server');
  return webError('IO', url, `${err.message || String(e)}${code ? ` (${code})` : ''}`, 'check your network and retry', { retryable: true, cause: e });
}

/** Fetches a URL under the rules above. Throws VerityError (component "web") for every failure. */
export async function safeFetch(input: string, options: SafeFetchOptions = {}): Promise<FetchedResource> {
  const first = parseWebUrl(input);
  const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const timeoutMs = options.timeoutMs ?? DEFAULT_WEB_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? DEFAULT_WEB_MAX_BYTES;
  const accept = options.accept ?? MEDIA_KINDS;
  const headers: Record<string, string> = {
    'user-agent': options.userAgent ?? DEFAULT_USER_AGENT,
    accept: acceptHeader(accept),
    'accept-encoding': 'gzip, deflate, br',
  };
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onOuterAbort = (): void => controller.abort();
  if (options.signal?.aborted) controller.abort();
  options.signal?.addEventListener('abort', onOuterAbort, { once: true });
  const redirects: string[] = [];
  let url = first;
  try {
    for (;;) {
      const addresses = await checkedAddresses(url, options, controller.signal);
      let res: http.IncomingMessage;
      try {
        res = await request(url, addresses, headers, controller.signal, options.ca === undefined ? undefined : typeof options.ca === 'string' ? [options.ca] : options.ca);
      } catch (e) {
        throw networkError(e, url, timedOut, timeoutMs);
      }
      const status = res.statusCode ?? 0;
      const location = res.headers.location;
      if ([301, 302, 303, 307, 308].includes(status) && location) {
        res.resume();
        res.destroy();
        let next: URL;
        try {
          next = new URL(location, url);
        } catch {
          throw webError('BAD_INPUT', url, `the server redirected to an invalid URL ${quote(location)}`, 'check the URL');
        }
        if (redirects.length >= maxRedirects) {
          throw webError('REFUSED', first, `more than ${maxRedirects} redirects (last to ${quote(shownUrl(next), 200)})`, 'open the URL in a browser and ingest the final address; or raise maxRedirects');
        }
        if (next.protocol !== 'http:' && next.protocol !== 'https:') {
          throw webError('REFUSED', url, `the server redirected to a ${quote(next.protocol.replace(/:$/, ''))} URL`, 'Verity follows redirects to http and https only');
        }
        redirects.push(next.href);
        url = next;
        continue;
      }
      if (status < 200 || status >= 300) {
        res.destroy();
        throw new HttpStatusError(url, status, res.statusMessage);
      }
      const ct = parseContentType(res.headers['content-type']);
      const declared = kindOfMediaType(ct.mediaType);
      const generic = ct.mediaType === '' || ct.mediaType === 'application/octet-stream' || ct.mediaType === 'binary/octet-stream';
      if (!generic && (declared === null || !accept.includes(declared))) {
        res.destroy();
        throw webError('UNSUPPORTED', url, `the content type ${quote(ct.mediaType)} is not read`, `Verity reads ${accept.join(', ')}; save the document in one of those formats and ingest the file`);
      }
      const length = Number(res.headers['content-length']);
      if (Number.isFinite(length) && length > maxBytes && !res.headers['content-encoding']) {
        res.destroy();
        throw webError('TOO_LARGE', url, `it is ${length} bytes, over the ${maxBytes}-byte limit`, 'raise the limit (--max-bytes, or maxBytes) if the document is really that large');
      }
      let body: Buffer;
      try {
        body = await readCapped(res, url, maxBytes);
      } catch (e) {
        throw networkError(e, url, timedOut, timeoutMs);
      }
      let kind = declared;
      if (generic) {
        kind = sniffKind(body);
        if (kind === null || !accept.includes(kind)) {
          throw webError('UNSUPPORTED', url, `the content type is ${ct.mediaType ? quote(ct.mediaType) : 'not stated'} and the body is not a PDF or HTML page`, `Verity reads ${accept.join(', ')}; save the document in one of those formats and ingest the file`);
        }
      }
      const address = res.socket?.remoteAddress ?? (addresses[0] as LookupAddress).address;
      return { requestedUrl: first.href, url: url.href, status, mediaType: ct.mediaType, kind: kind as MediaKind, charset: ct.charset, body, redirects, address };
    }
  } catch (e) {
    throw networkError(e, url, timedOut, timeoutMs);
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onOuterAbort);
  }
}
