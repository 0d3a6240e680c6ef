// PDF via unpdf (PDF.js): page text joined by blank lines; the document info becomes metadata.
import { extractText, getDocumentProxy, getMeta } from 'unpdf';
import { VerityError, quote } from '../errors.js';
import { normalizeDate, type MetaPatch } from './metadata.js';
import { PDF_DEFAULTS, inflatedTotal, type PdfLimits } from './pdf-limits.js';

function bad(path: string, problem: string, fix: string): VerityError {
  return new VerityError({ code: 'BAD_INPUT', component: 'ingest', problem: `cannot read ${quote(path)}: ${problem}`, fix });
}

function size(n: number): string {
  return n >= 1048576 ? `${Math.round(n / 1048576)} MiB` : `${Math.max(1, Math.round(n / 1024))} KiB`;
}

export async function loadPdf(bytes: Uint8Array, path: string, limits: PdfLimits = {}): Promise<{ meta: MetaPatch; text: string }> {
  const { maxInflatedBytes, maxTextChars } = { ...PDF_DEFAULTS, ...limits };
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
  let pdf;
  try {
    pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0, isEvalSupported: false, stopAtErrors: true });
  } catch (e) {
    const name = (e as Error)?.name ?? '';
    const message = ((e as Error)?.message ?? String(e)).replace(/\.$/, '');
    if (name === 'PasswordException' || /password/i.test(message)) {
      throw bad(path, 'the PDF is encrypted (password-protected)', 'save an unencrypted copy (e.g. qpdf --decrypt in.pdf out.pdf) and ingest that');
    }
    throw bad(path, `the PDF is damaged or truncated (${message})`, 'get a complete copy of the file');
  }
  try {
    const { text } = await extractText(pdf, { mergePages: false });
    const pages = text.map((p) => p.replace(/[ \t]+\n/g, '\n').trim()).filter((p) => p !== '');
    const chars = pages.reduce((n, p) => n + p.length, 0);
    if (chars > maxTextChars) {
      throw new VerityError({ code: 'TOO_LARGE', component: 'ingest', problem: `cannot read ${quote(path)}: it holds ${chars} characters of text, more than the ${maxTextChars} a document may have`, fix: 'split the PDF (e.g. qpdf --split-pages) and ingest the parts' });
    }
    const meta: MetaPatch = {};
    try {
      const { info } = await getMeta(pdf);
      const str = (k: string): string | null => (typeof info[k] === 'string' && (info[k] as string).trim() !== '' ? (info[k] as string).trim() : null);
      const title = str('Title');
      if (title) meta.title = title;
      const author = str('Author');
      if (author) meta.author = author;
      const date = normalizeDate(str('CreationDate') ?? str('ModDate'));
      if (date) meta.publishedAt = date;
      const lang = str('Language') ?? str('Lang');
      if (lang) meta.language = lang;
    } catch {
      // No readable document info: metadata falls back to the file name and the sidecar.
    }
    return { meta, text: pages.join('\n\n') };
  } catch (e) {
    if (e instanceof VerityError) throw e;
    throw bad(path, `the PDF is damaged or truncated (${((e as Error)?.message ?? String(e)).replace(/\.$/, '')})`, 'get a complete copy of the file');
  } finally {
    await pdf.destroy().catch(() => undefined);
  }
}
