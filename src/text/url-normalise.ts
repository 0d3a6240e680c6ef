// URL normalisation for matching addresses: an article's references to corpus sources, a store's
// address lookup (text/url-key.ts). Pure: no I/O.

const TRACKING = /^(?:utm_\w+|fbclid|gclid|dclid|gclsrc|msclkid|yclid|mc_cid|mc_eid|igshid|_ga|_gl|ref|ref_src|ref_url|spm|cmpid|campaign|src|source|share|s_cid|ocid|sr_share)$/i;

/**
 * A comparable form of a URL: no scheme, no "www.", no default port, no fragment, no tracking
 * parameters (utm_*, fbclid, gclid …), remaining parameters sorted, no trailing slash, lower case.
 * `http://WWW.Example.org/Report/?utm_source=x#p2` and `https://example.org/report` compare equal.
 * Returns null for text that is not an http(s) URL.
 */
export function normaliseUrl(raw: string): string | null {
  const trimmed = raw.trim().replace(/^<|>$/g, '').replace(/[.,;:)\]]+$/, '');
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (!url.hostname.includes('.')) return null;
  const host = url.hostname.toLowerCase().replace(/^www\d?\./, '');
  const port = url.port && url.port !== '80' && url.port !== '443' ? `:${url.port}` : '';
  let path = url.pathname;
  try {
    path = decodeURIComponent(path);
  } catch {
    // keep the encoded form
  }
  path = path.replace(/\/+$/, '').replace(/\/index\.html?$/i, '');
  const params = [...url.searchParams.entries()]
    .filter(([k]) => !TRACKING.test(k))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`);
  const query = params.length > 0 ? `?${params.join('&')}` : '';
  return `${host}${port}${path}${query}`.toLowerCase();
}

/** The first http(s) URL in a piece of text, as written, or null. */
export function findUrl(text: string): string | null {
  const m = /\bhttps?:\/\/[^\s<>"')\]]+/i.exec(text) ?? /\bwww\.[^\s<>"')\]]+/i.exec(text);
  return m ? m[0].replace(/[.,;:]+$/, '') : null;
}
