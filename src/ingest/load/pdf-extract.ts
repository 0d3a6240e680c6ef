// Running PDF.js off the main thread: one worker (started on the first PDF, kept for the next,
// never holding the process open) with a capped heap. A worker that dies (out of memory, a crash
// inside PDF.js) fails only the PDF it was reading; the next PDF gets a new worker.
import { Worker } from 'node:worker_threads';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface PdfRequest {
  id: number;
  bytes: Uint8Array;
}

export type PdfReply =
  | { id: number; ok: true; pages: string[]; info: Record<string, string> }
  | { id: number; ok: false; failure: 'encrypted' | 'damaged' | 'out-of-memory' | 'too-slow'; message: string };

/** The worker's heap cap: PDF.js's objects for one document (its stream bytes are counted by the inflate cap). */
export const PDF_WORKER_HEAP_MB = 512;

let worker: Worker | null = null;
let nextId = 1;
/** Requests waiting for a reply, each with the worker reading it: a stopped worker fails only its own. */
const pending = new Map<number, { w: Worker; settle: (reply: PdfReply) => void }>();

function failAll(w: Worker, message: string): void {
  for (const [id, p] of pending) {
    if (p.w !== w) continue;
    pending.delete(id);
    p.settle({ id, ok: false, failure: 'out-of-memory', message });
  }
}

function startWorker(): Worker {
  // The worker file sits next to this one: .ts under tsx (tests, `npm run verity`), .js when built.
  const ext = extname(fileURLToPath(import.meta.url));
  const url = new URL(`./pdf-worker${ext}`, import.meta.url);
  // Under tsx the worker registers the TypeScript loader first (a worker does not inherit the
  // --import hooks of the main thread), then imports the worker module.
  const w =
    ext === '.ts'
      ? new Worker(`import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => tsx.register()).then(() => import(${JSON.stringify(url.href)}))`, { eval: true, resourceLimits: { maxOldGenerationSizeMb: PDF_WORKER_HEAP_MB } })
      : new Worker(url, { resourceLimits: { maxOldGenerationSizeMb: PDF_WORKER_HEAP_MB } });
  w.unref();
  w.on('message', (reply: PdfReply) => {
    const waiting = pending.get(reply.id);
    pending.delete(reply.id);
    waiting?.settle(reply);
    if (![...pending.values()].some((p) => p.w === w)) w.unref();
  });
  w.on('error', (e: Error) => {
    if (worker === w) worker = null;
    const code = (e as NodeJS.ErrnoException).code;
    failAll(w, code === 'ERR_WORKER_OUT_OF_MEMORY' ? `reading it needed more than ${PDF_WORKER_HEAP_MB} MB of memory` : e.message);
  });
  w.on('exit', () => {
    if (worker === w) worker = null;
    // A worker stopped for its time budget fails nothing more: its PDF has its answer, and a PDF sent
    // to the next worker meanwhile is not this worker's.
    failAll(w, 'the PDF reader stopped');
  });
  return w;
}

/** The text of each page and the document info strings, read by PDF.js in the worker. */
export function extractPdf(bytes: Uint8Array, timeBudgetMs = Number.POSITIVE_INFINITY): Promise<PdfReply> {
  worker ??= startWorker();
  const w = worker;
  const id = nextId++;
  return new Promise<PdfReply>((resolve) => {
    // Past the budget the worker is stopped (the next PDF gets a new one) and this PDF fails.
    const timer = Number.isFinite(timeBudgetMs)
      ? setTimeout(() => {
          if (!pending.delete(id)) return;
          resolve({ id, ok: false, failure: 'too-slow', message: `reading it took more than ${timeBudgetMs >= 1000 ? `${Math.round(timeBudgetMs / 1000)} s` : `${timeBudgetMs} ms`}` });
          if (worker === w) worker = null;
          void w.terminate();
        }, timeBudgetMs)
      : null;
    timer?.unref();
    pending.set(id, {
      w,
      settle: (reply) => {
        if (timer) clearTimeout(timer);
        resolve(reply);
      },
    });
    w.ref();
    // A copy is sent (transferred): the caller keeps its bytes.
    const copy = Uint8Array.from(bytes);
    w.postMessage({ id, bytes: copy } satisfies PdfRequest, [copy.buffer]);
  });
}
