// A definite short form and its full name. News pages name a thing in full once ("the Great Barrier
// Reef", in the title or an early sentence) and then by its head noun ("the reef"). Reading a later
// sentence alone loses the name; `expandShortNames` writes it back, from what the page said before.
//
// Contract: pure. A short form is "the" + a lower-case noun that is the last word of exactly one
// multi-word capitalised name in the text before it (the title counts as before). Two names with
// that head ("Ningaloo Reef", "Great Barrier Reef") leave it alone: precise before broad. The
// sentence's own names, and a short form followed by a capitalised word or "of", are left alone.

/** Words that may sit inside a name between capitalised words ("Bank of England", "House of Lords"). */
const JOINERS = new Set(['of', 'de', 'for', 'and']);
/** Capitalised words that start a sentence or a title without naming anything. */
const OPENERS = new Set(['the', 'a', 'an', 'in', 'on', 'at', 'for', 'as', 'by', 'this', 'that', 'these', 'those', 'its', 'their', 'how', 'why', 'what', 'when', 'after', 'before']);

export interface NameInText {
  /** The name as written, without a leading "The" ("Great Barrier Reef"). */
  name: string;
  /** Its last word, lower-case ("reef"). */
  head: string;
}

/** Runs of two or more capitalised words (joined by "of", "de", "for", "and") in a text. */
export function multiWordNames(text: string): NameInText[] {
  const out: NameInText[] = [];
  let run: string[] = [];
  const flush = (): void => {
    while (run.length > 0 && JOINERS.has(run[run.length - 1] ?? '')) run.pop();
    while (run.length > 0 && OPENERS.has((run[0] ?? '').toLowerCase())) run.shift();
    const capitals = run.filter((w) => !JOINERS.has(w));
    if (capitals.length >= 2) out.push({ name: run.join(' '), head: (run[run.length - 1] ?? '').toLowerCase() });
    run = [];
  };
  for (const m of text.matchAll(/[\p{L}][\p{L}'’-]*|[^\p{L}\s]+/gu)) {
    const w = m[0].replace(/['’]s$/, '');
    if (/^\p{Lu}/u.test(w)) {
      run.push(w);
      if (w !== m[0]) flush();
    } else if (run.length > 0 && JOINERS.has(w)) run.push(w);
    else flush();
  }
  flush();
  return out;
}

const SHORT = /\b([Tt]he)\s+(\p{Ll}[\p{Ll}-]+)\b(?!\s+(?:of\b|\p{Lu}))/gu;

/**
 * The names a page has given so far, read in order: `expand` a sentence with what came before it,
 * then `add` it. Linear in the page's length.
 */
export class PageNames {
  private readonly byHead = new Map<string, Set<string>>();

  constructor(title = '') {
    this.add(title);
  }

  add(text: string): void {
    for (const n of multiWordNames(text)) {
      const names = this.byHead.get(n.head) ?? new Set<string>();
      names.add(n.name);
      this.byHead.set(n.head, names);
    }
  }

  /** `sentence` with each definite short form ("the reef") written as the one full name the page gave it ("the Great Barrier Reef"). */
  expand(sentence: string): string {
    if (this.byHead.size === 0 || !/\b[Tt]he\s+\p{Ll}/u.test(sentence)) return sentence;
    const own = new Set(multiWordNames(sentence).map((n) => n.head));
    return sentence.replace(SHORT, (whole, the: string, noun: string) => {
      const names = this.byHead.get(noun);
      if (!names || names.size !== 1 || own.has(noun)) return whole;
      return `${the} ${[...names][0] ?? noun}`;
    });
  }
}

/** `sentence` with its definite short forms written in full from `before` (the page's title and the text before the sentence). */
export function expandShortNames(sentence: string, before: string): string {
  return new PageNames(before).expand(sentence);
}
