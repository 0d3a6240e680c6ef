// The severity of each flag kind: what a newsroom's CI fails on ("error") and what it lists.
import type { AuditFlag, FlagKind, Severity } from './types.js';

const SEVERITY: Partial<Record<FlagKind, Severity>> = {
  arithmetic: 'error',
  'internal-inconsistency': 'error',
  'figure-source-mismatch': 'error',
  'date-source-mismatch': 'error',
  contradicted: 'error',
  'citation-unsupported': 'warning',
  'figure-meaning-mismatch': 'warning',
  uncited: 'note',
};

/** A kind's severity; a kind with none set is a warning. */
export function severityOf(kind: FlagKind): Severity {
  return SEVERITY[kind] ?? 'warning';
}

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'note'];

/** The flag with its severity set (kept when already set). */
export function withSeverity(flag: AuditFlag): AuditFlag {
  return flag.severity ? flag : { ...flag, severity: severityOf(flag.kind) };
}
