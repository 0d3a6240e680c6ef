// Does a text state the claim's multi-word names ("Monsignor Scanlan High School", "Knight
// Commander of the Order of the British Empire")? A claim naming a school, an award or a building
// its source never names is at best partly supported by it, however many of the name's words the
// source uses elsewhere.

export interface StatedNames {
  /** The claim's names of two or more capitalised words, as written. */
  names: string[];
  /** How many of them the text holds verbatim (case, full stops and apostrophes aside). */
  found: number;
  /** (found + 1) / (names + 1): 1 for a claim without such names, never 0 (add-one smoothing). */
  share: number;
}

const MONTHS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']);
/** Lower-case words that may join the capitalised words of one name ("House of Lancaster"). */
const JOINERS = new Set(['of', 'the', 'de', 'for']);
/** Punctuation, quotes, brackets, dashes and possessives end a name. */
const BREAKS = /[,;:()"“”–—!?[\]]|['’]s\b|\s-\s/;

const normal = (w: string): string => w.toLowerCase().replace(/[.'’]/g, '');

/**
 * Names in a claim: runs of two or more capitalised words (joined by "of", "the", "de", "for"),
 * within one stretch of text between punctuation marks. The claim's first word, month names
 * and a trailing joiner are not part of a name.
 */
export function namePhrases(claim: string): string[] {
  const out: string[] = [];
  let opening = true;
  for (const stretch of claim.split(BREAKS)) {
    const words = stretch.split(/\s+/).filter((w) => w.length > 0);
    let run: string[] = [];
    const flush = (): void => {
      while (run.length > 0 && JOINERS.has(run[run.length - 1]!)) run.pop();
      if (run.filter((w) => !JOINERS.has(w)).length >= 2) out.push(run.join(' '));
      run = [];
    };
    words.forEach((w, k) => {
      const capital = /^\p{Lu}/u.test(w) && !(opening && k === 0) && !MONTHS.has(w.toLowerCase().replace(/\.$/, ''));
      if (capital) run.push(w.replace(/\.$/, ''));
      else if (run.length > 0 && JOINERS.has(w)) run.push(w);
      else flush();
    });
    flush();
    if (words.length > 0) opening = false;
  }
  return out;
}

/** Count which of the claim's names the text holds as the same sequence of words. */
export function statedNames(claim: string, text: string): StatedNames {
  const names = namePhrases(claim);
  if (names.length === 0) return { names, found: 0, share: 1 };
  const words = ` ${text
    .split(/[^\p{L}\p{N}.'’&-]+/u)
    .filter((w) => w.length > 0)
    .map(normal)
    .join(' ')} `;
  const found = names.filter((n) => words.includes(` ${n.split(/\s+/).map(normal).join(' ')} `)).length;
  return { names, found, share: (found + 1) / (names.length + 1) };
}
