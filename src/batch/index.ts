// `verity batch`: many claims or questions from one CSV or JSONL file, one report each.
export { readCsv, csvField } from './csv.js';
export type { CsvRecord, CsvError } from './csv.js';
export { readBatchRows, batchFormat, INPUT_FIELDS } from './rows.js';
export type { BatchRow, BatchFormat } from './rows.js';
export { runBatch } from './run-batch.js';
export type { BatchOptions, BatchOutcome, BatchProgress, CheckOne } from './run-batch.js';
export { Journal, JOURNAL_FILE, REPORTS_FOLDER } from './journal.js';
export type { RowResult } from './journal.js';
export { renderSummary, isSummaryFormat, SUMMARY_FORMATS } from './summary.js';
export type { SummaryFormat } from './summary.js';
export { queueCheck } from './queue-check.js';
export type { CheckJobResult } from './queue-check.js';
