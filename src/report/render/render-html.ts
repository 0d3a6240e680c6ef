// HTML rendering: one self-contained article page (inline CSS, no scripts, no external
// resources). Every value is escaped; citation marks become links to the sources list; a
// sentence that failed verification is shown struck through with the verifier's reason.
import type { Report, ReportSentence } from '../../model.js';
import { kindLabel } from './kind-label.js';

const LABELS: Record<string, string> = { supported: 'Supported', refuted: 'Refuted', mixed: 'Mixed', unproven: 'Unproven' };

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Escaped text with "[n]" turned into links to source n (only numbers that are in the sources list). */
function linkCitations(text: string, known: ReadonlySet<number>): string {
  return escapeHtml(text).replace(/\[(\d+)\]/g, (m, d: string) => {
    const n = Number(d);
    return known.has(n) ? `<a class="cite" href="#source-${n}">[${n}]</a>` : m;
  });
}

function sentence(s: ReportSentence, known: ReadonlySet<number>): string {
  const body = linkCitations(s.text, known);
  if (s.verified) return `<span class="s">${body}</span>`;
  return `<span class="s unverified">${body}</span> <span class="flag">unverified: ${escapeHtml(s.why)}</span>`;
}

function paragraph(sentences: readonly ReportSentence[], known: ReadonlySet<number>, empty: string): string {
  if (sentences.length === 0) return `<p class="empty">${escapeHtml(empty)}</p>`;
  return `<p>${sentences.map((s) => sentence(s, known)).join(' ')}</p>`;
}

const CSS = `
:root { color-scheme: light; --ink: #1d1d1f; --muted: #5f6368; --rule: #dadce0; --accent: #1a5fb4; }
* { box-sizing: border-box; }
body { margin: 0; background: #fbfbf8; color: var(--ink); font: 18px/1.6 Georgia, "Times New Roman", serif; }
main { max-width: 46rem; margin: 0 auto; padding: 2.5rem 1.25rem 4rem; }
header .kicker { font: 600 0.8rem/1 system-ui, sans-serif; letter-spacing: .08em; text-transform: uppercase; color: var(--muted); }
h1 { font-size: 2rem; line-height: 1.2; margin: .4rem 0 1rem; }
h2 { font: 700 1.15rem/1.3 system-ui, sans-serif; margin: 2.2rem 0 .6rem; border-top: 1px solid var(--rule); padding-top: 1.2rem; }
h2 .n { color: var(--accent); margin-right: .4rem; }
p { margin: 0 0 1rem; }
a { color: var(--accent); }
a.cite { text-decoration: none; font: 600 .75em/1 system-ui, sans-serif; vertical-align: super; padding: 0 .1em; }
td a.cite { vertical-align: baseline; font-size: 1em; }
.verdict { display: flex; gap: .8rem; align-items: baseline; padding: .9rem 1rem; border-radius: .5rem; background: #f1f3f4; margin: 1rem 0 1.5rem; font-family: system-ui, sans-serif; font-size: .95rem; }
.badge { font-weight: 700; text-transform: uppercase; letter-spacing: .05em; padding: .25rem .6rem; border-radius: .3rem; color: #fff; white-space: nowrap; }
.badge.supported { background: #1e7e34; } .badge.refuted { background: #b3261e; } .badge.mixed { background: #b35c00; } .badge.unproven { background: #5f6368; }
.summary { font-size: 1.08rem; }
.unverified { text-decoration: line-through; text-decoration-color: #b3261e; color: var(--muted); }
.flag { font: 600 .75rem/1.2 system-ui, sans-serif; color: #fff; background: #b3261e; border-radius: .25rem; padding: .1rem .35rem; }
.empty { color: var(--muted); font-style: italic; }
table { width: 100%; border-collapse: collapse; font: .85rem/1.4 system-ui, sans-serif; margin: .5rem 0 1rem; }
th, td { text-align: left; padding: .4rem .5rem; border-bottom: 1px solid var(--rule); vertical-align: top; }
th { color: var(--muted); font-weight: 600; }
td.no { color: #b3261e; font-weight: 700; }
ol.sources { padding-left: 0; list-style: none; font-size: .92rem; }
ol.sources li { margin: 0 0 .6rem; padding-left: 2.4rem; text-indent: -2.4rem; }
ol.sources li:target { background: #fff6d5; }
.kind { font: .75rem/1 system-ui, sans-serif; color: var(--muted); border: 1px solid var(--rule); border-radius: .25rem; padding: .1rem .3rem; }
ul.facets { font: .85rem/1.5 system-ui, sans-serif; color: var(--muted); padding-left: 1.2rem; }
.confidence-note { font: .85rem/1.45 system-ui, sans-serif; color: var(--muted); margin: .4rem 0 0; }
footer { margin-top: 2.5rem; border-top: 1px solid var(--rule); padding-top: 1rem; font: .8rem/1.5 system-ui, sans-serif; color: var(--muted); }
`;

/**
 * What a verdict's confidence means, in words: the chance that the verdict is right, as measured
 * on real claims checked against the pages they cite (docs/bench-real.md).
 */
export function confidenceMeaning(confidence: number): string {
  const n = Math.round(Math.min(1, Math.max(0, confidence)) * 100);
  return `What the confidence means: the estimated chance that this verdict is right. Of verdicts given with confidence ${confidence.toFixed(2)}, about ${n} in 100 proved right when real claims were checked against the pages they cite; it measures how far the quoted sources state the claim, not how true the claim is in the world.`;
}

export function renderHtml(report: Report): string {
  const known = new Set(report.sources.map((s) => s.n));
  const parts: string[] = [];
  parts.push('<!doctype html>', '<html lang="en">', '<head>', '<meta charset="utf-8">', '<meta name="viewport" content="width=device-width, initial-scale=1">');
  parts.push(`<title>${escapeHtml(report.title)}</title>`, `<style>${CSS}</style>`, '</head>', '<body>', '<main>', '<article>');
  parts.push('<header>', `<div class="kicker">Verity fact check · ${report.kind}</div>`, `<h1>${escapeHtml(report.title)}</h1>`);
  if (report.about !== undefined) parts.push(`<p class="about">Checked as being about: ${escapeHtml(report.about)}</p>`);
  if (report.verdict) {
    const label = LABELS[report.verdict.label] ?? report.verdict.label;
    parts.push(
      `<div class="verdict"><span class="badge ${escapeHtml(report.verdict.label)}">${escapeHtml(label)}</span>` +
        `<span>Confidence ${report.verdict.confidence.toFixed(2)}. ${escapeHtml(report.verdict.reason)}</span></div>`,
      `<p class="confidence-note">${escapeHtml(confidenceMeaning(report.verdict.confidence))}</p>`,
    );
  }
  parts.push('</header>');
  parts.push('<section id="summary"><h2>Executive summary</h2>', `<div class="summary">${paragraph(report.summary, known, 'No evidence in the corpus addresses this input.')}</div></section>`);
  let n = 0;
  for (const f of report.findings) {
    n++;
    parts.push(`<section id="finding-${n}"><h2><span class="n">${n}.</span>${escapeHtml(f.headline)}</h2>${paragraph(f.sentences, known, '')}</section>`);
  }
  n++;
  parts.push(`<section id="gaps"><h2><span class="n">${n}.</span>Where the evidence leaves gaps</h2>${paragraph(report.gaps, known, 'No gap was measured.')}</section>`);
  n++;
  parts.push(`<section id="perspectives"><h2><span class="n">${n}.</span>Competing perspectives</h2>${paragraph(report.perspectives, known, 'No sources to compare.')}</section>`);
  if (report.figures.length > 0) {
    parts.push('<section id="figures"><h2>Figures</h2><table><thead><tr><th>Figure</th><th>What it counts</th><th>Out of</th><th>Source</th><th>Agrees</th><th>Note</th></tr></thead><tbody>');
    for (const f of report.figures) {
      parts.push(
        `<tr><td>${escapeHtml(f.text)}</td><td>${escapeHtml(f.counts ?? f.unit ?? '—')}</td><td>${f.whole ?? '—'}</td>` +
          `<td>${linkCitations(`[${f.source}]`, known)}</td><td class="${f.agrees ? 'yes' : 'no'}">${f.agrees ? 'yes' : 'no'}</td><td>${linkCitations(f.note ?? '', known)}</td></tr>`,
      );
    }
    parts.push('</tbody></table></section>');
  }
  parts.push('<section id="sources"><h2>Sources</h2><ol class="sources">');
  for (const s of report.sources) {
    const publisher = s.publisher ? ` — ${escapeHtml(s.publisher)}` : '';
    const safeUri = /^(?:https?:|file:|urn:)/i.test(s.uri) ? s.uri : `#source-${s.n}`;
    // Web sources open in a new tab: the report may be shown framed (verity serve), where the frame may not navigate away.
    parts.push(
      `<li id="source-${s.n}">[${s.n}] <a href="${escapeHtml(safeUri)}"${/^https?:/i.test(safeUri) ? ' target="_blank" rel="noopener noreferrer"' : ''}>${escapeHtml(s.title)}</a>${publisher}, ${escapeHtml(s.date ?? 'undated')}. <span class="kind">${escapeHtml(kindLabel(s.kind))}</span></li>`,
    );
  }
  parts.push('</ol></section>');
  if (report.facets && report.facets.length > 0) {
    parts.push('<section id="facets"><h2>How the input was read</h2><ul class="facets">');
    for (const f of report.facets) {
      const v = f.verdict ? ` — ${escapeHtml(LABELS[f.verdict.label] ?? f.verdict.label)} (${f.verdict.confidence.toFixed(2)})` : '';
      parts.push(`<li>${escapeHtml(f.label)}: ${f.passages} passage${f.passages === 1 ? '' : 's'} read${v}</li>`);
    }
    parts.push('</ul></section>');
  }
  const p = report.provenance;
  const timings = Object.entries(p.timingsMs).map(([k, v]) => `${escapeHtml(k)} ${v} ms`).join(', ');
  parts.push(
    `<footer>Made by ${escapeHtml(p.engine)} ${escapeHtml(p.engineVersion)} · analyst: ${escapeHtml(p.analyst)} · corpus snapshot <code>${escapeHtml(p.corpusSnapshot)}</code> · ${escapeHtml(p.createdAt)} · ${timings}` +
      (p.warnings.length > 0 ? `<br>${p.warnings.map((w) => `Warning: ${escapeHtml(w)}`).join('<br>')}` : '') +
      '</footer>',
  );
  parts.push('</article>', '</main>', '</body>', '</html>', '');
  return parts.join('\n');
}
