// A batch file's rows: CSV (a header naming the column to check) or JSONL (one object or string
// per line). Each row has a number, an id, the text to check and, in an "about" column or field,
// what it is about (check --about); a row that cannot be read is an
// error in its place, so one bad row never stops the rest.
import { createHash } from 'node:crypto';
import { VerityError, quote } from '../errors.js';
import { readCsv } from './csv.js';

/** Column or field names read as the text to check, in order of preference. */
export const INPUT_FIELDS = ['claim', 'question', 'input', 'text'] as const;

export interface BatchRow {
  /** 1-based data row (the header is not counted). */
  row: number;
  /** The id column/field when given, else the row number. */
  id: string;
  /** The text to check, as written (checkInput trims and validates it). */
  input: string;
  /** What the row was read from, for messages: "line 7". */
  where: string;
  /** Stable across runs for the same id and text: names the report file, keys the journal. */
  key: string;
  /** What the row's claim is about (the "about" column or field, when not empty): see check --about. */
  about?: string;
  /** Set when the row could not be read; input is then ''. */
  error?: string;
}

export type BatchFormat = 'csv' | 'jsonl';

/** The format from the file name (.csv / .jsonl / .ndjson), else from the first character. */
export function batchFormat(path: string, text: string): BatchFormat {
  if (/\.csv$/i.test(path)) return 'csv';
  if (/\.(jsonl|ndjson)$/i.test(path)) return 'jsonl';
  return /^\s*[{"]/.test(text) ? 'jsonl' : 'csv';
}

function rowKey(id: string, input: string, about?: string): string {
  // A row without a topic keys as it always did, so an older batch folder resumes.
  return createHash('sha256').update(`${id}\u0000${input}${about === undefined ? '' : `\u0000${about}`}`, 'utf8').digest('hex').slice(0, 16);
}

function makeRow(row: number, id: string | undefined, input: string, where: string, error?: string, about?: string): BatchRow {
  const rid = id === undefined || id.trim() === '' ? String(row) : id.trim();
  const topic = about === undefined || about.trim() === '' || error !== undefined ? undefined : about.trim();
  return { row, id: rid, input, where, key: rowKey(rid, error === undefined ? input : `\u0000${error}`, topic), ...(topic === undefined ? {} : { about: topic }), ...(error === undefined ? {} : { error }) };
}

/**
 * Reads the rows of a batch file. `column` names the CSV column or JSON field to check (default:
 * the first of claim, question, input, text present). Throws VerityError BAD_INPUT only when the
 * file as a whole cannot be used (no header, no such column); a bad row is a row with `error`.
 */
export function readBatchRows(text: string, format: BatchFormat, column?: string): BatchRow[] {
  return format === 'csv' ? csvRows(text, column) : jsonlRows(text, column);
}

function csvRows(text: string, column?: string): BatchRow[] {
  const records = readCsv(text);
  const header = records[0];
  if (!header || 'error' in header) {
    throw new VerityError({ code: 'BAD_INPUT', component: 'batch', problem: header ? `the CSV header cannot be read: ${header.error}` : 'the CSV file has no header row', fix: `start the file with a header naming the column to check, e.g. "id,claim"` });
  }
  const names = header.fields.map((f) => f.trim().toLowerCase());
  const wanted = column?.trim().toLowerCase();
  const at = wanted !== undefined ? names.indexOf(wanted) : names.findIndex((n) => (INPUT_FIELDS as readonly string[]).includes(n));
  if (at < 0) {
    throw new VerityError({
      code: 'BAD_INPUT',
      component: 'batch',
      problem: wanted !== undefined ? `the CSV header has no column ${quote(wanted)} (it has ${columnList(names)})` : `the CSV header names none of ${INPUT_FIELDS.join(', ')} (it has ${columnList(names)})`,
      fix: 'name the column to check in the header, or pass --column NAME',
    });
  }
  const idAt = names.indexOf('id');
  const aboutAt = names.indexOf('about');
  return records.slice(1).map((r, k) => {
    const where = `line ${r.line}`;
    if ('error' in r) return makeRow(k + 1, undefined, '', where, r.error);
    if (r.fields.length !== header.fields.length) return makeRow(k + 1, idAt >= 0 ? r.fields[idAt] : undefined, '', where, `${r.fields.length} fields where the header has ${header.fields.length}`);
    return makeRow(k + 1, idAt >= 0 ? r.fields[idAt] : undefined, r.fields[at] ?? '', where, undefined, aboutAt >= 0 ? r.fields[aboutAt] : undefined);
  });
}

function jsonlRows(text: string, column?: string): BatchRow[] {
  const rows: BatchRow[] = [];
  const lines = text.split('\n');
  for (const [k, raw] of lines.entries()) {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '') continue;
    const n = rows.length + 1;
    const where = `line ${k + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (e) {
      rows.push(makeRow(n, undefined, '', where, `not JSON: ${(e as Error).message}`));
      continue;
    }
    if (typeof value === 'string') {
      rows.push(makeRow(n, undefined, value, where));
      continue;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      rows.push(makeRow(n, undefined, '', where, 'not a JSON object or string'));
      continue;
    }
    const obj = value as Record<string, unknown>;
    const id = typeof obj.id === 'string' || typeof obj.id === 'number' ? String(obj.id) : undefined;
    const field = column ?? INPUT_FIELDS.find((f) => f in obj);
    const input = field === undefined ? undefined : obj[field];
    if (typeof input !== 'string') {
      rows.push(makeRow(n, id, '', where, field === undefined ? `no ${INPUT_FIELDS.join(', ')} field` : `field ${quote(field)} is not a string`));
      continue;
    }
    const about = obj.about;
    if (about !== undefined && typeof about !== 'string') {
      rows.push(makeRow(n, id, '', where, 'field "about" is not a string'));
      continue;
    }
    rows.push(makeRow(n, id, input, where, undefined, about));
  }
  return rows;
}

/** The header's columns for an error: the first twelve, then how many more (a header may have thousands). */
function columnList(names: readonly string[]): string {
  const shown = names.slice(0, 12).map((n) => quote(n)).join(', ');
  return names.length > 12 ? `${shown} and ${names.length - 12} more` : shown;
}
