// A fresh hostile probe (issue 16): a 1 MB PDF of 10,000 empty pages in one flat page list kept
// `verity ingest` busy for over 2 minutes (PDF.js finds each page by walking the list). PDF.js now
// has a time budget per document (default 120 s; `timeBudgetMs`): past it the PDF fails clearly
// (TOO_LARGE, naming pdftotext) and the next PDF gets a new reader. Files generated at test time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadPdf } from '../../src/ingest/load/load-pdf.js';
import { VerityError } from '../../src/errors.js';
import { bombPdf } from './pdf-bomb.js';

/** A PDF of `n` empty pages, all children of one page-tree node. */
function flatPages(n: number): Uint8Array {
  const objs = ['<< /Type /Catalog /Pages 2 0 R >>', `<< /Type /Pages /Kids [${Array.from({ length: n }, (_, i) => `${i + 3} 0 R`).join(' ')}] /Count ${n} >>`];
  for (let i = 0; i < n; i++) objs.push('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>');
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

test('a PDF that takes PDF.js past its time budget fails clearly, and the next PDF is read', { timeout: 120_000 }, async () => {
  const started = Date.now();
  await assert.rejects(
    loadPdf(flatPages(10_000), 'pages.pdf', { timeBudgetMs: 300 }),
    (e: unknown) => e instanceof VerityError && e.code === 'TOO_LARGE' && /pages\.pdf.*took more than 300 ms/.test(e.message) && /pdftotext/.test(e.message),
  );
  assert.ok(Date.now() - started < 30_000, `refused after ${Date.now() - started} ms`);
  const ok = await loadPdf(await bombPdf(4_000), 'small.pdf');
  assert.match(ok.text, /Harbour cargo rose/);
});
