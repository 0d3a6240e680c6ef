// Commas inside a noun phrase. Coordinate adjectives are written with a comma between them ("the
// previously pristine, 430-mile northern stretch"): that comma joins two descriptions of one noun,
// it does not end a clause, so a figure read before it keeps the words after it and the reverse.
import type { Figure } from '../../model.js';
import { hasSense } from '../words/lexicon.js';

/** A determiner opening the noun phrase, then up to two words, then the adjective before the comma. */
const BEFORE = /\b(?:the|a|an|its|their|this|that|these|those|his|her|our|whose)\s+(?:[\p{Ll}'’-]+\s+){0,2}?(\p{Ll}[\p{Ll}-]*)\s*$/u;
/** After the comma: an optional adverb, a size written as a compound ("430-mile") or a word, then the rest of the phrase. */
const AFTER = /^,\s*(?:\p{Ll}+ly\s+)?(?:(\d[\d,.]*-\p{L}+)|(\p{Ll}[\p{Ll}-]*))\s+((?:\p{Ll}[\p{Ll}-]*)(?:\s+\p{Ll}[\p{Ll}-]*){0,2})/u;
const FUNCTION = /^(?:and|or|but|so|which|who|that|while|as|the|a|an|of|in|on|at|to|for|with|by|from|is|are|was|were|has|have|had|will|would|said|says)$/;

/**
 * Is the comma at `at` one between coordinate adjectives before their noun? The word before it
 * is an adjective inside a phrase opened by a determiner; the word after it is an adjective or a
 * size compound, and a noun follows within three words.
 */
export function isAdjectiveComma(text: string, at: number): boolean {
  if (text[at] !== ',') return false;
  const before = BEFORE.exec(text.slice(Math.max(0, at - 60), at));
  const adjective = before?.[1];
  if (adjective === undefined || FUNCTION.test(adjective) || !hasSense(adjective, 'adj') || /ly$/.test(adjective)) return false;
  const after = AFTER.exec(text.slice(at, at + 80));
  if (!after) return false;
  const [, size, word, rest] = after;
  if (word !== undefined && (FUNCTION.test(word) || !hasSense(word, 'adj'))) return false;
  if (size === undefined && word === undefined) return false;
  // A noun within three words, with no function word before it: "430-mile northern stretch".
  for (const w of (rest ?? '').split(/\s+/)) {
    if (FUNCTION.test(w)) return false;
    if (hasSense(w, 'noun')) return true;
  }
  return false;
}

/** The first comma in `text` from `from` to `to` that is not between coordinate adjectives, or -1. */
export function clauseComma(text: string, from: number, to: number, last = false): number {
  let found = -1;
  for (let i = from; i < to; i++) {
    if (text[i] !== ',' || isAdjectiveComma(text, i)) continue;
    if (!last) return i;
    found = i;
  }
  return found;
}

/**
 * The words (lower-case) of coordinate adjectives written with a comma between them: they describe
 * a noun both sides may name ("the previously pristine, 430-mile northern stretch" → previously,
 * pristine, 430-mile), so they do not pick out a narrower set.
 */
export function coordinateAdjectives(text: string): string[] {
  const out: string[] = [];
  for (let i = text.indexOf(','); i >= 0; i = text.indexOf(',', i + 1)) {
    if (!isAdjectiveComma(text, i)) continue;
    const before = BEFORE.exec(text.slice(Math.max(0, i - 60), i));
    const opened = before?.[0].replace(/^\S+\s+/, '') ?? '';
    const after = AFTER.exec(text.slice(i, i + 80));
    const lead = after ? after[0].slice(0, after[0].length - (after[3]?.length ?? 0)).replace(/^,/, '').trim() : '';
    const firstAfter = lead.split(/\s+/).filter((w) => w !== '');
    // The word after the adjective(s) following the comma is the phrase's own: "northern stretch".
    const described = after?.[1] !== undefined || after?.[2] !== undefined ? firstAfter.slice(0, /ly$/.test(firstAfter[0] ?? '') ? 2 : 1) : [];
    // A size compound counts whole and by its unit ("430-mile", "mile"), as word readers split it either way.
    for (const w of [...opened.split(/\s+/), ...described]) if (w !== '') out.push(...[w, ...(/^\d/.test(w) ? [w.replace(/^[\d,.]+-/, '')] : [])].map((x) => x.toLowerCase()));
  }
  return out;
}

/** A figure written as a compound adjective before its noun: "430-mile", "a 12-year-old pupil", "the 5,000-seat arena". */
export function sizeAdjective(sentence: string, f: Figure): boolean {
  return /^\d[\d,.]*-\p{L}+(?:-\p{L}+)*$/u.test(f.text) && /^\s+\p{Ll}/u.test(sentence.slice(f.end, f.end + 3));
}
