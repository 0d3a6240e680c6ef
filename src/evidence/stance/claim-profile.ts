// What stance and retrieval need to know about a claim, computed once per claim.
import type { Figure } from '../../model.js';
import { STOPWORDS, antonymsOf, extractFigures, stem, synonymsOf, tokenize } from '../../text/index.js';
import { CHANGE_WORDS, IRREGULAR_VERBS } from '../../text/figures/figure-words.js';
import { numberForms } from '../../text/figures/number-words.js';
import { isNegator, HEDGES, oppositesOf } from './cue-lexicon.js';
import { readYears } from '../figures/years.js';

export interface ClaimProfile {
  text: string;
  /** Distinct content stems, in order of first appearance. */
  terms: string[];
  /** Content stems in text order (with repeats), for aligning the claim with a sentence. */
  sequence: string[];
  /** Surface word of each term, for reasons. */
  words: Map<string, string>;
  /** Whether each term is written capitalised (a name) where it first appears. */
  capitals: Map<string, boolean>;
  /** Stems of WordNet synonyms of each term (single words only). */
  synonyms: Map<string, Set<string>>;
  /** Stems of words pointing the other way: WordNet antonyms and directional opposites. */
  opposites: Map<string, Set<string>>;
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
    // "U.K." and "UK" are one word (a dotted form that would read as a stopword, "U.S." → "us", keeps its dots).
    const dotless = /^(?:\p{L}\.)+\p{L}\.?$/u.test(t.lower) ? t.lower.replace(/\./g, '') : t.lower;
    const lower = STOPWORDS.has(dotless) ? t.lower : dotless;
    out.push({ stem: stem(lower), word: t.text, start: t.start, capital: /^\p{Lu}/u.test(t.text) });
  }
  return out;
}

/** Words of change one way (text/figures/figure-words.ts): "fell" is said by "decreased", "a reduction", "dropped". */
function changeWords(word: string): readonly string[] {
  return CHANGE_WORDS.up.includes(word) ? CHANGE_WORDS.up : CHANGE_WORDS.down.includes(word) ? CHANGE_WORDS.down : [];
}

function singleWordStems(words: string[], self: string): Set<string> {
  const out = new Set<string>();
  for (const w of words) if (!w.includes(' ')) {
    const s = stem(w);
    if (s !== self) out.add(s);
  }
  return out;
}

export function profileClaim(text: string): ClaimProfile {
  const stems = contentStems(text);
  const terms: string[] = [];
  const words = new Map<string, string>();
  const capitals = new Map<string, boolean>();
  const firstStart = tokenize(text)[0]?.start ?? 0;
  for (const s of stems) {
    if (!words.has(s.stem)) {
      words.set(s.stem, s.word);
      capitals.set(s.stem, s.capital && s.start !== firstStart);
      terms.push(s.stem);
    }
  }
  const synonyms = new Map<string, Set<string>>();
  const opposites = new Map<string, Set<string>>();
  for (const t of terms) {
    const w = (words.get(t) ?? t).toLowerCase();
    // "fell" is a form of "fall" (whose senses hold "decrease"); "four-day" is written "4-day" too.
    const lemma = IRREGULAR_VERBS.get(w);
    const forms = singleWordStems([...synonymsOf(w), ...(lemma ? [lemma, ...synonymsOf(lemma)] : []), ...numberForms(w), ...changeWords(w)], t);
    synonyms.set(t, forms);
    const opp = singleWordStems(antonymsOf(w), t);
    for (const o of oppositesOf(t)) opp.add(o);
    opposites.set(t, opp);
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
    sequence: stems.map((s) => s.stem),
    words,
    capitals,
    synonyms,
    opposites,
    bigrams,
    entities,
    entityText,
    figures: extractFigures(text).filter((f) => !isYear(f)),
    years: readYears(text),
    negated: lowers.some(isNegator),
    hedged: lowers.some((w) => HEDGES.has(w)),
  };
}

/** A bare four-digit year read as a figure: dates are compared separately. */
export function isYear(f: Figure): boolean {
  return f.unit === null && f.bound === '=' && Number.isInteger(f.value) && f.value >= 1800 && f.value <= 2100 && /^\d{4}$/.test(f.text.trim());
}
