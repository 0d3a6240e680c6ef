// How the composer quotes one candidate sentence: with the sentence before it when it points
// back to it, without a connective that points at reasoning the reader has not seen, and with
// attribution only when the sentence does not already name its own source.
//
// Rules (docs/report.md, "Quoting out of context"):
// - Antecedent: a sentence that points back ("that conference", "this reservation", "those 94
//   countries", "However, …") is quoted after its antecedent — the previous sentence of the same
//   passage, when it is short and names what the reference points to (candidates.ts finds it):
//   "X states that <antecedent>; <sentence>". Without one, the sentence ranks below candidates
//   that stand alone (Selection.pick).
// - Connectives: inferential ones ("therefore", "thus", "hence", "consequently", "accordingly")
//   and additive ones ("moreover", "furthermore", "in addition", "additionally", "besides",
//   a leading "also") are dropped when the sentence is quoted alone: they point at the sentence
//   before, and the statement they introduce is the source's either way. Contrastive ones
//   ("however", "nevertheless", "yet", "by contrast", "instead" …) are never dropped: they say
//   the source is qualifying what came before, and without them the sentence would read as a
//   plain assertion — such a sentence is quoted with its antecedent or ranked low instead.
//   Connectives are kept when the antecedent is quoted, since the reasoning is then in view.
// - A connective is dropped only if the shortened sentence still passes the verifier; otherwise
//   the sentence is quoted as written.
// - Self-naming: a sentence whose subject is its own source ("Section 2256 of Title 18 supplies
//   …" from 18 U.S.C. § 2256; "The Protocol does not require …") stands with its citation and
//   no "X provides that" (attribution.ts, namesItself).
// - Repetition: a sentence right after one attributed by name to the same source, in the same
//   paragraph, reads "It also reports that …".
import type { Passage, Source } from '../../model.js';
import { attribute, lowerFirst, sourceName } from './attribution.js';
import type { Candidate } from './candidates.js';
import type { PendingSentence } from '../citations.js';
import { metadataText, verifySentence } from '../verify.js';
import { namedPlaces } from '../../text/index.js';

/** Leading connectives that are dropped when the sentence is quoted alone. */
// "In addition" and "besides" are connectives only before a comma: "In addition to serving as
// director, …" and "Besides the museum, …" are the sentence's own words.
const LEADING_DROPPABLE = /^(?:(?:therefore|thus|hence|consequently|accordingly|moreover|furthermore|additionally|also)\b\s*,?\s*|(?:in addition|besides)\s*,\s*)/i;
/** Inner inferential connectives ("The Protocol therefore does not require …", "is, therefore, not proof"). */
const INNER_DROPPABLE = /(?:\s*,\s*(?:therefore|thus|hence|consequently|accordingly)\s*,\s*|\s+(?:therefore|thus|hence|consequently|accordingly)(?=\s+\p{L}))/giu;

/** The sentence without droppable connectives (unchanged when it has none). */
export function dropConnectives(text: string): string {
  let out = text.replace(INNER_DROPPABLE, (m) => (m.trim().startsWith(',') ? ' ' : ''));
  const lead = LEADING_DROPPABLE.exec(out);
  if (lead && lead[0].length < out.length) out = out.slice(lead[0].length).replace(/^\p{Ll}/u, (ch) => ch.toUpperCase());
  return out.replace(/\s{2,}/g, ' ');
}

export interface QuoteOptions {
  /** Quote the sentence alone, even when it has an antecedent (the report's previous sentence resolves it). */
  standalone?: boolean;
  /** The previous sentence of the paragraph was attributed by name to the same source. */
  again?: boolean;
}

function strip(text: string): string {
  return text.replace(/[.;:]+$/, '').trim();
}

function sourceMeta(s: Source): string {
  return metadataText({ n: 0, id: s.id, title: s.title, publisher: s.publisher, date: s.publishedAt, uri: s.uri, kind: s.kind });
}

/** The passages a quote of `c` cites: its own, and its antecedent's when that is another passage. */
function citedPassages(c: Candidate, options: QuoteOptions): Passage[] {
  const a = c.antecedent;
  return a && !options.standalone && a.passage.id !== c.passage.id ? [a.passage, c.passage] : [c.passage];
}

function verifies(body: string, c: Candidate, options: QuoteOptions): boolean {
  return verifySentence(body, citedPassages(c, options).map((p) => ({ text: p.text })), { attribution: [sourceMeta(c.source)] }).verified;
}

/**
 * A sentence that opens with a place the gazetteer reads keeps its capital after the attribution
 * ("… provides that Japan bans …"), even when the passage never writes the name mid-sentence.
 */
function keepPlaceCapital(attributed: string, sentence: string): string {
  const first = namedPlaces(sentence)[0];
  if (!first || first.start !== 0) return attributed;
  const lowered = first.text.charAt(0).toLowerCase() + first.text.slice(1);
  if (lowered === first.text) return attributed;
  const at = attributed.indexOf(` that ${lowered}`);
  return at < 0 ? attributed : `${attributed.slice(0, at)} that ${first.text}${attributed.slice(at + 6 + lowered.length)}`;
}

/** The ways to quote a candidate, best first. */
function variants(c: Candidate, options: QuoteOptions): string[] {
  const context = c.passage.text;
  const attr = (text: string): string => keepPlaceCapital(attribute(text, c.source, context, { again: options.again ?? false }), text);
  const out: string[] = [];
  if (c.antecedent && !options.standalone) {
    out.push(attr(`${strip(c.antecedent.text)}; ${lowerFirst(strip(c.text), context)}`));
  }
  const dropped = dropConnectives(c.text);
  if (dropped !== c.text) out.push(attr(dropped));
  out.push(attr(c.text));
  return out;
}

const cache = new WeakMap<Candidate, Map<string, string>>();

/** The attributed text of a candidate: the first variant that passes the verifier, else the sentence as written. */
export function quoteText(c: Candidate, options: QuoteOptions = {}): string {
  const key = `${options.standalone ? 1 : 0}${options.again ? 1 : 0}`;
  const known = cache.get(c)?.get(key);
  if (known !== undefined) return known;
  const all = variants(c, options);
  const chosen = all.find((v) => verifies(v, c, options)) ?? (all[all.length - 1] as string);
  const map = cache.get(c) ?? new Map<string, string>();
  map.set(key, chosen);
  cache.set(c, map);
  return chosen;
}

/** Would this candidate, quoted, pass the verifier? (Checked before use, so reports rarely carry flags.) */
export function quotePasses(c: Candidate, options: QuoteOptions = {}): boolean {
  return verifies(quoteText(c, options), c, options);
}

/** Does the quote open with the source's name, so that a following quote from it may say "It also …"? */
export function attributedByName(body: string, source: Source): boolean {
  if (/^(?:It|They) also \p{Ll}+ that /u.test(body)) return true;
  const name = sourceName(source).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${name}(?: \\(\\d{4}\\))? \\p{Ll}+ that `, 'iu').test(body);
}

/** The quote as a sentence ready for numbering. */
export function quote(c: Candidate, options: QuoteOptions = {}): PendingSentence {
  return { body: quoteText(c, options), sourceIds: [c.source.id], passageIds: citedPassages(c, options).map((p) => p.id) };
}

/**
 * The sentences of one paragraph: each candidate quoted, the sentences of one source together
 * (where its first one was) and in the document's order (so "the remaining 42 towns" comes before "28 of those 42 towns"), and a quote
 * that follows one attributed by name to the same source saying "It also …". `fixedFirst`
 * keeps the first candidate first (a finding's lead, which its headline restates).
 */
export function quoteParagraph(basis: readonly Candidate[], fixedFirst: boolean): { ordered: Candidate[]; sentences: PendingSentence[] } {
  const start = fixedFirst ? 1 : 0;
  const bySource = new Map<string, Candidate[]>();
  for (const c of basis.slice(start)) bySource.set(c.source.id, [...(bySource.get(c.source.id) ?? []), c]);
  const ordered = [
    ...basis.slice(0, start),
    ...[...bySource.values()].flatMap((cs) => [...cs].sort((x, y) => x.passage.ordinal - y.passage.ordinal || x.index - y.index)),
  ];
  const sentences: PendingSentence[] = [];
  let previous: { source: Source; body: string } | null = null;
  for (const c of ordered) {
    const again = previous !== null && previous.source.id === c.source.id && attributedByName(previous.body, previous.source) && quotePasses(c, { again: true });
    const s = quote(c, { again });
    sentences.push(s);
    previous = { source: c.source, body: s.body };
  }
  return { ordered, sentences };
}
