// The composer (rules analyst): writes a report draft from judged evidence only. Every fact
// in it is a sentence a source wrote (with attribution glue), a figure read from such a
// sentence, arithmetic on those figures shown in full, or a count of the sources themselves.
// Deterministic: the same input gives the same draft, byte for byte.
import type { Figure, Passage, ReportFigure, Source, Verdict } from '../../model.js';
import { contentTerms, extractFigures } from '../../text/index.js';
import { compareFigures, profileClaim } from '../../evidence/index.js';
import { ANAPHORA, byScore, candidatesFor, type Candidate } from './candidates.js';
import { CitationNumbers, type PendingSentence } from '../citations.js';
import type { ComposeInput, FacetEvidence } from './compose-input.js';
import { composeGaps } from './compose-gaps.js';
import { composePerspectives } from './compose-perspectives.js';
import type { DraftFinding, ReportDraft } from '../draft.js';
import { findArithmetic } from '../arithmetic.js';
import { figureTable, namesAKind, spanOfTime, type TableFigure } from '../figures-table.js';
import { negationCount } from './negation.js';
import { acronymsIn, withExpansions } from './acronyms.js';
import { figureMentions, findDiscrepancies, type FigureMention } from '../discrepancies.js';
import { namedCandidates, namesGap, placeList, type NamedCandidate } from './compose-named.js';
import { headlineSentence, nearestLineSentence, rankByClaimCoverage, unquotedBestSource } from './claim-rank.js';
import { allJudgements, answerOf, arithmeticRest, arithmeticSentence, byYearThenScore, facet, figureHeadline, finding, fromCandidate, kindFindings, lead, mainFigure, neighboursOf, onlyPhrase, type PendingFinding, pickNamed, Selection, sentenceCase, SENTENCES_PER_FINDING, uniqueByKey, yearOf } from './compose-parts.js';
export type { PendingFinding } from './compose-parts.js';

type Acronyms = ReadonlyMap<string, readonly string[]>;

import { REPORT_SCHEMA_VERSION } from '../schema-version.js';
export { REPORT_SCHEMA_VERSION };

export interface Composed {
  draft: ReportDraft;
  /** Every passage the draft cites, by id: what the verifier checks against. */
  passages: Map<string, Passage>;
}

const MAX_FINDINGS = 6;
/** Counted nouns that say nothing on their own ("two figures", "three ways"). */
const MISREAD = /^[\d.,]+\s+(?!of\b|in\b|per\b|percent\b|million\b|billion\b|thousand\b|hundred\b)[a-z]+\s+\p{L}/u;
const VAGUE_UNITS = /^(?:figures?|numbers?|times?|parts?|ways?|sides?|groups?|editions?|things?)$/i;
/** A year read as a figure ("2018 counts"): the figures table leaves it out. */
const YEAR_AS_COUNT = /^(?:1[89]|20)\d{2}\s+\p{Ll}+$/u;

interface Composition {
  summary: PendingSentence[];
  findings: PendingFinding[];
  /** Gap sentences on which places the sources name (which-questions only). */
  names?: PendingSentence[];
}


function composeQuestion(input: ComposeInput, selection: Selection, acronyms: Acronyms): Composition {
  const neighbours = neighboursOf(input);
  const a = facet(input, 'does-a');
  const b = facet(input, 'does-b-only');
  const topic = facet(input, 'topic') ?? input.facets[0];
  const all = allJudgements(input);
  const topicPool = topic ? candidatesFor(all, { facetId: topic.id, claim: topic.claim, focus: topic.focus, acronyms, neighbours, negation: 0 }) : [];
  const summary: PendingSentence[] = [];
  const findings: PendingFinding[] = [];
  const names: PendingSentence[] = [];
  // Which-questions: the places named as doing a facet's act, read from every judged passage.
  const answer = answerOf(input);
  const namedPool = (f: FacetEvidence): NamedCandidate[] =>
    answer ? namedCandidates(candidatesFor(all, { facetId: f.id, claim: f.claim, focus: f.focus, acronyms, neighbours, negation: 0 }), f, answer) : [];

  if (a && b) {
    const poolA = candidatesFor(a.judgements, { facetId: a.id, claim: a.claim, focus: a.focus, acronyms, neighbours, negation: -1 });
    const poolB = candidatesFor(b.judgements, { facetId: b.id, claim: b.claim, focus: b.focus, acronyms, neighbours, negation: 1 });
    const headA = lead(selection, poolA, a, false);
    const headB = lead(selection, poolB, b, true);
    const arithmetic = headA ? arithmeticSentence(headA, a) : null;

    // Which places the sources name as doing A, or B only, picked before the findings' other
    // sentences so a naming sentence is quoted where it names.
    const namedA = pickNamed(selection, namedPool(a));
    const namedB = pickNamed(selection, namedPool(b));

    // The counts over time: figure sentences from either facet, one per source, oldest first.
    const counts = facet(input, 'compare');
    const poolCounts = counts ? candidatesFor(counts.judgements, { facetId: counts.id, claim: counts.claim, focus: counts.focus, acronyms, neighbours, negation: 0 }) : [];
    const countsOf = (pool: readonly Candidate[]): Candidate[] =>
      pool.filter((c) => findArithmetic(c.text).length === 0 && !ANAPHORA.test(c.text) && (c.negated ? mainFigure(c, b) : mainFigure(c, a)));
    const series = selection
      .pick(uniqueByKey([...countsOf(poolA), ...countsOf(poolB), ...countsOf(poolCounts)]).sort(byYearThenScore), 6)
      .sort(byYearThenScore);
    // Sentences after a lead stand alone: one that leans on a sentence the report does not quote
    // ("Those 40 towns …") is left for the summary, right after the arithmetic that explains it.
    const restA = selection.pick(poolA, SENTENCES_PER_FINDING - 1, (c) => !c.negated && c.coverage >= 0.35 && !c.leans);
    const restB = selection.pick(poolB, SENTENCES_PER_FINDING - 1, (c) => c.negated && c.coverage >= 0.35 && !c.leans);

    // The direct answer first: facet A's count, what is left of its whole, what the source says
    // the rest are; then facet B's count (the main caveat closes the summary, see composeReport).
    if (headA) summary.push(fromCandidate(headA));
    if (arithmetic) summary.push(arithmetic);
    // What the source itself says about the difference ("Those 56 include …"), read right after it.
    const rest = headA ? arithmeticRest(headA, a) : null;
    const aside =
      headA && rest !== null
        ? selection.pick([...poolA, ...poolB, ...poolCounts, ...topicPool].filter((c) => c.source.id === headA.source.id && new RegExp(`\\b${rest}\\b`).test(c.text) && findArithmetic(c.text).length === 0), 1)[0]
        : undefined;
    // Quoted alone: the arithmetic just before it says what "those 56" are.
    if (aside) summary.push(fromCandidate(aside, { standalone: true }));
    if (headB) summary.push(fromCandidate(headB));

    const aBasis = headA ? [headA, ...restA] : restA;
    if (aBasis.length > 0) {
      const h = (headA && figureHeadline(headA, a)) ?? sentenceCase(a.label);
      findings.push(finding(h, aBasis));
    }
    const bBasis = headB ? [headB, ...restB] : restB;
    if (bBasis.length > 0) {
      const h = (headB && figureHeadline(headB, b)) ?? sentenceCase(b.label);
      findings.push(finding(h, bBasis));
    }
    if (answer && namedA.length + namedB.length > 0) {
      const only = onlyPhrase(b.label);
      const listB = namedB.length > 0 ? `${placeList(namedB.flatMap((n) => n.places))}${only ? ` (${only})` : ''}` : '';
      const list = [placeList(namedA.flatMap((n) => n.places)), listB].filter((x) => x !== '').join('; ');
      // Not counted among the findings that answer a facet for the single-source gap: the names gap says who names them.
      findings.push(finding(`Which ${answer.noun} the sources name: ${list}`, [...namedA, ...namedB].map((n) => n.candidate), [], false, false));
    }
    // The count answers "which" with a number: say which places the sources name, and that the rest are not.
    if (answer && answer.places.length > 0) {
      for (const [head, target, named] of [[headA, a, namedA], [headB, b, namedB]] as const) {
        const figure = head ? mainFigure(head, target) : null;
        if (!head || !figure || figure.whole === null) continue;
        const gap = namesGap({ candidate: head, figure }, named, answer);
        if (gap) names.push(gap);
        break; // one such sentence: the first facet with a count
      }
    }
    if (series.length > 0 || arithmetic) {
      const years = series.map((c) => yearOf(c.source)).filter((y): y is number => y !== null);
      const first = years[0];
      const last = years[years.length - 1];
      const headline =
        first !== undefined && last !== undefined && first !== last ? `How the counts moved from ${first} to ${last}` : 'How the two groups compare in numbers';
      findings.push(finding(headline, series, arithmetic ? [arithmetic, ...(aside ? [fromCandidate(aside, { standalone: true })] : [])] : [], true, false));
    }
  } else if (topic) {
    const head = lead(selection, topicPool, topic, null);
    const named = answer && topic.role === 'topic' ? pickNamed(selection, namedPool(topic)) : [];
    if (head) {
      summary.push(fromCandidate(head));
      const rest = selection.pick(topicPool, SENTENCES_PER_FINDING - 1, (c) => c.coverage >= 0.35 && !c.leans);
      findings.push(finding(figureHeadline(head, topic) ?? sentenceCase(topic.label), [head, ...rest]));
    }
    if (answer && named.length > 0) {
      findings.push(finding(`Which ${answer.noun} the sources name: ${placeList(named.flatMap((n) => n.places))}`, named.map((n) => n.candidate), [], false, false));
    }
    const figure = head ? mainFigure(head, topic) : null;
    if (answer && answer.places.length > 0 && head && figure && figure.whole !== null) {
      const gap = namesGap({ candidate: head, figure }, named, answer);
      if (gap) names.push(gap);
    }
    for (const part of input.facets.filter((f) => f.role === 'part')) {
      const pool = candidatesFor(part.judgements, { facetId: part.id, claim: part.claim, focus: part.focus, acronyms, neighbours, negation: 0 });
      const chosen = selection.pick(pool, SENTENCES_PER_FINDING, (c) => c.coverage >= 0.35);
      if (chosen.length > 0) findings.push(finding(sentenceCase(part.label), chosen));
    }
  }

  for (const f of kindFindings(selection, topicPool)) {
    if (findings.length >= MAX_FINDINGS) break;
    findings.push(f);
  }
  // The summary's fourth sentence: what the primary texts provide, when a statute was read.
  // Prefer a statute sentence that answers the first facet, else the statutes finding's first.
  const statuteLead =
    findings[0]?.basis.find((c) => c.source.kind === 'legislation') ??
    findings.find((f) => !f.answers && f.basis.some((c) => c.source.kind === 'legislation'))?.basis[0];
  if (statuteLead && summary.length < 4) summary.push(fromCandidate(statuteLead));
  return { summary, findings, names };
}

function verdictWords(v: Verdict): string {
  return v.label;
}

/** How a source's figure stands to a figure the claim states. */
type FigureRelation = 'agrees' | 'conflicts' | 'other-meaning';

interface FigureEvidence {
  candidate: Candidate;
  relation: FigureRelation;
}

/**
 * A claim's figures checked one by one: sentences stating the same count (agrees), the same
 * thing with another value (conflicts), or the same number counting something else
 * (other-meaning — "the 118 is a count of sufficient legislation").
 */
function figureEvidence(claim: string, pool: readonly Candidate[]): { figure: Figure; found: FigureEvidence[] }[] {
  const out: { figure: Figure; found: FigureEvidence[] }[] = [];
  for (const cf of extractFigures(claim).filter((f) => f.unit !== null || f.predicate !== null)) {
    // What the figure counts, by its first two words: the act ("criminalise possession"), not the object.
    const counted = contentTerms(cf.predicate ?? cf.unit ?? '').slice(0, 2);
    const found: FigureEvidence[] = [];
    for (const c of pool) {
      let relation: FigureRelation | null = null;
      for (const f of c.figures) {
        const rel = compareFigures(cf, f);
        if (rel === 'unrelated') continue;
        const same = counted.length > 0 && counted.every((t) => c.terms.has(t)) && c.negated === /\b(?:not|no)\b/i.test(claim);
        if (rel === 'match') relation = same ? 'agrees' : (relation ?? 'other-meaning');
        else if (same && (cf.whole === null || f.whole === null || cf.whole === f.whole) && relation !== 'agrees') relation = 'conflicts';
      }
      if (relation) found.push({ candidate: c, relation });
    }
    out.push({ figure: cf, found });
  }
  return out;
}

function composeClaim(input: ComposeInput, selection: Selection, acronyms: Acronyms): Composition {
  const neighbours = neighboursOf(input);
  const whole = facet(input, 'claim') ?? input.facets[0];
  const summary: PendingSentence[] = [];
  const findings: PendingFinding[] = [];
  if (!whole) return { summary, findings };
  // Candidates ranked by how much of the claim they state (claim-rank.ts): the best-covering
  // source is quoted first, and its best sentence opens the summary.
  const profile = profileClaim(whole.claim);
  const ranking = rankByClaimCoverage(
    candidatesFor(whole.judgements, { facetId: whole.id, claim: whole.claim, focus: whole.focus, acronyms, neighbours, negation: 0, profile }),
    profile,
    whole.judgements,
    whole.sourceCoverage,
  );
  const pool = ranking.ranked;
  // A sentence that negates what the claim asserts (or the reverse) is never shown as support,
  // whatever stance the judge gave it: "does not require" contradicts "requires".
  const claimNegated = negationCount(whole.claim) > 0;
  const flips = (c: Candidate): boolean => c.negated !== claimNegated && c.coverage >= 0.5;
  const supporting = (c: Candidate): boolean => c.stance === 'supports' && !flips(c) && c.coverage >= 0.3;
  const refuting = (c: Candidate): boolean => (c.stance === 'refutes' || (c.stance === 'supports' && flips(c))) && c.coverage >= 0.3;
  const [top] = selection.pick(pool, 1, (c) => !c.leans);
  if (top) summary.push(fromCandidate(top));
  const opening = (accept: (c: Candidate) => boolean): Candidate[] => (top && accept(top) ? [top] : []);

  // Each figure of the claim against the sources' figures.
  for (const { figure, found } of figureEvidence(whole.claim, pool)) {
    const order: FigureRelation[] = ['agrees', 'conflicts', 'other-meaning'];
    const chosen: Candidate[] = [];
    for (const rel of order) chosen.push(...selection.pick(found.filter((x) => x.relation === rel).map((x) => x.candidate), rel === 'other-meaning' ? 1 : 2));
    if (chosen.length === 0) continue;
    // The lead quote already states the figure as claimed: numbers said of something else add nothing to it.
    const leadAgrees = top !== undefined && found.some((x) => x.candidate === top && x.relation === 'agrees');
    if (leadAgrees && found.every((x) => x.relation === 'other-meaning' || x.candidate === top || !chosen.includes(x.candidate))) continue;
    const first = chosen[0] as Candidate;
    if (summary.length < 3) summary.push(fromCandidate(first));
    findings.push(finding(`The claim's figure, ${figure.text}, against the sources' counts`, chosen));
    if (findings.length >= 2) break;
  }

  const supportsTop = opening(supporting);
  const refutesTop = opening(refuting);
  const supports = [...supportsTop, ...selection.pick(pool, SENTENCES_PER_FINDING - supportsTop.length, supporting)];
  const refutes = [...refutesTop, ...selection.pick(pool, SENTENCES_PER_FINDING - refutesTop.length, refuting)];
  if (supports[0] && supports[0] !== top && summary.length < 3) summary.push(fromCandidate(supports[0]));
  if (refutes[0] && refutes[0] !== top && summary.length < 4) summary.push(fromCandidate(refutes[0]));
  if (supports.length > 0) findings.push(finding(figureHeadline(supports[0] as Candidate, whole) ?? 'Passages read as supporting the claim', supports));
  if (refutes.length > 0) findings.push(finding(figureHeadline(refutes[0] as Candidate, whole) ?? 'Passages read as weighing against the claim', refutes));
  // Context: close readings of the claim's subject the judge found neither for nor against it
  // (the opening sentence among them when the judge found it neither).
  const contextTop = top && !supporting(top) && !refuting(top) ? [top] : [];
  const contextual = supports.length + refutes.length < 3 || contextTop.length > 0;
  const context = contextual ? [...contextTop, ...selection.pick(pool, SENTENCES_PER_FINDING - 1 - contextTop.length, (c) => c.coverage >= 0.25 && !c.leans)] : [];
  for (const c of context) if (c !== top && summary.length < 3) summary.push(fromCandidate(c));
  if (context.length > 0) {
    findings.push(finding(supports.length + refutes.length === 0 ? 'What the sources say on the subject, without settling the claim' : 'What else the sources say on it', context));
  }
  for (const part of input.facets.filter((f) => f.role === 'part')) {
    if (findings.length >= MAX_FINDINGS - 1) break;
    const partPool = candidatesFor(part.judgements, { facetId: part.id, claim: part.claim, focus: part.focus, acronyms, neighbours, negation: 0 });
    const chosen = selection.pick(partPool, 3, (c) => c.stance !== 'neutral' && c.coverage >= 0.3);
    const label = part.verdict ? ` (${verdictWords(part.verdict)})` : '';
    if (chosen.length > 0) findings.push(finding(`On the part “${part.label}”${label}`, chosen));
  }
  for (const f of kindFindings(selection, pool)) {
    if (findings.length >= MAX_FINDINGS) break;
    findings.push(f);
  }
  // Nothing quotable: the page that states most of the claim, by its headline, else by its nearest line.
  const headline = summary.length === 0 ? (headlineSentence(profile, whole.judgements, ranking.bySource) ?? nearestLineSentence(profile, whole.judgements, ranking.bySource)) : null;
  if (headline) summary.push(headline);
  const unquoted = unquotedBestSource(profile, whole.judgements, ranking.bySource, pool, [...summary, ...findings.flatMap((f) => f.sentences)]);
  // After the lead: the page holding most of the claim's words, when nothing of it could be quoted.
  if (unquoted && summary.length < 4) summary.splice(Math.min(1, summary.length), 0, unquoted);
  return { summary, findings };
}

/** Compose the draft report. Sentences are numbered by first citation; sources listed in that order. */
export function composeReport(input: ComposeInput): Composed {
  const selection = new Selection();
  const acronyms = acronymsIn(allJudgements(input).map((j) => j.passage.text));
  // A yes/no question is composed like the claim it asks about (its facet "claim").
  const asClaim = input.kind === 'claim' || input.facets.some((f) => f.role === 'claim');
  const body = asClaim ? composeClaim(input, selection, acronyms) : composeQuestion(input, selection, acronyms);

  const sources = new Map<string, Source>();
  const passages = new Map<string, Passage>();
  for (const f of input.facets) {
    for (const j of f.judgements) {
      sources.set(j.source.id, j.source);
      passages.set(j.passage.id, j.passage);
    }
  }

  // Figures the report states, in the order of their sentences; spans of time only when the input asks how long.
  const asksDuration = /\bhow\s+long\b|\b(?:years?|months?|weeks?|days?|decades?)\b/i.test(input.input);
  const tableFigures: TableFigure[] = [];
  const seenFigures = new Set<string>();
  // An antecedent quoted before its sentence states its figures too.
  const stated = selection.all().flatMap((c) => (c.antecedent ? [c.antecedent, c] : [c]));
  for (const c of stated.sort((x, y) => (yearOf(x.source) ?? 0) - (yearOf(y.source) ?? 0) || byScore(x, y))) {
    for (const figure of c.figures) {
      const key = `${c.passage.id}:${figure.start}`;
      if (seenFigures.has(key) || figure.predicate === null || figure.unit === null || VAGUE_UNITS.test(figure.unit)) continue;
      if (MISREAD.test(figure.text)) continue; // "56 include countries": a verb read as part of the figure
      if (/\b(?:those|these)\s*$/i.test(c.text.slice(0, figure.start))) continue; // "Those 40 towns …" restates a count
      if (YEAR_AS_COUNT.test(figure.text) && figure.whole === null) continue; // "the edition of 2018 counts 140 …": a year, not a count
      if (namesAKind(figure, c.text)) continue; // "a 4-day workweek", "the six-month pilot": a kind of thing, not a count
      if (!asksDuration && spanOfTime(figure, c.text)) continue; // "the largest in 30 years": when, not how many
      seenFigures.add(key);
      tableFigures.push({ figure, candidate: c });
    }
  }

  // "196 countries" beside "140 of the 196 countries" from the same source is the whole, not a count of its own.
  const isWholeOfAnother = (tf: TableFigure): boolean =>
    tf.figure.whole === null &&
    tableFigures.some((o) => o !== tf && o.candidate.source.id === tf.candidate.source.id && o.figure.whole === tf.figure.value && o.figure.unit === tf.figure.unit);
  const ownFigures = tableFigures.filter((tf) => !isWholeOfAnother(tf));
  tableFigures.splice(0, tableFigures.length, ...ownFigures);

  const targets = input.facets.filter((f) => f.role !== 'topic' && f.role !== 'compare');
  const answerFigures = tableFigures.filter((tf) => targets.some((t) => mainFigure(tf.candidate, t) === tf.figure));
  const terms = (text: string): ReadonlySet<string> => withExpansions(contentTerms(text), acronyms);
  const positives: FigureMention[] = answerFigures.map((tf) => ({ figure: tf.figure, sentence: tf.candidate.text, passage: tf.candidate.passage, source: tf.candidate.source }));
  const discrepancies = findDiscrepancies(positives, figureMentions(allJudgements(input)), { terms, context: targets.map((t) => t.claim) });
  const gaps = composeGaps({ input, findings: body.findings, figures: tableFigures, answerFigures, sources: [...selection.all()].map((c) => c.source), discrepancies, names: body.names ?? [] });
  const perspectives = composePerspectives({ input, chosen: selection.all(), found: [...sources.values()] });
  // The main caveat closes the summary.
  const caveat = gaps.find((g) => g.basis !== 'absence');
  // Nothing quotable and no page named: the summary says so plainly rather than stay empty.
  const absent = body.summary.length === 0 ? gaps.find((g) => g.basis === 'absence') : undefined;
  const opening = absent ? [absent] : body.summary;
  const summary = caveat && opening.length < 5 ? [...opening, caveat] : opening;

  const numbers = new CitationNumbers(sources);
  const draftSummary = summary.map((s) => numbers.finish(s));
  const draftFindings: DraftFinding[] = body.findings
    .slice(0, MAX_FINDINGS)
    .map((f) => ({ headline: f.headline, sentences: f.sentences.map((s) => numbers.finish(s)) }));
  const draftGaps = gaps.map((s) => numbers.finish(s));
  const draftPerspectives = perspectives.map((s) => numbers.finish(s));
  const figures: ReportFigure[] = figureTable(tableFigures, (id) => numbers.number(id), discrepancies);

  const verdict = input.verdict
    ? { label: input.verdict.label, confidence: Math.round(input.verdict.confidence * 100) / 100, reason: input.verdict.reason }
    : null;
  const draft: ReportDraft = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    input: input.input,
    kind: input.kind,
    title: `Fact check: ${input.input.trim()}`,
    verdict,
    summary: draftSummary,
    findings: draftFindings,
    gaps: draftGaps,
    perspectives: draftPerspectives,
    figures,
    sources: numbers.list(),
    provenance: input.provenance,
    facets: input.facets.map((f) => ({
      id: f.id,
      role: f.role,
      label: f.label,
      claim: f.claim,
      passages: f.judgements.length,
      verdict: f.verdict ? { label: f.verdict.label, confidence: Math.round(f.verdict.confidence * 100) / 100, reason: f.verdict.reason } : null,
    })),
  };
  const cited = new Map<string, Passage>();
  for (const s of [...draftSummary, ...draftFindings.flatMap((f) => f.sentences), ...draftGaps, ...draftPerspectives]) {
    for (const id of s.passageIds) {
      const p = passages.get(id);
      if (p) cited.set(id, p);
    }
  }
  return { draft, passages: cited };
}

