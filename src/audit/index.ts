// Article audit: read an article, find its claims, check them against the cited sources and the
// corpus, check its figures (against sources, arithmetic, consistency), and annotate it.
export { readArticle, formatOfPath, sniffFormat, MAX_ARTICLE_CHARS } from './read/article.js';
export { readArticleFile, readArticleUrl, readPdfArticle } from './read/article-source.js';
export { auditArticle } from './audit.js';
export type { AuditOptions } from './audit.js';
export { fetchReferences, referencesToFetch, storeLoader, checkFetchLimit, DEFAULT_FETCH_LIMIT, MAX_FETCH_LIMIT } from './fetch-references.js';
export type { AuditFetchOptions, ReferenceLoader, LoadedReference, FetchStageResult } from './fetch-references.js';
export { annotateMarkdown, annotateHtml, auditJson } from './annotate.js';
export { checkArithmetic } from './arithmetic.js';
export { compareDatesWithSource, mayDateEvent } from './source-dates.js';
export type { DateConflict, FixedDate } from './source-dates.js';
export type { ArithmeticFinding } from './arithmetic.js';
export { matchReferences, matchReferencesInStore } from './read/references.js';
export { normaliseUrl } from './read/url.js';
export { FLAG_KINDS } from './types.js';
export { sentencesCitingAbsent } from './read/claims.js';
export { severityOf, SEVERITIES } from './severity.js';
export { flagsBySeverity } from './flag-report.js';
export { INTERNAL_CHECKS } from './consistency/internal.js';
export type * from './types.js';
