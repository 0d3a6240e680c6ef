// HTML: the main content via Readability over linkedom; title, author, date and publisher from
// meta tags (Open Graph, Dublin Core, citation_*, article:*), falling back to Readability's.
import { parseHTML } from 'linkedom';
import { VerityError, quote } from '../../errors.js';
import { normalizeDate, type MetaPatch } from './metadata.js';
import { guardedReadability, type ReadabilityLimits } from './readability-guard.js';

interface MiniNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<MiniNode>;
}
interface MiniDocument {
  title: string;
  body: MiniNode | null;
  documentElement: { getAttribute(name: string): string | null } | null;
  querySelector(selector: string): { getAttribute(name: string): string | null; textContent: string | null } | null;
  querySelectorAll(selector: string): ArrayLike<{ getAttribute(name: string): string | null }>;
}

const BLOCK = new Set(
  'ADDRESS ARTICLE ASIDE BLOCKQUOTE BR DD DIV DL DT FIGCAPTION FIGURE FOOTER FORM H1 H2 H3 H4 H5 H6 HEADER HR LI MAIN NAV OL P PRE SECTION TABLE TBODY TD TH THEAD TR UL CAPTION'.split(' '),
);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'HEAD']);

const META_KEYS = ['property', 'name', 'itemprop'] as const;
/** Each meta key (by attribute) and the content of its first tag in document order. */
type MetaIndex = Record<(typeof META_KEYS)[number], Map<string, string | null>>;

/** The page's meta tags, read in one pass (one selector per name would scan the whole page ~80 times). */
function metaIndex(doc: MiniDocument): MetaIndex {
  const index: MetaIndex = { property: new Map(), name: new Map(), itemprop: new Map() };
  const metas = doc.querySelectorAll('meta');
  for (let i = 0; i < metas.length; i++) {
    const el = metas[i];
    if (!el) continue;
    for (const attr of META_KEYS) {
      const key = el.getAttribute(attr);
      if (key !== null && !index[attr].has(key)) index[attr].set(key, el.getAttribute('content'));
    }
  }
  return index;
}

/** The first name with content: for each, its first tag by property, else by name, else by itemprop. */
function metaContent(index: MetaIndex, names: string[]): string | null {
  for (const n of names) {
    const attr = META_KEYS.find((a) => index[a].has(n));
    const v = attr ? index[attr].get(n)?.trim() : undefined;
    if (v) return v;
  }
  return null;
}

/** Plain text of a DOM subtree: one block per paragraph, whitespace collapsed inside blocks.
 *  Iterative (an explicit stack), so a page nested 100,000 levels deep cannot overflow the call stack. */
export function domToText(root: MiniNode): string {
  const blocks: string[] = [];
  let current = '';
  const flush = (): void => {
    const t = current.replace(/\s+/g, ' ').trim();
    if (t) blocks.push(t);
    current = '';
  };
  // A frame is a node to enter, or the name of an element to leave (its closing work).
  const stack: Array<MiniNode | { leave: string }> = [root];
  while (stack.length > 0) {
    const node = stack.pop() as MiniNode | { leave: string };
    if ('leave' in node) {
      if (BLOCK.has(node.leave)) flush();
      else if (node.leave === 'TD' || node.leave === 'TH') current += ' ';
      continue;
    }
    if (node.nodeType === 3) {
      current += node.textContent ?? '';
      continue;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) continue;
    const name = node.nodeName.toUpperCase();
    if (SKIP.has(name)) continue;
    if (BLOCK.has(name)) flush();
    stack.push({ leave: name });
    // Read once: a DOM's `childNodes` may be built afresh on every read (linkedom walks the
    // children each time), and reading it per child made this walk quadratic in a wide element.
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (child) stack.push(child);
    }
  }
  flush();
  return blocks.join('\n\n');
}

/**
 * Most tags a page may have (default): its DOM is built whole, at about 0.6 KB an element, so a
 * 50 MiB page of 5 M empty elements would take several GB. A million stays under the 1 GB target.
 */
export const MAX_HTML_TAGS = 1_000_000;

/** How many tags (`<` and a letter, or `</`) `html` has, counting up to `stopAfter` at most. */
export function countTags(html: string, stopAfter: number): number {
  let n = 0;
  for (let i = html.indexOf('<'); i >= 0 && n <= stopAfter; i = html.indexOf('<', i + 1)) {
    const c = html.charCodeAt(i + 1);
    if (c === 47 || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) n++;
  }
  return n;
}

export function loadHtml(html: string, path: string, limits: ReadabilityLimits & { maxTags?: number } = {}): { meta: MetaPatch; text: string; warnings: string[] } {
  const maxTags = limits.maxTags ?? MAX_HTML_TAGS;
  const tags = countTags(html, maxTags);
  if (tags > maxTags) {
    throw new VerityError({
      code: 'TOO_LARGE',
      component: 'ingest',
      problem: `cannot read ${quote(path)}: the page has more than ${maxTags.toLocaleString('en')} tags (the limit, which keeps its parsed form under 1 GB)`,
      fix: 'save the page as plain text (e.g. from the browser) and ingest that, or split it',
    });
  }
  let { document } = parseHTML(html) as unknown as { document: MiniDocument };
  // Text with no root element (an empty file, a bare fragment) is read as the body of a page.
  if (!document.documentElement) ({ document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`) as unknown as { document: MiniDocument });
  const meta: MetaPatch = {};
  const metas = metaIndex(document);
  const title = metaContent(metas, ['og:title', 'citation_title', 'dc.title', 'DC.title', 'twitter:title']) ?? (document.title?.trim() || null);
  if (title) meta.title = title;
  const author = metaContent(metas, ['author', 'citation_author', 'dc.creator', 'DC.creator', 'article:author']);
  if (author) meta.author = author;
  const date = normalizeDate(metaContent(metas, ['article:published_time', 'citation_publication_date', 'citation_date', 'dc.date', 'DC.date', 'date', 'datePublished', 'pubdate']));
  if (date) meta.publishedAt = date;
  const publisher = metaContent(metas, ['og:site_name', 'citation_publisher', 'dc.publisher', 'DC.publisher', 'publisher', 'application-name']);
  if (publisher) meta.publisher = publisher;
  const lang = document.documentElement?.getAttribute('lang')?.trim();
  if (lang) meta.language = lang;
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? metaContent(metas, ['og:url']);
  if (canonical && /^https?:\/\//.test(canonical)) meta.uri = canonical;

  const bodyText = document.body ? domToText(document.body) : '';
  if (bodyText.trim() === '') {
    throw new VerityError({
      code: 'BAD_INPUT',
      component: 'ingest',
      problem: `cannot read ${quote(path)}: the HTML has no body text`,
      fix: 'check the file is the saved page (not an empty shell that loads content with JavaScript)',
    });
  }
  let text = bodyText;
  const warnings: string[] = [];
  const { article, skipped } = guardedReadability(document, document.body, limits);
  if (skipped) warnings.push(`${quote(path)}: ${skipped}`);
  if (article?.content) {
    const { document: inner } = parseHTML(`<html><body>${article.content}</body></html>`) as unknown as { document: MiniDocument };
    const main = inner.body ? domToText(inner.body) : '';
    if (main.trim() !== '') text = main;
  }
  if (article) {
    if (!meta.author && article.byline) meta.author = article.byline.trim();
    if (!meta.publisher && article.siteName) meta.publisher = article.siteName.trim();
    if (!meta.publishedAt && article.publishedTime) {
      const d = normalizeDate(article.publishedTime);
      if (d) meta.publishedAt = d;
    }
    if (!meta.title && article.title) meta.title = article.title.trim();
    if (!meta.language && article.lang) meta.language = article.lang;
  }
  return { meta, text, warnings };
}
