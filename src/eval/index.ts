// Benchmark suites: upstream-format readers, metrics, and the `verity eval` runner.
export { runEval, isSuite } from './run-eval.js';
export { SUITES } from './eval-result.js';
export type { EvalOptions, EvalResult, SuiteName } from './eval-result.js';
export { classify, rocAuc, majorityBaseline, reliability, expectedCalibrationError } from './metrics.js';
export type { ClassificationReport, ClassMetrics } from './metrics.js';
