// Tying an article's references to corpus sources: by normalised URL first (a source's uri or
// any of its aliases, so a link that redirected when it was fetched still matches), then by title.
import type { Store } from '../../contracts.js';
import type { Source } from '../../model.js';
import { normaliseTitle } from './reference-entry.js';
import { normaliseUrl } from './url.js';
import type { ArticleReference, ReferenceMatch } from '../types.js';

/** A title long enough to match on its own: three words or more and 12 characters or more. */
function distinctive(title: string): boolean {
  return title.length >= 12 && title.split(' ').length >= 3;
}

/**
 * Match each reference to a corpus source. A URL match is exact after normalisation (scheme, www,
 * trailing slash, case, tracking parameters) against each source's uri, or, through `byUri` (the
 * store's findSourcesByUri answer, keyed by the references' URLs as written), against its uri or
 * aliases. A title match needs the source's normalised title to equal the reference's title, or
 * to appear whole in the reference's entry text (long titles only).
 */
export function matchReferences(references: readonly ArticleReference[], sources: readonly Source[], byUri?: ReadonlyMap<string, Source>): ReferenceMatch[] {
  const byUrl = new Map<string, Source>();
  for (const s of sources) {
    const u = normaliseUrl(s.uri);
    if (u) byUrl.set(u, s);
  }
  const titled = sources.map((s) => ({ s, t: normaliseTitle(s.title) })).filter((x) => x.t !== '');
  return references.map((r) => {
    const none: ReferenceMatch = { n: r.n, sourceId: null, by: null, sourceTitle: null, sourceUri: null };
    const u = r.url ? normaliseUrl(r.url) : null;
    const hit = u ? (byUrl.get(u) ?? (r.url ? byUri?.get(r.url) : undefined)) : undefined;
    if (hit) return { n: r.n, sourceId: hit.id, by: 'url', sourceTitle: hit.title, sourceUri: hit.uri };
    const title = r.title ? normaliseTitle(r.title) : '';
    const entry = ` ${normaliseTitle(r.text)} `;
    const exact = title !== '' ? titled.find((x) => x.t === title) : undefined;
    // The longest contained title wins ("Global survey" loses to "Global survey of drug laws").
    const contained = r.kind === 'numbered' ? titled.filter((x) => distinctive(x.t) && entry.includes(` ${x.t} `)).sort((a, b) => b.t.length - a.t.length)[0] : undefined;
    const t = exact ?? contained;
    return t ? { n: r.n, sourceId: t.s.id, by: 'title', sourceTitle: t.s.title, sourceUri: t.s.uri } : none;
  });
}

/**
 * matchReferences with the store's address lookup: a reference whose URL is a source's alias
 * (the link asked for before a redirect, say) matches that source. One lookup for all references.
 */
export async function matchReferencesInStore(store: Store, references: readonly ArticleReference[], sources: readonly Source[]): Promise<ReferenceMatch[]> {
  const urls = [...new Set(references.flatMap((r) => (r.url !== null && normaliseUrl(r.url) !== null ? [r.url] : [])))];
  const byUri = urls.length > 0 ? await store.findSourcesByUri(urls) : new Map<string, Source>();
  return matchReferences(references, sources, byUri);
}
