// Acronyms the sources define ("child sexual abuse material (CSAM)"), so a sentence that says
// "CSAM" counts as covering "child sexual abuse material" when sentences are scored.
import { contentTerms, stem } from '../../text/index.js';

const DEFINITION = /\(([A-Z][A-Z&]{1,9})s?\)/g;
const SKIPPABLE = new Set(['of', 'and', 'the', 'for', 'on', 'in', '&', 'to', 'a']);

/** Acronym (stemmed, lower case) → the content terms of its expansion, read from the texts. */
export function acronymsIn(texts: Iterable<string>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [acronym, phrase] of acronymPhrases(texts)) out.set(stem(acronym.toLowerCase()), contentTerms(phrase));
  return out;
}

/** Acronym as written ("CSAM") → its expansion as written ("child sexual abuse material"). */
export function acronymPhrases(texts: Iterable<string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const text of texts) {
    for (const m of text.matchAll(DEFINITION)) {
      const acronym = (m[1] ?? '').replace(/&/g, '');
      const before = text.slice(Math.max(0, (m.index ?? 0) - 120), m.index ?? 0).split(/\s+/).filter((w) => w !== '');
      // Walk back from the parenthesis, matching the acronym's letters from the last one.
      let i = acronym.length - 1;
      let k = before.length - 1;
      const taken: string[] = [];
      while (k >= 0 && i >= 0) {
        const w = (before[k] ?? '').replace(/[^\p{L}&]/gu, '');
        if (w === '') break;
        if (w[0]?.toLowerCase() === acronym[i]?.toLowerCase()) {
          taken.unshift(w);
          i--;
        } else if (SKIPPABLE.has(w.toLowerCase()) && taken.length > 0) {
          taken.unshift(w);
        } else break;
        k--;
      }
      if (i < 0 && taken.length >= 2 && !out.has(acronym)) out.set(acronym, taken.join(' '));
    }
  }
  return out;
}

/** The terms with every known acronym's expansion added. */
export function withExpansions(terms: Iterable<string>, acronyms: ReadonlyMap<string, readonly string[]>): Set<string> {
  const out = new Set<string>(terms);
  for (const t of [...out]) for (const e of acronyms.get(t) ?? []) out.add(e);
  return out;
}
