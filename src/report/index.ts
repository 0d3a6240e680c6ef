// Reports: compose (rules analyst), verify, render.
export { composeReport, REPORT_SCHEMA_VERSION } from './compose.js';
export type { Composed } from './compose.js';
export type { ComposeInput, FacetEvidence, FacetRole } from './compose-input.js';
export type { DraftSentence, DraftFinding, ReportDraft, CitedPassage } from './draft.js';
export { verifySentence, verifyReport, verificationTally, stripCitations } from './verify.js';
export type { SentenceCheck, VerifySentenceOptions } from './verify.js';
export { findArithmetic, formatArithmetic } from './arithmetic.js';
export { renderMarkdown } from './render-markdown.js';
export { renderHtml, escapeHtml } from './render-html.js';
export { renderJson, parseReportJson } from './render-json.js';
export { renderClaimReview, claimReview } from './render-claimreview.js';
export { renderReport, REPORT_FORMATS, isReportFormat } from './render.js';
export type { ReportFormat } from './render.js';
