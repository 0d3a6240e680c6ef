// The key under which a store files a source's addresses (uri and aliases) for lookup.
import { normaliseUrl } from './url-normalise.js';

/**
 * The comparable form of an address: `normaliseUrl(uri)` for an http(s) URL (or a bare
 * "host.tld/path"), else the uri itself, trimmed ("file:///a.txt", "docs/a.md" compare exactly).
 */
export function uriKey(uri: string): string {
  return normaliseUrl(uri) ?? uri.trim();
}

/**
 * A document's aliases as a store keeps them: trimmed, non-empty, without duplicates (same key)
 * and without any whose key is the uri's own, in first-seen order.
 */
export function cleanAliases(uri: string, aliases: readonly string[] | undefined): string[] {
  if (!aliases || aliases.length === 0) return [];
  const seen = new Set([uriKey(uri)]);
  const out: string[] = [];
  for (const raw of aliases) {
    const a = raw.trim();
    if (a === '') continue;
    const key = uriKey(a);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(a);
  }
  return out;
}
