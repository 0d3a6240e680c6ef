// A passage judged with the names its page gave before it: a news page names "the Great Barrier
// Reef" once (in its title or an early paragraph) and then says "the reef". Every passage of the
// page is read for the judge with the short name written in full (text/words/short-names.ts),
// from the page's title and its text before the passage; the judgement keeps the passage as the
// page wrote it, so quotes are the source's own words.
import type { Store } from '../contracts.js';
import type { Judgement, Passage, Source } from '../model.js';

/** A passage to judge and its page. */
interface OnPage {
  passage: Passage;
  source: Source;
}
import { PageNames } from '../text/index.js';

/** Judges passages with their page's names; each page's text is read once per check. */
export class PageNamedJudge {
  private readonly texts = new Map<string, Promise<string | null>>();

  constructor(private readonly store: Store) {}

  /** The passage's text with the short names its page gave in full before it. */
  async named(e: OnPage): Promise<string> {
    const text = e.passage.text;
    if (!/\b[Tt]he\s+\p{Ll}/u.test(text)) return text;
    let page = this.texts.get(e.source.id);
    if (!page) {
      page = this.store.getSourceText(e.source.id);
      this.texts.set(e.source.id, page);
    }
    const before = ((await page) ?? '').slice(0, Math.max(0, e.passage.start));
    const names = new PageNames(e.source.title);
    names.add(before);
    return names.expand(text);
  }

  /** `judge` on each passage read with its page's names, the judgement keeping the passage as written. */
  async judgeAll<E extends OnPage>(evidence: readonly E[], judge: (e: E) => Judgement): Promise<Judgement[]> {
    const out: Judgement[] = [];
    for (const e of evidence) {
      const text = await this.named(e);
      const j = judge(text === e.passage.text ? e : { ...e, passage: { ...e.passage, text } });
      out.push({ ...j, passage: e.passage });
    }
    return out;
  }
}
