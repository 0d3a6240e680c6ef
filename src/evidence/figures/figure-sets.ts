// Which set a figure is said of, by where words stand: the subject a count or share is about
// ("girls in Northvale's rural schools score 9% higher", "4,800 people in Calder over 70 were
// treated") and the set a share is of ("45% of Brenmoor's investment income"). Words one side
// writes there that the other does not say at all narrow the set: a narrower set for a count, a
// share of another whole for a share. Words after the verb ("on Tuesday", "a club record") are
// circumstances and never narrow.
import type { FigureMeaning } from '../../text/figures/figure-meaning.js';
import { LIGHT_WORDS } from '../../text/figures/figure-words.js';
import { STOPWORDS } from '../../text/index.js';
import { covered } from './figure-relation.js';

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
  if (fig >= 0 && at > fig + m.figure.text.length) parts.push(m.clause.slice(fig + m.figure.text.length, at).split(/[,"“”]/)[0] ?? '');
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
      if (/^\p{Lu}/u.test(raw) || STOPWORDS.has(w) || LIGHT_WORDS.has(w) || figureWords.includes(w) || when.includes(w) || w.length < 3) continue;
      if (!covered(w, others)) out.push(w);
    }
  }
  return out;
}
