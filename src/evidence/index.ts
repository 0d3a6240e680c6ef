// Evidence and verdicts: retrieval for a claim, stance of a passage, verdict, figure comparison.
export { retrieve, claimQueries } from './retrieve.js';
export type { Evidence, RetrieveOptions } from './retrieve.js';
export { judge, judgePair, judgeProfiled } from './judge.js';
export type { JudgeOptions, JudgementDetail, PairJudgement } from './judge.js';
export { readRestatement, statementTerms, DECISIVE_RESTATEMENT, RESTATE_COVERAGE } from './restatement.js';
export type { Restatement } from './restatement.js';
export { readPolarity, splitClauses } from './polarity.js';
export type { Polarity, Quantity } from './polarity.js';
export { decideVerdict, independentJudgements, suiteVerdictModel, VERDICT_LABELS } from './verdict.js';
export { stanceModel } from './stance-model.js';
export type { VerdictDetail, VerdictOptions } from './verdict.js';
export { compareFigures, unitsCompatible } from './figure-compare.js';
export type { FigureRelation } from './figure-compare.js';
export { profileClaim } from './claim-profile.js';
export type { ClaimProfile } from './claim-profile.js';
export { copyGroups } from './independence.js';
export { coverageByBestSentences } from './sentence-coverage.js';
export type { SentenceCoverage } from './sentence-coverage.js';
