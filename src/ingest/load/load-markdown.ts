// Markdown: YAML front matter becomes metadata; the body is turned into plain prose (headings,
// emphasis, link targets and code fences dropped) so passages read as sentences.
import { parse as parseYaml } from 'yaml';
import { VerityError, quote } from '../../errors.js';
import { metaFromRecord, type MetaPatch } from './metadata.js';

export function loadMarkdown(source: string, path: string): { meta: MetaPatch; text: string } {
  let body = source;
  let meta: MetaPatch = {};
  const fm = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(source);
  if (fm) {
    let data: unknown;
    try {
      data = parseYaml(fm[1] ?? '');
    } catch (e) {
      throw new VerityError({
        code: 'BAD_INPUT',
        component: 'ingest',
        problem: `cannot read ${quote(path)}: its YAML front matter is invalid (${(e as Error).message.split('\n')[0]})`,
        fix: 'fix the YAML between the --- lines',
      });
    }
    if (data !== null && typeof data === 'object' && !Array.isArray(data)) meta = metaFromRecord(data as Record<string, unknown>, `front matter of ${quote(path)}`);
    body = source.slice(fm[0].length);
  }
  const heading = /^#\s+(.+?)\s*#*\s*$/m.exec(body);
  if (meta.title === undefined && heading?.[1]) meta.title = stripInline(heading[1]);
  return { meta, text: markdownToText(body) };
}

function stripInline(s: string): string {
  return s
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
    .replace(/<https?:\/\/[^>]+>/g, (m) => m.slice(1, -1))
    .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '$2')
    .replace(/(\*|_)(?=\S)([^*_\n]*?\S)\1/g, '$2')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/<\/?[a-zA-Z][^>]*>/g, '');
}

/** Markdown to plain text, one block per paragraph (blank lines between blocks). */
export function markdownToText(md: string): string {
  const blocks: string[] = [];
  let para: string[] = [];
  let fence: string | null = null;
  const flush = (): void => {
    if (para.length > 0) blocks.push(para.join(' ').replace(/\s+/g, ' ').trim());
    para = [];
  };
  for (const raw of md.split('\n')) {
    const fenceMark = /^\s*(```+|~~~+)/.exec(raw)?.[1];
    if (fence !== null) {
      if (fenceMark && fenceMark[0] === fence[0] && fenceMark.length >= fence.length) {
        fence = null;
        flush();
      } else para.push(raw);
      continue;
    }
    if (fenceMark) {
      flush();
      fence = fenceMark;
      continue;
    }
    const line = raw.trim();
    if (line === '' || /^(?:[-*_]\s*){3,}$/.test(line) || /^\[[^\]]+\]:\s/.test(line) || /^\|?\s*:?-{3,}/.test(line)) {
      flush();
      continue;
    }
    const h = /^#{1,6}\s+(.*?)\s*#*$/.exec(line);
    if (h) {
      flush();
      para.push(stripInline(h[1] ?? ''));
      flush();
      continue;
    }
    const item = /^(?:[-*+]|\d+[.)])\s+(.*)$/.exec(line);
    if (item) {
      flush();
      para.push(stripInline(item[1] ?? ''));
      continue;
    }
    para.push(stripInline(line.replace(/^>\s?/, '').replace(/\|/g, ' ')));
  }
  flush();
  return blocks.filter((b) => b !== '').join('\n\n');
}
