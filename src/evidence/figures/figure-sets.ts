// Which set a figure is said of, by where words stand: the subject a count or share is about
// ("girls in Northvale's rural schools score 9% higher", "4,800 people in Calder over 70 were
// treated") and the set a share is of ("45% of Brenmoor's investment income"). Words one side
// writes there that the other does not say at all narrow the set: a narrower set for a count, a
// share of another whole for a share. Words after the verb ("on Tuesday", "a club record") are
// circumstances and never narrow.
import type { FigureMeaning } from '../../text/figures/figure-meaning.js';
import { LIGHT_WORDS } from '../../text/figures/figure-words.js';
import { kindOf, STOPWORDS } from '../../text/index.js';
import { covered, saidOverlap, sameBodies } from './figure-relation.js';
import { clauseComma, coordinateAdjectives } from '../../text/figures/figure-commas.js';

const FINITE = /\s(?:is|are|was|were|has|have|had|will|would|can|could|may|might|must|should|do|does|did|lost|won|rose|fell|grew|got|made|took|gave|went|saw|ran|paid|spent|sold|kept|held|left)\b/i;
const WORD = /[\p{L}][\p{L}'’-]*|\d[\d,.]*/gu;

/** Where the first of the figure's verbs stands in its clause, or -1. */
function verbAt(m: FigureMeaning): number {
  let at = -1;
  // "drivers aged under 21" names the set, it says nothing of it.
  for (const v of m.verbs.filter((x) => x !== 'aged')) {
    const hit = new RegExp(`\\b${v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'iu').exec(m.clause);
    if (hit && (at < 0 || hit.index < at)) at = hit.index;
  }
  // A verb the reader keeps as a direction or auxiliary ("lost", "were"), after the figure.
  const fig = m.clause.indexOf(m.figure.text);
  const aux = fig < 0 ? null : FINITE.exec(m.clause.slice(fig + m.figure.text.length));
  if (aux && (at < 0 || fig + m.figure.text.length + aux.index < at)) at = fig + m.figure.text.length + aux.index;
  return at;
}

/** The words that say which set the figure is about: the subject it counts, up to the verb, and a share's "of …" phrase. */
function setText(m: FigureMeaning): string[] {
  const parts: string[] = [];
  const at = verbAt(m);
  const fig = m.clause.indexOf(m.figure.text);
  // The figure counts the subject ("4,800 people in Calder over 70 were treated"): the words from it to the verb.
  if (fig >= 0 && at > fig + m.figure.text.length) {
    const subject = m.clause.slice(fig + m.figure.text.length, at);
    const comma = clauseComma(subject, 0, subject.length);
    parts.push(subject.slice(0, comma < 0 ? subject.length : comma).split(/["“”]/)[0] ?? '');
  }
  if (fig >= 0 && m.share !== null) {
    const of = /^\s+of\s+((?:the\s+)?(?:[\p{L}'’-]+\s+){0,4}?[\p{L}'’-]+)(?=\s+(?:on|in|at|with|who|that|which|are|is|were|was|have|has|had|[\p{L}-]+(?:ed|s))\b|[\s,.;]*$)/iu.exec(m.clause.slice(fig + m.figure.text.length));
    if (of?.[1]) parts.push(of[1]);
  }
  return parts;
}

/** The words a side writes in its set that the other side does not say (names, periods and figures aside; an age or size bound counts). */
export function setNarrowing(a: FigureMeaning, b: FigureMeaning): string[] {
  const figureWords = a.figure.text.toLowerCase().split(/\s+/);
  const when = [a.period, b.period].flatMap((p) => (p ? p.text.toLowerCase().split(/\s+/) : []));
  const others = [...b.said, ...b.modifiers, ...b.restriction, ...b.ofWords, ...(b.counted ? [b.counted] : []), ...b.figure.text.toLowerCase().split(/\s+/)];
  const bClause = b.clause.toLowerCase();
  // "the previously pristine, 430-mile northern stretch": adjectives coordinated by a comma describe the noun, they do not narrow it.
  const describing = new Set(coordinateAdjectives(a.clause));
  const out: string[] = [];
  for (const text of setText(a)) {
    for (const m of text.matchAll(WORD)) {
      const raw = m[0];
      const w = raw.toLowerCase().replace(/['’]s$/, '');
      if (/^\d/.test(raw)) {
        // "over 70", "aged under 21": a bound on the set, unless the other side writes it too.
        if (!figureWords.includes(w) && !when.includes(w) && /\b(?:over|under|aged|above|below|older|younger)\s+(?:than\s+)?$/i.test(text.slice(0, m.index)) && !bClause.includes(w)) out.push(w);
        continue;
      }
      if (/^\p{Lu}/u.test(raw) || STOPWORDS.has(w) || LIGHT_WORDS.has(w) || figureWords.includes(w) || when.includes(w) || describing.has(w) || w.length < 3) continue;
      if (!covered(w, others) && !others.some((o) => sameBodies(w, o))) out.push(w);
    }
  }
  return out;
}

/** Plurals WordNet does not read back to their noun. */
const SINGULAR: ReadonlyMap<string, string> = new Map([['people', 'person'], ['children', 'child'], ['men', 'man'], ['women', 'woman'], ['mice', 'mouse'], ['geese', 'goose'], ['teeth', 'tooth'], ['feet', 'foot']]);
const noun = (w: string): string => SINGULAR.get(w) ?? w;


/** The word before `word` in a clause, lower-case ("died of pneumonia" → "of"). */
function before(clause: string, word: string): string | null {
  const words: string[] = clause.toLowerCase().match(/[\p{L}'’-]+/gu) ?? [];
  const at = words.indexOf(word.split(' ')[0] ?? word);
  return at > 0 ? (words[at - 1] ?? null) : null;
}

/**
 * Kinds of things: the source counts a kind of what the claim counts ("rats" of "animals",
 * "swimmers" of "athletes") → narrower; the claim a kind of the source's ("pneumonia" of
 * "respiratory disease") → broader. Read on the counted nouns, and on a word one side writes where
 * the other writes another ("died of pneumonia" / "died of respiratory disease": the same word
 * before both; a two-word phrase counts as one). Null when no word of one is a kind of the other's.
 */
export function kindNesting(c: FigureMeaning, s: FigureMeaning): 'narrower' | 'broader' | null {
  const over = saidOverlap(c, s);
  const phrases = (ws: string[]): string[] => [...ws, ...ws.slice(1).map((w, i) => `${ws[i]} ${w}`)];
  const pairs: Array<[string, string]> = [];
  if (c.counted !== null && s.counted !== null && c.counted !== s.counted) pairs.push([noun(c.counted), noun(s.counted)]);
  const claimOnly = [...over.missing, ...(c.counted !== null && s.counted === null ? [c.counted] : [])].filter((w) => !/^\p{Lu}/u.test(w));
  const sourceOnly = phrases([...over.extra, ...(s.counted !== null && c.counted === null ? [s.counted] : [])]);
  for (const a of claimOnly) {
    for (const b of sourceOnly) {
      const at = before(c.clause, a);
      // After a copula the word describes ("are men" / "are male"); it names no set.
      if (at !== null && at === before(s.clause, b) && !/^(?:is|are|was|were|be|been)$/.test(at)) pairs.push([noun(a), noun(b)]);
    }
  }
  const nests = pairs.filter(([a, b]) => !sameBodies(a, b));
  if (nests.some(([a, b]) => kindOf(b, a))) return 'narrower';
  if (nests.some(([a, b]) => kindOf(a, b))) return 'broader';
  return null;
}
