// The answer type of a "which/what <noun> …?" question: what kind of names a reader expects
// back ("Which countries …?" → countries). Pure.
//
// Contract: `answerTypeOf(question)` reads the noun right after an opening "which" or "what"
// (also "which of the …", "in which …") and returns its type, or null when the question asks
// for no names ("What percentage …", "How many …", a yes/no question). Types:
// - country ("countries", "nations", "member states", "States Parties"): the gazetteer reads them;
// - us-state ("states", "US states", "American states"): the gazetteer reads them — a bare
//   "states" is taken as US states, since "member states" and "States Parties" say otherwise;
// - jurisdiction ("jurisdictions"): countries and US states;
// - organisation, city, person: recognised, but no gazetteer reads them (`places` is empty),
//   so nothing is listed and no gap about names is stated for them.
import type { PlaceKind } from './places.js';

export type AnswerKind = 'country' | 'us-state' | 'jurisdiction' | 'organisation' | 'city' | 'person';

export interface AnswerType {
  /** The noun as asked ("countries", "member states"). */
  noun: string;
  kind: AnswerKind;
  /** The place kinds that answer it; empty when the gazetteer cannot read such names. */
  places: PlaceKind[];
}

const NOUNS: readonly { re: RegExp; kind: AnswerKind; places: PlaceKind[] }[] = [
  { re: /^(?:countries|country|nations|nation|member\s+states|states\s+parties|nation\s+states|governments)\b/i, kind: 'country', places: ['country'] },
  { re: /^(?:(?:us|u\.s\.|american|united\s+states)\s+)?(?:states|state)\b/i, kind: 'us-state', places: ['us-state'] },
  { re: /^(?:jurisdictions|jurisdiction)\b/i, kind: 'jurisdiction', places: ['country', 'us-state'] },
  { re: /^(?:organi[sz]ations?|agencies|agency|companies|company|institutions?|bodies|groups|ngos)\b/i, kind: 'organisation', places: [] },
  { re: /^(?:cities|city|towns?|municipalities|municipality)\b/i, kind: 'city', places: [] },
  { re: /^(?:people|persons?|leaders?|officials?|politicians?)\b/i, kind: 'person', places: [] },
];

const OPENING = /^\s*(?:in\s+|under\s+)?(?:which|what)\s+(?:of\s+the\s+)?/i;

/** The answer type of a which/what question, or null (see the contract above). */
export function answerTypeOf(question: string): AnswerType | null {
  const open = OPENING.exec(question);
  if (!open) return null;
  const rest = question.slice(open[0].length);
  for (const n of NOUNS) {
    const m = n.re.exec(rest);
    if (m) return { noun: m[0].replace(/\s+/g, ' '), kind: n.kind, places: [...n.places] };
  }
  return null;
}
