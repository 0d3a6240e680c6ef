// Analysts: who writes the report and judges stance. The contract, the rules analyst (default)
// and the configuration that picks one; the LLM analyst (./llm/) is loaded on demand.
export type { Analyst, StancePair, StanceOptions } from './analyst.js';
export { rulesAnalyst } from './rules-analyst.js';
export { analystConfig, analystConfigOf, createAnalyst, retryNotice, type AnalystConfig, type AnalystFlags, type CreateAnalystOptions } from './analyst-config.js';
export { runPairStanceEval, isPairSuite, PAIR_SUITES, type PairSuite } from './pair-stance-eval.js';
