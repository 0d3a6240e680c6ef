// Reports: compose (rules analyst), verify, render.
export { composeReport, REPORT_SCHEMA_VERSION } from './compose/compose.js';
export type { Composed } from './compose/compose.js';
export type { ComposeInput, FacetEvidence, FacetRole } from './compose/compose-input.js';
export type { DraftSentence, DraftFinding, ReportDraft, CitedPassage } from './draft.js';
export { verifySentence, verifyReport, verificationTally, stripCitations } from './verify.js';
export type { SentenceCheck, VerifySentenceOptions } from './verify.js';
export { findArithmetic, formatArithmetic } from './arithmetic.js';
export { renderMarkdown } from './render/render-markdown.js';
export { renderHtml, escapeHtml } from './render/render-html.js';
export { renderJson, parseReportJson } from './render/render-json.js';
export { renderClaimReview, claimReview } from './render/render-claimreview.js';
export { formatName, renderReport, REPORT_FORMATS, isReportFormat } from './render/render.js';
export type { ReportFormat } from './render/render.js';
