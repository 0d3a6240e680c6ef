// Citation numbering. The composer writes sentences whose citations are source ids — either
// inline placeholders ("legislation {{cite:ID}}") or a list appended at the end — and numbers
// sources by first appearance when the draft is finished.
import type { Source, ReportSource } from '../model.js';
import type { DraftSentence } from './draft.js';

/** A sentence as the composer builds it, before numbering. */
export interface PendingSentence {
  /** Text without final punctuation; may hold inline `{{cite:<sourceId>}}` placeholders. */
  body: string;
  /** Sources cited at the end of the sentence (after any inline ones). */
  sourceIds: string[];
  passageIds: string[];
  basis?: DraftSentence['basis'];
}

const PLACEHOLDER = /\{\{cite:([^}]+)\}\}/g;

export function cite(sourceId: string): string {
  return `{{cite:${sourceId}}}`;
}

export class CitationNumbers {
  private readonly numbers = new Map<string, number>();
  private readonly order: Source[] = [];

  constructor(private readonly sources: ReadonlyMap<string, Source>) {}

  number(sourceId: string): number {
    const known = this.numbers.get(sourceId);
    if (known !== undefined) return known;
    const source = this.sources.get(sourceId);
    if (!source) throw new Error(`internal: cited source ${sourceId} is not among the judged sources`);
    const n = this.order.length + 1;
    this.numbers.set(sourceId, n);
    this.order.push(source);
    return n;
  }

  /** Number a pending sentence: placeholders become [n], end citations are appended before the period. */
  finish(s: PendingSentence): DraftSentence {
    const citations: number[] = [];
    const note = (n: number): void => {
      if (!citations.includes(n)) citations.push(n);
    };
    let body = s.body.replace(PLACEHOLDER, (_m, id: string) => {
      const n = this.number(id);
      note(n);
      return `[${n}]`;
    });
    const tail = [...new Set(s.sourceIds)].map((id) => this.number(id));
    for (const n of tail) note(n);
    body = body.replace(/\s+$/, '').replace(/[.]+$/, '');
    // A sentence starts with a capital, even when it opens with a name written in lower case.
    body = body.replace(/^\p{Ll}/u, (c) => c.toUpperCase());
    const marks = tail.map((n) => `[${n}]`).join('');
    const text = `${body}${marks ? ` ${marks}` : ''}.`;
    const out: DraftSentence = { text, citations, passageIds: [...new Set(s.passageIds)] };
    if (s.basis && s.basis !== 'passage') out.basis = s.basis;
    return out;
  }

  list(): ReportSource[] {
    return this.order.map((s, i) => ({
      n: i + 1,
      id: s.id,
      title: s.title,
      publisher: s.publisher,
      date: s.publishedAt,
      uri: s.uri,
      kind: s.kind,
    }));
  }
}
