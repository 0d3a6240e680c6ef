// JSON rendering: the Report as it is, with its schemaVersion, two-space indented, one final newline.
import type { Report } from '../../model.js';
import { VerityError } from '../../errors.js';
import { REPORT_SCHEMA_VERSION } from '../schema-version.js';

export function renderJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** Read a report JSON back, refusing a schema version this build does not know. */
export function parseReportJson(text: string, where = 'report'): Report {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new VerityError({ code: 'BAD_INPUT', component: 'report', problem: `${where} is not JSON (${(e as Error).message})`, fix: 'pass a file written by verity check --format json' });
  }
  const v = value as { schemaVersion?: unknown };
  if (typeof value !== 'object' || value === null || typeof v.schemaVersion !== 'number') {
    throw new VerityError({ code: 'BAD_INPUT', component: 'report', problem: `${where} has no schemaVersion`, fix: 'pass a file written by verity check --format json' });
  }
  if (v.schemaVersion > REPORT_SCHEMA_VERSION) {
    throw new VerityError({
      code: 'DB_VERSION',
      component: 'report',
      problem: `${where} has schemaVersion ${v.schemaVersion}; this build reads up to ${REPORT_SCHEMA_VERSION}`,
      fix: 'upgrade verity to read reports made by a newer version',
    });
  }
  return value as Report;
}
