// Named places: which countries and US states a text names, read with the hand-written
// gazetteer (gazetteer.ts). Pure, no I/O.
//
// Contract: `namedPlaces(text)` returns the places in order of `start`, never overlapping;
// `text.slice(start, end)` is the name as written and `name` its canonical form ("the US" →
// {name: "United States", kind: "country"}, span "US"). Rules:
// - Forms match case-sensitively on word boundaries, longest first: "Niger" is not read inside
//   "Nigeria", "New Mexico" is not Mexico, "Guinea-Bissau" is not Guinea; "us" is not "US".
// - Longer names that contain a place but are not it ("Northern Ireland", "South Australia",
//   "New York City", "Washington Post") are read as nothing.
// - A case caption ("United States v. Williams") names a party, not a place: skipped.
// - "Georgia" is the country unless the text around it says it is the US state: "State of
//   Georgia", "Georgia state …", "Georgia, USA" / "Georgia (U.S. …)", or it stands in a list
//   with another US state ("Texas, Georgia and Ohio"). Decided so because the gazetteer's
//   first use is "which countries …?" questions, where reading the state as the country would
//   list a place that is not one — and a country misread as a state is only left unlisted.
// - A bare "Washington" is not read (capital, person or state): only "Washington State",
//   "State of Washington" and "Washington, D.C." are.
import { COUNTRIES, NOT_PLACES, NOT_READ_ALONE, US_STATES } from './gazetteer.js';

export type PlaceKind = 'country' | 'us-state';

export interface NamedPlace {
  /** Canonical name ("United States"). */
  name: string;
  kind: PlaceKind;
  /** The name as written: `text.slice(start, end)`. */
  text: string;
  start: number;
  end: number;
}

interface Form {
  form: string;
  name: string;
  kind: PlaceKind | 'ambiguous' | 'none';
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

let compiled: { re: RegExp; forms: Map<string, Form> } | null = null;

function gazetteer(): { re: RegExp; forms: Map<string, Form> } {
  if (compiled) return compiled;
  const forms = new Map<string, Form>();
  const skip = new Set(NOT_READ_ALONE);
  const add = (entries: readonly (readonly string[])[], kind: PlaceKind): void => {
    for (const entry of entries) {
      const name = entry[0];
      if (name === undefined) continue;
      for (const form of entry) {
        if (skip.has(form)) continue;
        const known = forms.get(form);
        // The same form in both lists ("Georgia"): decided by context when read.
        forms.set(form, known && known.kind !== kind ? { form, name, kind: 'ambiguous' } : { form, name, kind });
      }
    }
  };
  add(COUNTRIES, 'country');
  add(US_STATES, 'us-state');
  for (const form of NOT_PLACES) forms.set(form, { form, name: form, kind: 'none' });
  const alternatives = [...forms.keys()].sort((a, b) => b.length - a.length || a.localeCompare(b)).map(escape);
  // A form ending in "." ("U.S.") may end the sentence too; a letter or digit may not follow any form.
  const re = new RegExp(`(?<![\\p{L}\\p{N}.’'-])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}]|-\\p{L})`, 'gu');
  compiled = { re, forms };
  return compiled;
}

const STATE_BEFORE = /\b[Ss]tate\s+of\s+$/;
const STATE_AFTER = /^(?:\s+[Ss]tate\b|,\s+(?:USA|U\.S\.A?\.?|US)\b|\s+\((?:USA|U\.S\.|US)\b)/;

/** The places a text names (see the contract above). */
export function namedPlaces(text: string): NamedPlace[] {
  const { re, forms } = gazetteer();
  const raw: { form: Form; start: number; end: number }[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const form = forms.get(m[0]);
    if (!form) continue;
    raw.push({ form, start: m.index, end: m.index + m[0].length });
  }
  const out: NamedPlace[] = [];
  raw.forEach((r, i) => {
    if (r.form.kind === 'none') return;
    if (/^\s+v(?:s)?\.?\s/.test(text.slice(r.end, r.end + 6))) return; // "United States v. Williams"
    let kind: PlaceKind;
    if (r.form.kind === 'ambiguous') {
      const listedWithState = [raw[i - 1], raw[i + 1]].some(
        (o) => o !== undefined && o.form.kind === 'us-state' && /^\s*(?:,|and|or|,\s*and|,\s*or)\s*$/.test(o.start < r.start ? text.slice(o.end, r.start) : text.slice(r.end, o.start)),
      );
      const stateCue = STATE_BEFORE.test(text.slice(Math.max(0, r.start - 12), r.start)) || STATE_AFTER.test(text.slice(r.end, r.end + 12));
      kind = listedWithState || stateCue ? 'us-state' : 'country';
    } else {
      kind = r.form.kind;
    }
    out.push({ name: r.form.name, kind, text: text.slice(r.start, r.end), start: r.start, end: r.end });
  });
  return out;
}

/** How a place is named in running text: "the United States", "the Netherlands", "Canada". */
export function placeName(name: string): string {
  return /^(?:United|Republic|Democratic|Federated|Central African|Dominican|Czech Republic)\b|(?:Islands|Netherlands|Philippines|Bahamas|Gambia|Maldives|Comoros|Seychelles|Emirates|District of Columbia)$/.test(name)
    ? `the ${name}`
    : name;
}
