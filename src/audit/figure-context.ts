// What a figure counts, read from the words around it, in a form two figures can be compared by:
// the stemmed words of its clause (after the figure, else before it), without the counted unit and
// without reporting words ("found", "according") that say nothing about what is counted.
import type { Figure } from '../model.js';
import { STOPWORDS, stem, tokenize } from '../text/index.js';

export interface PredicateWord {
  word: string;
  stem: string;
  /** A content word that restricts what is counted (not a stop word, not a reporting/filler word). */
  content: boolean;
  /** Read from the clause before the figure: context for similarity, never a qualifier. */
  context?: boolean;
}

const FILLER = new Set(
  (
    'found find finds show shows showed shown report reports reported reporting according survey surveys study studies data ' +
    'estimate estimated estimates note noted state stated indicate indicated suggest suggested reveal revealed record recorded ' +
    'count counted total overall altogether respectively currently now already still since recently reportedly roughly ' +
    'approximately around nearly almost about least exactly just some well year years today then further additional another ' +
    'new latest figure figures number numbers people reviewed surveyed studied covered examined assessed analysed analyzed ' +
    'included listed counted polled sampled questioned'
  )
    .split(/\s+/)
    .map((w) => stem(w)),
);

const BOUNDARY = /[;:.()[\]—–?!]|,\s|\b(?:while|whereas|but|although|though|compared)\b|\d/i;

/** A four-digit year read as a number (no unit, no whole, 1800–2100). */
export function isYear(f: Figure): boolean {
  return f.unit === null && f.whole === null && Number.isInteger(f.value) && f.value >= 1800 && f.value <= 2100 && /^\d{4}$/.test(f.text.trim());
}

/** A loose key for a word: its stem cut to five letters, so "possession" and "possessing", "criminalise" and "criminalised" meet. */
export function wordKey(word: string): string {
  return stem(word.toLowerCase()).slice(0, 5);
}

function words(text: string): PredicateWord[] {
  return tokenize(text)
    .filter((t) => !/^\d/.test(t.text))
    .map((t) => {
      const s = stem(t.lower);
      return { word: t.text, stem: s.slice(0, 5), content: !STOPWORDS.has(t.lower) && !FILLER.has(s) && t.lower.length > 1 };
    });
}

/** The clause after a figure, skipping its whole ("of 196") and its unit; empty when none. */
function after(text: string, f: Figure): string {
  let rest = text.slice(f.end, f.end + 160);
  rest = rest.replace(/^\s*(?:%|percent\b|per cent\b)/i, '');
  rest = rest.replace(/^\s*(?:out\s+)?of\s+(?:the\s+|all\s+|those\s+|these\s+|its\s+|their\s+)?[\d,.]+/i, '');
  // "128 of them": an anaphoric whole is not what is counted.
  rest = rest.replace(/^\s*(?:out\s+)?of\s+(?:them|these|those)\b/i, '');
  // A parenthesis right after the figure ("46 countries (184 − 138 = 46) where …") is an aside.
  rest = rest.replace(/^(\s*[A-Za-z-]*\s*)\([^()]{0,60}\)/, '$1');
  const cut = BOUNDARY.exec(rest);
  return cut ? rest.slice(0, cut.index) : rest;
}

/** The clause before a figure, back to the previous boundary. */
function before(text: string, f: Figure): string {
  const head = text.slice(Math.max(0, f.start - 160), f.start);
  let cut = -1;
  for (const m of head.matchAll(new RegExp(BOUNDARY.source, 'gi'))) cut = (m.index ?? 0) + m[0].length;
  return cut >= 0 ? head.slice(cut) : head;
}

/**
 * The words saying what a figure counts: the clause after it ("140 countries *criminalise possession*"),
 * or, when that holds no content word, the clause before it ("possession is criminalised in 140 countries").
 * The unit itself is left out; `unitStem` names it.
 */
export function predicateOf(text: string, f: Figure): PredicateWord[] {
  const unitStem = f.unit ? wordKey(f.unit.split(/\s+/).pop() ?? f.unit) : null;
  const drop = (ws: PredicateWord[]): PredicateWord[] => {
    const out = [...ws];
    const i = out.findIndex((w) => w.content);
    if (i >= 0 && unitStem !== null && out[i]?.stem === unitStem) out.splice(0, i + 1);
    return out.slice(0, 10);
  };
  const a = drop(words(after(text, f)));
  const b = words(before(text, f))
    .filter((w) => w.stem !== unitStem)
    .slice(-8)
    .map((w) => ({ ...w, context: true }));
  const n = a.filter((w) => w.content).length;
  if (n >= 3) return a;
  // Little after it ("covered 80 fish stocks"): the clause before says what is counted.
  return n === 0 ? b : [...a, ...b];
}

export function contentStems(p: readonly PredicateWord[]): string[] {
  return p.filter((w) => w.content).map((w) => w.stem);
}

/** How far two predicates say the same thing: shared content stems over the union (the longer cut to the shorter's length + 1). */
export function predicateSimilarity(a: readonly PredicateWord[], b: readonly PredicateWord[]): number {
  return stemSimilarity(contentStems(a), contentStems(b));
}

/** predicateSimilarity of two predicates' content stems (for callers that compare one predicate many times). */
export function stemSimilarity(x: readonly string[], y: readonly string[]): number {
  if (x.length === 0 || y.length === 0) return 0;
  const xs = new Set(x.slice(0, y.length + 1));
  const ys = new Set(y.slice(0, x.length + 1));
  let shared = 0;
  for (const s of xs) if (ys.has(s)) shared++;
  return shared / (xs.size + ys.size - shared);
}

/**
 * The qualifier one predicate has and the other lacks, when one reads as the other with words
 * inserted: "have *refined their* laws" vs "have laws" → "refined their". Words past the last
 * shared word are context, not a qualifier. Null when neither contains the other that way, or when
 * the inserted words are all stop or filler words.
 */
export function droppedQualifier(shorter: readonly PredicateWord[], longer: readonly PredicateWord[]): string | null {
  const a = shorter.filter((w) => w.content && !w.context);
  const b = longer.filter((w) => w.content && !w.context);
  if (a.length === 0 || b.length <= a.length) return null;
  let j = 0;
  const skipped: PredicateWord[] = [];
  for (const w of a) {
    while (j < b.length && b[j]?.stem !== w.stem) skipped.push(b[j++]!);
    if (j >= b.length) return null;
    j++;
  }
  // A qualifier is a word of four letters or more ("refined", "specific"), not a unit abbreviation ("cp").
  if (!skipped.some((w) => /^\p{L}{4,}$/u.test(w.word))) return null;
  // Quote the inserted words as written, with the stop words between them.
  const first = skipped[0]!;
  const last = skipped[skipped.length - 1]!;
  const i0 = longer.indexOf(first);
  const i1 = longer.indexOf(last);
  return longer
    .slice(i0, i1 + 1)
    .map((w) => w.word)
    .join(' ');
}

/** Does the predicate deny ("did not criminalise", "no specific legislation", "without")? Only its own words count. */
export function isNegated(p: readonly PredicateWord[]): boolean {
  return p.some((w) => !w.context && /^(?:not|no|never|without|none|neither|nor|lack|lacks|lacked|lacking)$|n't$/i.test(w.word));
}

/** A figure with what it counts, as words: the clause before it (when read), the figure, its unit, the clause after it. */
export function describeFigure(f: Figure, p: readonly PredicateWord[]): string {
  const before = p.filter((w) => w.context).map((w) => w.word).join(' ');
  const after = p.filter((w) => !w.context).map((w) => w.word).join(' ');
  // The unit once: not after "40%" ("40% percent"), nor before words that name it ("a third cover of its coral cover").
  const written = `${f.text} ${after}`.toLowerCase();
  const said = f.unit !== null && (written.includes(f.unit.toLowerCase()) || (f.unit === 'percent' && f.text.includes('%')));
  const unit = f.unit && !said ? ` ${f.unit}` : '';
  return `"${[before, `${f.text}${unit}`, after].filter((x) => x !== '').join(' ')}"`;
}

/** The predicate as readable words. */
export function predicateText(p: readonly PredicateWord[]): string {
  return p.map((w) => w.word).join(' ');
}
