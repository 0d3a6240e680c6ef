// Verdict discipline, applied to the verified report: Supported, Refuted or Mixed stands only when
// the report quotes, in a finding the verifier accepted, a passage judged to bear it out (a
// supporting passage for Supported, a refuting one for Refuted, one of each for Mixed). The
// one-sentence reason then names that passage's source by its citation number. Otherwise the
// verdict is Unproven and the reason says why: a label the reader cannot trace to a quote is
// not given.
//
// Whether a claim is Supported also asks how much of it the best source states, read whole
// (claim-coverage.ts): Supported needs coverage ≥ SUPPORTED_AT and a verified quote that bears the
// claim out — of a passage judged supporting, or of a source that itself states at least
// SUPPORTED_AT of the claim and was not judged against it — and a claim that clears both is
// Supported even when the stance count alone left it Unproven. The confidence of Supported and
// Unproven is P(supported | coverage) read from CALIBRATION (one minus it for Unproven); a
// Supported verdict is never shown below SUPPORTED_FLOOR. CALIBRATION and SUPPORTED_AT were
// fitted on the even-numbered half of the WiCE dev claims (isotonic regression of gold
// "supported" on coverage, its blocks' centres joined by straight lines, the empty first block
// read as 0.02 rather than a certainty; the cut-off maximising
// balanced accuracy there) and are reported on the odd half in docs/bench-real.md.
import type { Judgement, Report, ReportSentence, Stance, VerdictLabel } from '../model.js';
import { MEANING_NOTE, profileClaim, unstatedFigures } from '../evidence/index.js';
import { bestCoverage, passageCoverage, readSourceText, type SourceCoverage } from './claim-coverage.js';
import { siteName } from '../report/compose/attribution.js';
import { figureNuance } from './figure-nuance.js';

/** (coverage, P(supported)) points, increasing; straight lines between them, flat beyond the ends. */
const CALIBRATION: ReadonlyArray<readonly [number, number]> = [
  [0.16, 0.02],
  [0.25, 0.077],
  [0.37, 0.129],
  [0.46, 0.273],
  [0.49, 0.4],
  [0.54, 0.435],
  [0.71, 0.5],
  [0.92, 0.545],
  [1.0, 0.8],
];
export const SUPPORTED_AT = 0.48;
/** A Supported verdict is never shown less sure than a coin toss. */
export const SUPPORTED_FLOOR = 0.5;

/** P(supported) for the best source's coverage of the claim (CALIBRATION). */
export function pSupported(coverage: number): number {
  const first = CALIBRATION[0]!;
  if (coverage <= first[0]) return first[1];
  for (let i = 1; i < CALIBRATION.length; i++) {
    const [x1, y1] = CALIBRATION[i]!;
    const [x0, y0] = CALIBRATION[i - 1]!;
    if (coverage <= x1) return y0 + ((y1 - y0) * (coverage - x0)) / (x1 - x0);
  }
  return CALIBRATION[CALIBRATION.length - 1]![1];
}
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
  return quotedWhere(report, (id) => stanceOf.get(id) === stance);
}

/** The quote of the strongest passage judged with this stance (a restatement first), if one is quoted. */
function strongestQuoted(report: Report, judgements: readonly Judgement[], stance: Stance): ReportSentence | undefined {
  const restates = (j: Judgement): number => (j.reasons.some((r) => r.kind === 'restatement') ? 1 : 0);
  const ranked = judgements.filter((j) => j.stance === stance).sort((a, b) => restates(b) - restates(a) || b.strength - a.strength);
  for (const j of ranked) {
    const s = quotedWhere(report, (id) => id === j.passage.id);
    if (s) return s;
  }
  return undefined;
}

function quotedWhere(report: Report, bears: (passageId: string) => boolean): ReportSentence | undefined {
  return report.findings
    .flatMap((f) => f.sentences)
    .find((s) => s.verified && (s.basis ?? 'passage') === 'passage' && s.citations.length > 0 && (s.passageIds ?? []).some(bears));
}

/** The source as the reason names it: its publisher, a publisher given as an address by its site ("theguardian", "nytimes.com"), else "source [n]". */
function sourceWords(report: Report, n: number): string {
  const given = report.sources[n - 1]?.publisher?.trim() ?? '';
  const name = /^https?:\/\//i.test(given) ? siteName(given) : given;
  return name ? `${name} [${n}]` : `source [${n}]`;
}

/**
 * Supported or Unproven by coverage, for a claim the stance count called Supported or Unproven:
 * the calibrated confidence, and Supported only with a verified quote that bears the claim out —
 * of a passage judged supporting, or of a source that itself states enough of the claim and was
 * not judged against it (the page is counted once, by all it states, not by its best passage).
 */
function byCoverage(report: Report, v: ReportVerdict, judgements: readonly Judgement[], stanceOf: ReadonlyMap<string, Stance>, bySource: SourceCoverage): ReportVerdict {
  const coverage = bestCoverage(bySource);
  const p = pSupported(coverage);
  const sourceOf = new Map(judgements.map((j) => [j.passage.id, j.source.id]));
  const covers = (id: string): boolean => (bySource.get(sourceOf.get(id) ?? '') ?? 0) >= SUPPORTED_AT;
  // The quote that states the claim's figure is the one to show, then any of a covering source, then any supporting one.
  const stating = new Set(judgements.filter((j) => j.stance !== 'refutes' && j.reasons.some((r) => r.kind === 'figure-match')).map((j) => j.passage.id));
  const quote = quotedWhere(report, (id) => stating.has(id) && covers(id)) ?? quotedWhere(report, (id) => covers(id) && stanceOf.get(id) !== 'refutes' && stanceOf.get(id) !== undefined) ?? quotedWith(report, stanceOf, 'supports');
  const pct = (x: number): string => `${Math.round(x * 100)} %`;
  // The claim's own number, stated by no passage with its meaning, leaves it unproven however much else is said.
  const unstated = unstatedFigures(profileClaim(report.input), judgements);
  if (coverage >= SUPPORTED_AT && quote && unstated.length > 0) {
    return { label: 'unproven', confidence: r2(Math.max(1 - p, SUPPORTED_FLOOR)), reason: `Unproven: the passage quoted from ${sourceWords(report, quote.citations[0]!)} bears out part of the claim, but no passage states its figure ${unstated.map((f) => `"${f}"`).join(', ')}.` };
  }
  if (coverage >= SUPPORTED_AT && quote) {
    // The stance count's tally is kept when it agrees ("2 passages support …"), not when it found no supporting passage.
    const tally = v.reason.replace(/^[^:]*:\s*/, '').replace(/\.\s*$/, '');
    const tail = v.label === 'supported' && !/^no passage supports/.test(tally) ? tally : '';
    const own = Math.max(0, ...(quote.passageIds ?? []).map((id) => bySource.get(sourceOf.get(id) ?? '') ?? 0));
    const states = own >= SUPPORTED_AT ? `its source states ${pct(own)} of the claim` : `the best source states ${pct(coverage)} of the claim`;
    // The stance count's own confidence stands when it is higher (several passages restating the claim's figures).
    const confidence = Math.max(SUPPORTED_FLOOR, v.label === 'supported' ? Math.max(p, v.confidence) : p);
    return { label: 'supported', confidence: r2(confidence), reason: `Supported: the passage quoted from ${sourceWords(report, quote.citations[0]!)} bears the claim out, and ${states}${tail ? ` (${tail})` : ''}.` };
  }
  const partial = quotedWith(report, stanceOf, 'supports');
  const quotesAny = report.findings.some((f) => f.sentences.some((s) => (s.basis ?? 'passage') === 'passage' && (s.passageIds ?? []).length > 0));
  if (!quotesAny) return { label: 'unproven', confidence: r2(1 - p), reason: `${nothingQuoted(report, judgements)}${meaningNote(v.reason)}` };
  if (v.label === 'unproven') return { ...v, confidence: r2(1 - p) };
  if (!partial) return { label: 'unproven', confidence: r2(1 - p), reason: `${UNQUOTED_REASON} (the evidence leaned supported, but no supporting passage was quoted).${meaningNote(v.reason)}` };
  return { label: 'unproven', confidence: r2(1 - p), reason: `Unproven: the passage quoted from ${sourceWords(report, partial.citations[0]!)} bears out part of the claim, but no source states more than ${pct(coverage)} of it.` };
}

/**
 * The reason when the report quotes no passage at all: how much was read, that none of it states
 * the claim in a sentence that can be quoted, and which page came nearest when the summary names
 * one by its title or a line of it.
 */
const NEAREST = /\btitles its page “|\bcomes nearest to the claim in the line “/;
function nothingQuoted(report: Report, judgements: readonly Judgement[]): string {
  const sources = new Set(judgements.map((j) => j.source.id)).size;
  const read = judgements.length === 0 ? 'No passage was found for the claim' : `Of the ${judgements.length} passage${judgements.length === 1 ? '' : 's'} read from ${sources} source${sources === 1 ? '' : 's'}, none states the claim in a sentence that can be quoted`;
  const nearest = report.summary.find((s) => s.citations.length > 0 && s.verified && NEAREST.test(s.text));
  const tail = nearest ? `; the nearest, ${sourceWords(report, nearest.citations[0]!)}, has it only in a title or a line` : '';
  return `Unproven: ${read.charAt(0).toLowerCase()}${read.slice(1)}${tail}.`;
}

/** Capitalised only because they open the claim. */
const OPENERS = new Set(['The', 'A', 'An', 'In', 'On', 'At', 'Of', 'By', 'For', 'About', 'Nearly', 'Almost', 'Over', 'More', 'Fewer', 'Less', 'Some', 'All', 'Most', 'No', 'There', 'It', 'This', 'That', 'These', 'Those', 'Every', 'Each', 'Only', 'Just', 'Around', 'Roughly', 'Since', 'After', 'Before', 'During', 'From', 'Between', 'As', 'According', 'Up', 'Under', 'Half', 'One', 'Two', 'Three']);

/**
 * A claim whose figure a source states with the same meaning and another value ("to $16.50 in 2025"
 * for "to $17 in 2025"), while no passage states its own value: the words it shares with other
 * passages do not make it Supported. Refuted when that passage is quoted, else Unproven; null when
 * the figures do not decide.
 */
function byFigure(report: Report, v: ReportVerdict, judgements: readonly Judgement[], stanceOf: ReadonlyMap<string, Stance>): ReportVerdict | null {
  const has = (j: Judgement, kind: string): boolean => j.reasons.some((r) => r.kind === kind);
  const named = namedBy(report.input);
  const conflicting = judgements.filter((j) => j.stance === 'refutes' && has(j, 'figure-conflict') && named(j));
  if (conflicting.length === 0 || judgements.some((j) => j.stance === 'supports' && has(j, 'figure-match'))) return null;
  const ids = new Set(conflicting.map((j) => j.passage.id));
  const quoted = report.findings.flatMap((f) => f.sentences).find((s) => s.verified && (s.basis ?? 'passage') === 'passage' && s.citations.length > 0 && (s.passageIds ?? []).some((id) => ids.has(id) && stanceOf.get(id) === 'refutes'));
  const detail = conflicting[0]!.reasons.find((r) => r.kind === 'figure-conflict')?.detail ?? '';
  if (!quoted) return v.label === 'unproven' ? null : { label: 'unproven', confidence: v.confidence, reason: `${UNQUOTED_REASON} (a source gives the claim's figure another value, but that passage was not quoted: ${detail}).` };
  const shown = conflicting.find((j) => (quoted.passageIds ?? []).includes(j.passage.id)) ?? conflicting[0]!;
  const why = shown.reasons.find((r) => r.kind === 'figure-conflict')?.detail ?? detail;
  const confidence = Math.max(...conflicting.map((j) => j.strength));
  return { label: 'refuted', confidence: r2(confidence), reason: `Refuted: the passage quoted from ${sourceWords(report, quoted.citations[0]!)} gives the claim's figure another value, and no passage states the claim's own (${why}).` };
}

/**
 * Does the passage name what the claim names ("California"), or may its figure be another place's?
 * A name is a capitalised word not opening the claim ("Sick days fell …" names no "Sick"), found in
 * the passage, its page's title or its page, with or without dots ("UK" / "U.K."), or spelled out
 * by the initials it stands for ("US" / "the United States").
 */
function namedBy(claim: string): (j: Judgement) => boolean {
  const first = /^\P{L}*/u.exec(claim)?.[0].length ?? 0;
  const names = [...claim.matchAll(/\b\p{Lu}[\p{L}'’-]+/gu)].filter((m) => m.index !== first && !OPENERS.has(m[0])).map((m) => m[0]);
  const undotted = (t: string): string => t.replace(/\b(\p{Lu})\.(?=\p{Lu}\b|\p{Lu}\.)/gu, '$1').replace(/\b(\p{Lu}{2,})\./gu, '$1');
  const spelled = (n: string): RegExp | null => (/^\p{Lu}{2,4}$/u.test(n) ? new RegExp(`\\b${[...n].map((c) => `${c}\\p{Ll}+`).join('\\s+')}\\b`, 'u') : null);
  // The page read whole counts (claim-coverage.ts keeps it read): "the U.K." is named in its first lines, the figure further down.
  return (j: Judgement): boolean => {
    if (names.length === 0) return true;
    const text = undotted(`${j.source.title}\n${j.passage.text}\n${readSourceText(j.source.id) ?? ''}`);
    return names.every((n) => text.includes(n) || (spelled(n)?.test(text) ?? false));
  };
}

/**
 * The claim's figure given two ways by the quoted passages (check/figure-nuance.ts): measured
 * against another base beside another value for the claim's own (Refuted, both named), or counted
 * at one stage beside another count of the same bodies at another (Mixed, both named). Null when
 * the passages do not give both, or the report does not quote them.
 */
function byNuance(report: Report, v: ReportVerdict, judgements: readonly Judgement[]): ReportVerdict | null {
  const n = figureNuance(report.input, judgements, namedBy(report.input));
  if (n === null) return null;
  // Each figure's passage quoted, else its source quoted: the reason quotes the figure's own sentence of that source.
  const sourceOf = new Map(judgements.map((j) => [j.passage.id, j.source.id]));
  const quoteOf = (passageId: string): ReportSentence | undefined =>
    quotedWhere(report, (id) => id === passageId) ?? quotedWhere(report, (id) => sourceOf.get(id) === sourceOf.get(passageId));
  const rivalQuote = quoteOf(n.rival.passageId);
  const sameQuote = quoteOf(n.same.passageId);
  if (!rivalQuote || !sameQuote) return null;
  const strength = Math.max(0.5, ...judgements.filter((j) => j.passage.id === n.rival.passageId || j.passage.id === n.same.passageId).map((j) => j.strength));
  const from = (q: ReportSentence): string => sourceWords(report, q.citations[0]!);
  if (n.kind === 'other-base') {
    return {
      label: 'refuted',
      confidence: r2(Math.max(strength, v.label === 'refuted' ? v.confidence : 0)),
      reason: `Refuted: ${from(rivalQuote)} gives the figure for what the claim says as "${n.rival.clause}", not "${n.claimFigure}"; its "${n.same.figure}" is measured against another base: "${n.same.sentence.trim().replace(/[.;:,]+$/, "")}".`,
    };
  }
  const other = from(sameQuote) === from(rivalQuote) ? 'and' : `and ${from(rivalQuote)}`;
  return {
    label: 'mixed',
    confidence: r2(strength),
    reason: `Mixed: ${from(sameQuote)} gives the claim's ${n.claimFigure} ("${n.same.clause}"), ${other} another count of the same bodies ("${n.rival.clause}"): the claim's count holds at one stage only.`,
  };
}

/** The verdict the report's own quotes bear out, with a reason that names them. */
export function disciplinedVerdict(report: Report, judgements: readonly Judgement[], bySource: SourceCoverage = passageCoverage(report.input, judgements)): ReportVerdict | null {
  const v = report.verdict;
  if (v === null) return v;
  const stanceOf = new Map(judgements.map((j) => [j.passage.id, j.stance]));
  const nuance = byNuance(report, v, judgements);
  if (nuance) return nuance;
  // The claim's number said of something else (evidence/figures/figure-stance.ts): never Supported by
  // coverage, and the note, which quotes both sentences, stays in the reason.
  const meaning = meaningNote(v.reason);
  if (meaning && v.label === 'unproven') return v;
  if (v.label === 'unproven' || v.label === 'supported') return byFigure(report, v, judgements, stanceOf) ?? byCoverage(report, v, judgements, stanceOf, bySource);
  const quotes = NEEDS[v.label].map((stance) => ({ stance, s: strongestQuoted(report, judgements, stance) ?? quotedWith(report, stanceOf, stance) }));
  if (quotes.some((q) => q.s === undefined)) {
    const missing = quotes.filter((q) => q.s === undefined).map((q) => (q.stance === 'supports' ? 'supporting' : 'refuting'));
    return { label: 'unproven', confidence: v.confidence, reason: `${UNQUOTED_REASON} (the evidence leaned ${v.label}, but no ${missing.join(' or ')} passage was quoted).${meaning}` };
  }
  const said = quotes.map((q) => `the passage quoted from ${sourceWords(report, q.s!.citations[0]!)} ${VERB[q.stance as 'supports' | 'refutes']}`);
  const tail = v.reason.replace(/^[^:]*:\s*/, '').replace(/\.\s*$/, '');
  return { ...v, reason: `${TITLE[v.label]}: ${said.join(', and ')}${tail ? ` (${tail})` : ''}.` };
}

/** The report with its verdict (and its claim facet's) disciplined. */
export function withDisciplinedVerdict(report: Report, judgements: readonly Judgement[], bySource?: SourceCoverage): Report {
  const verdict = disciplinedVerdict(report, judgements, bySource);
  if (verdict === report.verdict) return report;
  const facets = report.facets?.map((f) => (f.role === 'claim' ? { ...f, verdict } : f));
  return { ...report, verdict, ...(facets ? { facets } : {}) };
}
