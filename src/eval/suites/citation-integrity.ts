// Citation-Integrity: a citing sentence and the abstracts it cites → SUPPORT / REFUTE / NEI.
import type { VerdictLabel } from '../../model.js';
import { VerityError } from '../../errors.js';
import { decideVerdict, judge, profileClaim, suiteDecision, suiteVerdictModel } from '../../evidence/index.js';
import type { EvalOptions, EvalResult } from '../eval-result.js';
import { classify, majorityBaseline } from '../metrics.js';
import { citingFeatures } from '../citing-sentence.js';
import { textEvidence } from '../synthetic-evidence.js';
import { readCitationClaims, readCitationCorpus } from '../upstream-formats.js';

export const CITATION_LABELS = ['SUPPORT', 'REFUTE', 'NEI'] as const;
const FROM_VERDICT: Record<VerdictLabel, string> = { supported: 'SUPPORT', refuted: 'REFUTE', mixed: 'NEI', unproven: 'NEI' };

/**
 * Citation-Integrity's own verdict weights also read the citing sentence's markers
 * (citing-sentence.ts); SciFact claims have none and use the general weights.
 *
 * Also runs SciFact-schema claims of the `scifact` suite when they come with their abstracts
 * (claims_*.jsonl + --corpus corpus.jsonl); the verdict weights are then the general ones.
 */
export function runCitationIntegrity(options: EvalOptions, suite: 'citation-integrity' | 'scifact' = 'citation-integrity'): EvalResult {
  if (!options.corpus) {
    throw new VerityError({ code: 'USAGE', component: 'eval', problem: `${suite} claims need the cited abstracts`, fix: 'pass --corpus corpus.jsonl (the SciFact-schema corpus next to the claims)' });
  }
  const corpus = readCitationCorpus(options.corpus);
  const claims = readCitationClaims(options.data).slice(0, options.limit ?? Infinity);
  const gold: string[] = [];
  const predicted: string[] = [];
  let missing = 0;
  const model = suiteVerdictModel(suite);
  const classWeights = suiteDecision(suite);
  const t0 = performance.now();
  claims.forEach((c, i) => {
    const profile = profileClaim(c.claim);
    const judgements = c.docIds.flatMap((id) => {
      const doc = corpus.get(id);
      if (!doc) {
        missing++;
        return [];
      }
      return [judge(profile, textEvidence(id, doc.sentences.join(' '), doc.title))];
    });
    const extraFeatures = suite === 'citation-integrity' ? citingFeatures(c.raw) : undefined;
    const v = decideVerdict(c.claim, judgements, { labels: ['supported', 'refuted', 'unproven'], model, classWeights, extraFeatures });
    gold.push(c.gold);
    predicted.push(FROM_VERDICT[v.label]);
    options.onProgress?.({ stage: suite, done: i + 1, total: claims.length });
  });
  const seconds = (performance.now() - t0) / 1000;
  return {
    suite,
    ...classify(gold, predicted, CITATION_LABELS),
    auc: null,
    recallAt5: null,
    claimsPerSecond: Math.round(claims.length / Math.max(seconds, 1e-6)),
    majorityBaseline: majorityBaseline(gold, CITATION_LABELS),
    extra: { citedDocsMissingFromCorpus: missing },
  };
}
