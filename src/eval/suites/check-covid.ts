// Check-COVID, the full pipeline: ingest the abstracts into a temporary store, retrieve for each
// claim, judge what was retrieved, decide SUPPORT / REFUTE / NOTENOUGHINFO. Also the stance of
// each claim toward its gold evidence sentences alone (extra.goldEvidence), the setting of the
// published fact-checking figures: every NOTENOUGHINFO claim of Check-COVID repeats the text of
// a SUPPORT or REFUTE claim and differs only in the evidence sentence it was annotated against,
// so the full pipeline, which sees the claim and the corpus only, cannot tell the two apart.
import type { Store } from '../../contracts.js';
import type { VerdictLabel } from '../../model.js';
import type { Evidence } from '../../evidence/index.js';
import { VerityError } from '../../errors.js';
import { decideVerdict, judge, judgeProfiled, profileClaim, suiteDecision, suiteVerdictModel, retrieve } from '../../evidence/index.js';
import { ingestText } from '../../ingest/index.js';
import { openStore } from '../../store/index.js';
import type { EvalOptions, EvalResult } from '../eval-result.js';
import { classify, majorityBaseline } from '../metrics.js';
import { abstractText, readCheckCovid, readCheckCovidCorpus } from '../upstream-formats.js';

export const CHECK_COVID_LABELS = ['SUPPORT', 'REFUTE', 'NOTENOUGHINFO'] as const;
const FROM_VERDICT: Record<VerdictLabel, string> = { supported: 'SUPPORT', refuted: 'REFUTE', mixed: 'NOTENOUGHINFO', unproven: 'NOTENOUGHINFO' };
const URI = (cordId: string): string => `cord:${cordId}`;
const FROM_STANCE = { supports: 'SUPPORT', refutes: 'REFUTE', neutral: 'NOTENOUGHINFO' } as const;

/**
 * An abstract is short and a claim is checked against the whole of it: judge the retrieved
 * passage's full source (the stance features focus on its best sentences).
 */
export async function wholeSource(store: Store, e: Evidence): Promise<Evidence> {
  const text = await store.getSourceText(e.source.id);
  if (text === null || text.length > 6000) return e;
  return { ...e, passage: { id: `${e.source.id}#all`, sourceId: e.source.id, ordinal: 0, text, start: 0, end: text.length } };
}

export async function runCheckCovid(options: EvalOptions): Promise<EvalResult> {
  if (!options.corpus) {
    throw new VerityError({ code: 'USAGE', component: 'eval', problem: 'check-covid needs the abstracts to search', fix: 'pass --corpus corpus.json (the Check-COVID corpus)' });
  }
  const docs = readCheckCovidCorpus(options.corpus);
  const claims = readCheckCovid(options.data).slice(0, options.limit ?? Infinity);
  const store = await openStore(':memory:');
  try {
    let k = 0;
    for (const d of docs) {
      const text = abstractText(d);
      if (text.trim() === '') continue;
      await ingestText(store, { text, meta: { uri: URI(d.id), title: d.title || d.id, kind: 'academic' }, retrievedAt: '1970-01-01T00:00:00.000Z' });
      options.onProgress?.({ stage: 'ingest', done: ++k, total: docs.length });
    }
    const gold: string[] = [];
    const predicted: string[] = [];
    let found = 0;
    const byId = new Map(docs.map((d) => [d.id, d]));
    const goldEvidence: { gold: string[]; predicted: string[] } = { gold: [], predicted: [] };
    const t0 = performance.now();
    for (const [i, c] of claims.entries()) {
      const evidence = await retrieve(store, c.claim, { limit: 5, perSource: 1 });
      if (evidence.some((e) => e.source.uri === URI(c.cordId))) found++;
      const profile = profileClaim(c.claim);
      const judgements = await Promise.all(evidence.map(async (e) => judge(profile, await wholeSource(store, e))));
      const v = decideVerdict(c.claim, judgements, { labels: ['supported', 'refuted', 'unproven'], model: suiteVerdictModel('check-covid'), classWeights: suiteDecision('check-covid') });
      gold.push(c.gold);
      predicted.push(FROM_VERDICT[v.label]);
      const rationale = c.evidence.map((k) => byId.get(c.cordId)?.sentences[k]).filter((x): x is string => x !== undefined);
      if (rationale.length > 0) {
        goldEvidence.gold.push(c.gold);
        goldEvidence.predicted.push(FROM_STANCE[judgeProfiled(profile, rationale).stance]);
      }
      options.onProgress?.({ stage: 'check-covid', done: i + 1, total: claims.length });
    }
    const seconds = (performance.now() - t0) / 1000;
    return {
      suite: 'check-covid',
      ...classify(gold, predicted, CHECK_COVID_LABELS),
      auc: null,
      recallAt5: Math.round((found / Math.max(1, claims.length)) * 1e4) / 1e4,
      claimsPerSecond: Math.round(claims.length / Math.max(seconds, 1e-6)),
      majorityBaseline: majorityBaseline(gold, CHECK_COVID_LABELS),
      extra: { abstracts: docs.length, goldEvidence: goldEvidenceFigures(goldEvidence.gold, goldEvidence.predicted) },
    };
  } finally {
    await store.close();
  }
}

/** Stance toward the gold evidence sentences, read as the label (supports → SUPPORT …). */
function goldEvidenceFigures(gold: string[], predicted: string[]): { n: number; accuracy: number; macroF1: number } {
  const r = classify(gold, predicted, CHECK_COVID_LABELS);
  return { n: r.n, accuracy: r.accuracy, macroF1: r.macroF1 };
}
