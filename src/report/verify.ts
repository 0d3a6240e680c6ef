// The verifier: every report sentence is checked against the passages it cites before the
// report is rendered. A sentence that fails stays in the report, marked `verified: false`
// with the reason, and every renderer shows it flagged — never silently kept as good.
//
// Contract
// - verifySentence(text, cited) is pure and deterministic. It passes a sentence when:
//   1. it cites at least one passage;
//   2. any arithmetic it states ("196 − 140 = 56") is correct, and a difference or share is of a
//      part nested in its whole as the passages state it, counting the same thing over the same
//      period (derived-figures.ts);
//   3. enough of its content terms (stemmed, stop words and composer glue words removed)
//      appear in the cited passages (default: at least 75 %);
//   4. every figure it states appears compatibly (value, bound, unit) in a cited passage,
//      counting the same thing: the words the sentence gives the figure ("criminalize
//      possession") appear in the passage sentence holding the matching figure, and a stated
//      whole ("of 196") appears there too; results of correct arithmetic are exempt;
//   5. every figure says what it counts (a unit/counted noun or a predicate);
//   6. it does not contradict its best-matching passage sentence on negation (one says
//      "not", the other does not).
// - verifyReport(draft, passagesById) runs verifySentence on every sentence outside the
//   title and sources and returns the final Report. Sentences whose basis is "metadata"
//   (statements about the sources: kinds, dates) are checked against the cited sources'
//   metadata; numbers in them must be recomputable (the number of sources cited, or the
//   total number of sources). Sentences whose basis is "absence" state that nothing was
//   found; they carry no citation and pass with that reason.
import type { Figure, Report, ReportSentence, ReportSource } from '../model.js';
import { contentTerms, extractFigures, splitSentences } from '../text/index.js';
import { negationCount } from './compose/negation.js';
import { compareFigures } from '../evidence/index.js';
import { findArithmetic, type StatedArithmetic } from './arithmetic.js';
import { derivedFigureProblem } from './derived-figures.js';
import type { CitedPassage, DraftSentence, ReportDraft } from './draft.js';
import { METADATA_GLUE_STEMS, PASSAGE_GLUE_STEMS } from './compose/glue.js';

export interface SentenceCheck {
  verified: boolean;
  why: string;
}

export interface VerifySentenceOptions {
  /** Minimum share of the sentence's content terms found in the cited text (default 0.75). */
  minCoverage?: number;
  /** Stemmed words the composer may add without support (default: the passage glue list). */
  glue?: ReadonlySet<string>;
  /** Values the sentence may state without a passage holding them (recomputed counts). */
  derivedValues?: readonly number[];
  /** Require every figure to say what it counts (default true). */
  requireCounts?: boolean;
  /** Compare negation with the closest cited sentence (default true; off for metadata). */
  checkNegation?: boolean;
  /**
   * Attribution text (titles, publishers, kinds, dates of the cited sources): its words may be
   * used to name a source ("ICMEC (2018) reports that …") and its numbers may be repeated,
   * but it never supports a figure or a negation.
   */
  attribution?: readonly string[];
}

const CITATION_MARK = /\s*\[\d+\](?:\s*\[\d+\])*/g;
const MIN_PREDICATE_COVERAGE = 0.5;

/** The sentence without its citation marks ("… possession [1][2]." → "… possession."). */
export function stripCitations(text: string): string {
  return text.replace(CITATION_MARK, '').trim();
}

function isNumeric(term: string): boolean {
  return /^[\d.,]+$/.test(term);
}

function termSet(texts: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const t of texts) for (const term of contentTerms(t)) out.add(term);
  return out;
}


function overlap(a: readonly string[], b: ReadonlySet<string>): number {
  if (a.length === 0) return 0;
  let n = 0;
  for (const t of a) if (b.has(t)) n++;
  return n / a.length;
}

/**
 * The words that say what a figure counts: its predicate and unit; when no predicate was read,
 * the words that follow the figure in its clause (at most eight).
 */
function countedTerms(f: Figure, sentence: string, ignore: ReadonlySet<string>): string[] {
  const after = (sentence.slice(f.end).split(/[,;:.()]/)[0] ?? '').split(/\s+/).slice(0, 8).join(' ');
  const words = [f.predicate ?? after, f.unit ?? ''].join(' ');
  return contentTerms(words).filter((t) => !isNumeric(t) && !PASSAGE_GLUE_STEMS.has(t) && !ignore.has(t));
}

function describe(f: Figure): string {
  return JSON.stringify(f.text);
}

interface PassageFigure {
  figure: Figure;
  sentence: string;
  passage: string;
}

function passageFigures(cited: readonly CitedPassage[]): PassageFigure[] {
  const out: PassageFigure[] = [];
  for (const c of cited) {
    for (const s of splitSentences(c.text)) {
      for (const figure of extractFigures(s.text)) out.push({ figure, sentence: s.text, passage: c.text });
    }
  }
  return out;
}

function wholeAppears(whole: number, pf: PassageFigure): boolean {
  if (pf.figure.whole === whole) return true;
  return extractFigures(pf.sentence).some((g) => g.value === whole) || new RegExp(`(^|[^\\d,.])${whole}([^\\d]|$)`).test(pf.sentence.replace(/(\d),(\d{3})/g, '$1$2'));
}

const flat = (text: string): string => text.toLowerCase().replace(/\s+/g, ' ');

/** The figure and the words after it in its clause (up to 40 characters) stand as written in a cited passage. */
function quotedVerbatim(f: Figure, sentence: string, pool: readonly PassageFigure[]): boolean {
  const tail = sentence.slice(f.end, f.end + 40).split(/[;.]/)[0] ?? '';
  const span = flat(sentence.slice(f.start, f.end) + tail).trim();
  if (span.split(' ').length < 4) return false;
  return pool.some((pf) => flat(pf.passage).includes(span));
}

function checkFigure(f: Figure, sentence: string, pool: readonly PassageFigure[], options: VerifySentenceOptions): string | null {
  const requireCounts = options.requireCounts ?? true;
  // A figure quoted in the source's own words (it and what follows it stand in a cited passage as
  // written) says what the source says, however the reader parses it ("nearly one-fifth, or 20%, of …").
  if (requireCounts && f.unit === null && f.predicate === null && !quotedVerbatim(f, sentence, pool)) return `figure ${describe(f)} does not say what it counts`;
  if (options.derivedValues?.includes(f.value)) return null;
  const matches = pool.filter((pf) => sameFigure(f, pf.figure));
  if (matches.length === 0 && pool.some((pf) => pf.figure.whole === f.value)) return null; // the whole a passage figure is out of
  if (matches.length === 0) {
    const conflicting = pool.find((pf) => compareFigures(f, pf.figure) === 'conflict');
    return conflicting
      ? `figure ${describe(f)} conflicts with ${describe(conflicting.figure)} in the cited passage`
      : `figure ${describe(f)} does not appear in the cited passages`;
  }
  // Words that name the source ("ICMEC reports that …") are attribution, not what is counted.
  const counted = countedTerms(f, sentence, termSet(options.attribution ?? []));
  // The passage figure's own unit and predicate count as its words: "20%" counts "percent".
  const sameThing = matches.filter((pf) => counted.length === 0 || overlap(counted, termSet([pf.sentence, pf.figure.unit ?? '', pf.figure.predicate ?? ''])) >= MIN_PREDICATE_COVERAGE);
  if (sameThing.length === 0) {
    const found = matches[0];
    const theirs = found ? (found.figure.predicate ?? found.figure.unit ?? 'something else') : 'something else';
    return `figure ${describe(f)} appears in the cited passage but counts ${JSON.stringify(theirs)}, not ${JSON.stringify(f.predicate ?? f.unit ?? '')}`;
  }
  if (f.whole !== null && !sameThing.some((pf) => wholeAppears(f.whole as number, pf))) {
    return `figure ${describe(f)} is given out of ${f.whole}, a whole the cited passage does not state`;
  }
  return null;
}

/**
 * The same figure, stated the same way: compatible (evidence.compareFigures) and with the same
 * bound, range and value — "up to 27 years" does not restate "up to 10 years", although a
 * bound of 27 would contain 10. Approximate figures may differ by 10 %.
 */
function sameFigure(a: Figure, b: Figure): boolean {
  if (compareFigures(a, b) !== 'match') return false;
  if (a.bound !== b.bound || (a.high ?? null) !== (b.high ?? null)) return false;
  if (a.value === b.value) return true;
  const approximate = a.approximate || b.approximate;
  return approximate && Math.abs(a.value - b.value) <= 0.1 * Math.max(Math.abs(a.value), Math.abs(b.value));
}

/** A number inside stated arithmetic: the result was recomputed; an operand must be a value or whole the passages state. */
function checkOperand(f: Figure, a: StatedArithmetic, pool: readonly PassageFigure[]): string | null {
  if (f.value === a.stated && f.start >= a.start + a.text.lastIndexOf('=')) return null;
  const stated = pool.some((pf) => pf.figure.value === f.value || pf.figure.whole === f.value || (pf.figure.high ?? null) === f.value);
  return stated ? null : `the operand ${f.value} in ${JSON.stringify(a.text)} does not appear in the cited passages`;
}

/** Check one sentence against the text of the passages it cites. */
export function verifySentence(text: string, cited: readonly CitedPassage[], options: VerifySentenceOptions = {}): SentenceCheck {
  const sentence = stripCitations(text);
  if (cited.length === 0) return { verified: false, why: 'no citation: the sentence cites no passage' };

  const derived: number[] = [...(options.derivedValues ?? [])];
  const expressions = findArithmetic(sentence);
  for (const label of options.attribution ?? []) {
    for (const m of label.matchAll(/\d+(?:\.\d+)?/g)) derived.push(Number(m[0]));
    for (const f of extractFigures(label)) derived.push(f.value);
  }
  const pool = passageFigures(cited);
  for (const a of expressions) {
    if (!a.correct) return { verified: false, why: `arithmetic ${JSON.stringify(a.text)} is wrong: it comes to ${a.computed}` };
    // A difference or share must be of a part nested in its whole, counting the same thing over the same period.
    const meaning = derivedFigureProblem(a, sentence, pool);
    if (meaning) return { verified: false, why: meaning };
    derived.push(a.stated);
  }

  const glue = options.glue ?? PASSAGE_GLUE_STEMS;
  const terms = contentTerms(sentence).filter((t) => !isNumeric(t) && !glue.has(t));
  const available = termSet([...cited.map((c) => c.text), ...(options.attribution ?? [])]);
  const missing = [...new Set(terms.filter((t) => !available.has(t)))];
  const coverage = terms.length === 0 ? 1 : 1 - terms.filter((t) => !available.has(t)).length / terms.length;
  const minCoverage = options.minCoverage ?? 0.75;
  if (coverage < minCoverage) {
    return {
      verified: false,
      why: `unsupported: only ${Math.round(coverage * 100)}% of its terms appear in the cited passages (missing: ${missing.slice(0, 6).join(', ')})`,
    };
  }

  const figureOptions = { ...options, derivedValues: derived };
  for (const f of extractFigures(sentence)) {
    const inExpression = expressions.find((a) => f.start >= a.start && f.end <= a.end);
    const problem = inExpression ? checkOperand(f, inExpression, pool) : checkFigure(f, sentence, pool, figureOptions);
    if (problem) return { verified: false, why: problem };
  }

  // Negation: compare with the passage sentence that shares the most terms. A sentence that
  // joins several cited statements ("… [1], but … [3] and … [3], which …") is compared part by
  // part, each part being the text up to its citation mark.
  if (options.checkNegation ?? true) {
    const parts = negationParts(text);
    for (const part of parts) {
      const problem = negationProblem(part, cited, parts.length > 1 ? MIN_PART_TERMS : 0);
      if (problem) return { verified: false, why: problem };
    }
  }

  const figures = extractFigures(sentence).length;
  return {
    verified: true,
    why: `supported: ${Math.round(coverage * 100)}% term coverage${figures > 0 ? `, ${figures} figure${figures === 1 ? '' : 's'} found in the cited passages` : ''}, no negation conflict`,
  };
}

/** Content terms a part of a joined sentence needs before its negation is compared. */
const MIN_PART_TERMS = 4;

/** The sentence cut after each inline citation mark; one part when it cites only at the end. */
function negationParts(text: string): string[] {
  const parts = text
    .split(/\[\d+\](?:\s*\[\d+\])*/)
    .map((p) => p.trim())
    .filter((p) => /\p{L}/u.test(p));
  return parts.length > 1 ? parts : [stripCitations(text)];
}

/** A negation conflict between `part` and the cited sentence it follows most closely, or null. */
function negationProblem(part: string, cited: readonly CitedPassage[], minTerms: number): string | null {
  const partTerms = contentTerms(part);
  if (partTerms.length < minTerms) return null;
  let best: { text: string; score: number } | null = null;
  for (const c of cited) {
    for (const s of splitSentences(c.text)) {
      const score = overlap(partTerms, new Set(contentTerms(s.text)));
      if (best === null || score > best.score) best = { text: s.text, score };
    }
  }
  // A part that does not closely follow any one passage sentence cannot contradict it by
  // negation; words in quotation marks are the sources' own and were checked for presence above.
  if (best === null || best.score < 0.5 || /[“"][^”"]*[”"]/.test(part)) return null;
  const mine = negationCount(part);
  const theirs = negationCount(best.text);
  if (mine === theirs) return null;
  return mine > theirs
    ? 'negation conflict: the sentence negates what its closest cited passage states'
    : `negation conflict: its closest cited passage says the opposite (${JSON.stringify(best.text.slice(0, 80))})`;
}

/** The metadata of a source as text: what attribution and metadata sentences may use. */
export function metadataText(s: ReportSource): string {
  return [s.title, s.publisher ?? '', s.kind, s.kind.replace(/-/g, ' '), s.date ?? '', s.date?.slice(0, 4) ?? ''].join('. ');
}

function verifyOne(draft: ReportDraft, sentence: DraftSentence, passagesById: ReadonlyMap<string, CitedPassage>): ReportSentence {
  const basis = sentence.basis ?? 'passage';
  const base = { text: sentence.text, citations: [...sentence.citations], passageIds: [...sentence.passageIds], basis };
  const bad = sentence.citations.find((n) => !draft.sources.some((s) => s.n === n));
  if (bad !== undefined) return { ...base, verified: false, why: `cites [${bad}], which is not in the sources list` };

  if (basis === 'absence') {
    const ok = sentence.citations.length === 0;
    return { ...base, verified: ok, why: ok ? 'states an absence found by retrieval: no passage to cite' : 'an absence statement must not cite sources' };
  }
  if (basis === 'metadata') {
    const cited = draft.sources.filter((s) => sentence.citations.includes(s.n)).map((s) => ({ text: metadataText(s) }));
    // A statement about the report's own findings may quote their headlines.
    const headlines = [...draft.findings.map((f) => f.headline), ...cited.map((c) => c.text)];
    const r = verifySentence(sentence.text, cited, {
      glue: METADATA_GLUE_STEMS,
      derivedValues: [sentence.citations.length, draft.sources.length],
      requireCounts: false,
      checkNegation: false,
      attribution: headlines,
    });
    return { ...base, verified: r.verified, why: r.verified ? r.why.replace('supported', 'supported by source metadata') : r.why };
  }

  const missing = sentence.passageIds.find((id) => !passagesById.has(id));
  if (missing !== undefined) return { ...base, verified: false, why: `cites passage ${missing}, which was not found` };
  if (sentence.citations.length === 0) return { ...base, verified: false, why: 'no citation: the sentence cites no source' };
  const cited = sentence.passageIds.map((id) => passagesById.get(id)).filter((p): p is CitedPassage => p !== undefined);
  const attribution = draft.sources.filter((s) => sentence.citations.includes(s.n)).map(metadataText);
  const r = verifySentence(sentence.text, cited, { attribution, glue: PASSAGE_GLUE_STEMS });
  return { ...base, verified: r.verified, why: r.why };
}

/**
 * Verify every sentence of a draft and return the report. Title, verdict label and sources are
 * not sentences of the argument and are not checked; everything else is.
 */
export function verifyReport(draft: ReportDraft, passagesById: ReadonlyMap<string, CitedPassage>): Report {
  const v = (s: DraftSentence): ReportSentence => verifyOne(draft, s, passagesById);
  return {
    schemaVersion: draft.schemaVersion,
    input: draft.input,
    kind: draft.kind,
    title: draft.title,
    verdict: draft.verdict,
    summary: draft.summary.map(v),
    findings: draft.findings.map((f) => ({ headline: f.headline, sentences: f.sentences.map(v) })),
    gaps: draft.gaps.map(v),
    perspectives: draft.perspectives.map(v),
    figures: draft.figures,
    sources: draft.sources,
    provenance: draft.provenance,
    ...(draft.facets ? { facets: draft.facets } : {}),
  };
}

/** Counts for provenance and the CLI: how many sentences were checked and how many failed. */
export function verificationTally(report: Report): { checked: number; failed: number } {
  const all = [...report.summary, ...report.findings.flatMap((f) => f.sentences), ...report.gaps, ...report.perspectives];
  return { checked: all.length, failed: all.filter((s) => !s.verified).length };
}
