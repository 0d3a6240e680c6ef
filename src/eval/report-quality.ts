// What a reader sees in a check report, measured: does a verdict rest on a quoted passage the
// verifier accepted, does its reason agree with its label, does the prose read cleanly, is the
// lead about the claim. The same measures the independent report-lint tool takes, and a few it
// misses (page-title fragments used as a speaker, a quote that starts mid-clause).
import type { Report, ReportSentence } from '../model.js';
import { STOPWORDS, stem, tokenize } from '../text/index.js';

/** Every sentence of a report, in reading order. */
export function reportSentences(r: Report): ReportSentence[] {
  return [...r.summary, ...r.findings.flatMap((f) => f.sentences), ...r.gaps, ...r.perspectives];
}

/** The sentences a verdict may rest on: in a finding, read from a cited passage, verified. */
export function quotedEvidence(r: Report): ReportSentence[] {
  return r.findings.flatMap((f) => f.sentences).filter((s) => s.verified && (s.basis ?? 'passage') === 'passage' && (s.passageIds?.length ?? 0) > 0 && s.citations.length > 0);
}

const DENIES_SUPPORT = /\b(?:no passage (?:supports|addresses)|neither supports|nothing (?:supports|addresses)|no evidence)\b/i;
const DENIES_REFUTATION = /\b(?:no passage (?:refutes|addresses)|neither supports nor refutes|nothing (?:refutes|addresses)|no evidence)\b/i;

/**
 * A verdict is disciplined when Supported/Refuted/Mixed rest on at least one verified quoted
 * passage, and its reason neither denies what the label says nor omits the cited source.
 * Returns the problems found (empty: disciplined).
 */
export function verdictProblems(r: Report): string[] {
  const v = r.verdict;
  if (v === null || v.label === 'unproven') return [];
  const problems: string[] = [];
  const quoted = quotedEvidence(r);
  if (quoted.length === 0) problems.push(`${v.label} with no verified quoted passage`);
  if ((v.label === 'supported' || v.label === 'mixed') && DENIES_SUPPORT.test(v.reason)) problems.push(`${v.label} but the reason says ${JSON.stringify(v.reason)}`);
  if ((v.label === 'refuted' || v.label === 'mixed') && DENIES_REFUTATION.test(v.reason)) problems.push(`${v.label} but the reason says ${JSON.stringify(v.reason)}`);
  if (quoted.length > 0 && !quoted.some((s) => s.citations.some((n) => v.reason.includes(`[${n}]`)))) problems.push('the reason names none of the quoted passages');
  return problems;
}

// Page-title debris used as a speaker: "Mission & History | About Us reports that …".
const TITLE_SEPARATOR = /\s[|•»]\s|\s[–—-]\s[^.]*\b(?:reports?|says?|writes?|states?)\s+that\b/;
// A quote that starts in the middle of a clause: "… reports that to serving as director …".
const MID_CLAUSE = /\b(?:reports?|says?|writes?|states?|notes?)\s+that\s+(?:to|of|and|but|or|nor|which|who|whom|whose|than|so|yet|however|p\.)(?=[\s,])/;

/** Why a sentence does not read as clean prose (empty: clean). */
export function proseProblems(text: string): string[] {
  const out: string[] = [];
  if (/https?:\/\/|www\./i.test(text)) out.push('address in prose');
  const straight = (text.match(/"/g) ?? []).length;
  if (straight % 2 === 1 || (text.match(/“/g) ?? []).length !== (text.match(/”/g) ?? []).length) out.push('unbalanced quotes');
  if (/(^|\s)(?:#{1,6}\s|[-*•]\s{1,3}\p{Lu})/u.test(text)) out.push('list or heading debris');
  if (/\bthat\s+(?:however|but|and|so|thus|also)\b,?/i.test(text)) out.push('connective after "that"');
  if (TITLE_SEPARATOR.test(text)) out.push('page-title fragment');
  if (MID_CLAUSE.test(text)) out.push('quote starts mid-clause');
  if (/\p{Ll}\p{Lu}{2,}\p{Ll}|\p{Ll}[.!?]\p{Lu}\p{Ll}/u.test(text)) out.push('glued words');
  if (text.split(/\s+/).length > 70) out.push('over 70 words');
  return out;
}

/** Content-word stems: no stop words, no citation markers. */
function contentStems(text: string): Set<string> {
  return new Set(
    tokenize(text.replace(/\[\d+\]/g, ' '))
      .filter((t) => /\p{L}/u.test(t.text) && t.text.length > 2 && !STOPWORDS.has(t.lower))
      .map((t) => stem(t.lower)),
  );
}

const GLUE = /^[^.;:]{0,120}?\b(?:reports?|states?|writes?|says?|notes?|finds?)\s+that\s+/i;

/** The lead (first summary sentence) is about the claim: at least two of its content words, or all when the claim has fewer. */
export function leadRelevant(r: Report, claim: string): boolean {
  const lead = r.summary[0]?.text;
  if (lead === undefined) return false;
  const want = contentStems(claim);
  const have = contentStems(lead.replace(GLUE, ''));
  const hits = [...want].filter((w) => have.has(w)).length;
  return hits >= Math.min(2, want.size);
}
