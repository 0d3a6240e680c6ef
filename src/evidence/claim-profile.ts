// What stance and retrieval need to know about a claim, computed once per claim.
import type { Figure } from '../model.js';
import { STOPWORDS, stem, tokenize } from '../text/tokens.js';
import { isNegator, HEDGES } from './cue-lexicon.js';
import { readFigures, readYears } from './figure-reader.js';

export interface ClaimProfile {
  text: string;
  /** Distinct content stems, in order of first appearance. */
  terms: string[];
  /** Adjacent content-stem pairs ("a|b"). */
  bigrams: string[];
  /** Stems of names, acronyms and numbers-with-letters: words a passage must share to be about the same thing. */
  entities: string[];
  /** Surface forms of the entities, for reasons. */
  entityText: Map<string, string>;
  figures: Figure[];
  years: number[];
  negated: boolean;
  hedged: boolean;
}

/** Content stems of a text with their surface forms (first seen). */
export function contentStems(text: string): Array<{ stem: string; word: string; start: number; capital: boolean }> {
  const out: Array<{ stem: string; word: string; start: number; capital: boolean }> = [];
  for (const t of tokenize(text)) {
    if (STOPWORDS.has(t.lower) || isNegator(t.lower)) continue;
    if (/^\d+(?:[.,]\d+)*$/.test(t.text)) continue; // numbers are compared as figures
    out.push({ stem: stem(t.lower), word: t.text, start: t.start, capital: /^\p{Lu}/u.test(t.text) });
  }
  return out;
}

export function profileClaim(text: string): ClaimProfile {
  const stems = contentStems(text);
  const terms: string[] = [];
  const seen = new Set<string>();
  for (const s of stems) {
    if (!seen.has(s.stem)) {
      seen.add(s.stem);
      terms.push(s.stem);
    }
  }
  const bigrams: string[] = [];
  for (let i = 1; i < stems.length; i++) bigrams.push(`${stems[i - 1]!.stem}|${stems[i]!.stem}`);
  const entities: string[] = [];
  const entityText = new Map<string, string>();
  const firstWordStart = tokenize(text)[0]?.start ?? 0;
  for (const s of stems) {
    const acronym = /^[A-Z0-9-]{2,}$/.test(s.word) && /[A-Z]/.test(s.word);
    const name = s.capital && s.start !== firstWordStart;
    const mixed = /\d/.test(s.word) && /\p{L}/u.test(s.word);
    if ((acronym || name || mixed) && !entityText.has(s.stem)) {
      entities.push(s.stem);
      entityText.set(s.stem, s.word);
    }
  }
  const lowers = tokenize(text).map((t) => t.lower);
  return {
    text,
    terms,
    bigrams,
    entities,
    entityText,
    figures: readFigures(text),
    years: readYears(text),
    negated: lowers.some(isNegator),
    hedged: lowers.some((w) => HEDGES.has(w)),
  };
}
