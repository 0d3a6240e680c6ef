// A search engine's endpoint from a base URL the user gave: checked like any URL, with a default
// path appended when only the site was given, and its host trusted for the engine's own calls.
import { VerityError, quote } from '../errors.js';
import { parseWebUrl, type SafeFetchOptions } from './safe-fetch.js';

/** The endpoint URL: `base` as given, or with `defaultPath` when it names only the site ("/" path). */
export function endpointUrl(base: string, defaultPath: string, engine: string): URL {
  let url: URL;
  try {
    url = parseWebUrl(base);
  } catch (e) {
    if (!(e instanceof VerityError)) throw e;
    throw new VerityError({ code: 'USAGE', component: 'web', problem: `the ${engine} URL ${quote(base)} is not an http(s) URL`, fix: `give the ${engine} address, e.g. ${defaultPath === '/search' ? 'http://localhost:8888' : 'https://en.wikipedia.org'}` });
  }
  if (url.pathname === '/' || url.pathname === '') url.pathname = defaultPath;
  return url;
}

/** Fetch options for calls to the engine itself: its host is trusted (it may be a local service). */
export function endpointFetchOptions(endpoint: URL, web: SafeFetchOptions | undefined): SafeFetchOptions {
  return { ...web, trustedHosts: [...(web?.trustedHosts ?? []), endpoint.hostname.replace(/^\[|\]$/g, '')], accept: ['json'] };
}

/** Parses a JSON API answer, naming the engine and URL when it is not JSON. */
export function parseApiJson(body: Buffer, engine: string, url: string): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch (e) {
    throw new VerityError({ code: 'UPSTREAM', component: 'web', problem: `the ${engine} answer from ${quote(url, 200)} is not valid JSON (${(e as Error).message})`, fix: `check the ${engine} URL points at its API`, retryable: true });
  }
}
