// Reading an HTML article: text by blocks, citation markers (<sup>, #ref links), inline links and
// the sources list (an <ol>/<ul> under a References/Sources heading, or a list marked as references).
import { createRequire } from 'node:module';
import type { parseHTML } from 'linkedom';
import { VerityError } from '../../errors.js';
import { MARKER, highestMarker, markerNumbers } from './citations.js';
import { REFERENCE_HEADING, parseEntry } from './reference-entry.js';
import { normaliseUrl } from './url.js';
import type { Article, ArticleBlock, ArticleReference, CitationMark } from '../types.js';

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'NAV', 'TEMPLATE', 'SVG', 'IFRAME', 'FORM', 'BUTTON', 'HEAD']);
const BLOCKS: Record<string, ArticleBlock['kind']> = {
  P: 'paragraph',
  DIV: 'paragraph',
  SECTION: 'paragraph',
  ARTICLE: 'paragraph',
  MAIN: 'paragraph',
  TD: 'cell',
  TH: 'cell',
  FIGCAPTION: 'paragraph',
  DD: 'paragraph',
  DT: 'paragraph',
  H1: 'heading',
  H2: 'heading',
  H3: 'heading',
  H4: 'heading',
  H5: 'heading',
  H6: 'heading',
  LI: 'list-item',
  BLOCKQUOTE: 'quote',
};
const REF_CONTAINER = /(?:^|[-_\s])(?:references?|footnotes?|endnotes?|sources|bibliography|citations?|reflist)(?:$|[-_\s])/i;

// Structural view of the DOM nodes linkedom gives us (it ships loose types).
interface HNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<HNode>;
  getAttribute?(name: string): string | null;
  nextElementSibling?: HNode | null;
  querySelectorAll?(selector: string): ArrayLike<HNode>;
}

// linkedom costs ~150 ms to load; it is loaded (synchronously, so reading stays synchronous) on
// the first HTML article only, not by every `verity audit` of a Markdown or text file.
let parser: typeof parseHTML | null = null;
function htmlParser(): typeof parseHTML {
  if (parser) return parser;
  try {
    parser = (createRequire(import.meta.url)('linkedom') as { parseHTML: typeof parseHTML }).parseHTML;
  } catch (cause) {
    throw new VerityError({ code: 'NOT_FOUND', component: 'audit', problem: 'cannot load the HTML parser package "linkedom" to read an HTML article', fix: 'run "npm install" in the Verity folder (linkedom is a dependency)', cause });
  }
  return parser;
}

export function readHtmlArticle(input: string): Article {
  const { document } = htmlParser()(input.includes('<html') ? input : `<!doctype html><html><body>${input}</body></html>`) as unknown as {
    document: { title: string; body: HNode | null; documentElement: HNode; querySelectorAll(s: string): ArrayLike<HNode> };
  };
  const root = document.body ?? document.documentElement;
  const references: ArticleReference[] = [];
  const refNodes = new Set<HNode>();

  // Sources lists: lists after a references heading, or lists/sections whose id/class says so.
  const addList = (list: HNode): void => {
    if (refNodes.has(list)) return;
    refNodes.add(list);
    const startAttr = Number(list.getAttribute?.('start') ?? '1');
    let n = Number.isInteger(startAttr) && startAttr > 0 ? startAttr : 1;
    for (const li of Array.from(list.childNodes)) {
      if (li.nodeName !== 'LI') continue;
      const value = Number(li.getAttribute?.('value') ?? NaN);
      const idNum = /(\d+)\s*$/.exec(li.getAttribute?.('id') ?? '')?.[1];
      const num = Number.isInteger(value) && value > 0 ? value : idNum ? Number(idNum) : n;
      n = num + 1;
      const text = (li.textContent ?? '').replace(/\s+/g, ' ').trim().replace(/^\[?\d{1,3}\][.:]?\s*|^\^\s*/, '');
      const anchor = firstLink(li);
      const parts = parseEntry(text);
      const url = anchor?.href ?? parts.url;
      const title = anchor && !/^https?:|^www\./i.test(anchor.text) && anchor.text.length >= 3 ? anchor.text : parts.title;
      references.push({ n: num, kind: 'numbered', text, url, title });
    }
  };
  for (const h of Array.from(document.querySelectorAll('h1,h2,h3,h4,h5,h6'))) {
    if (!REFERENCE_HEADING.test((h.textContent ?? '').trim())) continue;
    refNodes.add(h);
    for (let sib = h.nextElementSibling ?? null; sib; sib = sib.nextElementSibling ?? null) {
      if (/^H[1-6]$/.test(sib.nodeName)) break;
      if (sib.nodeName === 'OL' || sib.nodeName === 'UL') addList(sib);
      else {
        refNodes.add(sib);
        // "<p>[1] Title. https://…</p>": an entry per paragraph.
        const e = /^\s*(?:\[(\d{1,3})\]|(\d{1,3})[.)])\s+(.+)$/s.exec((sib.textContent ?? '').replace(/\s+/g, ' '));
        if (e && e[3]) {
          const anchor = firstLink(sib);
          const parts = parseEntry(e[3].trim());
          references.push({ n: Number(e[1] ?? e[2]), kind: 'numbered', text: e[3].trim(), url: anchor?.href ?? parts.url, title: parts.title });
        }
      }
    }
  }
  for (const el of Array.from(document.querySelectorAll('ol,ul,section,div,aside,footer'))) {
    const label = `${el.getAttribute?.('id') ?? ''} ${el.getAttribute?.('class') ?? ''} ${el.getAttribute?.('role') ?? ''}`;
    if (!REF_CONTAINER.test(label) && !/doc-bibliography|doc-endnotes/.test(label)) continue;
    if (el.nodeName === 'OL' || el.nodeName === 'UL') addList(el);
    else {
      refNodes.add(el);
      for (const list of Array.from(el.querySelectorAll?.('ol,ul') ?? [])) addList(list);
    }
  }
  references.sort((a, b) => a.n - b.n);

  // Body text.
  let text = '';
  const blocks: ArticleBlock[] = [];
  const citations: CitationMark[] = [];
  const linkRefs: ArticleReference[] = [];
  let nextLinkN = Math.max(0, ...references.map((r) => r.n), highestMarker(root.textContent ?? '')) + 1;
  const refForUrl = (url: string, anchor: string): number | null => {
    const norm = normaliseUrl(url);
    if (!norm) return null;
    for (const r of [...references, ...linkRefs]) if (r.url && normaliseUrl(r.url) === norm) return r.n;
    const ref: ArticleReference = { n: nextLinkN++, kind: 'link', text: anchor, url, title: /^https?:|^www\./i.test(anchor) ? null : anchor };
    linkRefs.push(ref);
    return ref.n;
  };
  const breakBlock = (): void => {
    if (text !== '' && !text.endsWith('\n\n')) text += text.endsWith('\n') ? '\n' : '\n\n';
  };
  // The walk keeps its own stack (no recursion), so a page nested 100,000 levels deep cannot overflow
  // the call stack. A frame is a node to enter or the closing work of a link or a block.
  type Frame = HNode | { leaveLink: string; start: number } | { leaveBlock: ArticleBlock['kind']; start: number; before: number };
  const enter = (node: HNode, stack: Frame[]): void => {
    if (node.nodeType === 3) {
      text += (node.textContent ?? '').replace(/\s+/g, ' ');
      return;
    }
    if (node.nodeType !== 1 || SKIP.has(node.nodeName) || refNodes.has(node)) return;
    const name = node.nodeName;
    if (name === 'BR') {
      text += ' ';
      return;
    }
    if (name === 'SUP' || (name === 'A' && (node.getAttribute?.('href') ?? '').startsWith('#'))) {
      const inner = (node.textContent ?? '').replace(/\s+/g, '').replace(/^\[|\]$/g, '');
      if (/^\^?\d{1,3}(?:[-–,;]\^?\d{1,3})*$/.test(inner)) {
        const mark = `[${inner}]`;
        citations.push({ text: mark, start: text.length, end: text.length + mark.length, refs: markerNumbers(inner) });
        text += mark;
        return;
      }
    }
    const kind = BLOCKS[name];
    if (name === 'A') stack.push({ leaveLink: node.getAttribute?.('href') ?? '', start: text.length });
    else if (kind !== undefined) {
      breakBlock();
      stack.push({ leaveBlock: kind, start: text.length, before: blocks.length });
    }
    const children = node.childNodes; // read once: linkedom rebuilds the list on every read
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (child) stack.push(child);
    }
  };
  const leave = (frame: Exclude<Frame, HNode>): void => {
    if ('leaveLink' in frame) {
      const { leaveLink: href, start } = frame;
      const anchor = text.slice(start).trim();
      const n = /^(?:https?:)?\/\/|^www\./i.test(href) ? refForUrl(href.startsWith('//') ? `https:${href}` : href, anchor) : null;
      if (n !== null && text.length > start) citations.push({ text: text.slice(start), start, end: text.length, refs: [n] });
      return;
    }
    // A block holding other blocks (a <div> of <p>s) is not itself a block.
    if (blocks.length === frame.before) pushBlock(frame.leaveBlock, frame.start, text.length);
    breakBlock();
  };
  const walk = (root: HNode): void => {
    const stack: Frame[] = [root];
    while (stack.length > 0) {
      const frame = stack.pop() as Frame;
      if ('leaveLink' in frame || 'leaveBlock' in frame) leave(frame);
      else enter(frame, stack);
    }
  };
  const pushBlock = (kind: ArticleBlock['kind'], start: number, end: number): void => {
    let a = start;
    let z = end;
    while (a < z && /\s/.test(text[a] ?? '')) a++;
    while (z > a && /\s/.test(text[z - 1] ?? '')) z--;
    if (z > a) blocks.push({ kind, start: a, end: z, text: text.slice(a, z) });
  };
  walk(root);

  // Text markers written as plain "[1]" inside paragraphs (no <sup>) count too.
  for (const m of text.matchAll(MARKER)) {
    const start = m.index ?? 0;
    if (citations.some((c) => c.start <= start && c.end > start)) continue;
    if (m[1] === undefined) continue;
    citations.push({ text: m[0], start, end: start + m[0].length, refs: markerNumbers(m[1]) });
  }
  citations.sort((a, b) => a.start - b.start);

  const h1 = Array.from(document.querySelectorAll('h1'))[0];
  const title = (document.title || h1?.textContent || '').replace(/\s+/g, ' ').trim() || null;
  return { format: 'html', source: input, text, blocks, references: [...references, ...linkRefs], citations, origin: [], title };
}

function firstLink(node: HNode): { href: string; text: string } | null {
  for (const a of Array.from(node.querySelectorAll?.('a[href]') ?? [])) {
    const href = a.getAttribute?.('href') ?? '';
    if (/^https?:\/\//i.test(href)) return { href, text: (a.textContent ?? '').replace(/\s+/g, ' ').trim() };
  }
  return null;
}
