// Word tokens with offsets, stop words and a light suffix stemmer: the shared vocabulary of
// retrieval, stance and verification. Pure functions, no I/O.

export interface Token {
  /** The word as written. */
  text: string;
  /** Lower-cased form. */
  lower: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu;

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const start = m.index ?? 0;
    out.push({ text: m[0], lower: m[0].toLowerCase(), start, end: start + m[0].length });
  }
  return out;
}

export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a an the and or but if then else of to in on at by for with from as into onto upon about over under ' +
    'is are was were be been being am do does did done doing have has had having it its it’s this that these those ' +
    'there here which who whom whose what when where why how than too very can could should would may might must shall will ' +
    'i me my we our you your he him his she her they them their not no nor so such only own same other any each few more most ' +
    'some all both also just s t said says say per via'
  ).split(/\s+/),
);

/** A light English stemmer (plural and common verb/adjective suffixes). Deterministic and fast. */
export function stem(word: string): string {
  let w = word.toLowerCase();
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  for (const suffix of ['ization', 'ational', 'ation', 'ments', 'ment', 'ness', 'ingly', 'edly', 'ing', 'ed', 'ly', 'ize', 'ise', 'al', 'er', 'ity']) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 4) {
      w = w.slice(0, -suffix.length);
      break;
    }
  }
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  return w;
}

/** Content terms: lower-cased, stop words removed, stemmed. */
export function contentTerms(text: string): string[] {
  const out: string[] = [];
  for (const t of tokenize(text)) {
    if (STOPWORDS.has(t.lower)) continue;
    out.push(stem(t.lower));
  }
  return out;
}
