// PDF via unpdf (PDF.js, in a worker thread: pdf-extract.ts): page text joined by blank lines; the
// document info becomes metadata. Decompression bombs are refused before PDF.js sees the file.
import { VerityError, quote } from '../../errors.js';
import { normalizeDate, type MetaPatch } from './metadata.js';
import { PDF_DEFAULTS, inflatedTotal, type PdfLimits } from './pdf-limits.js';
import { extractPdf } from './pdf-extract.js';

function bad(path: string, problem: string, fix: string): VerityError {
  return new VerityError({ code: 'BAD_INPUT', component: 'ingest', problem: `cannot read ${quote(path)}: ${problem}`, fix });
}

function size(n: number): string {
  return n >= 1048576 ? `${Math.round(n / 1048576)} MiB` : `${Math.max(1, Math.round(n / 1024))} KiB`;
}

export async function loadPdf(bytes: Uint8Array, path: string, limits: PdfLimits = {}): Promise<{ meta: MetaPatch; text: string }> {
  const { maxInflatedBytes, maxTextChars, timeBudgetMs } = { ...PDF_DEFAULTS, ...limits };
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (!head.includes('%PDF-')) {
    const shown = Buffer.from(bytes.subarray(0, 8)).toString('latin1').replace(/[^\x20-\x7e]/g, '.');
    throw bad(path, `not a PDF (starts with ${quote(shown)})`, 'check the file; rename it if it is another format');
  }
  const inflated = await inflatedTotal(bytes, maxInflatedBytes);
  if (inflated > maxInflatedBytes) {
    throw new VerityError({
      code: 'TOO_LARGE',
      component: 'ingest',
      problem: `cannot read ${quote(path)}: its compressed streams inflate to more than ${size(maxInflatedBytes)} (a ${size(bytes.byteLength)} file; a decompression bomb or an unusually heavy PDF)`,
      fix: 'extract its text with another tool (e.g. pdftotext) and ingest the .txt, or raise the limit only for a file you trust',
    });
  }
  const reply = await extractPdf(bytes, timeBudgetMs);
  if (!reply.ok) {
    if (reply.failure === 'encrypted') throw bad(path, 'the PDF is encrypted (password-protected)', 'save an unencrypted copy (e.g. qpdf --decrypt in.pdf out.pdf) and ingest that');
    if (reply.failure === 'too-slow') throw new VerityError({ code: 'TOO_LARGE', component: 'ingest', problem: `cannot read ${quote(path)}: ${reply.message} (the PDF reader reads every page; a document of very many pages, or pages built to be slow, takes long)`, fix: 'extract its text with another tool (e.g. pdftotext) and ingest the .txt, or split the PDF (qpdf --split-pages)' });
    if (reply.failure === 'out-of-memory') throw new VerityError({ code: 'TOO_LARGE', component: 'ingest', problem: `cannot read ${quote(path)}: ${reply.message}`, fix: 'extract its text with another tool (e.g. pdftotext) and ingest the .txt' });
    throw bad(path, `the PDF is damaged or truncated (${reply.message})`, 'get a complete copy of the file');
  }
  const pages = reply.pages.map((p) => p.replace(/[ \t]+\n/g, '\n').trim()).filter((p) => p !== '');
  const chars = pages.reduce((n, p) => n + p.length, 0);
  if (chars > maxTextChars) {
    throw new VerityError({ code: 'TOO_LARGE', component: 'ingest', problem: `cannot read ${quote(path)}: it holds ${chars} characters of text, more than the ${maxTextChars} a document may have`, fix: 'split the PDF (e.g. qpdf --split-pages) and ingest the parts' });
  }
  const info = reply.info;
  const str = (k: string): string | null => (info[k] !== undefined && info[k].trim() !== '' ? info[k].trim() : null);
  const meta: MetaPatch = {};
  const title = str('Title');
  if (title) meta.title = title;
  const author = str('Author');
  if (author) meta.author = author;
  const date = normalizeDate(str('CreationDate') ?? str('ModDate'));
  if (date) meta.publishedAt = date;
  const lang = str('Language') ?? str('Lang');
  if (lang) meta.language = lang;
  return { meta, text: pages.join('\n\n') };
}
