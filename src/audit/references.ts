// Tying an article's references to corpus sources: by normalised URL first, then by title.
import type { Source } from '../model.js';
import { normaliseTitle } from './reference-entry.js';
import { normaliseUrl } from './url.js';
import type { ArticleReference, ReferenceMatch } from './types.js';

/** A title long enough to match on its own: three words or more and 12 characters or more. */
function distinctive(title: string): boolean {
  return title.length >= 12 && title.split(' ').length >= 3;
}

/**
 * Match each reference to a corpus source. A URL match is exact after normalisation (scheme, www,
 * trailing slash, case, tracking parameters). A title match needs the source's normalised title to
 * equal the reference's title, or to appear whole in the reference's entry text (long titles only).
 */
export function matchReferences(references: readonly ArticleReference[], sources: readonly Source[]): ReferenceMatch[] {
  const byUrl = new Map<string, Source>();
  for (const s of sources) {
    const u = normaliseUrl(s.uri);
    if (u) byUrl.set(u, s);
  }
  const titled = sources.map((s) => ({ s, t: normaliseTitle(s.title) })).filter((x) => x.t !== '');
  return references.map((r) => {
    const none: ReferenceMatch = { n: r.n, sourceId: null, by: null, sourceTitle: null, sourceUri: null };
    const u = r.url ? normaliseUrl(r.url) : null;
    const hit = u ? byUrl.get(u) : undefined;
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
