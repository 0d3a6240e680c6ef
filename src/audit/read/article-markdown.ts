// Reading a Markdown or plain-text article: body text, blocks, numbered references and inline links.
import { MARKER, highestMarker, markerNumbers } from './citations.js';
import { REFERENCE_HEADING, parseEntry } from './reference-entry.js';
import { TextBuilder } from './text-builder.js';
import { normaliseUrl } from './url.js';
import type { Article, ArticleBlock, ArticleReference, CitationMark } from '../types.js';

interface Line {
  text: string;
  start: number;
}

const ENTRY = /^\s*(?:\[\^?(\d{1,3})\]:?|(\d{1,3})[.)])\s+(.*)$/;
const BULLET_ENTRY = /^\s*[-*+]\s+(.*)$/;
const DEFINITION = /^\s{0,3}\[(\^?[^\]]+)\]:\s*(.*)$/;
const HEADING = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;

function splitLines(input: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  for (const part of input.split('\n')) {
    out.push({ text: part.replace(/\r$/, ''), start });
    start += part.length + 1;
  }
  return out;
}

/** The text of a line when it is a heading (Markdown `#`, a bold line, or a short line ending in ":"), with its level. */
function headingOf(line: string): { level: number; text: string } | null {
  const h = HEADING.exec(line);
  if (h && h[1] && h[2] !== undefined) return { level: h[1].length, text: h[2].trim() };
  const bold = /^\s*(?:\*\*|__)([^*_]{2,60})(?:\*\*|__)\s*:?\s*$/.exec(line);
  if (bold && bold[1]) return { level: 7, text: bold[1].trim() };
  return null;
}

export function readMarkdownArticle(input: string, format: 'md' | 'txt'): Article {
  const lines = splitLines(input);
  const skip = new Set<number>();
  let title: string | null = null;

  // Front matter.
  if (lines[0]?.text.trim() === '---') {
    const close = lines.findIndex((l, i) => i > 0 && /^(?:---|\.\.\.)\s*$/.test(l.text));
    if (close > 0) {
      for (let i = 0; i <= close; i++) {
        skip.add(i);
        const t = /^title:\s*["']?(.*?)["']?\s*$/i.exec(lines[i]?.text ?? '');
        if (t && t[1]) title = t[1];
      }
    }
  }

  // HTML comments (notes to editors) are not article text.
  let inComment = false;
  lines.forEach((l, i) => {
    const opens = l.text.includes('<!--');
    if (inComment || (opens && /^\s*<!--/.test(l.text))) {
      skip.add(i);
      if (l.text.includes('-->')) inComment = false;
      else inComment = true;
    }
    if (opens && l.text.includes('-->') && /^\s*<!--.*-->\s*$/.test(l.text)) inComment = false;
  });

  const numbered = new Map<number, ArticleReference>();
  const named = new Map<string, string>();
  const addNumbered = (n: number, text: string): void => {
    const clean = text.trim();
    const { url, title: t } = parseEntry(clean);
    const prev = numbered.get(n);
    if (prev && prev.text.length >= clean.length) return;
    numbered.set(n, { n, kind: 'numbered', text: clean, url, title: t });
  };

  // Link and footnote definitions anywhere: [1]: https://… "Title", [^2]: text, [label]: url.
  lines.forEach((l, i) => {
    if (skip.has(i)) return;
    const d = DEFINITION.exec(l.text);
    if (!d || !d[1] || d[2] === undefined) return;
    const label = d[1];
    if (/^\^?\d{1,3}$/.test(label)) {
      addNumbered(Number(label.replace('^', '')), d[2]);
      skip.add(i);
    } else if (/^\S+$/.test(d[2].trim().split(/\s+/)[0] ?? '') && /^<?https?:|^<?www\./i.test(d[2].trim())) {
      named.set(label.toLowerCase(), d[2].trim().split(/\s+/)[0]?.replace(/^<|>$/g, '') ?? '');
      skip.add(i);
    }
  });

  // A sources section: a heading named References/Sources/Notes… and the entries under it.
  let sectionFound = false;
  for (let i = 0; i < lines.length; i++) {
    if (skip.has(i)) continue;
    const line = lines[i]?.text ?? '';
    const h = headingOf(line);
    const plainHeading = !h && /^\s*[A-Za-z ]{3,20}:?\s*$/.test(line) && REFERENCE_HEADING.test(line.trim()) && (lines[i + 1]?.text.trim() === '' || ENTRY.test(lines[i + 1]?.text ?? ''));
    if (!(h && REFERENCE_HEADING.test(h.text)) && !plainHeading) continue;
    sectionFound = true;
    const level = h?.level ?? 7;
    skip.add(i);
    let current: { n: number; text: string } | null = null;
    let bulletCount = 0;
    let j = i + 1;
    for (; j < lines.length; j++) {
      const t = lines[j]?.text ?? '';
      const hj = headingOf(t);
      if (hj && hj.level <= level && !REFERENCE_HEADING.test(hj.text)) break;
      skip.add(j);
      const e = ENTRY.exec(t);
      const b = e ? null : BULLET_ENTRY.exec(t);
      if (e && e[3] !== undefined) {
        if (current) addNumbered(current.n, current.text);
        current = { n: Number(e[1] ?? e[2]), text: e[3] };
      } else if (b && b[1] !== undefined) {
        if (current) addNumbered(current.n, current.text);
        bulletCount++;
        current = { n: Math.max(bulletCount, ...numbered.keys(), 0) + (numbered.has(bulletCount) ? 1 : 0), text: b[1] };
      } else if (t.trim() !== '' && current) {
        current.text += ` ${t.trim()}`;
      } else if (t.trim() === '' && current) {
        addNumbered(current.n, current.text);
        current = null;
      }
    }
    if (current) addNumbered(current.n, current.text);
    i = j - 1;
  }

  // No heading: a trailing run of "[n] …" lines is the sources list.
  if (!sectionFound) {
    let k = lines.length - 1;
    while (k >= 0 && (skip.has(k) || (lines[k]?.text.trim() ?? '') === '')) k--;
    const run: number[] = [];
    while (k >= 0 && /^\s*\[\d{1,3}\]\s+\S/.test(lines[k]?.text ?? '')) {
      run.push(k);
      k--;
      while (k >= 0 && (lines[k]?.text.trim() ?? '') === '' && /^\s*\[\d{1,3}\]\s+\S/.test(lines[k - 1]?.text ?? '')) k--;
    }
    if (run.length > 0) {
      for (const idx of run.reverse()) {
        const e = ENTRY.exec(lines[idx]?.text ?? '');
        if (e && e[3] !== undefined) addNumbered(Number(e[1] ?? e[2]), e[3]);
        skip.add(idx);
      }
    }
  }

  // Body text, with links collapsed to their anchor text and citations recorded.
  const b = new TextBuilder();
  const citations: CitationMark[] = [];
  const linkRefs: ArticleReference[] = [];
  let nextLinkN = Math.max(0, ...numbered.keys(), highestMarker(input)) + 1;
  const refForUrl = (url: string, anchor: string): number | null => {
    const norm = normaliseUrl(url);
    if (!norm) return null;
    for (const r of numbered.values()) if (r.url && normaliseUrl(r.url) === norm) return r.n;
    for (const r of linkRefs) if (r.url && normaliseUrl(r.url) === norm) return r.n;
    const ref: ArticleReference = { n: nextLinkN++, kind: 'link', text: anchor, url, title: /^https?:|^www\./i.test(anchor) ? null : anchor };
    linkRefs.push(ref);
    return ref.n;
  };

  const INLINE = new RegExp(
    [
      String.raw`!\[[^\]]*\]\([^)]*\)`, // image: dropped
      String.raw`\[([^\]]+)\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)`, // [text](url)
      MARKER.source, // [1], [1, 2], [^3]
      String.raw`\[([^\]]+)\]\[([^\]]*)\]`, // [text][label]
      String.raw`<(https?:\/\/[^>\s]+)>`, // <url>
      String.raw`\bhttps?:\/\/[^\s<>"')\]]+[^\s<>"')\].,;:]`, // bare URL
      String.raw`\*\*(?=\S)|(?<=\S)\*\*|__(?=\S)|(?<=\S)__`, // **strong** or __strong__ inside a line: the marks dropped
    ].join('|'),
    'g',
  );

  let bodyLineStarted = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line) continue;
    if (bodyLineStarted) b.insert('\n', line.start);
    bodyLineStarted = true;
    if (skip.has(i)) continue;
    let pos = 0;
    for (const m of line.text.matchAll(INLINE)) {
      const at = m.index ?? 0;
      b.copy(line.text.slice(pos, at), line.start + pos);
      pos = at + m[0].length;
      const whole = m[0];
      if (whole.startsWith('!') || whole === '**' || whole === '__') continue;
      if (m[1] !== undefined && m[2] !== undefined) {
        const start = b.size;
        b.copy(m[1], line.start + at + 1);
        const n = m[2].startsWith('#') ? null : refForUrl(m[2], m[1]);
        if (n !== null) citations.push({ text: m[1], start, end: b.size, refs: [n] });
        continue;
      }
      if (m[3] !== undefined) {
        const start = b.size;
        b.copy(whole, line.start + at);
        citations.push({ text: whole, start, end: b.size, refs: markerNumbers(m[3]) });
        continue;
      }
      if (m[4] !== undefined && m[5] !== undefined) {
        const label = (m[5] === '' ? m[4] : m[5]).toLowerCase();
        const start = b.size;
        b.copy(m[4], line.start + at + 1);
        let n: number | null = null;
        if (/^\d{1,3}$/.test(label)) n = Number(label);
        else if (named.has(label)) n = refForUrl(named.get(label) ?? '', m[4]);
        if (n !== null) citations.push({ text: m[4], start, end: b.size, refs: [n] });
        continue;
      }
      const url = m[6] ?? whole;
      const start = b.size;
      b.copy(whole, line.start + at);
      const n = refForUrl(url, url);
      if (n !== null) citations.push({ text: whole, start, end: b.size, refs: [n] });
    }
    b.copy(line.text.slice(pos), line.start + pos);
  }
  const { text, origin } = b.finish(input.length);

  // The first level-1 heading is the title when front matter gave none.
  if (title === null) {
    const h1 = /^\s{0,3}#\s+(.+?)\s*#*\s*$/m.exec(text);
    if (h1 && h1[1]) title = h1[1];
  }

  return {
    format,
    source: input,
    text,
    blocks: markdownBlocks(text),
    references: [...[...numbered.values()].sort((x, y) => x.n - y.n), ...linkRefs],
    citations,
    origin,
    title,
  };
}

/** Headings, list items, quotes and paragraphs (consecutive non-blank lines); code fences and tables are left out. */
export function markdownBlocks(text: string): ArticleBlock[] {
  const blocks: ArticleBlock[] = [];
  let para: { start: number; end: number } | null = null;
  let fenced = false;
  const flush = (): void => {
    if (para) push('paragraph', para.start, para.end);
    para = null;
  };
  const push = (kind: ArticleBlock['kind'], start: number, end: number): void => {
    let a = start;
    let z = end;
    while (a < z && /\s/.test(text[a] ?? '')) a++;
    while (z > a && /\s/.test(text[z - 1] ?? '')) z--;
    if (z > a) blocks.push({ kind, start: a, end: z, text: text.slice(a, z) });
  };
  let start = 0;
  for (const raw of text.split('\n')) {
    const end = start + raw.length;
    const line = raw;
    if (/^\s{0,3}(?:```|~~~)/.test(line)) {
      flush();
      fenced = !fenced;
    } else if (fenced || /^\s*\|/.test(line) || /^\s*(?:[-*_]\s*){3,}$/.test(line)) {
      flush();
    } else if (line.trim() === '') {
      flush();
    } else {
      const h = /^(\s{0,3}#{1,6}\s+)/.exec(line);
      const li = /^(\s*(?:[-*+]|\d{1,3}[.)])\s+)/.exec(line);
      const q = /^(\s*>\s?)/.exec(line);
      if (h && h[1]) {
        flush();
        push('heading', start + h[1].length, end - (/\s#+\s*$/.exec(line)?.[0].length ?? 0));
      } else if (li && li[1]) {
        flush();
        para = null;
        push('list-item', start + li[1].length, end);
      } else if (q && q[1]) {
        flush();
        push('quote', start + q[1].length, end);
      } else if (!para && blocks[blocks.length - 1]?.kind === 'list-item' && /^\s{2,}\S/.test(line)) {
        // An indented continuation line joins the list item above it.
        const last = blocks.pop();
        if (last) push('list-item', last.start, end);
      } else if (para) {
        para.end = end;
      } else {
        para = { start, end };
      }
    }
    start = end + 1;
  }
  flush();
  return blocks;
}
