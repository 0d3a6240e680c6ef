// The named place or body a figure is given for: "Terry County … reports three cases", "in Gaines
// County, … where coverage is 82 percent". Only names with a head word that says what kind of
// place or body they are ("X County", "Y University") are read, so two such names of one kind
// that differ ("Lynn County" / "Gaines County") are known to be two different places. And the
// subject a list of figures shares: "The outbreak … with 505 cases, 57 hospitalizations, and 2 deaths".
import type { Figure } from '../../model.js';
import { hasSense } from '../words/lexicon.js';
import { STOPWORDS, tokenize } from '../tokens.js';

/** Heads that make a capitalised name a place or body of a known kind. */
const HEADS = 'County|Counties|Province|District|Region|Parish|Borough|Township|Prefecture|Municipality|Canton|Oblast|Governorate|Island|City|Town|Village|University|College|Hospital';
const NAMED = new RegExp(`\\b((?:\\p{Lu}[\\p{L}'’.-]*\\s+){1,3})(${HEADS})\\b`, 'gu');
/** Words that open a sentence or name a direction, not a place: "Northeast Lynn County" is Lynn County. */
const NOT_NAME = /^(?:The|A|An|In|At|Of|And|Both|North|South|East|West|Northeast|Northwest|Southeast|Southwest|Northern|Southern|Eastern|Western|Central|Greater|Neighbouring|Neighboring|Nearby|Rural|Urban)$/;

export interface NamedPlace {
  /** The name without its head, lower-case ("gaines"). */
  name: string;
  /** The head, lower-case and singular ("county"). */
  head: string;
  start: number;
  end: number;
}

/** Names with a head of kind in a text ("Gaines County" → gaines / county); plural heads ("Terry and Yoakum Counties") are left out. */
export function namedPlaces(text: string): NamedPlace[] {
  const out: NamedPlace[] = [];
  for (const m of text.matchAll(NAMED)) {
    const head = m[2] ?? '';
    if (/ies$/.test(head)) continue;
    const words = (m[1] ?? '').trim().split(/\s+/).filter((w) => !NOT_NAME.test(w));
    if (words.length === 0) continue;
    out.push({ name: words.join(' ').toLowerCase(), head: head.toLowerCase(), start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
  }
  return out;
}

/**
 * The places a figure at [start, end) of a sentence is given for: those named in its clause
 * [from, to), else the nearest named before it in the sentence (the subject a relative clause or a
 * neighbour figure cut off). Written "name head", lower-case.
 */
export function placesOf(sentence: string, start: number, from: number, to: number): string[] {
  const all = namedPlaces(sentence);
  const inClause = all.filter((p) => p.start >= from && p.end <= to);
  const chosen = inClause.length > 0 ? inClause : all.filter((p) => p.end <= start).slice(-1);
  return [...new Set(chosen.map((p) => `${p.name} ${p.head}`))];
}

/** Two figures given for different places of one kind ("Lynn County" against "Gaines County"): the pair of names, else null. */
export function otherPlace(claim: readonly string[], source: readonly string[]): [string, string] | null {
  const head = (p: string): string => p.slice(p.lastIndexOf(' ') + 1);
  for (const c of claim) {
    const sameKind = source.filter((s) => head(s) === head(c));
    if (sameKind.length > 0 && !sameKind.includes(c) && !claim.some((x) => sameKind.includes(x))) return [c, sameKind[0] ?? ''];
  }
  return null;
}

/** Between two listed figures: the first's noun, then a comma or "and"/"or" ("confirmed cases, ", " hospitalizations, and "). */
const LIST_GAP = /^(?:\s+[\p{L}'’-]+){0,3}\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)$/u;

/**
 * The subject a listed figure shares with the list's first item: the names and nouns of its clause
 * before the clause's first figure ("texas", "outbreak" for "57 hospitalizations" in "The Texas
 * outbreak …, with 505 cases, 57 hospitalizations, and 2 deaths"). Empty for a figure in no list.
 */
export function listedSubject(sentence: string, figures: readonly Figure[], i: number, clauseStart: number): string[] {
  const f = figures[i];
  const prev = figures[i - 1];
  if (f === undefined || prev === undefined || prev.end < clauseStart || !LIST_GAP.test(sentence.slice(prev.end, f.start))) return [];
  const first = figures.find((g) => g.start >= clauseStart);
  if (first === undefined || first.start >= f.start) return [];
  return tokenize(sentence.slice(clauseStart, first.start))
    .filter((t) => !STOPWORDS.has(t.lower) && !/^[\d.,]+$/.test(t.lower) && (/^\p{Lu}/u.test(t.text) || (hasSense(t.lower, 'noun') && !hasSense(t.lower, 'verb'))))
    .map((t) => t.lower.replace(/['’]s$/, ''));
}

/** The index of the last item of the list of figures that figure i belongs to (i itself when it is the last or in no list). */
export function listEnd(sentence: string, figures: readonly Figure[], i: number): number {
  let j = i;
  while (j + 1 < figures.length && LIST_GAP.test(sentence.slice(figures[j]?.end ?? 0, figures[j + 1]?.start ?? 0))) j++;
  return j;
}
