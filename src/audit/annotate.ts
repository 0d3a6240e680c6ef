// The annotated article: the text with each flagged sentence marked and its notes beneath the
// paragraph; Markdown is written onto the original input (links kept), HTML is a clean page.
import { escapeMarkdownInline } from '../report/render/markdown-escape.js';
import { esc, flagsHtml, flagsMarkdown } from './flag-report.js';
import type { Article, AuditClaim, AuditFlag, AuditResult } from './types.js';

/** A flag as one line of a note: the message, then the computation when there is one. */
function noteText(f: AuditFlag): string {
  return f.computation && !f.message.includes(f.computation) ? `${f.message} (${f.computation})` : f.message;
}

function notesFor(claims: readonly AuditClaim[], first: number): Array<{ id: string; claim: AuditClaim }> {
  return claims.map((claim, i) => ({ id: `A${first + i}`, claim }));
}

function summaryLine(r: AuditResult): string {
  const s = r.summary;
  const sev = s.bySeverity ? ` (${s.bySeverity.error} error${s.bySeverity.error === 1 ? '' : 's'}, ${s.bySeverity.warning} warning${s.bySeverity.warning === 1 ? '' : 's'}, ${s.bySeverity.note} note${s.bySeverity.note === 1 ? '' : 's'})` : '';
  return `${s.claims} claims: ${s.supported} supported, ${s.contradicted} contradicted, ${s.unsupported} unsupported, ${s.unverifiable} unverifiable; ${s.flags} flag${s.flags === 1 ? '' : 's'}${sev}.`;
}

/**
 * The index of the block holding the span (the first such block), found by binary search on
 * the blocks' starts (blocks are in text order); -1 when none holds it.
 */
function blockOf(blocks: Article['blocks'], start: number, end: number): number {
  let lo = 0;
  let hi = blocks.length - 1;
  let at = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid]!.start <= start) {
      at = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  // Blocks that start at the same offset: the first of them that holds the span, as a scan from the start would find.
  while (at > 0 && blocks[at - 1]!.start === blocks[at]!.start) at--;
  for (let i = at; i >= 0 && i < blocks.length && blocks[i]!.start <= start; i++) if (blocks[i]!.end >= end) return i;
  return blocks.findIndex((b) => b.start <= start && b.end >= end);
}

/** Flagged claims' notes grouped by the block that holds them, in claim order. */
function notesByBlock(article: Article, notes: Array<{ id: string; claim: AuditClaim }>): Map<number, Array<{ id: string; claim: AuditClaim }>> {
  const byBlock = new Map<number, Array<{ id: string; claim: AuditClaim }>>();
  for (const n of notes) {
    const block = blockOf(article.blocks, n.claim.start, n.claim.end);
    const list = byBlock.get(block);
    if (list) list.push(n);
    else byBlock.set(block, [n]);
  }
  return byBlock;
}

/** Markdown: `<mark>` around each flagged sentence with a note id, and the notes as a quote under its block. */
export function annotateMarkdown(article: Article, result: AuditResult): string {
  const flagged = result.claims.filter((c) => c.flags.length > 0);
  const toInput = (i: number, end = false): number => {
    if (article.origin.length === 0) return i;
    return end ? (article.origin[i - 1] ?? 0) + 1 : (article.origin[i] ?? 0);
  };
  // Insertions into the input. `order` settles edits at the same offset: a block's notes go after the closing mark of its last sentence.
  const edits: Array<{ at: number; text: string; order: number }> = [];
  const ids = notesFor(flagged, 1);
  for (const n of ids) {
    edits.push({ at: toInput(n.claim.start), text: '<mark>', order: 2 });
    edits.push({ at: toInput(n.claim.end, true), text: `</mark><sup>${n.id}</sup>`, order: 1 });
  }
  for (const [block, notes] of notesByBlock(article, ids)) {
    const b = article.blocks[block];
    if (!b) continue;
    const lines = notes.flatMap((n) => n.claim.flags.map((f) => `> **${n.id} · ${f.kind}:** ${escapeMarkdownInline(noteText(f))}`));
    edits.push({ at: toInput(b.end, true), text: `\n\n${lines.join('\n>\n')}`, order: 0 });
  }
  // Written front to back in one pass (the order an insertion from the end, edit by edit, would give).
  edits.sort((a, b) => b.at - a.at || a.order - b.order).reverse();
  const input = article.origin.length === 0 ? article.text : article.source;
  const parts: string[] = [];
  let pos = 0;
  for (const e of edits) {
    parts.push(input.slice(pos, e.at), e.text);
    pos = Math.max(pos, e.at);
  }
  parts.push(input.slice(pos));
  return `${parts.join('').trimEnd()}\n\n---\n\n**Audit:** ${summaryLine(result)}\n\n${flagsMarkdown(result)}`;
}


/** HTML: a clean page of the article text, flagged sentences in <mark>, notes in an <aside> under each block. */
export function annotateHtml(article: Article, result: AuditResult): string {
  const flagged = notesByBlock(article, notesFor(result.claims.filter((c) => c.flags.length > 0), 1));
  const parts: string[] = [];
  for (const [i, b] of article.blocks.entries()) {
    const inside = flagged.get(i) ?? [];
    let html = '';
    let pos = b.start;
    for (const n of inside) {
      html += esc(article.text.slice(pos, n.claim.start));
      html += `<mark class="flag" id="${n.id}">${esc(article.text.slice(n.claim.start, n.claim.end))}</mark><sup><a href="#note-${n.id}">${n.id}</a></sup>`;
      pos = n.claim.end;
    }
    html += esc(article.text.slice(pos, b.end));
    const tag = b.kind === 'heading' ? 'h2' : b.kind === 'quote' ? 'blockquote' : b.kind === 'list-item' ? 'li' : 'p';
    const cls = b.kind === 'chrome' || b.kind === 'byline' ? ` class="${b.kind}"` : '';
    parts.push(b.kind === 'list-item' ? `<ul><li>${html}</li></ul>` : `<${tag}${cls}>${html}</${tag}>`);
    if (inside.length > 0) {
      const items = inside.flatMap((n) => n.claim.flags.map((f) => `<li id="note-${n.id}"><strong>${n.id} · ${esc(f.kind)}:</strong> ${esc(noteText(f))}</li>`));
      parts.push(`<aside class="audit-notes"><ul>${items.join('')}</ul></aside>`);
    }
  }
  const title = esc(result.title ?? 'Article audit');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Audit: ${title}</title>
<style>body{max-width:46rem;margin:2rem auto;font:16px/1.55 system-ui,sans-serif;padding:0 1rem}mark.flag{background:#ffe08a}p.chrome{color:#888;font-size:.85em}p.byline{color:#555}section.audit-flags h3.error{color:#b91c1c}section.audit-flags h3.warning{color:#b45309}aside.audit-notes{border-left:4px solid #d97706;background:#fff8eb;margin:.5rem 0 1.2rem;padding:.3rem .8rem;font-size:.92em}</style>
</head><body>
<p><strong>Audit:</strong> ${esc(summaryLine(result))}</p>
${flagsHtml(result)}
${parts.join('\n')}
</body></html>
`;
}

/** The JSON document of an audit (the shape, plus references, summary by kind, warnings). */
export function auditJson(result: AuditResult): unknown {
  return {
    schemaVersion: result.schemaVersion,
    title: result.title,
    claims: result.claims.map((c) => ({
      text: c.text,
      start: c.start,
      end: c.end,
      status: c.status,
      kind: c.kind,
      citations: c.citations,
      references: c.references,
      figures: c.figures,
      flags: c.flags,
      cited: c.cited,
      corpus: c.corpus,
    })),
    references: result.references,
    summary: result.summary,
    missingReferences: result.missingReferences,
    warnings: result.warnings,
    timingsMs: result.timingsMs,
  };
}
