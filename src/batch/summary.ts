// The summary table of a batch: one line per row (status, verdict, confidence, report file,
// error), as CSV, JSON or one HTML page.
import { escapeHtml } from '../report/index.js';
import { csvField } from './csv.js';
import type { RowResult } from './journal.js';

export const SUMMARY_FORMATS = ['csv', 'json', 'html'] as const;
export type SummaryFormat = (typeof SUMMARY_FORMATS)[number];

export function isSummaryFormat(value: string): value is SummaryFormat {
  return (SUMMARY_FORMATS as readonly string[]).includes(value);
}

const MAX_INPUT_SHOWN = 300;

const COLUMNS = ['row', 'id', 'status', 'kind', 'verdict', 'confidence', 'title', 'report', 'error', 'ms', 'input'] as const;

function cell(r: RowResult, c: (typeof COLUMNS)[number]): string {
  const v = r[c];
  if (v === undefined || v === null) return '';
  if (c === 'confidence' && typeof v === 'number') return v.toFixed(2);
  // The journal keeps the whole input; the table shows its start (a 20 kB row stays readable).
  if (c === 'input' && typeof v === 'string' && v.length > MAX_INPUT_SHOWN) return `${v.slice(0, MAX_INPUT_SHOWN)}…`;
  return String(v);
}

export function renderSummary(results: readonly RowResult[], format: SummaryFormat): string {
  const done = results.filter((r) => r.status === 'done').length;
  if (format === 'json') {
    return `${JSON.stringify({ rows: results.length, done, failed: results.length - done, results: results.map(({ key: _key, ...rest }) => rest) }, null, 2)}\n`;
  }
  if (format === 'csv') return [COLUMNS.join(','), ...results.map((r) => COLUMNS.map((c) => csvField(cell(r, c))).join(','))].join('\r\n') + '\r\n';
  const head = COLUMNS.map((c) => `<th>${c}</th>`).join('');
  const body = results
    .map((r) => {
      const cells = COLUMNS.map((c) => {
        const text = escapeHtml(cell(r, c));
        return c === 'report' && r.report ? `<td><a href="${escapeHtml(r.report)}">${text}</a></td>` : `<td>${text}</td>`;
      });
      return `<tr class="${r.status}">${cells.join('')}</tr>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Verity batch: ${done} of ${results.length} checked</title>
<style>body{font:14px system-ui,sans-serif;margin:1.5em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3em .5em;vertical-align:top;text-align:left}tr.error td{background:#fde8e8}</style>
</head><body>
<h1>Verity batch</h1>
<p>${done} of ${results.length} rows checked; ${results.length - done} failed.</p>
<table><thead><tr>${head}</tr></thead><tbody>
${body}
</tbody></table>
</body></html>
`;
}
