// Verdict discipline, applied to the verified report: Supported, Refuted or Mixed stands only when
// the report quotes, in a finding the verifier accepted, a passage judged to bear it out (a
// supporting passage for Supported, a refuting one for Refuted, one of each for Mixed). The
// one-sentence reason then names that passage's source by its citation number. Otherwise the
// verdict is Unproven and the reason says why: a label the reader cannot trace to a quote is
// not given.
//
// Whether a claim is Supported also asks how much of it the best source states (claim-coverage.ts):
// Supported needs coverage ≥ SUPPORTED_AT as well as a verified supporting quote, and a claim the
// quotes bear out that clears it is Supported even when the stance count alone left it Unproven.
// The confidence of Supported and Unproven is P(supported) = σ(A + B·coverage) (one minus it for
// Unproven). A, B and SUPPORTED_AT were fitted on the even-numbered half of the WiCE dev claims
// (logistic fit; the cut-off maximising balanced accuracy there) and are reported on the odd half
// in docs/bench-real.md.
import type { Judgement, Report, ReportSentence, Stance, VerdictLabel } from '../model.js';
import { MEANING_NOTE } from '../evidence/index.js';
import { claimCoverage } from './claim-coverage.js';

const A = -1.607;
const B = 2.424;
export const SUPPORTED_AT = 0.382;
const pSupported = (coverage: number): number => 1 / (1 + Math.exp(-(A + B * coverage)));
const r2 = (v: number): number => Math.round(v * 100) / 100;

type ReportVerdict = NonNullable<Report['verdict']>;

const NEEDS: Record<Exclude<VerdictLabel, 'unproven'>, Stance[]> = { supported: ['supports'], refuted: ['refutes'], mixed: ['supports', 'refutes'] };
const VERB: Record<'supports' | 'refutes', string> = { supports: 'bears the claim out', refutes: 'contradicts the claim' };
const TITLE: Record<VerdictLabel, string> = { supported: 'Supported', refuted: 'Refuted', mixed: 'Mixed', unproven: 'Unproven' };

/** Unproven for want of a quote, with the reason said. */
export const UNQUOTED_REASON = 'Unproven: no passage quoted in the report, as the verifier accepted it, bears a verdict out';

/** The figure-meaning note of the stance count's reason ("The number matches but not its meaning (…)."), kept when the label changes. */
function meaningNote(reason: string): string {
  const at = reason.indexOf(` ${MEANING_NOTE} (`);
  return at < 0 ? '' : reason.slice(at);
}

function quotedWith(report: Report, stanceOf: ReadonlyMap<string, Stance>, stance: Stance): ReportSentence | undefined {
  return report.findings
    .flatMap((f) => f.sentences)
    .find((s) => s.verified && (s.basis ?? 'passage') === 'passage' && s.citations.length > 0 && (s.passageIds ?? []).some((id) => stanceOf.get(id) === stance));
}

function sourceWords(report: Report, n: number): string {
  const s = report.sources[n - 1];
  return s?.publisher ? `${s.publisher} [${n}]` : `source [${n}]`;
}

/**
 * Supported or Unproven by coverage, for a claim the stance count called Supported or Unproven:
 * the calibrated confidence, and Supported only with a verified supporting quote.
 */
function byCoverage(report: Report, v: ReportVerdict, judgements: readonly Judgement[], stanceOf: ReadonlyMap<string, Stance>): ReportVerdict {
  const coverage = claimCoverage(report.input, judgements);
  const p = pSupported(coverage);
  const quote = quotedWith(report, stanceOf, 'supports');
  const pct = `${Math.round(coverage * 100)} %`;
  if (coverage >= SUPPORTED_AT && quote) {
    const tail = v.label === 'supported' ? v.reason.replace(/^[^:]*:\s*/, '').replace(/\.\s*$/, '') : '';
    // The stance count's own confidence stands when it is higher (several passages restating the claim's figures).
    const confidence = v.label === 'supported' ? Math.max(p, v.confidence) : p;
    return { label: 'supported', confidence: r2(confidence), reason: `Supported: the passage quoted from ${sourceWords(report, quote.citations[0]!)} bears the claim out, and its source states ${pct} of the claim${tail ? ` (${tail})` : ''}.` };
  }
  if (v.label === 'unproven') return { ...v, confidence: r2(1 - p) };
  if (!quote) return { label: 'unproven', confidence: r2(1 - p), reason: `${UNQUOTED_REASON} (the evidence leaned supported, but no supporting passage was quoted).${meaningNote(v.reason)}` };
  return { label: 'unproven', confidence: r2(1 - p), reason: `Unproven: the passage quoted from ${sourceWords(report, quote.citations[0]!)} bears out part of the claim, but its source states only ${pct} of it.` };
}

/** The verdict the report's own quotes bear out, with a reason that names them. */
export function disciplinedVerdict(report: Report, judgements: readonly Judgement[]): ReportVerdict | null {
  const v = report.verdict;
  if (v === null) return v;
  const stanceOf = new Map(judgements.map((j) => [j.passage.id, j.stance]));
  // The claim's number said of something else (evidence/figures/figure-stance.ts): never Supported by
  // coverage, and the note, which quotes both sentences, stays in the reason.
  const meaning = meaningNote(v.reason);
  if (meaning && v.label === 'unproven') return v;
  if (v.label === 'unproven' || v.label === 'supported') return byCoverage(report, v, judgements, stanceOf);
  const quotes = NEEDS[v.label].map((stance) => ({ stance, s: quotedWith(report, stanceOf, stance) }));
  if (quotes.some((q) => q.s === undefined)) {
    const missing = quotes.filter((q) => q.s === undefined).map((q) => (q.stance === 'supports' ? 'supporting' : 'refuting'));
    return { label: 'unproven', confidence: v.confidence, reason: `${UNQUOTED_REASON} (the evidence leaned ${v.label}, but no ${missing.join(' or ')} passage was quoted).${meaning}` };
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
