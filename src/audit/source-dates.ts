// Dates against the cited source: does the source date the event the article dates?
//
// Contract: `compareDatesWithSource(sentence, sourceSentences)` returns one finding per article
// date that conflicts with the cited source, or nothing. A date is compared only when all hold:
// - the article's date is a fixed date or range ("3 May 2012", "May 2012", "2012", "2006–2008"),
//   not a vague period ("the 1990s", "early 2000s", "mid-2019"), a relative date ("last year"),
//   an open span ("since 2006") or a bound ("by 2010", "before 2006"), and its clause names an
//   event verb (EVENTS: released, entered into force, adopted, signed, published, reviewed …) and
//   is not negated;
// - among the source sentences that date the same event verb, the closest to the article's
//   sentence (shared content words weighted by rarity in the source, the heading counted with
//   it) holds at least half the article's words (two or more of them, dates and event verbs
//   aside), is the only one that close, and names no other edition (first/second, original,
//   revised … must agree);
// - that sentence gives exactly one date (or one range) for the event, fixed as above;
// - no source sentence that close gives a date agreeing with the article's.
// Two dates agree when their intervals meet: each is compared at the precision both give ("2006"
// agrees with "6 April 2006", "May 2012" conflicts with "April 2006", "2006–2008" holds 2007).
import type { DateMention } from '../model.js';
import { contentTerms, extractDates } from '../text/index.js';
import type { SourceSentence } from './source-figures.js';

/** Event verbs: a date is compared only with a source date of the same event. */
const EVENTS: ReadonlyArray<{ event: string; re: RegExp }> = [
  { event: 'entered into force', re: /\b(?:(?:enter(?:s|ed|ing)?|c[oa]me|comes|coming)\s+into\s+(?:force|effect)|entry\s+into\s+force|took\s+effect|takes\s+effect)\b/gi },
  { event: 'released', re: /\b(?:re-?)?released\b/gi },
  { event: 'adopted', re: /\badopted\b/gi },
  { event: 'signed', re: /\bsigned\b/gi },
  { event: 'published', re: /\b(?:re-?)?published\b/gi },
  { event: 'reviewed', re: /\breviewed\b/gi },
  { event: 'ratified', re: /\bratified\b/gi },
  { event: 'enacted', re: /\benacted\b/gi },
  { event: 'amended', re: /\bamended\b/gi },
  { event: 'revised', re: /\brevised\b/gi },
  { event: 'repealed', re: /\brepealed\b/gi },
  { event: 'launched', re: /\blaunched\b/gi },
  { event: 'founded', re: /\b(?:founded|established)\b/gi },
];

/** Words that tell one edition or version of a thing from another: both sides must name the same ones. */
const EDITION_WORDS = new Set(['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'latest', 'last', 'original', 'initial', 'final', 'revised', 'updated', 'new', 'current', 'later', 'earlier', 'previous', 'next']);
/** Words too common to tell one event from another (with the months: keys of no weight). */
const GENERIC_KEYS = new Set(['out', 'year', 'time', 'day', 'date', 'total', 'numbe', 'perce', 'cent', 'also', 'well', 'one', 'two', 'three']);
const MONTH_KEYS = new Set(['janua', 'febru', 'march', 'april', 'may', 'june', 'july', 'augus', 'septe', 'octob', 'novem', 'decem', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);
/** Words right before a date that make it a bound or a vague time, not the event's date. */
const NOT_EVENT_DATE = /(?:\b(?:by|before|after|since|until|till|around|about|circa|c\.|ca\.|approximately|roughly|early|mid|late|the\s+end\s+of|end\s+of|beginning\s+of|start\s+of|no\s+later\s+than|not\s+until|as\s+(?:of|at)|between|from)\s*-?\s*$)/i;
/** Clause boundaries: a date is tied to the event verb of its clause. */
const BOUNDARY = /[;:,()]|\s(?:and|but|while|whereas|which|then)\s|\s[–—]\s/g;
/** Weighted share of the article sentence's words the source sentence must hold. */
const MIN_COVER = 0.6;
/** Another verb in a clause: an auxiliary or a past participle. */
const OTHER_VERB = /\b(?:was|were|is|are|has|have|had|been|did|does|will)\b|\b\p{L}{3,}ed\b/iu;
const NEGATION = /\b(?:not|never|no|yet\s+to)\b|n't\b/i;

/** A date as a closed interval of days, with its text. */
export interface FixedDate {
  text: string;
  start: number;
  end: number;
  /** First and last day (UTC ms). */
  lo: number;
  hi: number;
}

/** One conflict: the article's date, the source sentence dating the same event otherwise and its date. */
export interface DateConflict {
  event: string;
  article: FixedDate;
  source: SourceSentence;
  sourceDate: FixedDate;
  message: string;
}

function interval(value: string, last: boolean): number | null {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(value);
  if (!m) return null;
  const y = Number(m[1]);
  if (m[3] !== undefined) return Date.UTC(y, Number(m[2]) - 1, Number(m[3]));
  if (m[2] !== undefined) return last ? Date.UTC(y, Number(m[2]), 0) : Date.UTC(y, Number(m[2]) - 1, 1);
  return last ? Date.UTC(y, 11, 31) : Date.UTC(y, 0, 1);
}

/** A mention fixed to an interval, or null when it is vague, relative, open or a bound. */
function fix(text: string, d: DateMention): FixedDate | null {
  if (d.value === null) return null;
  if (/\d0s\b/.test(d.text) || /^(?:mid|early|late|fiscal|fy|as\s)/i.test(d.text) || /^(?:since|until|till|through|up)\b/i.test(d.text)) return null;
  if (NOT_EVENT_DATE.test(text.slice(Math.max(0, d.start - 24), d.start))) return null;
  // "the edition of 2018", "the Protocol of 2000": a year naming a thing is not the event's date.
  if (/\b(?:editions?|versions?|reports?|surveys?|rounds?|reviews?|updates?|acts?|protocols?|conventions?|treat(?:y|ies)|laws?|census|elections?)\s+of\s*$/i.test(text.slice(Math.max(0, d.start - 24), d.start))) return null;
  // "the 2006 edition", "2006's release": a year as a name is not the event's date.
  if (/^\s*(?:'s\b|edition|version|report|survey|act\b|law\b)/i.test(text.slice(d.end, d.end + 12))) return null;
  const lo = interval(d.value, false);
  const until = d.kind === 'span' ? d.until : d.value;
  if (until === null || until === undefined) return null;
  const hi = interval(until, true);
  if (lo === null || hi === null || hi < lo) return null;
  return { text: d.text, start: d.start, end: d.end, lo, hi };
}

interface EventMention {
  event: string;
  start: number;
  end: number;
}

function eventsIn(text: string): EventMention[] {
  const out: EventMention[] = [];
  for (const { event, re } of EVENTS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) out.push({ event, start: m.index, end: m.index + m[0].length });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** What a sentence dates: each date tied to an event verb (of its clause, else the last before it, else the first after it). */
interface DatedEvents {
  /** event → its dates; null entries are dates that cannot be fixed (vague, relative, bounds). */
  byEvent: Map<string, Array<FixedDate | null>>;
  /** event → the event's clause is negated. */
  negated: Set<string>;
  /** event → where the clauses of the event and its dates end: the words that name what it is about come before. */
  scope: Map<string, number>;
}

function datedEvents(text: string): DatedEvents {
  const byEvent = new Map<string, Array<FixedDate | null>>();
  const negated = new Set<string>();
  const scope = new Map<string, number>();
  if (!/\d/.test(text)) return { byEvent, negated, scope };
  const events = eventsIn(text);
  if (events.length === 0) return { byEvent, negated, scope };
  const dates = extractDates(text);
  if (dates.length === 0) return { byEvent, negated, scope };
  const inside = (i: number): boolean => dates.some((d) => i > d.start && i < d.end);
  const bounds: number[] = [];
  BOUNDARY.lastIndex = 0;
  for (let m = BOUNDARY.exec(text); m !== null; m = BOUNDARY.exec(text)) if (!inside(m.index)) bounds.push(m.index);
  const clauseOf = (a: number, b: number): [number, number] => [Math.max(0, ...bounds.filter((x) => x <= a)), Math.min(text.length, ...bounds.filter((x) => x >= b))];
  for (const d of dates) {
    const [cs, ce] = clauseOf(d.start, d.end);
    const inClause = events.filter((e) => e.start >= cs && e.end <= ce);
    let e: EventMention | undefined;
    if (inClause.length > 0) e = [...inClause].sort((x, y) => Math.abs(x.start - d.start) - Math.abs(y.start - d.start))[0];
    else {
      // A clause with a verb of its own dates that verb's event ("… and was offered a second contract in 2018").
      if (OTHER_VERB.test(`${text.slice(cs, d.start)} ${text.slice(d.end, ce)}`)) continue;
      e = [...events].reverse().find((x) => x.end <= d.start) ?? events.find((x) => x.start >= d.end);
    }
    if (!e) continue;
    byEvent.set(e.event, [...(byEvent.get(e.event) ?? []), fix(text, d)]);
    const [es, ee] = clauseOf(e.start, e.end);
    if (NEGATION.test(text.slice(Math.min(es, cs), Math.max(ee, ce)))) negated.add(e.event);
    scope.set(e.event, Math.max(scope.get(e.event) ?? 0, ee, ce));
  }
  return { byEvent, negated, scope };
}

/** Content-word keys (five-letter stems), without numbers, months and event verbs. */
function keys(text: string): Set<string> {
  let t = text.replace(/\[[\d,\s–-]+\]/g, ' ');
  for (const { re } of EVENTS) t = t.replace(re, ' ');
  return new Set(contentTerms(t).filter((w) => !/\d/.test(w) && w.length > 1).map((w) => w.slice(0, 5)).filter((k) => !MONTH_KEYS.has(k) && !GENERIC_KEYS.has(k)));
}

/** Keys of the names in a sentence: capitalised words after its first word ("Budapest", "Cybercrime"). */
function nameKeys(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(?<=[\s(“"'])\p{Lu}[\p{L}'’-]*/gu)) for (const k of keys(m[0])) out.push(k);
  return out;
}

function editionWords(text: string): string {
  return [...new Set((text.toLowerCase().match(/\p{L}+/gu) ?? []).filter((w) => EDITION_WORDS.has(w)))].sort().join(' ');
}

const meet = (a: FixedDate, b: FixedDate): boolean => a.lo <= b.hi && b.lo <= a.hi;

interface Read {
  dated: DatedEvents;
  keys: Set<string>;
}
const datedCache = new WeakMap<SourceSentence, DatedEvents>();
const keysCache = new WeakMap<SourceSentence, Set<string>>();

function datedOf(s: SourceSentence): DatedEvents {
  let d = datedCache.get(s);
  if (!d) {
    d = datedEvents(s.text);
    datedCache.set(s, d);
  }
  return d;
}

/** A source sentence's keys, its heading's with them; read only when a sentence of its source dates the event. */
function keysOf(s: SourceSentence): Set<string> {
  let k = keysCache.get(s);
  if (!k) {
    k = keys(`${s.text} ${s.heading ?? ''}`);
    keysCache.set(s, k);
  }
  return k;
}

function quoteRef(s: SourceSentence): string {
  return `[${s.ref}]`;
}

/** The article sentence's dates that the cited source's sentences date otherwise (see the contract above). */
export function compareDatesWithSource(sentence: string, sources: readonly SourceSentence[]): DateConflict[] {
  const article = datedEvents(sentence);
  if (article.byEvent.size === 0) return [];
  const articleKeys = keys(sentence);
  if (articleKeys.size < 2) return [];
  // Most sentences date nothing: the words of the source are read only when one dates the same event.
  if (!sources.some((s) => [...article.byEvent.keys()].some((e) => datedOf(s).byEvent.has(e)))) return [];
  const reads = sources.map((s): { s: SourceSentence; r: Read } => ({ s, r: { dated: datedOf(s), keys: keysOf(s) } }));
  // Words rare in the source weigh more.
  const df = new Map<string, number>();
  for (const { r } of reads) for (const k of r.keys) df.set(k, (df.get(k) ?? 0) + 1);
  const weight = (k: string): number => Math.log(1 + reads.length / (df.get(k) ?? 1));
  let articleWeight = 0;
  for (const w of articleKeys) articleWeight += weight(w);
  // Weighted overlap over the union (a sentence with extra qualifiers scores lower), and the
  // weighted share of the article's words it holds: words the source never uses weigh as the rarest, so
  // an article sentence about another thing ("its companion atlas") falls short.
  const closeness = (k: Set<string>): { jaccard: number; shared: number; cover: number } => {
    let shared = 0;
    let union = articleWeight;
    let n = 0;
    for (const w of articleKeys) {
      if (k.has(w)) {
        shared += weight(w);
        n++;
      }
    }
    for (const w of k) if (!articleKeys.has(w)) union += weight(w);
    return { jaccard: union === 0 ? 0 : shared / union, shared: n, cover: articleWeight === 0 ? 0 : shared / articleWeight };
  };
  // Two shared words at least: one ("countries") does not tell one event from another.
  // Every name the article gives must be the source sentence's (or its heading's): another name is another thing.
  const names = nameKeys(sentence);
  const minShared = Math.max(2, Math.ceil(articleKeys.size / 2));

  const out: DateConflict[] = [];
  for (const [event, dates] of article.byEvent) {
    // One fixed date for the event in the article's sentence, in an affirmative clause.
    if (dates.length !== 1 || article.negated.has(event)) continue;
    const mine = dates[0];
    if (!mine) continue;
    // "first", "second", "revised" … up to the end of the event's clause name which edition it is.
    const editions = editionWords(sentence.slice(0, article.scope.get(event)));
    let best: { s: SourceSentence; r: Read; jaccard: number } | null = null;
    let tie = false;
    let agrees = false;
    for (const { s, r } of reads) {
      const theirs = r.dated.byEvent.get(event);
      if (!theirs || editionWords(s.text.slice(0, r.dated.scope.get(event))) !== editions) continue;
      const c = closeness(r.keys);
      if (c.shared < minShared || c.cover < MIN_COVER || !names.every((k) => r.keys.has(k))) continue;
      if (theirs.some((d) => d !== null && meet(d, mine))) {
        agrees = true;
        break;
      }
      if (!best || c.jaccard > best.jaccard + 1e-9) {
        best = { s, r, jaccard: c.jaccard };
        tie = false;
      } else if (Math.abs(c.jaccard - best.jaccard) <= 1e-9 && s.text !== best.s.text) tie = true;
    }
    if (agrees || !best || tie) continue;
    const theirs = best.r.dated.byEvent.get(event) ?? [];
    // Several dates, or one that cannot be fixed: the source does not give one date for it.
    if (theirs.length !== 1 || best.r.dated.negated.has(event)) continue;
    const other = theirs[0];
    if (!other) continue;
    out.push({
      event,
      article: mine,
      source: best.s,
      sourceDate: other,
      message: `The article dates it (${event}) "${mine.text.trim()}"; the cited source ${quoteRef(best.s)} says "${other.text.trim()}": "${best.s.text.trim()}"`,
    });
  }
  return out;
}

/** Cheap test: could the sentence date an event (a digit and an event verb)? Saves reading the source otherwise. */
export function mayDateEvent(sentence: string): boolean {
  return /\d/.test(sentence) && EVENTS.some(({ re }) => {
    re.lastIndex = 0;
    return re.test(sentence);
  });
}
