// Markdown rendering of a verified report (the house style in REPORT.md). A sentence that
// failed verification is kept, followed by a visible flag with the verifier's reason.
import type { Report, ReportSentence } from '../../model.js';
import { escapeMarkdownInline as escapeInline, markdownAddress } from './markdown-escape.js';
import { kindLabel } from './kind-label.js';

const LABELS: Record<string, string> = { supported: 'Supported', refuted: 'Refuted', mixed: 'Mixed', unproven: 'Unproven' };

function sentence(s: ReportSentence): string {
  const text = escapeInline(s.text);
  return s.verified ? text : `${text} **⚠ unverified: ${escapeInline(s.why)}**`;
}

function paragraph(sentences: readonly ReportSentence[]): string {
  return sentences.map(sentence).join(' ');
}

function cell(text: string): string {
  return escapeInline(text).replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

export function renderMarkdown(report: Report): string {
  const out: string[] = [];
  out.push(`# ${escapeInline(report.title)}`, '');
  if (report.about !== undefined) out.push(`_Checked as being about: ${escapeInline(report.about)}_`, '');
  if (report.verdict) {
    const label = LABELS[report.verdict.label] ?? report.verdict.label;
    out.push(`**Verdict: ${label}** (confidence ${report.verdict.confidence.toFixed(2)}). ${escapeInline(report.verdict.reason)}`, '');
  }
  out.push('## Executive summary', '', report.summary.length > 0 ? paragraph(report.summary) : '_No evidence in the corpus addresses this input._', '');
  let n = 0;
  for (const f of report.findings) {
    n++;
    out.push(`## ${n}. ${escapeInline(f.headline)}`, '', paragraph(f.sentences), '');
  }
  n++;
  out.push(`## ${n}. Where the evidence leaves gaps`, '', report.gaps.length > 0 ? paragraph(report.gaps) : '_No gap was measured._', '');
  n++;
  out.push(`## ${n}. Competing perspectives`, '', report.perspectives.length > 0 ? paragraph(report.perspectives) : '_No sources to compare._', '');
  if (report.figures.length > 0) {
    out.push('## Figures', '', '| Figure | What it counts | Out of | Source | Agrees | Note |', '| --- | --- | --- | --- | --- | --- |');
    for (const f of report.figures) {
      out.push(`| ${cell(f.text)} | ${cell(f.counts ?? f.unit ?? '—')} | ${f.whole ?? '—'} | [${f.source}] | ${f.agrees ? 'yes' : '**no**'} | ${cell(f.note ?? '')} |`);
    }
    out.push('');
  }
  out.push('## Sources', '');
  for (const s of report.sources) {
    const publisher = s.publisher ? ` — ${escapeInline(s.publisher)}` : '';
    out.push(`[${s.n}] ${escapeInline(s.title)}${publisher}, ${s.date ?? 'undated'}. ${markdownAddress(s.uri)} (${kindLabel(s.kind)})  `);
  }
  out.push('');
  const p = report.provenance;
  const timings = Object.entries(p.timingsMs).map(([k, v]) => `${k} ${v} ms`).join(', ');
  if (report.facets && report.facets.length > 0) {
    out.push('## How the input was read', '');
    for (const f of report.facets) {
      const v = f.verdict ? ` — ${LABELS[f.verdict.label] ?? f.verdict.label} (${f.verdict.confidence.toFixed(2)})` : '';
      out.push(`- ${escapeInline(f.label)}: ${f.passages} passage${f.passages === 1 ? '' : 's'} read${v}`);
    }
    out.push('');
  }
  out.push('---', '', `_Made by ${p.engine} ${p.engineVersion} · analyst: ${p.analyst} · corpus snapshot ${p.corpusSnapshot} · ${p.createdAt} · ${timings}_`);
  if (p.warnings.length > 0) out.push('', ...p.warnings.map((w) => `_Warning: ${escapeInline(w)}_  `));
  out.push('');
  return out.join('\n');
}
