// Verity as a library: the same functions the CLI calls.
//
//   import { openStore, ingestPaths, checkInput, renderReport } from 'verity-factcheck';
//   const store = await openStore('.verity/verity.db');          // or a postgres:// URL
//   await ingestPaths(store, ['examples/corpus']);
//   const report = await checkInput(store, '140 of 196 countries criminalise simple possession');
//   console.log(renderReport(report, 'md'));

export * from './model.js';
export type * from './contracts.js';
export { VerityError, isVerityError } from './errors.js';
export { ENGINE, ENGINE_VERSION } from './version.js';
export { resolveDbPath } from './config.js';

export { openStore, openSqliteStore, isPostgresUrl, type OpenStoreOptions } from './store/sqlite/open.js';
export { ingestPaths, ingestText, ingestTexts, loadDocument, chunkPassages } from './ingest/index.js';
export type { IngestOptions, IngestSummary, TextDocument } from './ingest/index.js';

export { analyzeText, splitSentences, extractFigures, extractDates, findCues, checkworthiness } from './text/index.js';
export { retrieve, judge, judgePair, decideVerdict, compareFigures, type Evidence } from './evidence/index.js';

export { checkInput, planInput, classifyInput, type CheckOptions, type CheckWebOptions } from './check/index.js';
export { renderReport, verifySentence, verifyReport, REPORT_FORMATS, REPORT_SCHEMA_VERSION, type ReportFormat } from './report/index.js';
export { readArticle, readArticleFile, auditArticle, annotateMarkdown, annotateHtml, auditJson, type AuditOptions, type AuditFetchOptions } from './audit/index.js';
export { runEval } from './eval/index.js';
export { runBatch, readBatchRows, batchFormat, renderSummary, queueCheck, type BatchOptions, type BatchOutcome, type BatchRow, type RowResult } from './batch/index.js';

export { rulesAnalyst, analystConfig, createAnalyst, type Analyst, type AnalystConfig } from './analyst/index.js';
export { safeFetch, webDocuments, createWebSearch, WikipediaSearch, SearxngSearch, type WebSearch, type SafeFetchOptions, type WebDocumentsOptions, type WebDocumentsResult } from './web/index.js';
export { startServer, type ServerOptions, type RunningServer } from './server/index.js';
export { createInProcessQueue, createRedisQueue, openRedisQueue, startRedisWorker, type Queue, type JobSpec, type JobSnapshot } from './jobs/index.js';
