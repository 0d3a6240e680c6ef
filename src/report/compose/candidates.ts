// Candidate sentences: every sentence of every judged passage, scored for how well it answers
// one facet. The composer only ever writes these sentences (plus glue), so every fact in a
// report is a sentence some source wrote.
import type { Figure, Judgement, Passage, Source, Stance } from '../../model.js';
import { STOPWORDS, contentTerms, extractFigures, injectionText, splitSentences } from '../../text/index.js';
import { negationCount } from './negation.js';
import { withExpansions } from './acronyms.js';
import { balanceQuotes } from './attribution.js';
import { coverageByBestSentences, type ClaimProfile } from '../../evidence/index.js';

export interface Candidate {
  /** The sentence as written in the passage (list markers and heading marks removed). */
  text: string;
  passage: Passage;
  source: Source;
  facetId: string;
  stance: Stance;
  strength: number;
  relevance: number;
  terms: ReadonlySet<string>;
  /** Figures that say what they count (unit or predicate). */
  figures: Figure[];
  negated: boolean;
  /** Share of the facet's content terms the sentence contains. */
  coverage: number;
  /** Share of the facet's focus words the sentence contains (0 when the facet has none). */
  focusCoverage: number;
  score: number;
  /** Position of the sentence in its passage, for stable ordering. */
  index: number;
  /**
   * The sentence leans on one it follows ("That conference …", "a Party that makes this
   * reservation …", "However, …") and no antecedent is quoted with it: it is ranked below
   * candidates that stand alone.
   */
  leans: boolean;
  /** The previous sentence of the passage, quoted before this one because it resolves what this one points back to. */
  antecedent?: Candidate;
}

const MIN_CHARS = 30;
/** Sentences that lean on the one before them. */
export const ANAPHORA = /^(?:this|that|these|those|it|its|they|their|such|both|the two|the same|here|there)\b/i;
const MAX_CHARS = 480;
/** Words a quoted sentence may have: its attribution adds a few, and a report sentence reads as one up to about 70. */
const MAX_WORDS = 60;

function quotesBalanced(text: string): boolean {
  return (text.match(/"/g) ?? []).length % 2 === 0 && (text.match(/“/g) ?? []).length === (text.match(/”/g) ?? []).length;
}
/** An antecedent is quoted only when it is short: the pair must still read as one sentence. */
const MAX_ANTECEDENT_CHARS = 220;

/**
 * References that point back to a sentence the report may not quote, anywhere in the sentence:
 * a demonstrative with its noun ("this reservation", "those 94 countries"), "such" + noun,
 * "the same" + noun, "the remaining/latter/former". Group 1 is the word the reference names,
 * when there is one (the antecedent must name it too).
 */
const INNER_REFERENCES: readonly RegExp[] = [
  // "this/these/those" + noun or number; not "those who …", "this year", a document's own name ("this summary").
  /\b(?:this|these|those)\s+(?!who\b|which\b|that\b|whose\b|in\b|of\b|with\b|at\b|for\b|year\b|month\b|week\b|day\b|decade\b|century\b|time\b|report\b|summary\b|survey\b|study\b|review\b|post\b|article\b|page\b|paper\b|release\b|section\b|chapter\b|convention\b|protocol\b|act\b)(\d[\d,.]*|\p{Ll}+)/giu,
  /\bsuch\s+(?!as\b|that\b|a\b|an\b)(\p{Ll}+)/giu,
  /\bthe\s+same\s+(?!way\b|as\b|time\b)(\p{Ll}+)/giu,
  /\bthe\s+(?:remaining|latter|former)\s+(\d[\d,.]*|\p{Ll}+)?/giu,
  // "the 95 counts …", "The 118 is …": a bare number as a noun is a figure stated before.
  /\bthe\s+(\d[\d,.]*)\s+(?:is|are|was|were|counts?|leaves?|includes?|covers?|means|refers|comes|excludes?|and\s+the\s+\d)\b/giu,
  // "… do this:", "… as these." — a pronoun with nothing after it.
  /\b(?:this|these|those)(?=\s*[:;,.)])/giu,
];
/** Connectives that mark a contrast with what came before: kept when quoted, so the sentence leans on its context. */
const CONTRAST = /^(?:however|nevertheless|nonetheless|yet|still|but|instead|even so|by contrast|in contrast|on the other hand|conversely)\b|,\s*(?:however|nevertheless|nonetheless|by contrast|in contrast|instead)\s*,/i;

/**
 * What a sentence points back to: null when it stands alone, else the words the antecedent must
 * name ([] when the reference names nothing, as with "It …" or "However, …").
 */
export function backReferences(text: string): string[] | null {
  const named: string[] = [];
  // "Those who park …" is general and "There is …" existential: neither is a reference.
  let leans = (ANAPHORA.test(text) && !/^(?:those\s+(?:who|whose|which)|there)\b/i.test(text)) || CONTRAST.test(text);
  if (leans) {
    // "That conference …", "Those 56 …": the word after the opening demonstrative is what it names.
    const head = /^(?:this|that|these|those|such|the same)\s+(\d[\d,.]*|\p{Ll}+)/iu.exec(text)?.[1];
    if (head && !STOPWORDS.has(head.toLowerCase())) named.push(head);
  }
  for (const re of INNER_REFERENCES) {
    for (const m of text.matchAll(re)) {
      leans = true;
      const word = m[1];
      if (word && !STOPWORDS.has(word.toLowerCase())) named.push(word);
    }
  }
  return leans ? [...new Set(named)] : null;
}

/** Does `antecedent` name every word the reference points back to (by stem; numbers as written)? */
function resolves(antecedent: string, named: readonly string[]): boolean {
  const terms = new Set(contentTerms(antecedent));
  const numbers = new Set((antecedent.match(/\d[\d,.]*\d|\d/g) ?? []).map((n) => n.replace(/,/g, '')));
  return named.every((w) => (/^\d/.test(w) ? numbers.has(w.replace(/,/g, '').replace(/\.$/, '')) : contentTerms(w).every((t) => terms.has(t))));
}

/** A news dateline before the sentence, after any byline: "TORONTO, ON (August 22, 2017) - ", "LONDON — ", "By Ann Lee LONDON (Reuters) - ", "(WASHINGTON) — ". */
const DATELINE = /^(?:By\s+(?:\p{Lu}[\p{Ll}'’.-]+\s+){1,3}(?:and\s+(?:\p{Lu}[\p{Ll}'’.-]+\s+){1,3})?)?(?:\p{Lu}[\p{Lu}.' ]{2,}(?:,\s*\p{Lu}[\p{L}.]*){0,2}\s*(?:\([^()]{3,40}\))?|\(\p{Lu}[\p{Lu}.' ]{2,}(?:,\s*\p{Lu}[\p{L}.]*){0,2}\))\s*(?:-{1,2}|–|—)\s+(?=\p{Lu})/u;

export function cleanSentence(text: string): string {
  return text
    .replace(/^\s*(?:#{1,6}\s+|[-*•▪]\s+|\d+[.)]\s+|>\s*)+/, '')
    .replace(DATELINE, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Page furniture that reads like a sentence: "Sign up for our newsletter to …". */
export const FURNITURE = /^(?:sign|subscribe|click|read|share|follow|download|watch|listen|log|register|join|get|see|view|tap)\b/i;

/**
 * A list item or a line written without a full stop that still states something: long enough, with
 * a figure or many words, mostly lower-case (a heading is capitalised), not page furniture
 * ("38 reefs surveyed, with average hard coral cover estimated at 35.7 per cent").
 */
function listStatement(text: string, words: number): boolean {
  if (words < 7 || FURNITURE.test(text) || !(/\d/.test(text) || words >= 10)) return false;
  const tokens = text.split(/\s+/).filter((w) => /^\p{L}/u.test(w));
  const capitalised = tokens.filter((w) => /^\p{Lu}/u.test(w)).length;
  return tokens.length > 0 && capitalised / tokens.length < 0.4;
}

function usable(text: string): boolean {
  if (text.length < MIN_CHARS || text.length > MAX_CHARS) return false;
  if (injectionText(text) !== null) return false; // text addressed to a model is never quoted as evidence
  if (text.endsWith('?') || text.endsWith(':')) return false;
  if (/[|]{2,}|^[-=*_]{3,}/.test(text)) return false;
  const words = text.split(/\s+/).length;
  if (words > MAX_WORDS) return false; // with its attribution it would run past what reads as one sentence
  if (!/[.!]["'”’)\]]*$/.test(text) && !listStatement(text, words)) return false; // headings and fragments have no full stop
  // A web address is a reference line or a by-line, not a statement to quote.
  if (/https?:\/\/|\bwww\.\S/i.test(text)) return false;
  // A quotation mark whose pair is in another sentence, not at either end (where it is left out):
  // the sentence is a piece of a longer quotation ("… this year,\" he said").
  if (!quotesBalanced(balanceQuotes(text.replace(/[.!]+$/, '')))) return false;
  const afterColon = /:\s+([^:]*)$/.exec(text)?.[1];
  if (afterColon !== undefined && afterColon.split(/\s+/).length <= 5) return false;
  return words >= 6 && /[a-z]/.test(text) && !/^[a-z]/.test(text);
}

export interface CandidateOptions {
  facetId: string;
  /** The facet's claim: candidates are scored by how much of it they cover. */
  claim: string;
  /** Words that set the facet apart; covering them weighs more than covering the claim. */
  focus?: readonly string[];
  /** Acronyms the sources define, so "CSAM" covers "child sexual abuse material". */
  acronyms?: ReadonlyMap<string, readonly string[]>;
  /** +1 favours negated sentences ("do not criminalize"), −1 disfavours them, 0 neither. */
  negation: -1 | 0 | 1;
  /**
   * Other judged passages by source and position (passageKey): a sentence that opens its
   * passage may take its antecedent from the end of the passage just before it in the same
   * document (a list item after the sentence that introduces it).
   */
  neighbours?: ReadonlyMap<string, Passage>;
  /**
   * The claim's profile, when the facet is a claim: a sentence's coverage is then also read
   * rarity-weighted (names and rare words count more, a synonym counts as the word) and the larger
   * share is kept, so the sentence that states a long claim's names and predicate is not lost
   * for the claim's many common words.
   */
  profile?: ClaimProfile;
}

/** Key of a passage by its document and position, for CandidateOptions.neighbours. */
export function passageKey(sourceId: string, ordinal: number): string {
  return `${sourceId}#${ordinal}`;
}

/** Score every sentence of the judged passages for a facet. Deterministic order: best first. */
export function candidatesFor(judgements: readonly Judgement[], options: CandidateOptions): Candidate[] {
  const facetTerms = [...new Set(contentTerms(options.claim))].filter((t) => !/^\d/.test(t));
  const focus = [...new Set(contentTerms((options.focus ?? []).join(' ')))];
  const maxRelevance = Math.max(1e-9, ...judgements.map((j) => j.relevance));
  const out: Candidate[] = [];
  for (const j of judgements) {
    const spans = splitSentences(j.passage.text).map((span) => cleanSentence(span.text));
    spans.forEach((text, index) => {
      if (!usable(text)) return;
      const terms = withExpansions(contentTerms(text), options.acronyms ?? new Map());
      const covered = facetTerms.filter((t) => terms.has(t)).length;
      const share = facetTerms.length === 0 ? 0 : covered / facetTerms.length;
      const coverage = options.profile ? Math.max(share, coverageByBestSentences(options.profile, [text], 1).coverage) : share;
      const focusCoverage = focus.length === 0 ? 0 : focus.filter((t) => terms.has(t)).length / focus.length;
      if (coverage < 0.2 && focusCoverage === 0) return;
      if (covered < Math.min(2, facetTerms.length)) return; // one shared word ("made") is chance
      const figures = extractFigures(text).filter((f) => f.unit !== null || f.predicate !== null);
      const negated = negationCount(text) > 0;
      let score = 0.7 * coverage + 0.8 * focusCoverage + 0.25 * (j.relevance / maxRelevance);
      if (figures.length > 0) score += 0.35;
      if (j.stance !== 'neutral') score += 0.15 * j.strength;
      if (options.negation !== 0) score += (negated ? 0.3 : -0.3) * options.negation;
      // A sentence that leans on the one before ("That conference …", "this reservation") reads
      // badly alone: the previous sentence of the passage is quoted before it when it is short,
      // stands alone and names what the reference points to; otherwise the sentence ranks low.
      const named = backReferences(text);
      const antecedent = named === null ? undefined : antecedentOf(spans, index, named, j, options);
      if (named !== null) score -= antecedent ? 0.1 : 0.4;
      out.push({
        text,
        passage: j.passage,
        source: j.source,
        facetId: options.facetId,
        stance: j.stance,
        strength: j.strength,
        relevance: j.relevance,
        terms,
        figures,
        negated,
        coverage,
        focusCoverage,
        score,
        index,
        leans: named !== null && antecedent === undefined,
        ...(antecedent ? { antecedent } : {}),
      });
    });
  }
  return out.sort(byScore);
}

/**
 * The previous sentence — of the passage, or for the passage's first sentence the last one of the
 * judged passage just before it in the document — as a candidate, when it can be quoted before
 * sentence `index`.
 */
function antecedentOf(spans: readonly string[], index: number, named: readonly string[], j: Judgement, options: CandidateOptions): Candidate | undefined {
  let text = spans[index - 1];
  let passage = j.passage;
  let at = index - 1;
  if (index === 0) {
    const before = options.neighbours?.get(passageKey(j.passage.sourceId, j.passage.ordinal - 1));
    const last = before ? splitSentences(before.text).pop() : undefined;
    if (!before || !last) return undefined;
    text = cleanSentence(last.text);
    passage = before;
    at = splitSentences(before.text).length - 1;
  }
  const own = spans[index] ?? '';
  if (text === undefined || !usable(text) || text.length > MAX_ANTECEDENT_CHARS || text.length + own.length > MAX_CHARS) return undefined;
  if (backReferences(text) !== null || !resolves(text, named)) return undefined;
  return {
    text,
    passage,
    source: j.source,
    facetId: options.facetId,
    stance: j.stance,
    strength: j.strength,
    relevance: j.relevance,
    terms: new Set(contentTerms(text)),
    figures: extractFigures(text).filter((f) => f.unit !== null || f.predicate !== null),
    negated: negationCount(text) > 0,
    coverage: 0,
    focusCoverage: 0,
    score: 0,
    index: at,
    leans: false,
  };
}

export function byScore(a: Candidate, b: Candidate): number {
  return b.score - a.score || a.passage.id.localeCompare(b.passage.id) || a.index - b.index;
}

/** Key identifying a sentence across facets. */
export function candidateKey(c: Pick<Candidate, 'passage' | 'index'>): string {
  return `${c.passage.id}#${c.index}`;
}

/** Near-duplicate test (Jaccard of content terms ≥ 0.7): two sources copying one sentence. */
export function nearDuplicate(a: Candidate, b: Candidate): boolean {
  let shared = 0;
  for (const t of a.terms) if (b.terms.has(t)) shared++;
  const union = a.terms.size + b.terms.size - shared;
  return union > 0 && shared / union >= 0.7;
}
