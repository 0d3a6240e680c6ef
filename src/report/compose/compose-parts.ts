// The composer's building blocks (compose.ts puts them together): the selection of sentences
// to quote (each once, one per source first), the figure a candidate states for a facet, the
// lead sentence, findings and their headlines, and the facets' judged passages.
import type { Figure, Passage, Source } from '../../model.js';
import { answerTypeOf, contentTerms, type AnswerType } from '../../text/index.js';
import { shortName } from './attribution.js';
import { quote, quoteParagraph, quotePasses, type QuoteOptions } from './compose-quote.js';
import { byScore, candidateKey, nearDuplicate, passageKey, type Candidate } from './candidates.js';
import type { PendingSentence } from '../citations.js';
import type { ComposeInput, FacetEvidence } from './compose-input.js';
import { findArithmetic, formatArithmetic } from '../arithmetic.js';
import { metadataText, verifySentence } from '../verify.js';
import { countedPhrase } from './counted-phrase.js';
import type { NamedCandidate } from './compose-named.js';

/** A finding under construction. */
export interface PendingFinding {
  headline: string;
  /** True for findings that answer a facet (not those that present one kind of source). */
  answers: boolean;
  sentences: PendingSentence[];
  /** The candidates it rests on (for gaps: single-source findings). */
  basis: Candidate[];
}

export const SENTENCES_PER_FINDING = 4;

export function yearOf(source: Source): number | null {
  const y = /^\d{4}/.exec(source.publishedAt ?? '')?.[0];
  return y ? Number(y) : null;
}

/** The attributed sentence for a candidate, ready for numbering (compose-quote.ts). */
export function fromCandidate(c: Candidate, options: QuoteOptions = {}): PendingSentence {
  return quote(c, options);
}

export function sourceMeta(s: Source): string {
  return metadataText({ n: 0, id: s.id, title: s.title, publisher: s.publisher, date: s.publishedAt, uri: s.uri, kind: s.kind });
}

/** Would this candidate, quoted, pass the verifier? (Checked before use, so reports rarely carry flags.) */
export function passes(c: Candidate): boolean {
  return quotePasses(c);
}

/** What a figure must be about: the facet's claim and its focus words. */
export interface FigureTarget {
  claim: string;
  focus: readonly string[];
}

export interface FigureMatch {
  f: Figure;
  /** The figure's own predicate says what the facet asks (not just its sentence). */
  strong: boolean;
  score: number;
}

/**
 * The figure of a candidate that best says what the facet asks about: it counts the facet's
 * subject (its unit is a claim word), at least two words of its predicate — or, more weakly,
 * of its sentence — are the claim's, and one of them is a focus word when the facet has any.
 */
export function figureMatch(c: Candidate, target: FigureTarget): FigureMatch | null {
  const want = new Set(contentTerms(target.claim));
  const focus = new Set(contentTerms(target.focus.join(' ')));
  const sentenceTerms = contentTerms(c.text);
  let best: FigureMatch | null = null;
  for (const f of c.figures) {
    if (f.unit === null || !contentTerms(f.unit).some((t) => want.has(t))) continue;
    const unitTerms = new Set(contentTerms(f.unit));
    const judge = (terms: string[]): boolean => {
      const hits = terms.filter((t) => want.has(t) && !unitTerms.has(t)).length;
      return hits >= 2 && (focus.size === 0 || terms.some((t) => focus.has(t)));
    };
    const strong = judge(contentTerms(f.predicate ?? ''));
    if (!strong && !judge(sentenceTerms)) continue;
    const score = (strong ? 10 : 0) + (f.whole !== null ? 1 : 0);
    if (best === null || score > best.score) best = { f, strong, score };
  }
  return best;
}

export function mainFigure(c: Candidate, target: FigureTarget): Figure | null {
  return figureMatch(c, target)?.f ?? null;
}

export function formatValue(v: number): string {
  return Number.isInteger(v) ? String(v) : String(Math.round(v * 100) / 100);
}

export class Selection {
  readonly used = new Set<string>();
  private readonly chosen: Candidate[] = [];

  take(c: Candidate): void {
    this.used.add(candidateKey(c));
    // A quoted antecedent is used too: it is not quoted a second time on its own.
    if (c.antecedent) this.used.add(candidateKey(c.antecedent));
    this.chosen.push(c);
  }

  available(c: Candidate): boolean {
    if (this.used.has(candidateKey(c))) return false;
    return !this.chosen.some((o) => nearDuplicate(o, c) || (o.antecedent !== undefined && nearDuplicate(o.antecedent, c)));
  }

  private readonly detached = new WeakMap<Candidate, Candidate>();

  /**
   * The candidate as it can be quoted now: when its antecedent is already quoted elsewhere in
   * the report, it is quoted alone again, and leans.
   */
  view(c: Candidate): Candidate {
    if (!c.antecedent || !this.used.has(candidateKey(c.antecedent))) return c;
    const known = this.detached.get(c);
    if (known) return known;
    const { antecedent: _quotedElsewhere, ...alone } = c;
    const d: Candidate = { ...alone, leans: true };
    this.detached.set(c, d);
    return d;
  }

  /**
   * Up to n candidates, best first, one per source before any source gets a second. Sentences
   * that lean on a context the report does not quote come after every one that stands alone.
   */
  pick(pool: readonly Candidate[], n: number, accept: (c: Candidate) => boolean = () => true): Candidate[] {
    const out: Candidate[] = [];
    for (const pass of [1, 2, 3]) {
      for (const raw of pool) {
        if (out.length >= n) break;
        const c = this.view(raw);
        if (!accept(c) || !this.available(c) || out.includes(c)) continue;
        if (c.leans !== (pass === 3)) continue;
        if (pass === 1 && out.some((o) => o.source.id === c.source.id)) continue;
        if (!passes(c)) continue;
        this.take(c);
        out.push(c);
      }
    }
    return out;
  }

  all(): readonly Candidate[] {
    return this.chosen;
  }
}

/**
 * A figure as a headline states it: digits as a number ("140 of 196 countries"); a figure the source
 * writes in words keeps its words ("Nearly one-third of workers", never "0.33 of workers").
 */
function shownFigure(f: Figure, phrase: string): string {
  const unitWord = f.unit && !phrase.toLowerCase().includes(f.unit.toLowerCase()) ? f.unit : null;
  if (/\d/.test(f.text)) return `${formatValue(f.value)}${f.whole !== null ? ` of ${formatValue(f.whole)}` : ''}${unitWord ? ` ${unitWord}` : ''}`;
  const words = f.text.trim();
  if (unitWord === null || words.toLowerCase().includes(unitWord.toLowerCase())) return words;
  return f.value > 0 && f.value < 1 ? `${words} of ${unitWord}` : `${words} ${unitWord}`;
}

/**
 * A headline built from a candidate's figure ("140 of 196 countries criminalise simple possession
 * of CSAM (ICMEC, 2018)"): a complete statement, so only a figure whose sentence says in full
 * what it counts, in at most 14 words, qualifies — and only if the verifier accepts it.
 */
export function figureHeadline(c: Candidate, target: FigureTarget, derived: readonly number[] = []): string | null {
  const f = mainFigure(c, target);
  // "28 of those 42 towns": a whole that points back to an earlier sentence cannot head a finding.
  if (!f || /\bof\s+(?:those|these)\b/i.test(f.text)) return null;
  const phrase = countedPhrase(f, c.text, { maxWords: 14 });
  if (!phrase || phrase.form !== 'predicate') return null;
  const year = yearOf(c.source);
  const text = `${shownFigure(f, phrase.text)} ${phrase.text} (${shortName(c.source)}${year ? `, ${year}` : ''})`;
  const ok = verifySentence(text, [{ text: c.passage.text }], { attribution: [sourceMeta(c.source)], derivedValues: derived }).verified;
  return ok ? text : null;
}

export function sentenceCase(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The remainder the arithmetic sentence states (whole − value), or null when it states none. */
export function arithmeticRest(c: Candidate, target: FigureTarget): number | null {
  const f = mainFigure(c, target);
  if (!f || f.whole === null || f.predicate === null || f.whole <= f.value || f.bound !== '=' || f.approximate) return null;
  return f.whole - f.value;
}

/** "Of the 196 countries in ICMEC's count, 196 − 140 = 56 are outside the 140 that criminalise …" */
export function arithmeticSentence(c: Candidate, target: FigureTarget): PendingSentence | null {
  const f = mainFigure(c, target);
  if (!f || f.whole === null || f.predicate === null || f.whole <= f.value || f.bound !== '=' || f.approximate) return null;
  const rest = f.whole - f.value;
  const unit = f.unit ?? 'counted';
  const phrase = countedPhrase(f, c.text);
  if (!phrase || phrase.form !== 'predicate') return null;
  const predicate = phrase.text;
  const body = `Of the ${formatValue(f.whole)} ${unit} in ${shortName(c.source)}'s count, ${formatArithmetic(f.whole, '-', f.value, rest)} are outside the ${formatValue(f.value)} that ${predicate}`;
  return { body, sourceIds: [c.source.id], passageIds: [c.passage.id] };
}

/** The lead candidate for a facet: the most recent source stating a counted figure, else the best sentence. */
export function lead(selection: Selection, pool: readonly Candidate[], target: FigureTarget, negated: boolean | null): Candidate | null {
  const strength = (c: Candidate): number => (figureMatch(c, target)?.strong ? 1 : 0);
  const withFigures = pool
    .filter((c) => c.coverage >= 0.35 && (negated === null || c.negated === negated) && findArithmetic(c.text).length === 0 && mainFigure(c, target)?.predicate)
    .sort((a, b) => strength(b) - strength(a) || (yearOf(b.source) ?? 0) - (yearOf(a.source) ?? 0) || byScore(a, b));
  const [first] = selection.pick(withFigures, 1);
  if (first) return first;
  const [fallback] = selection.pick(pool, 1, (c) => negated === null || c.negated === negated);
  return fallback ?? null;
}

export function uniqueByKey(cs: readonly Candidate[]): Candidate[] {
  const seen = new Set<string>();
  return cs.filter((c) => {
    const k = candidateKey(c);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Dated sources first, oldest first: a series reads as a history. */
export function byYearThenScore(x: Candidate, y: Candidate): number {
  const a = yearOf(x.source) ?? 9999;
  const b = yearOf(y.source) ?? 9999;
  return a - b || byScore(x, y);
}

/**
 * A finding: its candidates quoted as one paragraph (compose-quote.ts). `lead` keeps the first
 * candidate first — the one the headline restates.
 */
export function finding(headline: string, basis: Candidate[], extra: PendingSentence[] = [], answers = true, lead = true): PendingFinding {
  const { ordered, sentences } = quoteParagraph(basis, lead);
  return { headline, answers, sentences: [...sentences, ...extra], basis: ordered };
}

export const COMMENTARY_KINDS = new Set(['legal-commentary', 'academic', 'news', 'government', 'reference']);

/** Findings that show what each kind of source adds: statutes, international instruments, commentary. */
export function kindFindings(selection: Selection, pool: readonly Candidate[]): PendingFinding[] {
  const out: PendingFinding[] = [];
  const groups: { accept: (c: Candidate) => boolean; headline: (cs: Candidate[]) => string }[] = [
    {
      accept: (c) => c.source.kind === 'legislation',
      headline: (cs) => {
        const names = [...new Set(cs.map((c) => shortName(c.source)))];
        const only = names[0];
        return names.length === 1 && only ? `What ${only} ${/§§/.test(only) ? 'provide' : 'provides'}` : 'What the statutes provide';
      },
    },
    { accept: (c) => c.source.kind === 'intergovernmental', headline: () => 'What the international instruments require and allow' },
    { accept: (c) => COMMENTARY_KINDS.has(c.source.kind), headline: () => 'What commentators and officials add' },
  ];
  for (const g of groups) {
    // These findings add context, not answers: a sentence that leans on one the report does not quote is left out.
    const chosen = selection.pick(pool, SENTENCES_PER_FINDING, (c) => g.accept(c) && c.coverage >= 0.3 && !c.leans);
    if (chosen.length > 0) out.push(finding(g.headline(chosen), chosen, [], false, false));
  }
  return out;
}

export function facet(input: ComposeInput, role: FacetEvidence['role']): FacetEvidence | undefined {
  return input.facets.find((f) => f.role === role);
}

export function allJudgements(input: ComposeInput): FacetEvidence['judgements'] {
  const seen = new Set<string>();
  const out: FacetEvidence['judgements'] = [];
  for (const f of input.facets) {
    for (const j of f.judgements) {
      if (seen.has(j.passage.id)) continue;
      seen.add(j.passage.id);
      out.push(j);
    }
  }
  return out;
}


/** At most this many sentences name places in the "which … the sources name" finding. */
export const MAX_NAMED = 6;

export function answerOf(input: ComposeInput): AnswerType | null {
  return input.answer !== undefined ? input.answer : input.kind === 'question' ? answerTypeOf(input.input) : null;
}

/**
 * The named places of a facet, as quoted: candidates naming them as subject (compose-named.ts),
 * picked like any other sentence so none is quoted twice.
 */
export function pickNamed(selection: Selection, named: readonly NamedCandidate[]): NamedCandidate[] {
  const byKey = new Map(named.map((n) => [candidateKey(n.candidate), n]));
  return selection
    .pick(named.map((n) => n.candidate), MAX_NAMED)
    .map((c) => byKey.get(candidateKey(c)))
    .filter((n): n is NamedCandidate => n !== undefined);
}

/** "production or distribution only", from the B facet's label "Which countries criminalize production or distribution only, not …". */
export function onlyPhrase(label: string): string | null {
  const m = /^Which\s+\S+\s+\S+\s+(.+?\bonly)\b/i.exec(label);
  return m?.[1] ?? null;
}

/** Every judged passage by its document and position: where an antecedent may be found (candidates.ts). */
export function neighboursOf(input: ComposeInput): Map<string, Passage> {
  return new Map(allJudgements(input).map((j) => [passageKey(j.passage.sourceId, j.passage.ordinal), j.passage]));
}
