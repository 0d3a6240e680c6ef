// An article from a PDF file or a web address: its text, then the same reader as for text.
import { loadPdf } from '../../ingest/load/load-pdf.js';
import { decodeWebText } from '../../ingest/load/load-url.js';
import { VerityError, quote } from '../../errors.js';
import { safeFetch } from '../../web/safe-fetch.js';
import type { SafeFetchOptions } from '../../web/safe-fetch.js';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { formatOfPath, readArticle } from './article.js';
import type { Article } from '../types.js';

/** A PDF's text layer read as a plain-text article; a PDF with none (a scan) is a clear error. */
export async function readPdfArticle(bytes: Uint8Array, path: string): Promise<Article> {
  const { text, meta } = await loadPdf(bytes, path);
  if (text.trim() === '') {
    throw new VerityError({
      code: 'BAD_INPUT',
      component: 'audit',
      problem: `cannot audit ${quote(path)}: the PDF has no text layer (a scanned image?), so there are no sentences to read`,
      fix: 'run OCR on it first (e.g. ocrmypdf in.pdf out.pdf), or audit the article as text or HTML',
    });
  }
  const article = readArticle(text, 'txt');
  return article.title === null && meta.title ? { ...article, title: meta.title } : article;
}

/** An article read from the web (HTML, PDF, Markdown or text), through the safe fetch. */
export async function readArticleUrl(url: string, web: SafeFetchOptions = {}): Promise<Article> {
  const res = await safeFetch(url, web);
  if (res.kind === 'pdf') return readPdfArticle(res.body, res.url);
  if (res.kind !== 'html' && res.kind !== 'text' && res.kind !== 'markdown') {
    throw new VerityError({ code: 'UNSUPPORTED', component: 'audit', problem: `cannot audit ${quote(url)}: it is ${res.kind}, not a page`, fix: 'give the address of the article page (HTML, PDF or text)' });
  }
  return readArticle(decodeWebText(res), res.kind === 'html' ? 'html' : res.kind === 'markdown' ? 'md' : 'txt');
}

/** Read an article file (.md, .html, .txt, .pdf). */
export async function readArticleFile(path: string): Promise<Article> {
  const format = formatOfPath(path);
  if (format === null && extname(path).toLowerCase() === '.pdf') {
    let bytes: Uint8Array;
    try {
      bytes = await readFile(path);
    } catch (e) {
      throw readError(path, e);
    }
    return readPdfArticle(bytes, path);
  }
  if (format === null) {
    throw new VerityError({
      code: 'UNSUPPORTED',
      component: 'audit',
      problem: `cannot audit ${quote(path)}: the extension ${quote(extname(path) || '(none)')} is not .md, .html, .txt or .pdf`,
      fix: 'save the article as Markdown, HTML or plain text, or pipe it in with "verity audit -"',
    });
  }
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw readError(path, e);
  }
  return readArticle(text, format);
}

function readError(path: string, e: unknown): VerityError {
  const code = (e as NodeJS.ErrnoException).code;
  return new VerityError({
    code: code === 'ENOENT' ? 'NOT_FOUND' : 'IO',
    component: 'audit',
    problem: `cannot read ${quote(path)}: ${code === 'ENOENT' ? 'no such file' : (e as Error).message}`,
    fix: code === 'ENOENT' ? 'check the path' : 'check that the file is readable',
    cause: e,
  });
}
