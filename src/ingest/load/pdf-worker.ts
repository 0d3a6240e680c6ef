// The PDF.js side of the PDF loader, run in a worker thread (pdf-extract.ts): PDF.js can leave a
// rejected promise unhandled on a damaged file, which in the main thread would end the process;
// here it ends nothing, and the worker's heap is capped (resourceLimits). One request at a time:
// { id, bytes } in, { id, ok, pages, info } or { id, ok: false, failure, message } out.
import { parentPort } from 'node:worker_threads';
import { extractText, getDocumentProxy, getMeta } from 'unpdf';
import type { PdfReply, PdfRequest } from './pdf-extract.js';

// PDF.js sometimes rejects an internal promise nobody awaits (seen by fuzzing: "Bad (uncompressed)
// XRef entry" after a page lookup failed). The request already failed or succeeded on its own.
process.on('unhandledRejection', () => undefined);

async function extract(req: PdfRequest): Promise<PdfReply> {
  let pdf;
  try {
    pdf = await getDocumentProxy(req.bytes, { verbosity: 0, isEvalSupported: false, stopAtErrors: true });
  } catch (e) {
    const name = (e as Error)?.name ?? '';
    const message = ((e as Error)?.message ?? String(e)).replace(/\.$/, '');
    return { id: req.id, ok: false, failure: name === 'PasswordException' || /password/i.test(message) ? 'encrypted' : 'damaged', message };
  }
  try {
    const { text } = await extractText(pdf, { mergePages: false });
    let info: Record<string, unknown> = {};
    try {
      info = ((await getMeta(pdf)).info ?? {}) as Record<string, unknown>;
    } catch {
      // No readable document info: metadata falls back to the file name and the sidecar.
    }
    const strings: Record<string, string> = {};
    for (const [k, v] of Object.entries(info)) if (typeof v === 'string') strings[k] = v;
    return { id: req.id, ok: true, pages: text, info: strings };
  } catch (e) {
    return { id: req.id, ok: false, failure: 'damaged', message: ((e as Error)?.message ?? String(e)).replace(/\.$/, '') };
  } finally {
    await pdf.destroy().catch(() => undefined);
  }
}

parentPort?.on('message', (req: PdfRequest) => {
  void extract(req).then((reply) => parentPort?.postMessage(reply));
});
