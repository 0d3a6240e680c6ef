// "Which countries …?" answered with names: the places a source names as the subject of a
// sentence that does what a facet asks, and a gap sentence when the sources count without naming.
//
// Contract (docs/report.md, "Names for a which-question"):
// - A place is listed for a facet only when (1) it is read by the gazetteer (text/words/places.ts) as
//   a kind the question asks for ("which countries" → countries, not US states); (2) it is the
//   subject of the sentence: the sentence opens with it, or with a list of places joined by
//   commas and "and"/"or", optionally after "In"/"Under (the law of)" and followed by a
//   possessive or "federal law", "penal code" …; a place in a list after the verb ("Those 5
//   countries were Australia, …") or in brackets ("5 countries (Australia, …) met every
//   criterion") is not a subject; (3) the rest of the sentence does what the facet asks: it
//   names the facet's head noun ("possession"), is not negated for "does A" and is negated and
//   names the alternative act for "does B only" (for a plain which-question, a single topic
//   facet: it covers three quarters of the statement's words and matches its negation); and (4) the stance model judges the sentence,
//   on its own, to support the facet's claim. Precise before broad: a sentence that fails any
//   test names nobody.
// - The gap sentence: when the question asks for places and the report's answer to a facet is a
//   count, "ICMEC counts 140 of the 196 countries … [1], but the sources name only the United
//   States [5]; which other countries do so is not in any source read" — cited to the count's and the
//   names' passages and checked by the verifier before use.
import type { Figure } from '../../model.js';
import { judgePair } from '../../evidence/index.js';
import { contentTerms, namedPlaces, placeName, type AnswerType, type NamedPlace } from '../../text/index.js';
import type { Candidate } from './candidates.js';
import { cite, type PendingSentence } from '../citations.js';
import type { FacetEvidence } from './compose-input.js';
import { joinWords } from './kind-words.js';
import { negationCount } from './negation.js';
import { shortName } from './attribution.js';
import { countedPhrase } from './counted-phrase.js';
import { metadataText, verifySentence } from '../verify.js';

/** A candidate sentence whose subject is one or more places doing what a facet asks. */
export interface NamedCandidate {
  candidate: Candidate;
  places: NamedPlace[];
}

const LEAD_IN = /^(?:(?:In|Under)\s+(?:the\s+(?:laws?|legislation|criminal\s+law|penal\s+code)\s+of\s+)?(?:the\s+)?|The\s+(?:laws?|legislation|criminal\s+law|penal\s+code)\s+of\s+(?:the\s+)?|(?:the\s+)?)/i;
const JOIN = /^(?:\s*,\s*(?:and\s+|or\s+)?(?:the\s+)?|\s+(?:and|or)\s+(?:the\s+)?)$/;
const MODIFIERS = /^(?:['’]s)?(?:\s+(?:federal|state|national|criminal|domestic|penal|law|laws|code|legislation|statutes?|legislature|parliament|government|courts?|now|also|already))*/i;

/**
 * The places a sentence has as its subject, and the rest of the sentence (its predicate), or
 * null when its subject is not a place (see the contract above).
 */
export function placeSubject(sentence: string): { places: NamedPlace[]; predicate: string } | null {
  const places = namedPlaces(sentence);
  const lead = LEAD_IN.exec(sentence)?.[0] ?? '';
  const first = places[0];
  if (!first || first.start !== lead.length) return null;
  const subject = [first];
  let end = first.end;
  for (const p of places.slice(1)) {
    if (!JOIN.test(sentence.slice(end, p.start))) break;
    subject.push(p);
    end = p.end;
  }
  const after = sentence.slice(end);
  if (/^\s*\(/.test(after)) return null; // "France (…)": a list in brackets, not a subject
  const modifiers = MODIFIERS.exec(after)?.[0] ?? '';
  let predicate = after.slice(modifiers.length);
  if (/^(?:In|Under)\b/i.test(lead)) {
    // "In the United States, possession … is a crime": the clause after the comma.
    const clause = /^\s*,\s*(.+)$/.exec(predicate);
    if (!clause?.[1]) return null;
    predicate = clause[1];
  } else if (!/^\s+\p{Ll}/u.test(predicate)) {
    return null; // "United States Code …", "France, …": the sentence goes on with no verb of the place
  }
  return { places: subject, predicate: predicate.trim() };
}

/**
 * The words that tell a facet's act: its head noun, and for "B only" the alternative acts; for
 * a plain which-question (one topic facet) the words of its statement other than the asked noun.
 */
interface FacetAct {
  head: string;
  alternatives: string[];
  /** Topic facets: every word the predicate must cover (at least three quarters of them). */
  terms: string[];
}

function actOf(facet: FacetEvidence, answer: AnswerType): FacetAct | null {
  const focus = [...new Set(contentTerms(facet.focus.join(' ')))];
  if (facet.role === 'does-a') {
    const head = focus[focus.length - 1];
    return head ? { head, alternatives: [], terms: [] } : null;
  }
  if (facet.role === 'does-b-only') {
    const [head, ...alternatives] = focus;
    return head && alternatives.length > 0 ? { head, alternatives, terms: [] } : null;
  }
  if (facet.role === 'topic') {
    const asked = new Set(contentTerms(answer.noun));
    const terms = [...new Set(contentTerms(facet.claim))].filter((t) => !asked.has(t) && !/^\d/.test(t));
    return terms.length >= 2 ? { head: '', alternatives: [], terms } : null;
  }
  return null;
}

/** Does the predicate do what the facet asks (contract point 3)? */
function predicateDoes(predicate: string, facet: FacetEvidence, act: FacetAct): boolean {
  const terms = new Set(contentTerms(predicate));
  const negated = negationCount(predicate) > 0;
  if (facet.role === 'topic') {
    const covered = act.terms.filter((t) => terms.has(t)).length / act.terms.length;
    return covered >= 0.75 && negated === negationCount(facet.claim) > 0;
  }
  if (!terms.has(act.head)) return false;
  if (facet.role === 'does-a') return !negated;
  return negated && act.alternatives.some((t) => terms.has(t));
}

/**
 * The candidates of `pool` that name, as their subject, places of the asked kind doing what the
 * facet asks, best first; each sentence once.
 */
export function namedCandidates(pool: readonly Candidate[], facet: FacetEvidence, answer: AnswerType): NamedCandidate[] {
  const act = actOf(facet, answer);
  if (!act || answer.places.length === 0) return [];
  const kinds = new Set(answer.places);
  const out: NamedCandidate[] = [];
  const seen = new Set<string>();
  for (const c of pool) {
    const key = `${c.passage.id}#${c.index}`;
    if (seen.has(key) || c.leans) continue;
    seen.add(key);
    const subject = placeSubject(c.text);
    if (!subject) continue;
    const places = subject.places.filter((p) => kinds.has(p.kind));
    // A subject that mixes asked and unasked kinds ("France and New Jersey") names both: list only when all are asked.
    if (places.length === 0 || places.length !== subject.places.length) continue;
    if (!predicateDoes(subject.predicate, facet, act)) continue;
    // The asked noun is the answer's slot: the passage may support the facet as asked ("countries
    // ban X") or as said of the places it names ("Germany ban X"), where the noun is not read as
    // a substitution of the passage's subject.
    if (judgePair(facet.claim, c.text).stance !== 'supports' && judgePair(saidOf(facet.claim, answer.noun, places), c.text).stance !== 'supports') continue;
    out.push({ candidate: c, places });
  }
  return out;
}

/** "the United States", "Canada, Germany and Japan": each place once, in order. */
export function placeList(places: readonly NamedPlace[]): string {
  return joinWords([...new Set(places.map((p) => p.name))].map(placeName));
}

function sourceMeta(c: Candidate): string {
  return metadataText({ n: 0, id: c.source.id, title: c.source.title, publisher: c.source.publisher, date: c.source.publishedAt, uri: c.source.uri, kind: c.source.kind });
}

/**
 * The gap sentence for a facet answered by a count: the count, the places named (each with its
 * citation), and that the rest are not named. Null when no wording passes the verifier.
 */
export function namesGap(count: { candidate: Candidate; figure: Figure }, named: readonly NamedCandidate[], answer: AnswerType): PendingSentence | null {
  const f = count.figure;
  const phrase = countedPhrase(f, count.candidate.text);
  if (!phrase || phrase.form !== 'predicate') return null;
  const counted = `${shortName(count.candidate.source)} counts ${f.text} that ${phrase.text} ${cite(count.candidate.source.id)}`;
  const byPlace = new Map<string, NamedCandidate>();
  for (const n of named) for (const p of n.places) if (!byPlace.has(p.name)) byPlace.set(p.name, n);
  const names = joinWords([...byPlace].map(([name, n]) => `${placeName(name)} ${cite(n.candidate.source.id)}`));
  // What the count counts ("countries"), else the question's noun.
  const noun = (f.unit ?? answer.noun).toLowerCase();
  const variants =
    byPlace.size > 0
      ? [
          `${counted}, but the sources name only ${names}; which other ${noun} do so is not in any source read`,
          `${counted}, but the sources name only ${names}; the other ${noun} are not named in any source read`,
          `${counted}; the sources name only ${names}`,
        ]
      : [`${counted}, but the sources read name none of these ${noun}`, `${counted}; the sources read name none of the ${noun}`];
  const passages = [count.candidate, ...named.map((n) => n.candidate)];
  const cited = [...new Map(passages.map((c) => [c.passage.id, { text: c.passage.text }])).values()];
  const attribution = passages.map(sourceMeta);
  for (const body of variants) {
    const text = body.replace(/\{\{cite:[^}]+\}\}/g, '[1]');
    if (verifySentence(`${text}.`, cited, { attribution }).verified) {
      return { body, sourceIds: [], passageIds: [...new Set(passages.map((c) => c.passage.id))] };
    }
  }
  return null;
}

/** The facet claim said of the named places: its leading asked noun replaced by their names. */
function saidOf(claim: string, noun: string, places: ReadonlyArray<{ text: string }>): string {
  const asked = new RegExp(`^\\s*${noun.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+')}\\b`, 'i');
  return claim.replace(asked, places.map((p) => p.text).join(' and '));
}
