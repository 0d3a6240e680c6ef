// Is a passage about the names a claim is about? "Freedonia does not criminalize possession" is
// no evidence on Ruritania. The names are the claim's capitalised words, read tolerantly:
//   - not the claim's first word, nor a word opening a sentence or a quotation inside it
//     ("However", "Finishing", "Late the following year") — capitals there mark position;
//   - not a month or weekday, not a stop word;
//   - possessives drop their "'s" ("Norton's" → Norton), hyphenated names count by their
//     parts ("African-Americans" → African, Americans);
//   - matched in the passage or its source's title whatever the case, and across spacing
//     ("TechCrunch" matches "Tech Crunch", "Tech-Crunch" and "techcrunch").
// A passage naming fewer than a third of the names (at least one) is set aside for that claim —
// unless its source states the claim well enough to bear it out (claim-coverage.ts: the page is
// about the claim whatever it capitalises, as when the claim's name is spelt another way or its
// capitals are titles, "the Republic", rather than names), or its page is titled with the claim's
// topic (check --about: the page is about the claim's subject, "The band's third album" on the
// band's page).
import type { Judgement } from '../model.js';
import type { SourceCoverage } from './claim-coverage.js';
import { STOPWORDS, commonWord, onlyCapitalised, stem, tokenize } from '../text/index.js';

const CALENDAR = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
]);

/** A capitalised word that names wherever it stands: no common word in WordNet, or only a name there. */
function nameAnywhere(word: string): boolean {
  const lower = word.toLowerCase().replace(/['’]s?$/, '');
  if (lower.length < 3 || STOPWORDS.has(lower) || CALENDAR.has(lower) || !/^\p{L}+$/u.test(lower)) return false;
  return onlyCapitalised(lower) || !commonWord(lower);
}

const fold = (word: string): string => stem(word.toLowerCase().replace(/['’]s?$/, ''));

/** The names of a claim, folded (lower case, no possessive, stemmed). */
export function claimNames(claim: string): string[] {
  const out = new Set<string>();
  for (const t of tokenize(claim)) {
    if (!/^\p{Lu}/u.test(t.text) || t.text.length < 2) continue;
    // Capitals by position: the first word, or one right after a sentence end or an opening quote.
    // Such a word still names when it is no common word: unknown to WordNet ("Collingwood") or
    // a name in every sense it has ("Europe").
    const before = claim.slice(0, t.start).trimEnd();
    if ((before === '' || /[.!?:;"“(]$/.test(before)) && !nameAnywhere(t.text)) continue;
    for (const part of t.text.split(/[-.]/)) {
      const lower = part.toLowerCase().replace(/['’]s?$/, '');
      if (lower.length < 2 || STOPWORDS.has(lower) || CALENDAR.has(lower) || /^\d+$/.test(lower)) continue;
      out.add(fold(part));
    }
  }
  return [...out];
}

/** The folded words of a text, with each pair of neighbours also joined ("tech crunch" → "techcrunch"). */
function foldedWords(text: string): Set<string> {
  const words = tokenize(text).flatMap((t) => t.text.split(/[-.]/)).filter((w) => w !== '');
  const out = new Set<string>();
  words.forEach((w, i) => {
    out.add(fold(w));
    const next = words[i + 1];
    if (next !== undefined) out.add(fold(`${w}${next}`));
  });
  return out;
}

/** Does the text name enough of `names`? Also true when the claim has none. */
export function namesEnough(names: readonly string[], text: string): boolean {
  if (names.length === 0) return true;
  const have = foldedWords(text);
  const found = new Set<string>();
  names.forEach((n, i) => {
    if (have.has(n)) found.add(n);
    // "Tech Crunch" in the claim, "TechCrunch" in the passage.
    const next = names[i + 1];
    if (next !== undefined && have.has(fold(`${n}${next}`))) found.add(n).add(next);
  });
  return found.size >= Math.max(1, Math.ceil(names.length / 3));
}

/**
 * The judgements whose passage (or its source's title) names enough of the claim's names, or whose
 * source states at least `waiveAt` of the claim by `coverage`, or — when `wholeText` gives the
 * source's text — whose passage names one of them and whose source names enough of them across
 * its text (a page about the claim's people names them in its other paragraphs: "Paisey" in the
 * paragraph quoted, "Bromley" and "Coleman" further down).
 */
export function aboutTheSameNames(claim: string, judgements: Judgement[], coverage?: SourceCoverage, waiveAt = 1, wholeText?: (sourceId: string) => string | undefined, subject: readonly string[] = []): Judgement[] {
  const names = claimNames(claim);
  if (names.length === 0) return judgements;
  const bySource = new Map<string, boolean>();
  const sourceNames = (j: Judgement): boolean => {
    const known = bySource.get(j.source.id);
    if (known !== undefined) return known;
    const text = wholeText?.(j.source.id);
    const enough = text !== undefined && namesEnough(names, `${text} ${j.source.title}`);
    bySource.set(j.source.id, enough);
    return enough;
  };
  return judgements.filter((j) => {
    if ((coverage?.get(j.source.id) ?? 0) >= waiveAt) return true;
    // A page titled with the claim's topic (check --about) is about the claim's subject, whatever names the claim writes.
    if (subject.length > 0 && namesAll(subject, j.source.title)) return true;
    const here = `${j.passage.text} ${j.source.title}`;
    if (namesEnough(names, here)) return true;
    // A passage that names none of them refers to them another way ("He died …"): kept when its
    // page names enough of them and states a good part of the claim.
    return wholeText !== undefined && (namesAny(names, here) || (coverage?.get(j.source.id) ?? 0) >= PAGE_ABOUT_AT) && sourceNames(j);
  });
}

/** A page naming the claim's people that states this share of the claim keeps even its passages that name none of them. */
const PAGE_ABOUT_AT = 0.3;

/** Does the text name every one of `names` (a subject's words, folded as claimNames folds them)? */
export function namesAll(names: readonly string[], text: string): boolean {
  const have = foldedWords(text);
  return names.every((n) => have.has(n));
}

/** Does the text name at least one of `names`? */
function namesAny(names: readonly string[], text: string): boolean {
  const have = foldedWords(text);
  return names.some((n) => have.has(n));
}
