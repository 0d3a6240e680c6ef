// The WiCE articles as a user would save them: each claim's evidence holds one or more cited web
// pages, each starting with "(meta data) TITLE: …" and followed by other "(meta data)" lines
// (AUTHOR, PUBLISHER, PUBLISHED DATETIME, COPYRIGHT) and the page's lines. Every page becomes a
// Markdown file with YAML front matter (title, publisher, author, date) and its lines as
// paragraphs; no kind is given, so the loader's own inference is what is measured.
import { createHash } from 'node:crypto';

export interface WiceArticle {
  /** A short content hash: the same page cited by two claims is one article. */
  id: string;
  title: string;
  publisher: string | null;
  author: string | null;
  date: string | null;
  /** The page's lines (meta data removed), in order. */
  lines: string[];
}

const META = /^\(meta data\)\s*([A-Z ]+):\s*(.*)$/;

/** Splits a claim's evidence sentences into its cited pages (a page starts at a TITLE line). */
export function wiceArticles(evidence: readonly string[]): WiceArticle[] {
  const pages: Array<{ meta: Map<string, string>; lines: string[] }> = [];
  let cur: { meta: Map<string, string>; lines: string[] } | null = null;
  for (const raw of evidence) {
    const line = raw.trim();
    const m = META.exec(line);
    // A TITLE line, or a meta line after body text, starts the next page.
    if (cur === null || (m && (m[1] === 'TITLE' || cur.lines.length > 0))) {
      cur = { meta: new Map(), lines: [] };
      pages.push(cur);
    }
    if (m) {
      if (!cur.meta.has(m[1]!)) cur.meta.set(m[1]!, (m[2] ?? '').trim());
    } else if (line !== '') cur.lines.push(line);
  }
  return pages
    .filter((p) => p.lines.length > 0)
    .map((p) => {
      const title = p.meta.get('TITLE') || p.lines[0]!.slice(0, 80);
      const id = createHash('sha256').update(`${title}\n${p.lines.join('\n')}`).digest('hex').slice(0, 16);
      return { id, title, publisher: p.meta.get('PUBLISHER') || null, author: p.meta.get('AUTHOR') || null, date: isoDay(p.meta.get('PUBLISHED DATETIME')), lines: p.lines };
    });
}

/** "2014-03-18T13:03:00PDT" → "2014-03-18"; anything without a leading ISO day → null. */
function isoDay(value: string | undefined): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(value ?? '');
  return m ? m[1]! : null;
}

/** The page as a Markdown file: front matter, then each line as its own paragraph. */
export function articleMarkdown(a: WiceArticle): string {
  const fm = [`title: ${JSON.stringify(a.title)}`];
  if (a.publisher) fm.push(`publisher: ${JSON.stringify(a.publisher)}`);
  if (a.author) fm.push(`author: ${JSON.stringify(a.author)}`);
  if (a.date) fm.push(`date: ${JSON.stringify(a.date)}`);
  return `---\n${fm.join('\n')}\n---\n\n${a.lines.join('\n\n')}\n`;
}
