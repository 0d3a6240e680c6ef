// The check pipeline: plan a question or claim, gather and judge evidence, compose and verify a report.
export { checkInput, MAX_INPUT_CHARS } from './check-input.js';
export type { CheckOptions } from './check-input.js';
export { claimSubject, validateAbout, MAX_ABOUT_CHARS } from './about.js';
export type { ClaimSubject } from './about.js';
export { webQuery, webQueries, MAX_WEB_QUERIES, DEFAULT_WEB_LIMIT } from './web-sources.js';
export type { CheckWebOptions } from './web-sources.js';
export { planInput } from './plan.js';
export type { Plan, Facet } from './plan.js';
export { classifyInput } from './classify.js';
export type { InputKind } from './classify.js';
