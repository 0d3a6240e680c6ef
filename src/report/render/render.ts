// One entry point for the four formats.
import type { Report } from '../../model.js';
import { VerityError, quote } from '../../errors.js';
import { renderClaimReview } from './render-claimreview.js';
import { renderHtml } from './render-html.js';
import { renderJson } from './render-json.js';
import { renderMarkdown } from './render-markdown.js';

export const REPORT_FORMATS = ['md', 'html', 'json', 'claimreview'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export { formatName } from './format-name.js';

export function isReportFormat(value: string): value is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(value);
}

export function renderReport(report: Report, format: string): string {
  if (!isReportFormat(format)) {
    throw new VerityError({ code: 'USAGE', component: 'check', problem: `unknown format ${quote(format)}`, fix: `use one of ${REPORT_FORMATS.join(', ')}` });
  }
  switch (format) {
    case 'md':
      return renderMarkdown(report);
    case 'html':
      return renderHtml(report);
    case 'json':
      return renderJson(report);
    case 'claimreview':
      return renderClaimReview(report);
  }
}
