// `checkInput`: the whole pipeline for one question or claim — plan, retrieve, judge, compose,
// verify — as a sequence of stage calls. The clock is injected so the same corpus and input
// give a byte-identical report.
import type { Store } from '../contracts.js';
import { VerityError, quote } from '../errors.js';
import { decideVerdict, judge, retrieve, type Evidence } from '../evidence/index.js';
import { acronymPhrases } from '../report/compose/acronyms.js';
import type { Judgement, ProgressListener, Report, Verdict } from '../model.js';
import type { Analyst } from '../analyst/analyst.js';
import { rulesAnalyst } from '../analyst/rules-analyst.js';
import type { FacetEvidence } from '../report/compose/compose-input.js';
import { verificationTally, verifyReport } from '../report/verify.js';
import { ENGINE, ENGINE_VERSION } from '../version.js';
import { notCheckable, notCheckableReport } from './checkable.js';
import { planInput } from './plan.js';
import { claimSubject, subjectCoverage, subjectNote, validateAbout } from './about.js';
import { aboutTheSameNames, claimNames } from './same-names.js';
import { PageNamedJudge } from './page-names.js';
import { documentCoverage, pagePassages, readSourceText, type SourceCoverage } from './claim-coverage.js';
import { SUPPORTED_AT, withDisciplinedVerdict } from './verdict-discipline.js';
import { gatherWebSources, webQueries, type CheckWebOptions, type WebStageResult } from './web-sources.js';

export interface CheckOptions {
  /** The clock (default: the system clock). Inject a fixed one for reproducible reports. */
  now?: () => Date;
  onProgress?: ProgressListener;
  /** Passages retrieved per facet (default 16 for a question's facets, 12 for a claim's). */
  limit?: number;
  /** At most this many passages per source and facet (default 3). */
  perSource?: number;
  /**
   * Who writes the report from the judged evidence (default: the rules analyst). Whatever the
   * analyst, every sentence goes through the same verifier and the verdict is decideVerdict's.
   */
  analyst?: Analyst;
  /**
   * Sources from the web (see CheckWebOptions): searched, read and ingested into `store` before
   * retrieval, so the store must be writable. Absent: no network is touched.
   */
  web?: CheckWebOptions;
  /**
   * What the claim is about, when the reader knows it — the title of the article or page the
   * claim was lifted from ("Travis Barker"). A claim whose subject is a bare pronoun ("He made
   * his debut …") is read with the topic in its place; any claim's retrieval also looks for pages
   * about the topic. See about.ts. Absent: the claim is read as written, and a claim opening with
   * a bare pronoun gets a gap saying its subject is unknown.
   */
  about?: string;
}

export const MAX_INPUT_CHARS = 2000;

function validate(input: string): string {
  const text = input.trim();
  if (text === '') {
    throw new VerityError({ code: 'BAD_INPUT', component: 'check', problem: 'the question or claim is empty', fix: 'pass the text to check in quotes, e.g. verity check "Which countries criminalize possession?"' });
  }
  if (text.length > MAX_INPUT_CHARS) {
    throw new VerityError({
      code: 'TOO_LARGE',
      component: 'check',
      problem: `the input ${quote(text, 40)} is ${text.length} characters long (the limit is ${MAX_INPUT_CHARS})`,
      fix: 'check one question or claim at a time; use "verity audit" for whole articles',
    });
  }
  return text;
}

/**
 * Retrieval with the corpus's own acronyms: when the passages found define an acronym for a
 * phrase of the claim ("child sexual abuse material (CSAM)"), the claim is searched again with
 * the acronym, and the two result lists are merged (best score per passage).
 */
async function retrieveExpanded(store: Store, claim: string, options: { limit: number; perSource: number; subject?: string }): Promise<Evidence[]> {
  const first = await retrieve(store, claim, options);
  const merged = new Map(first.map((e) => [e.passage.id, e]));
  for (const [acronym, phrase] of acronymPhrases(first.map((e) => e.passage.text))) {
    const at = claim.toLowerCase().indexOf(phrase.toLowerCase());
    if (at < 0) continue;
    const variant = `${claim.slice(0, at)}${acronym}${claim.slice(at + phrase.length)}`;
    for (const e of await retrieve(store, variant, options)) {
      const known = merged.get(e.passage.id);
      if (!known || known.score < e.score) merged.set(e.passage.id, e);
    }
  }
  return [...merged.values()].sort((a, b) => b.score - a.score || a.passage.id.localeCompare(b.passage.id));
}

/**
 * The wide net for counts: plain full-text hits (no per-source cap), so every edition of a
 * survey that states a count can be found. Scores are scaled below the reranked evidence.
 */
async function searchWide(store: Store, claim: string, ranked: readonly Evidence[]): Promise<Evidence[]> {
  const hits = await store.search(claim, { limit: 40 });
  const top = Math.max(1e-9, ...hits.map((h) => h.score));
  const scale = Math.max(1e-9, ...ranked.map((e) => e.score), 1) * 0.5;
  return hits.map((h) => ({ passage: h.passage, source: h.source, score: (h.score / top) * scale, reasons: [{ kind: 'term-coverage', detail: 'full-text hit (wide search for counts)' }] }));
}

function mergeEvidence(a: readonly Evidence[], b: readonly Evidence[]): Evidence[] {
  const merged = new Map(a.map((e) => [e.passage.id, e]));
  for (const e of b) if (!merged.has(e.passage.id)) merged.set(e.passage.id, e);
  return [...merged.values()];
}

const toJudgement = (j: Judgement): Judgement => ({ claim: j.claim, passage: j.passage, source: j.source, stance: j.stance, strength: j.strength, relevance: j.relevance, reasons: j.reasons });

/** With no evidence at all a claim is unproven, whatever a model would say of empty input. */
function claimVerdict(claim: string, judgements: Judgement[]): Verdict {
  if (judgements.length === 0) {
    return { label: 'unproven', confidence: 1, reason: 'No passage in the corpus addresses this claim.', reasons: [{ kind: 'low-overlap', detail: 'no evidence retrieved' }] };
  }
  return decideVerdict(claim, judgements);
}

/** Check a question or a claim against the corpus in `store` and return the verified report. */
export async function checkInput(store: Store, input: string, options: CheckOptions = {}): Promise<Report> {
  const now = options.now ?? (() => new Date());
  const progress = options.onProgress ?? (() => undefined);
  const started = now();
  const timings: Record<string, number> = {};
  let mark = started.getTime();
  const lap = (stage: string): void => {
    const t = now().getTime();
    timings[stage] = t - mark;
    mark = t;
  };

  const text = validate(input);
  const subject = claimSubject(text, validateAbout(options.about));
  const refusal = notCheckable(text);
  if (refusal !== null) {
    const provenance = { engine: ENGINE, engineVersion: ENGINE_VERSION, analyst: (options.analyst ?? rulesAnalyst).name, corpusSnapshot: await store.snapshotId(), createdAt: started.toISOString(), timingsMs: timings, warnings: [`not a checkable claim: ${refusal}`] };
    timings.total = now().getTime() - started.getTime();
    return notCheckableReport(text, refusal, provenance);
  }
  let web: WebStageResult | null = null;
  if (options.web) {
    web = await gatherWebSources(store, webQueries(planInput(subject.text), options.web.facets ?? true), { ...options.web, now, onProgress: progress });
    lap('web');
  }
  const stats = await store.stats();
  if (stats.passages === 0 && web) {
    const w = web.provenance;
    throw new VerityError({
      code: 'NOT_FOUND',
      component: 'check',
      problem: `the corpus at ${quote(store.location)} is empty and the web search of ${w.engine} gave no readable document (${w.results} result(s) for ${w.queries.map((q) => quote(q)).join(', ')}; ${w.failed} could not be read)`,
      fix: 'try other words, another engine (--web-engine searxng), or ingest documents first, e.g. verity ingest examples/corpus',
    });
  }
  if (stats.passages === 0) {
    throw new VerityError({
      code: 'NOT_FOUND',
      component: 'check',
      problem: `the corpus at ${quote(store.location)} is empty`,
      fix: 'ingest documents first, e.g. verity ingest examples/corpus',
    });
  }
  const plan = planInput(text);
  progress({ stage: 'plan', done: 1, total: 1, detail: `${plan.kind}, ${plan.facets.length} facet(s)` });
  lap('plan');

  const toRetrieve = plan.facets.filter((f) => f.retrieve);
  const facets: FacetEvidence[] = [];
  // "the reef" in a later passage is read as the page named it before (page-names.ts).
  const pages = new PageNamedJudge(store);
  let claimCoverage: SourceCoverage | undefined;
  let done = 0;
  for (const f of plan.facets) {
    let judgements: Judgement[] = [];
    // Sought with its subject named (about.ts): retrieval, coverage and the names a passage must
    // hold see the topic in a pronoun's place; stance and the composer read the claim as written.
    const sought = claimSubject(f.claim, subject.topic);
    if (f.retrieve) {
      const wide = f.role === 'compare';
      const retrieved = await retrieveExpanded(store, sought.text, { limit: options.limit ?? (wide ? 24 : plan.kind === 'question' ? 16 : 12), perSource: options.perSource ?? (wide ? 2 : 3), ...(subject.topic !== null ? { subject: subject.topic } : {}) });
      const evidence = wide ? mergeEvidence(retrieved, await searchWide(store, sought.text, retrieved)) : retrieved;
      judgements = await pages.judgeAll(evidence, (e) => toJudgement(judge(f.claim, e)));
      done++;
      progress({ stage: 'retrieve', done, total: toRetrieve.length, detail: f.label.slice(0, 60) });
    }
    const judged = f.role === 'claim' || f.role === 'part';
    // How much of the claim each retrieved source states, read whole: a source that states
    // enough of it to bear it out stays whatever names it writes, and the verdict weighs it.
    const sourceCoverage: SourceCoverage | undefined = judged ? subjectCoverage(sought, await documentCoverage(store, sought.text, judgements), judgements, readSourceText) : undefined;
    // The page that states most of the claim is also read where retrieval did not look.
    if (sourceCoverage) judgements = [...judgements, ...(await pages.judgeAll(await pagePassages(store, sought.text, judgements, sourceCoverage), (e) => toJudgement(judge(f.claim, e))))];
    if (judged) judgements = aboutTheSameNames(sought.text, judgements, sourceCoverage, SUPPORTED_AT, readSourceText, sought.name !== null ? claimNames(sought.name) : []);
    if (f.role === 'claim') claimCoverage = sourceCoverage;
    const verdict: Verdict | null = judged && f.retrieve ? claimVerdict(f.claim, judgements) : null;
    facets.push({ id: f.id, role: f.role, label: f.label, claim: f.claim, retrieve: f.retrieve, focus: f.focus, judgements, verdict, ...(sourceCoverage ? { sourceCoverage } : {}) });
  }
  lap('retrieve');

  const whole = plan.kind === 'claim' ? (facets.find((f) => f.role === 'claim')?.verdict ?? null) : null;
  const warnings: string[] = web ? [...web.warnings] : [];
  for (const f of facets) if (f.retrieve && f.judgements.length === 0) warnings.push(`no passage found for facet ${JSON.stringify(f.label)}`);

  const snapshot = await store.snapshotId();
  const analyst = options.analyst ?? rulesAnalyst;
  // A model may take a while: say so before asking it (the rules analyst is instant).
  if (analyst !== rulesAnalyst) progress({ stage: 'compose', done: 0, total: 1, detail: `asking ${analyst.name}` });
  const composed = await analyst.compose({
    input: text,
    kind: plan.kind,
    answer: plan.answer,
    facets,
    verdict: whole,
    now: started,
    provenance: { engine: ENGINE, engineVersion: ENGINE_VERSION, analyst: analyst.name, corpusSnapshot: snapshot, createdAt: started.toISOString(), timingsMs: timings, warnings, ...(web ? { web: web.provenance } : {}) },
  });
  progress({ stage: 'compose', done: 1, total: 1 });
  lap('compose');

  const note = plan.kind === 'claim' ? subjectNote(subject) : null;
  if (note !== null) warnings.push(note);
  const draft = note === null ? composed.draft : { ...composed.draft, gaps: [...composed.draft.gaps, { text: `${note}.`, citations: [], passageIds: [], basis: 'absence' as const }] };
  const verified = { ...verifyReport(draft, composed.passages), ...(subject.topic !== null ? { about: subject.topic } : {}) };
  const report = whole ? withDisciplinedVerdict(verified, facets.find((f) => f.role === 'claim')?.judgements ?? [], claimCoverage) : verified;
  lap('verify');
  const tally = verificationTally(report);
  progress({ stage: 'verify', done: tally.checked, total: tally.checked, detail: `${tally.failed} flagged` });
  if (tally.failed > 0) warnings.push(`${tally.failed} of ${tally.checked} sentences failed verification and are flagged`);
  timings.total = now().getTime() - started.getTime();
  return report;
}
