// WiCE as a user meets it: every cited web page of the dev claims is saved as Markdown (title,
// publisher, author and date in front matter; see wice-articles.ts), ingested into a temporary
// SQLite store, and every claim goes through `checkInput` — the library's check path — in this
// one process. Measured on the reports: the claim's own article among the report's sources,
// verdict discipline (Supported/Refuted/Mixed resting on a verified quote, reason agreeing),
// supported-vs-rest balanced accuracy and ROC-AUC, the 3×3 confusion table, calibration of
// the confidence (ECE, reliability table), clean prose, lead relevance, time per check.
//
// The claim's topic: WiCE gives every claim the title of the Wikipedia page it was lifted from
// (meta.claim_title), as a reader checking a sentence of an article knows what the article is
// about; it is passed as `about` (check --about) only when every claim has one.
//
// Verdict → WiCE label: supported → supported, mixed → partially_supported, refuted and
// unproven → not_supported (WiCE's "not supported" means the article does not bear the claim
// out). The probability behind AUC and calibration is P(supported): the confidence of a
// Supported verdict, one minus it otherwise.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { checkInput } from '../../check/index.js';
import { isVerityError } from '../../errors.js';
import { ingestPaths } from '../../ingest/index.js';
import type { Report, VerdictLabel } from '../../model.js';
import { openStore } from '../../store/index.js';
import type { EvalOptions, EvalResult } from '../eval-result.js';
import { classify, expectedCalibrationError, majorityBaseline, reliability, rocAuc } from '../metrics.js';
import { leadRelevant, proseProblems, reportSentences, verdictProblems } from '../report-quality.js';
import { readWice, stripCitationMarkers } from '../upstream-formats.js';
import { articleMarkdown, wiceArticles } from '../wice-articles.js';
import { WICE_LABELS } from './wice.js';

const FROM_VERDICT: Record<VerdictLabel, string> = { supported: 'supported', mixed: 'partially_supported', refuted: 'not_supported', unproven: 'not_supported' };
const FIXED_CLOCK = (): Date => new Date('2026-01-01T00:00:00.000Z');
const r4 = (v: number): number => Math.round(v * 1e4) / 1e4;

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/** Supported vs the rest over the items `idx`: balanced accuracy, ROC-AUC, ECE and the reliability table. */
function binaryFigures(isSupported: readonly boolean[], predicted: readonly string[], pSupported: readonly number[], idx: readonly number[]) {
  const pos = idx.filter((i) => isSupported[i]);
  const neg = idx.filter((i) => !isSupported[i]);
  const tpr = pos.filter((i) => predicted[i] === 'supported').length / Math.max(1, pos.length);
  const tnr = neg.filter((i) => predicted[i] !== 'supported').length / Math.max(1, neg.length);
  // The confidence of the verdict given: P(supported) for Supported, one minus it otherwise.
  const table = reliability(
    idx.map((i) => (predicted[i] === 'supported' ? pSupported[i]! : 1 - pSupported[i]!)),
    idx.map((i) => (predicted[i] === 'supported') === isSupported[i]),
    10,
  );
  return { n: idx.length, balancedAccuracy: r4((tpr + tnr) / 2), auc: rocAuc(idx.map((i) => isSupported[i]!), idx.map((i) => pSupported[i]!)), ece: expectedCalibrationError(table), reliability: table };
}

export async function runWiceCorpus(options: EvalOptions): Promise<EvalResult> {
  const all = readWice(options.data).filter((c) => !c.oracle);
  const claims = all.slice(0, options.limit ?? Infinity);
  const withTopics = all.every((c) => c.topic !== undefined);
  const keep = options.out !== undefined;
  const root = keep ? options.out! : mkdtempSync(join(tmpdir(), 'verity-wice-corpus-'));
  const docs = join(root, 'articles');
  mkdirSync(docs, { recursive: true });
  // The corpus is every dev article, whatever --limit: the other claims' pages are distractors.
  const articlesOf = new Map<string, string[]>();
  for (const c of all) {
    const ids: string[] = [];
    for (const a of wiceArticles(c.sentences)) {
      writeFileSync(join(docs, `${a.id}.md`), articleMarkdown(a));
      ids.push(a.id);
    }
    articlesOf.set(c.id, ids);
  }
  const dbPath = join(root, 'corpus.sqlite');
  rmSync(dbPath, { force: true });
  const store = await openStore(dbPath);
  try {
    const ingested = await ingestPaths(store, [docs], { now: FIXED_CLOCK, onProgress: options.onProgress });
    const sourceOf = new Map(ingested.documents.map((d) => [basename(d.origin, '.md'), d.sourceId]));
    const gold: string[] = [];
    const predicted: string[] = [];
    const pSupported: number[] = [];
    const ms: number[] = [];
    let ownFound = 0;
    let decisive = 0;
    let disciplined = 0;
    let sentences = 0;
    let clean = 0;
    let leads = 0;
    let failed = 0;
    const problems: Array<{ id: string; verdict: string; problems: string[] }> = [];
    const unclean = new Map<string, number>();
    for (const [i, c] of claims.entries()) {
      const claim = stripCitationMarkers(c.claim);
      const t0 = performance.now();
      let report: Report | null = null;
      try {
        report = await checkInput(store, claim, { now: FIXED_CLOCK, ...(withTopics ? { about: c.topic } : {}) });
      } catch (e) {
        if (!isVerityError(e)) throw e;
        failed++;
      }
      ms.push(performance.now() - t0);
      const label: VerdictLabel = report?.verdict?.label ?? 'unproven';
      const confidence = report?.verdict?.confidence ?? 1;
      gold.push(c.gold);
      predicted.push(FROM_VERDICT[label]);
      pSupported.push(label === 'supported' ? confidence : 1 - confidence);
      if (report === null) continue;
      if (keep) writeFileSync(join(root, `report-${c.id}.json`), `${JSON.stringify(report, null, 2)}\n`);
      const own = new Set((articlesOf.get(c.id) ?? []).map((a) => sourceOf.get(a)));
      if (report.sources.some((s) => own.has(s.id))) ownFound++;
      if (label !== 'unproven') {
        decisive++;
        const p = verdictProblems(report);
        if (p.length === 0) disciplined++;
        else problems.push({ id: c.id, verdict: label, problems: p });
      }
      for (const s of reportSentences(report)) {
        sentences++;
        const why = proseProblems(s.text);
        if (why.length === 0) clean++;
        for (const w of why) unclean.set(w, (unclean.get(w) ?? 0) + 1);
      }
      if (leadRelevant(report, claim)) leads++;
      options.onProgress?.({ stage: 'wice-corpus', done: i + 1, total: claims.length });
    }
    const isSupported = gold.map((g) => g === 'supported');
    const all = binaryFigures(isSupported, predicted, pSupported, gold.map((_, i) => i));
    const sorted = [...ms].sort((a, b) => a - b);
    const n = claims.length;
    return {
      suite: 'wice-corpus',
      ...classify(gold, predicted, WICE_LABELS),
      auc: rocAuc(isSupported, pSupported),
      recallAt5: null,
      claimsPerSecond: r4(n / Math.max(1e-6, ms.reduce((a, b) => a + b, 0) / 1000)),
      majorityBaseline: majorityBaseline(gold, WICE_LABELS),
      extra: {
        articles: ingested.documents.length,
        claimsWithTopic: withTopics ? claims.length : 0,
        ownArticleAmongSources: r4(ownFound / Math.max(1, n)),
        decisiveVerdicts: decisive,
        decisiveWithQuotedEvidence: r4(decisive === 0 ? 1 : disciplined / decisive),
        balancedAccuracy: all.balancedAccuracy,
        ece: all.ece,
        reliability: all.reliability,
        // The verdict's coverage calibration was fitted on the even-numbered claims (check/verdict-discipline.ts): the odd half is held out.
        byHalf: [0, 1].map((h) => {
          const { reliability: _, ...f } = binaryFigures(isSupported, predicted, pSupported, gold.map((_g, i) => i).filter((i) => i % 2 === h));
          return { half: h === 0 ? 'even (fitted)' : 'odd (held out)', ...f };
        }),
        cleanProse: r4(clean / Math.max(1, sentences)),
        uncleanBy: Object.fromEntries([...unclean.entries()].sort((a, b) => b[1] - a[1])),
        leadRelevant: r4(leads / Math.max(1, n)),
        msPerCheck: { p50: Math.round(quantile(sorted, 0.5)), p95: Math.round(quantile(sorted, 0.95)), max: Math.round(sorted.at(-1) ?? 0) },
        failedChecks: failed,
        verdictProblems: problems.slice(0, 20),
        ...(keep ? { kept: root } : {}),
      },
    };
  } finally {
    await store.close();
    if (!keep) rmSync(root, { recursive: true, force: true });
  }
}
