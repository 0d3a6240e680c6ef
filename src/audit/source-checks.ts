// What sources say about a claim: "does the cited source say this?" and what the corpus as a
// whole says. Both read passages through the Store contract and judge them with the evidence
// stance model and the report verifier, under the audit's stricter rules for a refutation.
import type { Store } from '../contracts.js';
import type { Passage, Reason, Source } from '../model.js';
import { contentTerms, extractDates, PageNames, splitSentences } from '../text/index.js';
import { conflictingFigures, DEFINITE_AT, decideVerdict, judge, judgeProfiled, retrieve, unitsCompatible, unstatedFigures } from '../evidence/index.js';
import type { ClaimProfile } from '../evidence/index.js';
import { verifySentence } from '../report/verify.js';
import { figureSites } from './figures.js';
import type { SourceSentence } from './source-figures.js';
import type { EvidenceQuote, SourceCheck } from './types.js';

/** The corpus and what has been read from it during one audit (passages and sentences are cached per source). */
export interface SourceContext {
  store: Store;
  options: { limit: number; citedPassages: number; minStance: number };
  sources: Map<string, Source>;
  passages: Map<string, Passage[]>;
  /** By source id (as first read) and by "sourceId#ref". */
  sentences: Map<string, SourceSentence[]>;
  /** By passage id: the passage with its short names written in full from the page before it (see `namedPassages`). */
  named?: Map<string, string>;
}

export function sourceContext(store: Store, sources: readonly Source[], options: SourceContext['options']): SourceContext {
  return { store, options, sources: new Map(sources.map((s) => [s.id, s])), passages: new Map(), sentences: new Map() };
}

async function passagesOf(ctx: SourceContext, sourceId: string): Promise<Passage[]> {
  let p = ctx.passages.get(sourceId);
  if (!p) {
    p = await ctx.store.getPassages(sourceId);
    ctx.passages.set(sourceId, p);
  }
  return p;
}

/**
 * A source's passages in page order, each with its short names written in full from the title and
 * the passages before it ("the reef" → "the Great Barrier Reef"): read, never quoted.
 */
async function namedPassages(ctx: SourceContext, sourceId: string): Promise<Map<string, string>> {
  ctx.named ??= new Map();
  const named = ctx.named;
  const passages = [...(await passagesOf(ctx, sourceId))].sort((a, b) => a.ordinal - b.ordinal);
  if (passages.length > 0 && named.has(passages[0]!.id)) return named;
  const names = new PageNames(ctx.sources.get(sourceId)?.title ?? '');
  for (const p of passages) {
    named.set(p.id, splitSentences(p.text).map((x) => {
      const read = names.expand(x.text);
      names.add(x.text);
      return read;
    }).join(' '));
  }
  return named;
}

/** The heading a passage opens with: a first line of at most 12 words, no closing stop, then a blank line. */
function sectionHeading(text: string): string | null {
  const m = /^\s*([^\n]{1,120})\n\s*\n/.exec(text);
  const line = m?.[1]?.trim().replace(/^#+\s*/, '');
  if (!line || /[.!?:;,]$/.test(line) || line.split(/\s+/).length > 12) return null;
  return line;
}

/** The sentences of a cited source, each with its figures, for figure-against-source checks. */
export async function sentencesOf(ctx: SourceContext, sourceId: string, ref: number): Promise<SourceSentence[]> {
  const key = `${sourceId}#${ref}`;
  const cached = ctx.sentences.get(key);
  if (cached) return cached;
  // The sentences and figures of a source are read once; a source cited under several numbers
  // only gets its ref changed.
  let read = ctx.sentences.get(sourceId);
  if (!read) {
    const title = ctx.sources.get(sourceId)?.title ?? sourceId;
    read = [];
    // A passage may open with its section heading ("Simple possession\n\nSection 2252(a)(4) …");
    // the heading holds for the passages after it until the next one, as context for what a
    // sentence's figures are about.
    let heading: string | undefined;
    const names = new PageNames(title);
    for (const p of [...(await passagesOf(ctx, sourceId))].sort((a, b) => a.ordinal - b.ordinal)) {
      const h = sectionHeading(p.text);
      if (h !== null) heading = h;
      for (const s of splitSentences(p.text)) {
        // "the reef" read as the page's "Great Barrier Reef": what the sentence's figures are said of.
        const resolved = names.expand(s.text);
        names.add(s.text);
        read.push({ text: s.text, ...(resolved !== s.text ? { resolved } : {}), passageId: p.id, sourceId, sourceTitle: title, ref, sites: figureSites(resolved), ...(heading !== undefined ? { heading } : {}) });
      }
    }
    ctx.sentences.set(sourceId, read);
  }
  const out = read.map((s) => (s.ref === ref ? s : { ...s, ref }));
  ctx.sentences.set(key, out);
  return out;
}

// Every claim reads the same few passages again (its cited source's, the corpus's best), so their
// term sets and sentences are kept, keyed by text. Bounded: cleared when full, so a long-running
// process auditing many articles does not grow without end.
const TEXT_CACHE_MAX = 20_000;
const termSets = new Map<string, ReadonlySet<string>>();
const sentenceTexts = new Map<string, readonly string[]>();

function remember<V>(cache: Map<string, V>, text: string, make: (text: string) => V): V {
  let v = cache.get(text);
  if (v === undefined) {
    if (cache.size >= TEXT_CACHE_MAX) cache.clear();
    v = make(text);
    cache.set(text, v);
  }
  return v;
}

/** The distinct content terms of a text. */
function termSet(text: string): ReadonlySet<string> {
  return remember(termSets, text, (t) => new Set(contentTerms(t)));
}

function overlap(terms: ReadonlySet<string>, text: string): number {
  let n = 0;
  for (const t of termSet(text)) if (terms.has(t)) n++;
  return n;
}

/** The sentence of a passage closest to the claim: the quote shown as evidence. */
function bestSentence(text: string, terms: ReadonlySet<string>): string {
  let best = text;
  let score = -1;
  for (const sentence of remember(sentenceTexts, text, (t) => splitSentences(t).map((x) => x.text))) {
    const v = overlap(terms, sentence);
    if (v > score) {
      score = v;
      best = sentence;
    }
  }
  return best.length > 400 ? `${best.slice(0, 400)}…` : best;
}

function quote(passage: Passage, source: Source, terms: ReadonlySet<string>, stance: EvidenceQuote['stance'], ref?: number, text?: string): EvidenceQuote {
  return { text: text ?? bestSentence(passage.text, terms), from: 'source', sourceId: source.id, sourceTitle: source.title, passageId: passage.id, ...(ref !== undefined ? { ref } : {}), stance };
}

/**
 * The quote for a claim a cited source refutes: when the claim states figures, the sentence of the
 * cited passages that gives another value of the same unit (the closest by claim terms) — the
 * conflict the reader must see — else the refuting passage's sentence closest by claim terms.
 */
export function refutingQuote<C extends { p: Passage; s: Source; n?: number }>(claim: string, refuting: C, candidates: readonly C[], terms: ReadonlySet<string>): EvidenceQuote {
  const claimed = figureSites(claim).map((x) => x.figure);
  if (claimed.length > 0) {
    let best: { c: C; text: string; o: number } | null = null;
    for (const c of candidates) {
      for (const sentence of remember(sentenceTexts, c.p.text, (t) => splitSentences(t).map((x) => x.text))) {
        const stated = figureSites(sentence).map((x) => x.figure);
        // Another value of the same unit (not the claim's own whole: "184" in "85 of the 184 countries").
        const conflicts =
          claimed.some((f) => f.unit !== null && stated.some((g) => g.unit !== null && unitsCompatible(f.unit, g.unit) && g.value !== f.value && g.value !== f.whole)) &&
          !claimed.every((f) => stated.some((g) => g.value === f.value));
        if (!conflicts) continue;
        const o = overlap(terms, sentence);
        if (!best || o > best.o) best = { c, text: sentence, o };
      }
    }
    if (best && best.o >= terms.size * CITED_REFUTE_COVERAGE) return quote(best.c.p, best.c.s, terms, 'refutes', best.c.n, best.text.length > 400 ? `${best.text.slice(0, 400)}…` : best.text);
  }
  return quote(refuting.p, refuting.s, terms, 'refutes', refuting.n);
}

// A passage refutes a claim for the audit only with a reason that says how: figure conflicts are
// left to the audit's own figure comparison (which knows what each figure counts) — except in a
// sentence that restates the claim whole (its words and names) with another value of the same
// count, which the restatement rule reads by meaning (evidence/stance/restatement.ts); a negation
// does not count when the claim's "not" is a contrast ("X, not Y") or states a correct complement
// ("that leaves 15 towns without …" after "10 of 25 towns").
const REFUTING = new Set(['restatement', 'negation-mismatch', 'antonym', 'date-mismatch', 'entity-mismatch']);
const CONTRAST = /,\s*(?:and\s+)?not\s+(?:the|a|an|in|as|by|for|to|on|at)\b|\brather\s+than\b|\binstead\s+of\b|\bnot\s+only\b/i;

/** Share of the claim's content terms found in a text. */
function coverage(terms: ReadonlySet<string>, text: string): number {
  return terms.size === 0 ? 0 : overlap(terms, text) / terms.size;
}

/**
 * A refuting passage must also be about the claim: its closest sentence holds at least this share
 * of the claim's terms — half for the cited source (which the article says is about the claim),
 * three quarters for any other passage of the corpus.
 */
const CITED_REFUTE_COVERAGE = 0.5;
/** "The cited source does not say this": below this share of the claim's terms in its closest passages … */
const UNSUPPORTED_COVERAGE = 0.3;
/** … and no passage supporting the claim with this probability or more. */
const UNSUPPORTED_MAX_SUPPORT = 0.4;
const CORPUS_REFUTE_COVERAGE = 0.75;
/** The same, for a passage giving one of the sentence's figures another value (an article sentence often says more than one thing). */
const FIGURE_REFUTE_COVERAGE = 0.6;

const NEGATOR = /\b(?:not|no|never|none|nor|neither|without|cannot)\b|n't\b/i;

/** The text with its date mentions blanked out. */
function withoutDates(text: string): string {
  let out = text;
  for (const d of extractDates(text).reverse()) out = `${out.slice(0, d.start)} ${out.slice(d.end)}`;
  return out;
}

/**
 * Does `sentence` say the opposite of `claim` by negation? Only when exactly one of them is
 * negated and the sentence is about the claim: half of the claim's terms when the claim is the
 * negated one ("the bridge never opened" against "the bridge opened"), three quarters when only
 * the source sentence is negated (a "without" in a side clause is common).
 */
function negationConflict(claim: string, sentence: string): boolean {
  const c = NEGATOR.test(claim);
  if (c === NEGATOR.test(sentence) || CONTRAST.test(claim)) return false;
  // A date the source sentence does not contradict (it states none) is not held against it:
  // "the Optional Protocol of 2000 requires …" against "the Protocol does not require …".
  const undated = extractDates(sentence).length === 0 ? withoutDates(claim) : claim;
  const terms = new Set(contentTerms(undated.replace(new RegExp(NEGATOR.source, 'gi'), ' ')));
  return coverage(terms, sentence) >= (c ? 0.5 : 0.75);
}

function refutation(claim: string, reasons: readonly Reason[], complement: boolean, sentence: string): Reason | null {
  for (const r of reasons) {
    if (!REFUTING.has(r.kind)) continue;
    if (r.kind === 'negation-mismatch' && (complement || !negationConflict(claim, sentence))) continue;
    return r;
  }
  return null;
}

/** "Does the cited source say this?" — the closest passages of each cited source in the corpus. */
export async function citedCheck(ctx: SourceContext, claim: string, profile: ClaimProfile, refs: Array<{ n: number; sourceId: string }>, complement: boolean): Promise<SourceCheck> {
  const terms = new Set(contentTerms(claim));
  const candidates: Array<{ p: Passage; s: Source; n: number; o: number; read: string }> = [];
  for (const r of refs) {
    const source = ctx.sources.get(r.sourceId);
    if (!source) continue;
    const named = await namedPassages(ctx, r.sourceId);
    const ranked = (await passagesOf(ctx, r.sourceId))
      .map((p) => ({ p, s: source, n: r.n, o: overlap(terms, named.get(p.id) ?? p.text), read: named.get(p.id) ?? p.text }))
      .sort((a, b) => b.o - a.o)
      .slice(0, ctx.options.citedPassages);
    candidates.push(...ranked);
  }
  const nums = refs.map((r) => r.n);
  if (candidates.length === 0) return { result: 'not-found', refs: nums, evidence: [], reason: 'the cited source has no text in the corpus' };
  let bestS: { c: (typeof candidates)[number]; v: number } | null = null;
  let bestR: { c: (typeof candidates)[number]; v: number } | null = null;
  for (const c of candidates) {
    const j = judgeProfiled(profile, c.read, undefined, { context: c.s.title });
    if (!bestS || j.probabilities.supports > bestS.v) bestS = { c, v: j.probabilities.supports };
    const closest = bestSentence(c.p.text, terms);
    if (j.stance === 'refutes' && refutation(claim, j.reasons, complement, closest) && coverage(terms, closest) >= CITED_REFUTE_COVERAGE && (!bestR || j.probabilities.refutes > bestR.v)) {
      bestR = { c, v: j.probabilities.refutes };
    }
  }
  // The report verifier: term coverage, figures, negation against the closest passage sentence.
  const verified = verifySentence(claim, candidates.map((c) => ({ text: c.read })), { minCoverage: 0.6 });
  const min = ctx.options.minStance;
  if (bestR && bestR.v >= min && bestR.v > (bestS?.v ?? 0) && !verified.verified) {
    return { result: 'refutes', refs: nums, evidence: [refutingQuote(claim, bestR.c, candidates, terms)], reason: `the cited source [${bestR.c.n}] says otherwise` };
  }
  // The verifier's negation test: the claim's closest passage sentence says the opposite.
  if (/^negation conflict/.test(verified.why) && !complement) {
    const closest = [...candidates].sort((a, b) => overlap(terms, bestSentence(b.p.text, terms)) - overlap(terms, bestSentence(a.p.text, terms)))[0]!;
    if (negationConflict(claim, bestSentence(closest.p.text, terms))) {
      return { result: 'refutes', refs: nums, evidence: [quote(closest.p, closest.s, terms, 'refutes', closest.n)], reason: `the cited source [${closest.n}] says the opposite (${verified.why})` };
    }
  }
  // The verifier's figure test is strict about wording; figures are judged by the audit's own
  // figure-against-source comparison, so a claim whose terms the source covers passes here.
  // Likewise arithmetic (checked by the audit itself), and a negation that is a contrast ("X, not Y").
  const termsCovered =
    verified.verified || /^(?:figure |the operand |arithmetic )/.test(verified.why) || (/^negation conflict/.test(verified.why) && CONTRAST.test(claim));
  if (termsCovered || (bestS && bestS.v >= min)) {
    const c = bestS!.c;
    return { result: 'supports', refs: nums, evidence: [quote(c.p, c.s, terms, 'supports', c.n)], reason: termsCovered ? `the cited source [${c.n}] says this (${verified.why})` : `the cited source [${c.n}] says this` };
  }
  // Precise before broad: "does not say this" only when the source hardly mentions the claim's
  // terms and no passage leans towards it. On Citation-Integrity dev (biomedical citing sentences,
  // bench/check/audit-bench.ts) this flags 11–12% of accurate citations (precision 0.52–0.55, base rate
  // 0.40); without the coverage test, 60%.
  const cov = coverage(terms, candidates.map((c) => c.p.text).join(' '));
  const evidence = bestS ? [quote(bestS.c.p, bestS.c.s, terms, 'neutral', bestS.c.n)] : [];
  if (cov < UNSUPPORTED_COVERAGE && (bestS?.v ?? 0) < UNSUPPORTED_MAX_SUPPORT) {
    return { result: 'not-found', refs: nums, evidence, reason: `the cited source does not say this: only ${Math.round(cov * 100)}% of the sentence's terms appear in its closest passages` };
  }
  const why = verified.verified ? 'no passage clearly states the claim' : verified.why;
  return { result: 'unclear', refs: nums, evidence, reason: `the cited source discusses this but does not clearly say it (${why})` };
}

/** What the corpus as a whole says about a claim. */
export async function corpusCheck(ctx: SourceContext, claim: string, profile: ClaimProfile, complement: boolean): Promise<SourceCheck> {
  const evidence = await retrieve(ctx.store, claim, { limit: ctx.options.limit, perSource: 2, candidates: 12 });
  if (evidence.length === 0) return { result: 'not-found', refs: [], evidence: [], reason: 'nothing in the corpus addresses it' };
  const terms = new Set(contentTerms(claim));
  const judgements = evidence
    .map((e) => judge(profile, { passage: e.passage, source: e.source, score: e.score }))
    .map((j) => {
      const closest = bestSentence(j.passage.text, terms);
      // A value conflict on the same counted thing is specific enough to need less of the sentence's other words.
      const needed = j.reasons.some((r) => r.kind === 'figure-conflict') ? FIGURE_REFUTE_COVERAGE : CORPUS_REFUTE_COVERAGE;
      return j.stance === 'refutes' && (!refutation(claim, j.reasons, complement, closest) || coverage(terms, closest) < needed) ? { ...j, stance: 'neutral' as const } : j;
    });
  const verdict = decideVerdict(claim, judgements);
  const pick = (stance: 'supports' | 'refutes') =>
    judgements
      .filter((j) => j.stance === stance)
      .sort((a, b) => b.strength - a.strength)
      .slice(0, 2)
      .map((j) => (stance === 'refutes' ? refutingQuote(claim, { p: j.passage, s: j.source }, [{ p: j.passage, s: j.source }], terms) : quote(j.passage, j.source, terms, stance)));
  // A verdict counts only with a passage behind it.
  const supports = pick('supports');
  const refutes = pick('refutes');
  // The claim's own number, as a check reads it (check/verdict-discipline.ts): stated by no passage,
  // it is not supported; given another value by a passage, that passage contradicts it.
  const unstated = unstatedFigures(profile, judgements);
  // Only a refutation that passed the corpus filter above: a figure conflict alone can pick a rival said of something else.
  const conflict = conflictingFigures(judgements).find((j) => j.strength >= DEFINITE_AT);
  // A sentence saying two things ("sickened 762 people and killed three children") is contradicted by a
  // passage giving one of its figures another value, even when another of its figures is stated.
  if (conflict && (unstated.length > 0 || verdict.label === 'refuted')) {
    const why = conflict.reasons.find((r) => r.kind === 'figure-conflict')?.detail ?? '';
    const none = unstated.length > 0 ? ` and none states ${unstated.map((f) => `"${f}"`).join(', ')}` : '';
    return { result: 'refutes', refs: [], evidence: [refutingQuote(claim, { p: conflict.passage, s: conflict.source }, [{ p: conflict.passage, s: conflict.source }], terms)], reason: `a source gives the figure another value${none} (${why})` };
  }
  if (unstated.length > 0 && verdict.label === 'supported') return { result: 'not-found', refs: [], evidence: supports, reason: `no passage states its figure ${unstated.map((f) => `"${f}"`).join(', ')}` };
  if (verdict.label === 'supported' && supports.length > 0) return { result: 'supports', refs: [], evidence: supports, reason: verdict.reason };
  // "Contradicted by the corpus" is said only of a refutation more likely right than wrong (a
  // supported verdict is never below one half; a refuted one may be, when unproven is even less likely).
  if (verdict.label === 'refuted' && verdict.confidence >= DEFINITE_AT && refutes.length > 0) return { result: 'refutes', refs: [], evidence: refutes, reason: verdict.reason };
  // Not called either way: the reason says so, never "refutes" or "supports" beside a result that is neither.
  const reason = supports.length === 0 && refutes.length === 0 ? `no passage of the ${evidence.length} retrieved supports or refutes it` : verdict.label === 'refuted' || verdict.label === 'supported' ? `it leans ${verdict.label}, not enough to call it (${supports.length} passage(s) quoted for it, ${refutes.length} against)` : verdict.reason;
  return { result: 'not-found', refs: [], evidence: [...supports, ...refutes], reason };
}
