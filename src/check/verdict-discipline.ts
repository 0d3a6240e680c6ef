// Verdict discipline, applied to the verified report: Supported, Refuted or Mixed stands only when
// the report quotes, in a finding the verifier accepted, a passage judged to bear it out (a
// supporting passage for Supported, a refuting one for Refuted, one of each for Mixed). The
// one-sentence reason then names that passage's source by its citation number. Otherwise the
// verdict is Unproven and the reason says why: a label the reader cannot trace to a quote is
// not given.
import type { Judgement, Report, ReportSentence, Stance, VerdictLabel } from '../model.js';

type ReportVerdict = NonNullable<Report['verdict']>;

const NEEDS: Record<Exclude<VerdictLabel, 'unproven'>, Stance[]> = { supported: ['supports'], refuted: ['refutes'], mixed: ['supports', 'refutes'] };
const VERB: Record<'supports' | 'refutes', string> = { supports: 'bears the claim out', refutes: 'contradicts the claim' };
const TITLE: Record<VerdictLabel, string> = { supported: 'Supported', refuted: 'Refuted', mixed: 'Mixed', unproven: 'Unproven' };

/** Unproven for want of a quote, with the reason said. */
export const UNQUOTED_REASON = 'Unproven: no passage quoted in the report, as the verifier accepted it, bears a verdict out';

function quotedWith(report: Report, stanceOf: ReadonlyMap<string, Stance>, stance: Stance): ReportSentence | undefined {
  return report.findings
    .flatMap((f) => f.sentences)
    .find((s) => s.verified && (s.basis ?? 'passage') === 'passage' && s.citations.length > 0 && (s.passageIds ?? []).some((id) => stanceOf.get(id) === stance));
}

function sourceWords(report: Report, n: number): string {
  const s = report.sources[n - 1];
  return s?.publisher ? `${s.publisher} [${n}]` : `source [${n}]`;
}

/** The verdict the report's own quotes bear out, with a reason that names them. */
export function disciplinedVerdict(report: Report, judgements: readonly Judgement[]): ReportVerdict | null {
  const v = report.verdict;
  if (v === null || v.label === 'unproven') return v;
  const stanceOf = new Map(judgements.map((j) => [j.passage.id, j.stance]));
  const quotes = NEEDS[v.label].map((stance) => ({ stance, s: quotedWith(report, stanceOf, stance) }));
  if (quotes.some((q) => q.s === undefined)) {
    const missing = quotes.filter((q) => q.s === undefined).map((q) => (q.stance === 'supports' ? 'supporting' : 'refuting'));
    return { label: 'unproven', confidence: v.confidence, reason: `${UNQUOTED_REASON} (the evidence leaned ${v.label}, but no ${missing.join(' or ')} passage was quoted).` };
  }
  const said = quotes.map((q) => `the passage quoted from ${sourceWords(report, q.s!.citations[0]!)} ${VERB[q.stance as 'supports' | 'refutes']}`);
  const tail = v.reason.replace(/^[^:]*:\s*/, '').replace(/\.\s*$/, '');
  return { ...v, reason: `${TITLE[v.label]}: ${said.join(', and ')}${tail ? ` (${tail})` : ''}.` };
}

/** The report with its verdict (and its claim facet's) disciplined. */
export function withDisciplinedVerdict(report: Report, judgements: readonly Judgement[]): Report {
  const verdict = disciplinedVerdict(report, judgements);
  if (verdict === report.verdict) return report;
  const facets = report.facets?.map((f) => (f.role === 'claim' ? { ...f, verdict } : f));
  return { ...report, verdict, ...(facets ? { facets } : {}) };
}
