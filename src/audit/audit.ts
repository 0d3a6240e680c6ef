// The audit of one article: its claims, what the cited sources and the corpus say about each,
// and the figure checks (against sources, arithmetic, consistency across the article).
import type { Store } from '../contracts.js';
import type { ProgressListener } from '../model.js';
import { checkworthiness } from '../text/index.js';
import { profileClaim } from '../evidence/index.js';
import { checkArithmetic } from './arithmetic.js';
import { articleSentences, claimKind, standsAlone, wordCount } from './read/claims.js';
import type { ArticleSentence } from './read/claims.js';
import { checkConsistency } from './consistency/across.js';
import type { ArticleFigure } from './consistency/across.js';
import { figureSites } from './figures.js';
import { fetchReferences } from './fetch-references.js';
import type { AuditFetchOptions } from './fetch-references.js';
import { matchReferencesInStore } from './read/references.js';
import { citedCheck, corpusCheck, sentencesOf, sourceContext } from './source-checks.js';
import { compareDatesWithSource, mayDateEvent } from './source-dates.js';
import { compareWithSource } from './source-figures.js';
import type { SourceFigureResult, SourceSentence } from './source-figures.js';
import { checkInternal } from './consistency/internal.js';
import { SEVERITIES, withSeverity } from './severity.js';
import { FLAG_KINDS } from './types.js';
import type { Severity } from './types.js';
import type { Article, AuditClaim, AuditFlag, AuditResult, ClaimStatus, EvidenceQuote, FlagKind, ReferenceFetch, ReferenceMatch, SourceCheck } from './types.js';

export interface AuditOptions {
  /** Passages retrieved from the corpus per claim (default 6). */
  limit?: number;
  /** Passages of a cited source read per claim for the "does it say this?" check (default 3). */
  citedPassages?: number;
  /** Minimum stance probability for a passage to count as supporting or refuting (default 0.6). */
  minStance?: number;
  /** A sentence with no figure and no citation is a claim from this check-worthiness on (default 0.5). */
  minCheckworthiness?: number;
  /** A clock for timings (injected in tests). */
  now?: () => number;
  onProgress?: ProgressListener;
  /**
   * Before auditing, fetch the cited web pages that are not in the corpus and ingest them
   * (fetch-references.ts). The store must then be writable. Without it the audit makes no request.
   */
  fetch?: AuditFetchOptions;
}

const MIN_CLAIM_WORDS = 5;

function sourceQuote(s: SourceSentence): EvidenceQuote {
  return { text: s.text, from: 'source', sourceId: s.sourceId, sourceTitle: s.sourceTitle, passageId: s.passageId, ref: s.ref };
}

/** "[1]–[14], [16]": reference numbers as runs. */
export function referenceRuns(ns: number[]): string {
  const runs: string[] = [];
  for (let i = 0; i < ns.length; ) {
    let j = i;
    while (j + 1 < ns.length && ns[j + 1] === ns[j]! + 1) j++;
    runs.push(j > i ? `[${ns[i]}]–[${ns[j]}]` : `[${ns[i]}]`);
    i = j + 1;
  }
  return runs.join(', ');
}

/** The one note for citations whose references are not in the input. */
function missingReferencesNote(ns: number[], listed: number): string {
  const which = `${ns.length === 1 ? 'reference' : 'references'} ${referenceRuns(ns)} ${ns.length === 1 ? 'is' : 'are'} not in this file`;
  const why = listed === 0 ? 'it has no sources list' : `its sources list has ${listed} entr${listed === 1 ? 'y' : 'ies'}`;
  return `${which} (${why}): the sentences citing ${ns.length === 1 ? 'it' : 'them'} were checked against the corpus instead`;
}

/** Audit an article against a corpus. */
export async function auditArticle(store: Store, article: Article, options: AuditOptions = {}): Promise<AuditResult> {
  const now = options.now ?? (() => performance.now());
  const t0 = now();
  const timings: Record<string, number> = {};
  const warnings: string[] = [];
  let sourceList = await store.listSources();
  const minCheckworthiness = options.minCheckworthiness ?? 0.5;

  // References → corpus sources.
  let matches = await matchReferencesInStore(store, article.references, sourceList);
  // --fetch: the cited pages not in the corpus are read and stored first, then matched again
  // (by their requested URL as well as the final one: a redirect still counts).
  let fetchedOf: Map<number, ReferenceFetch> | null = null;
  if (options.fetch) {
    const stage = await fetchReferences(store, article.references, matches, { ...options.fetch, ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
    fetchedOf = stage.fetched;
    warnings.push(...stage.warnings);
    if (stage.matches.size > 0) {
      sourceList = await store.listSources();
      matches = (await matchReferencesInStore(store, article.references, sourceList)).map((m) => (m.sourceId === null ? (stage.matches.get(m.n) ?? m) : m));
    }
    timings.fetch = now() - t0;
  }
  const ctx = sourceContext(store, sourceList, { limit: options.limit ?? 6, citedPassages: options.citedPassages ?? 3, minStance: options.minStance ?? 0.6 });
  const matchOf = new Map<number, ReferenceMatch>(matches.map((m) => [m.n, m]));
  const known = new Set(article.references.map((r) => r.n));
  if (sourceList.length === 0) warnings.push(`the corpus at ${store.location} is empty: claims were checked for arithmetic and consistency only`);
  const missing = matches.filter((m) => m.sourceId === null).map((m) => m.n);
  if (missing.length > 0 && sourceList.length > 0) {
    warnings.push(`${missing.length} of ${matches.length} references are not in the corpus (${missing.map((n) => `[${n}]`).join('')}): sentences citing them were checked against the corpus as a whole only`);
  }
  const usesCitations = article.references.length > 0;

  // Claims: sentences with a figure or a citation, or that the toolkit finds check-worthy.
  const sentences = articleSentences(article);
  const chosen: Array<{ s: ArticleSentence; sites: ReturnType<typeof figureSites>; worth: number }> = [];
  for (const s of sentences) {
    if (wordCount(s.clean) < MIN_CLAIM_WORDS || /\?\s*$/.test(s.clean.trim()) || !standsAlone(article, s)) continue;
    const sites = figureSites(s.clean);
    const worth = checkworthiness(s.clean.replace(/\s+/g, ' ').trim());
    if (sites.length > 0 || s.citations.length > 0 || worth >= minCheckworthiness) chosen.push({ s, sites, worth });
  }
  timings.read = now() - t0 - (timings.fetch ?? 0);

  // Values that are whole − part of an "X of W" the article states: "that leaves 15 … without" is their complement.
  const complements = new Set<number>();
  for (const { sites } of chosen) for (const x of sites) if (x.figure.whole !== null && x.figure.whole > x.figure.value) complements.add(x.figure.whole - x.figure.value);

  const absent = new Set<number>();
  const claims: AuditClaim[] = [];
  const figureResults: Array<Map<number, SourceFigureResult>> = [];
  let done = 0;
  for (const { s, sites, worth } of chosen) {
    const text = s.clean.replace(/\s+/g, ' ').trim();
    const kind = claimKind(text);
    const flags: AuditFlag[] = [];
    const inCorpus = s.citations.map((n) => matchOf.get(n)).filter((m): m is ReferenceMatch & { sourceId: string } => Boolean(m?.sourceId));

    // Citations to references the article does not list: one note for the article (below), and the
    // claim is checked against the corpus as a whole, like an uncited one.
    for (const n of s.citations) if (!known.has(n)) absent.add(n);

    // Figures against the cited sources.
    const figs = new Map<number, SourceFigureResult>();
    const datesToCheck = mayDateEvent(text);
    if (inCorpus.length > 0 && (sites.length > 0 || datesToCheck)) {
      const srcSentences = (await Promise.all(inCorpus.map((m) => sentencesOf(ctx, m.sourceId, m.n)))).flat();
      for (const site of sites) {
        const r = compareWithSource(site, srcSentences);
        if (r) figs.set(site.figure.start, r);
      }
      // Dates against the cited source: the same event dated otherwise (source-dates.ts).
      if (datesToCheck) for (const d of compareDatesWithSource(text, srcSentences)) flags.push({ kind: 'date-source-mismatch', message: d.message, evidence: [sourceQuote(d.source)] });
    }
    figureResults.push(figs);
    for (const r of figs.values()) {
      if (r.kind === 'match') continue;
      flags.push({ kind: r.kind === 'figure-meaning' ? 'figure-meaning-mismatch' : 'figure-source-mismatch', message: r.message, evidence: r.evidence.map(sourceQuote) });
    }

    // Arithmetic inside the sentence.
    for (const a of checkArithmetic(text)) flags.push({ kind: 'arithmetic', message: a.message, evidence: [{ text: a.quote, from: 'article' }] });

    // What the cited source and the corpus say.
    let cited: SourceCheck | null = null;
    let corpus: SourceCheck = { result: 'not-found', refs: [], evidence: [], reason: 'not checked: the sentence is a prediction or an opinion' };
    if (kind === 'factual') {
      const profile = profileClaim(text);
      const complement = sites.some((x) => complements.has(x.figure.value));
      if (inCorpus.length > 0) cited = await citedCheck(ctx, text, profile, inCorpus.map((m) => ({ n: m.n, sourceId: m.sourceId })), complement);
      corpus = await corpusCheck(ctx, text, profile, complement);
    }
    // A figure or a date the cited source gives otherwise.
    const mismatch = flags.find((f) => f.kind === 'figure-source-mismatch' || f.kind === 'figure-meaning-mismatch') ?? flags.find((f) => f.kind === 'date-source-mismatch');
    const figureMismatch = mismatch !== undefined;
    if (cited && mismatch && cited.result === 'supports') {
      cited = { ...cited, result: 'refutes', reason: mismatch.kind === 'date-source-mismatch' ? 'the cited source gives another date for this event' : 'the cited source gives its figure for something else, or another figure' };
    }
    // The quote of a figure mismatch is the source's sentence that states the other figure.
    if (cited && mismatch && mismatch.evidence.length > 0) cited = { ...cited, evidence: mismatch.evidence.map((e) => ({ ...e, stance: 'refutes' as const })) };

    let status: ClaimStatus;
    if (kind !== 'factual') status = 'unverifiable';
    else if (cited?.result === 'refutes' || figureMismatch) status = 'contradicted';
    else if (cited?.result === 'supports') status = 'supported';
    else if (corpus.result === 'refutes') status = 'contradicted';
    else if (corpus.result === 'supports') status = 'supported';
    else status = 'unsupported';

    if (cited && cited.result === 'not-found' && !figureMismatch) {
      flags.push({ kind: 'citation-unsupported', message: `The cited source ${cited.refs.map((n) => `[${n}]`).join('')} does not say this: ${cited.reason.replace(/^the cited source does not say this: /, '')}.`, evidence: cited.evidence });
    }
    if (status === 'contradicted' && !figureMismatch) {
      const ev = cited?.result === 'refutes' ? cited.evidence : corpus.evidence.filter((e) => e.stance === 'refutes');
      const who = cited?.result === 'refutes' ? `the cited source [${cited.refs.join('][')}]` : 'the corpus';
      // A value conflict names both figures: "the source gives "2 children" where the claim gives "three children"".
      const figures = /\(claim "[^"]+" differs from passage "[^"]+": ([^)]*)\)$/.exec((cited?.result === 'refutes' ? cited : corpus).reason)?.[1];
      flags.push({ kind: 'contradicted', message: `Contradicted by ${who}: ${ev[0]?.text ? `"${ev[0].text}"` : (cited ?? corpus).reason}${figures ? ` — ${figures.replace(/where the claim gives/, 'where the article gives')}` : ''}.`, evidence: ev });
    }
    if (kind === 'factual' && usesCitations && s.citations.length === 0 && sites.length > 0) {
      const blockCited = sentences.some((o) => o.block === s.block && o.citations.length > 0);
      if (!blockCited) {
        flags.push({ kind: 'uncited', message: `States ${sites.map((x) => `"${x.figure.text}"`).join(', ')} with no citation, in an article that cites its sources elsewhere.`, evidence: [] });
      }
    }

    claims.push({
      text: s.text,
      start: s.start,
      end: s.end,
      status,
      citations: s.citations,
      references: s.citations.map((n) => matchOf.get(n) ?? { n, sourceId: null, by: null, sourceTitle: null, sourceUri: null }),
      figures: sites.map((x) => ({ ...x.figure, start: x.figure.start + s.start, end: x.figure.end + s.start, predicate: x.figure.predicate ?? (x.predicate.map((w) => w.word).join(' ') || null) })),
      flags,
      checkworthiness: Math.round(worth * 1000) / 1000,
      kind,
      cited,
      corpus,
    });
    options.onProgress?.({ stage: 'audit', done: ++done, total: chosen.length });
  }
  timings.claims = now() - t0 - (timings.read ?? 0) - (timings.fetch ?? 0);

  // Consistency across the article.
  const all: ArticleFigure[] = chosen.flatMap(({ sites }, i) => sites.map((site) => ({ ...site, claim: i })));
  for (const f of checkConsistency(all)) {
    // A derived figure the cited source itself states is the source's, not the article's, inference.
    const stated = [...(figureResults[f.claim]?.values() ?? [])].some((r) => r.kind === 'match' && r.value === f.value);
    if (stated) continue;
    const other = f.other !== null ? claims[f.other] : undefined;
    claims[f.claim]?.flags.push({ kind: f.arithmetic ? 'arithmetic' : 'internal-inconsistency', message: f.message, evidence: other ? [{ text: other.text, from: 'article' }] : [] });
  }
  // Internal consistency of the prose, with the computation shown (consistency/internal.ts).
  const claimOf = new Map(chosen.map(({ s }, i) => [s.start, i]));
  const prose = sentences.map((s, i) => ({ i, text: s.clean.replace(/\s+/g, ' ').trim() }));
  for (const f of checkInternal(prose)) {
    const c = claims[claimOf.get(sentences[f.sentence]?.start ?? -1) ?? -1];
    if (!c) continue;
    // The same error found by the sentence's own arithmetic ("a change of 4.9, not 6.9") is said once,
    // by this finding, which shows the computation and a fix.
    const results = f.computation.split(';').map((part) => (part.split(' = ').pop() ?? '').replace(/\s*points?$/, '').trim()).filter((r) => r !== '');
    const same = c.flags.findIndex((x) => x.kind === f.kind && results.some((r) => x.message.includes(`= ${r}`) || x.message.includes(`${r})`)));
    if (same >= 0 && c.flags[same]!.check !== undefined) continue;
    if (same >= 0) c.flags.splice(same, 1);
    const evidence = f.others.map((o) => ({ text: sentences[o]?.text ?? '', from: 'article' as const }));
    c.flags.push({ kind: f.kind, check: f.check, message: f.message, computation: f.computation, suggestion: f.suggestion, evidence });
  }
  for (const c of claims) c.flags = c.flags.map(withSeverity);
  timings.total = now() - t0;
  const missingReferences = [...absent].sort((a, b) => a - b);
  if (missingReferences.length > 0) warnings.push(missingReferencesNote(missingReferences, article.references.filter((r) => r.kind === 'numbered').length));

  const byKind = Object.fromEntries(FLAG_KINDS.map((k) => [k, 0])) as Record<FlagKind, number>;
  for (const c of claims) for (const f of c.flags) byKind[f.kind]++;
  const bySeverity = Object.fromEntries(SEVERITIES.map((k) => [k, 0])) as Record<Severity, number>;
  for (const c of claims) for (const f of c.flags) bySeverity[f.severity ?? 'warning']++;
  const count = (s: ClaimStatus) => claims.filter((c) => c.status === s).length;
  return {
    schemaVersion: 1,
    title: article.title,
    format: article.format,
    claims,
    references: article.references.map((r) => {
      const match = matchOf.get(r.n) ?? { n: r.n, sourceId: null, by: null, sourceTitle: null, sourceUri: null };
      const fetched = fetchedOf?.get(r.n);
      return fetched ? { ...r, match, fetched } : { ...r, match };
    }),
    summary: {
      claims: claims.length,
      supported: count('supported'),
      contradicted: count('contradicted'),
      unsupported: count('unsupported'),
      unverifiable: count('unverifiable'),
      flags: claims.reduce((n, c) => n + c.flags.length, 0),
      byKind,
      bySeverity,
    },
    missingReferences,
    warnings,
    timingsMs: Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, Math.round(v)])),
  };
}
