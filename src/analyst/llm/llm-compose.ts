// From the model's prose to a report draft. The computed parts — verdict, gaps, competing
// perspectives, the figures table, the sources of those — are the rules analyst's, unchanged;
// the model's sentences replace the summary and findings. Each model sentence keeps its own
// words and gets its citations from the passage numbers it gave:
// - a number among the passages shown → that passage (the verifier checks the sentence
//   against it) and its source's [n];
// - any other number, or a citation that is not a number → a passage id that names the
//   problem, which the verifier reports as not found: the sentence is flagged, never dropped;
// - no citation at all → the verifier flags it "no citation".
// The summary closes with the main caveat, computed like the rules analyst's (the model is
// asked not to write about the sources' kinds and dates, which it cannot cite).
// Gap sentences that name a rules finding ("The finding “…” rests on a single source") are
// replaced by the same statement about the model's findings.
// A headline is not a sentence of the argument, so the verifier does not see it: it is checked
// here against the passages its finding cites, and one that fails is marked "(unverified)"
// with a warning giving the reason.
import type { Passage, ReportSource, Source } from '../../model.js';
import type { Composed } from '../../report/compose/compose.js';
import type { DraftFinding, DraftSentence } from '../../report/draft.js';
import { sourceName } from '../../report/compose/attribution.js';
import { metadataText, verifySentence } from '../../report/verify.js';
import type { NumberedPassage } from './report-prompt.js';
import type { ProseSentence, ReportProse } from './report-prose.js';

class Numbering {
  private readonly byId = new Map<string, number>();
  readonly sources: ReportSource[];

  constructor(existing: readonly ReportSource[]) {
    this.sources = [...existing];
    for (const s of existing) this.byId.set(s.id, s.n);
  }

  number(s: Source): number {
    const known = this.byId.get(s.id);
    if (known !== undefined) return known;
    const n = this.sources.length + 1;
    this.sources.push({ n, id: s.id, title: s.title, publisher: s.publisher, date: s.publishedAt, uri: s.uri, kind: s.kind });
    this.byId.set(s.id, n);
    return n;
  }
}

function draftSentence(s: ProseSentence, passages: readonly NumberedPassage[], numbering: Numbering): DraftSentence {
  const passageIds: string[] = [];
  const citations: number[] = [];
  for (const n of s.cites) {
    const p = passages[n - 1];
    if (!p) {
      passageIds.push(`[${n}] (only passages 1–${passages.length} were given)`);
      continue;
    }
    if (!passageIds.includes(p.passage.id)) passageIds.push(p.passage.id);
    const sn = numbering.number(p.source);
    if (!citations.includes(sn)) citations.push(sn);
  }
  for (const bad of s.badCites) passageIds.push(`${JSON.stringify(bad)} (not a passage number)`);
  const end = /[.!?]+$/.exec(s.text)?.[0] ?? '.';
  const body = s.text.replace(/[.!?]+$/, '').trim();
  const marks = citations.map((n) => `[${n}]`).join('');
  return { text: `${body}${marks ? ` ${marks}` : ''}${end}`, citations, passageIds };
}

export interface ProseDraft {
  composed: Composed;
  /** Warnings for the report's provenance (headlines that failed, and so on). */
  warnings: string[];
}

/** The report draft with the model's summary and findings in place of the rules analyst's. */
export function composeFromProse(rules: Composed, passages: readonly NumberedPassage[], prose: ReportProse): ProseDraft {
  const numbering = new Numbering(rules.draft.sources);
  const warnings: string[] = [];
  const summary = prose.summary.map((s) => draftSentence(s, passages, numbering));
  const findings: DraftFinding[] = prose.findings.map((f, i) => {
    const sentences = f.sentences.map((s) => draftSentence(s, passages, numbering));
    const cited = f.cites.map((n) => passages[n - 1]).filter((p): p is NumberedPassage => p !== undefined);
    const check = verifySentence(f.headline, cited.map((p) => ({ text: p.passage.text })), {
      attribution: cited.map((p) => metadataText({ n: 0, id: p.source.id, title: p.source.title, publisher: p.source.publisher, date: p.source.publishedAt, uri: p.source.uri, kind: p.source.kind })),
    });
    if (check.verified) return { headline: f.headline, sentences };
    warnings.push(`the headline of finding ${i + 1} (${JSON.stringify(f.headline)}) is not supported by its passages: ${check.why}`);
    return { headline: `${f.headline} (unverified)`, sentences };
  });
  // Single-source findings, stated for the model's findings instead of the rules analyst's.
  const gaps = rules.draft.gaps.filter((g) => !rules.draft.findings.some((f) => g.text.includes(`“${f.headline}”`)));
  for (const f of findings) {
    const cited = [...new Set(f.sentences.flatMap((s) => s.citations))];
    const only = cited.length === 1 ? numbering.sources.find((s) => s.n === cited[0]) : undefined;
    const source = only ? passages.find((p) => p.source.id === only.id)?.source : undefined;
    if (only && source) gaps.push({ text: `The finding “${f.headline}” rests on a single source, ${sourceName(source)} [${only.n}].`, citations: [only.n], passageIds: [], basis: 'metadata' });
  }
  // The main caveat closes the summary, as in a rules report: the first gap that is not an absence.
  const caveat = gaps.find((g) => g.basis !== 'absence');
  if (caveat && summary.length < 5) summary.push(caveat);
  const all = new Map<string, Passage>(rules.passages);
  for (const p of passages) all.set(p.passage.id, p.passage);
  return {
    composed: { draft: { ...rules.draft, summary, findings, gaps, sources: numbering.sources }, passages: all },
    warnings,
  };
}
