// The flags of an audit grouped by severity, for a reader to act on: each with the sentence it is
// about, the other sentences involved, the computation and a suggested correction.
import { escapeMarkdownInline } from '../report/render/markdown-escape.js';
import { SEVERITIES } from './severity.js';
import type { AuditFlag, AuditResult, Severity } from './types.js';

export interface FlagEntry {
  /** The note id the annotated text uses (A1, A2 …). */
  id: string;
  sentence: string;
  flag: AuditFlag;
}

const HEADINGS: Record<Severity, string> = { error: 'Errors', warning: 'Warnings', note: 'Notes' };

/** Flags by severity, errors first; ids number the flagged claims in reading order as the annotations do. */
export function flagsBySeverity(result: AuditResult): Array<{ severity: Severity; entries: FlagEntry[] }> {
  const entries: FlagEntry[] = result.claims
    .filter((c) => c.flags.length > 0)
    .flatMap((c, i) => c.flags.map((flag) => ({ id: `A${i + 1}`, sentence: c.text, flag })));
  return SEVERITIES.map((severity) => ({ severity, entries: entries.filter((e) => (e.flag.severity ?? 'warning') === severity) })).filter((g) => g.entries.length > 0);
}

/** Text from the article or a source, on one line and inert as Markdown (no link, image or raw HTML). */
function oneLine(s: string): string {
  return escapeMarkdownInline(s.replace(/\s+/g, ' ').trim());
}

/** The Markdown section: "## Flags by severity", then errors, warnings and notes. */
export function flagsMarkdown(result: AuditResult): string {
  const groups = flagsBySeverity(result);
  const lines: string[] = ['## Flags by severity', ''];
  if (groups.length === 0) lines.push('No flags.', '');
  for (const g of groups) {
    lines.push(`### ${HEADINGS[g.severity]} (${g.entries.length})`, '');
    for (const e of g.entries) {
      const kind = e.flag.check ? `${e.flag.kind} · ${e.flag.check}` : e.flag.kind;
      lines.push(`- **${e.id} · ${kind}:** ${oneLine(e.flag.message)}`);
      lines.push(`  - Sentence: "${oneLine(e.sentence)}"`);
      for (const ev of e.flag.evidence.filter((x) => x.from === 'article')) lines.push(`  - With: "${oneLine(ev.text)}"`);
      if (e.flag.computation) lines.push(`  - Computation: ${oneLine(e.flag.computation)}`);
      if (e.flag.suggestion) lines.push(`  - Suggestion: ${oneLine(e.flag.suggestion)}`);
    }
    lines.push('');
  }
  if (result.warnings.length > 0) lines.push('### Notes on the audit', '', ...result.warnings.map((w) => `- ${oneLine(w)}`), '');
  return lines.join('\n');
}

/** Text for HTML. */
export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The HTML section, same content as the Markdown one. */
export function flagsHtml(result: AuditResult): string {
  const groups = flagsBySeverity(result);
  const parts: string[] = ['<section class="audit-flags"><h2>Flags by severity</h2>'];
  if (groups.length === 0) parts.push('<p>No flags.</p>');
  for (const g of groups) {
    parts.push(`<h3 class="${g.severity}">${HEADINGS[g.severity]} (${g.entries.length})</h3><ul>`);
    for (const e of g.entries) {
      const kind = e.flag.check ? `${e.flag.kind} · ${e.flag.check}` : e.flag.kind;
      const extra = [
        `<li>Sentence: <q>${esc(oneLine(e.sentence))}</q></li>`,
        ...e.flag.evidence.filter((x) => x.from === 'article').map((x) => `<li>With: <q>${esc(oneLine(x.text))}</q></li>`),
        e.flag.computation ? `<li>Computation: <code>${esc(e.flag.computation)}</code></li>` : '',
        e.flag.suggestion ? `<li>Suggestion: ${esc(e.flag.suggestion)}</li>` : '',
      ].join('');
      parts.push(`<li class="${g.severity}"><a href="#${e.id}">${e.id}</a> · <strong>${esc(kind)}:</strong> ${esc(oneLine(e.flag.message))}<ul>${extra}</ul></li>`);
    }
    parts.push('</ul>');
  }
  if (result.warnings.length > 0) parts.push(`<h3>Notes on the audit</h3><ul>${result.warnings.map((w) => `<li>${esc(w)}</li>`).join('')}</ul>`);
  parts.push('</section>');
  return parts.join('\n');
}
