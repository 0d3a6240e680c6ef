// PDF via unpdf (PDF.js): page text joined by blank lines; the document info becomes metadata.
import { extractText, getDocumentProxy, getMeta } from 'unpdf';
import { VerityError, quote } from '../errors.js';
import { normalizeDate, type MetaPatch } from './metadata.js';

function bad(path: string, problem: string, fix: string): VerityError {
  return new VerityError({ code: 'BAD_INPUT', component: 'ingest', problem: `cannot read ${quote(path)}: ${problem}`, fix });
}

export async function loadPdf(bytes: Uint8Array, path: string): Promise<{ meta: MetaPatch; text: string }> {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (!head.includes('%PDF-')) {
    const shown = Buffer.from(bytes.subarray(0, 8)).toString('latin1').replace(/[^\x20-\x7e]/g, '.');
    throw bad(path, `not a PDF (starts with ${quote(shown)})`, 'check the file; rename it if it is another format');
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
    throw bad(path, `the PDF is damaged or truncated (${((e as Error)?.message ?? String(e)).replace(/\.$/, '')})`, 'get a complete copy of the file');
  } finally {
    await pdf.destroy().catch(() => undefined);
  }
}
