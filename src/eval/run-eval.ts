// `verity eval`: run one benchmark suite on upstream-format data and return its figures.
import { VerityError, quote } from '../errors.js';
import { SUITES } from './eval-result.js';
import type { EvalOptions, EvalResult, SuiteName } from './eval-result.js';
import { runCheckCovid } from './suites/check-covid.js';
import { runCitationIntegrity } from './suites/citation-integrity.js';
import { runClimateFever } from './suites/climate-fever.js';
import { runFigurePairs } from './suites/figure-pairs.js';
import { runFigurePairsShared } from './suites/figure-pairs-shared.js';
import { runPairs } from './suites/pairs.js';
import { hasRteFiles as isRte } from './upstream-formats.js';
import { runWice } from './suites/wice.js';
import { runWiceCorpus } from './suites/wice-corpus.js';

export function isSuite(name: string): name is SuiteName {
  return (SUITES as readonly string[]).includes(name);
}

export async function runEval(suite: string, options: EvalOptions): Promise<EvalResult> {
  if (!isSuite(suite)) {
    throw new VerityError({ code: 'USAGE', component: 'eval', problem: `unknown suite ${quote(suite)}`, fix: `use one of ${SUITES.join(', ')}` });
  }
  if (options.limit !== undefined && (!Number.isInteger(options.limit) || options.limit < 1)) {
    throw new VerityError({ code: 'USAGE', component: 'eval', problem: `--limit ${quote(String(options.limit))} is not a positive whole number`, fix: 'pass --limit N with N ≥ 1' });
  }
  switch (suite) {
    case 'climate-fever':
      return runClimateFever(options);
    case 'check-covid':
      return runCheckCovid(options);
    case 'wice':
      return runWice(options);
    case 'wice-corpus':
      return runWiceCorpus(options);
    case 'citation-integrity':
      return runCitationIntegrity(options);
    case 'figure-pairs':
      return runFigurePairs(options);
    case 'figure-pairs-shared':
      return runFigurePairsShared(options);
    case 'scifact':
      // The RTE oracle pairs, or SciFact-schema claims with --corpus.
      return isRte(options.data) ? runPairs('scifact', options) : runCitationIntegrity(options, 'scifact');
    default:
      return runPairs(suite, options);
  }
}
