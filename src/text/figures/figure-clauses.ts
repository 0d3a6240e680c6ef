// Clauses of a sentence as the figure reader cuts them: where a figure's words start and end.
// A bracketed figure restating the one before ("54 (89%) are …") is no clause of its own, and a
// year-on-year base ("compared to the same period of the previous year") is no period of the figure.
import { clauseComma } from './figure-commas.js';
import { hasSense } from '../words/lexicon.js';
import { IRREGULAR_VERBS } from './figure-words.js';

const BOUNDARY = /[;:()\u2014]|(?<![\d%])\s[-\u2013]\s(?![$£€]?\d)|(?<!\b\p{L}\.\p{L}|\b\p{Lu}|\b(?:Mr|Mrs|Ms|Dr|St|No|vs|Inc|Ltd|Co|Gov|Sen|Rep|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec))\.(?=\s)|,\s+(?=(?:and|but|so|because|although|though|while|whereas|of\s+(?:which|whom|those|these|them))\b)|\s(?=(?:but|while|whereas)\s)/giu;
export const COMPARISON_BASE = /\b(?:compared\s+(?:to|with)|in\s+comparison\s+(?:to|with)|versus|vs\.?|relative\s+to|than)\s+(?:the\s+|a\s+)?same\s+(?:(?:period|months?|weeks?|quarters?|time|\p{N}+|six|three|nine|twelve)\s+){1,2}(?:of|from|in|during|a|last)?\s*(?:the\s+)?$/iu;
export const YEAR_ON_YEAR = /\s*,?\s*\b(?:when\s+)?(?:compared\s+(?:to|with)|in\s+comparison\s+(?:to|with)|versus|relative\s+to)\s+(?:the\s+|a\s+)?same\s+/i;
/**
 * Brackets that hold only a figure restating the one before ("54 (89%) are still …", "31 (51 per
 * cent) have …", "£4.2m (about $5m)"): the aside is no clause of its own, so neither bracket cuts.
 * The positions of both brackets.
 */
function figureAsides(sentence: string): Set<number> {
  const out = new Set<number>();
  for (const m of sentence.matchAll(/(?<=\d[\d,.]*\s*[%\p{L}]*\s*)\(((?:about|around|roughly|some|nearly|almost|over|under|up|down|or|c\.|ca\.)?\s*[$£€¥]?\s*\d[\d,.]*\s*(?:%|per\s?cent|percent|pc|[kmbn]{1,2}|million|billion|thousand)?)\)/giu)) {
    out.add(m.index ?? 0);
    out.add((m.index ?? 0) + m[0].length - 1);
  }
  return out;
}

/** Clause spans of a sentence: cut at semicolons, colons, brackets, dashes, full stops (not an abbreviation's: "the U.S. in 2024") and ", but/and/while". */
export function clauses(sentence: string): Array<[number, number]> {
  const cuts = [0];
  BOUNDARY.lastIndex = 0;
  const asides = figureAsides(sentence);
  for (const m of sentence.matchAll(BOUNDARY)) if (!asides.has(m.index ?? 0)) cuts.push(m.index ?? 0);
  cuts.push(sentence.length);
  const out: Array<[number, number]> = [];
  for (let i = 0; i + 1 < cuts.length; i++) out.push([cuts[i] ?? 0, cuts[i + 1] ?? sentence.length]);
  return out;
}

/** Where a figure's share of a clause starts: after a comma between it and the figure before (not one between adjectives), else the clause start. */
export function lastComma(s: string, from: number, to: number, clauseStart: number): number {
  const i = clauseComma(s, from, to, true);
  return i < 0 ? clauseStart : i + 1;
}

/** Where a figure's share of a clause ends: at a comma between it and the next figure (not one between adjectives), else the clause end. */
export function firstComma(s: string, from: number, to: number, clauseEnd: number): number {
  const i = clauseComma(s, from, to);
  return i < 0 ? clauseEnd : i;
}

/** "56 companies, or 92%, opted to …": an appositive figure reads as a bracketed one, offsets kept ("56 companies (or 92%) opted"). */
export function shapeAsides(sentence: string): string {
  return sentence.replace(/,(\s*or\s+(?:about\s+|around\s+|nearly\s+|roughly\s+|some\s+)?[$£€]?\d[\d,.]*\s*(?:%|per\s?cent|percent))\s*,/giu, (m, inner: string) => ` (${inner.trimStart()})${' '.repeat(m.length - inner.trimStart().length - 3)}`);
}

/** "and" or "but" then a past verb that opens a predicate, not a participle describing a noun ("and unvaccinated children", "and injured workers"). */
function opensPredicate(verb: string, after: string): boolean {
  if (!/ed$/.test(verb) && !(IRREGULAR_VERBS.has(verb) && IRREGULAR_VERBS.get(verb) !== verb)) return false;
  // "surveyed 150 countries and found that in 112 of them …": a verb reporting a finding opens no predicate of its own.
  if (/^\s+that\b/.test(after)) return false;
  return (IRREGULAR_VERBS.has(verb) || hasSense(verb, 'verb')) && !/^(?:un|non)/.test(verb) && !/^\s+(?:people|children|adults|patients|workers|cases|ones|members|residents|staff|students)\b/u.test(after);
}

const SECOND = /\s(?:and|but)\s+(\p{Ll}+)\b/gu;

/**
 * Where a figure's clause ends before a second predicate of the same subject: "The vaccine is 97%
 * effective with two doses and prevented the disease until rates declined" says "prevented" and
 * "declined" of no figure. `tail` is the text after the figure; the offset of the cut in it, else -1.
 */
export function secondPredicate(tail: string): number {
  for (const m of tail.matchAll(SECOND)) if (opensPredicate(m[1] ?? '', tail.slice((m.index ?? 0) + m[0].length))) return m.index ?? -1;
  return -1;
}

/**
 * Where a figure's clause starts when the figure is said by a second predicate: "… declared the
 * outbreak over in August, after it had sickened 762 people and killed three children" — the
 * three children are what "killed" says; "in August" is said of the first predicate. `head` is the
 * text before the figure; the offset of the last such "and" in it, else -1.
 */
export function predicateStart(head: string): number {
  let at = -1;
  for (const m of head.matchAll(SECOND)) if (opensPredicate(m[1] ?? '', head.slice((m.index ?? 0) + m[0].length))) at = (m.index ?? 0) + 1;
  return at;
}
