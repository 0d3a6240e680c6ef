// Issue 16: is ingesting a large HTML page linear in its size? Pages generated here (never
// committed) at each size, in two shapes — flat paragraphs, and one paragraph of many inline
// elements (a very wide element) — and the CPU time of each step of the HTML loader (parse with
// linkedom, the body's plain text, Readability) and of a whole ingest into a fresh SQLite file:
//   node --import tsx bench/ingest/html-ingest-curve.ts [--sizes 256,512,1024,2048] [--shapes paragraphs,inline]
// Prints one JSON line per page: CPU ms per step and per MiB (flat per MiB = linear).
// Figures: docs/bench-html-ingest.md.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { domToText, loadHtml } from '../../src/ingest/load/load-html.js';
import { guardedReadability } from '../../src/ingest/load/readability-guard.js';
import { ingestPaths } from '../../src/ingest/index.js';
import { openStore } from '../../src/store/sqlite/open.js';
import { round } from '../percentile.js';

const SENTENCE = 'The harbour authority reported that cargo volumes rose by 12 percent in 2024 compared with the year before, while the council said 31 of 52 ferries ran on time.';
const SHAPES: Record<string, { head: string; unit: (i: number) => string; tail: string }> = {
  paragraphs: { head: '<html><head><title>Big</title></head><body><article>', unit: () => `<p>${SENTENCE}</p>\n`, tail: '</article></body></html>' },
  inline: { head: '<html><head><title>Wide</title></head><body><p>', unit: (i) => `<span>${SENTENCE.slice(0, 40 + (i % 40))}</span> <b>${i}</b>. `, tail: '</p></body></html>' },
};

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

export function page(shape: string, bytes: number): string {
  const s = SHAPES[shape];
  if (!s) throw new Error(`unknown shape ${shape} (${Object.keys(SHAPES).join(', ')})`);
  const parts = [s.head];
  let size = s.head.length + s.tail.length;
  for (let i = 0; size < bytes; i++) {
    const u = s.unit(i);
    parts.push(u);
    size += u.length;
  }
  parts.push(s.tail);
  return parts.join('');
}

/** CPU milliseconds (user + system) `fn` takes, and its result. */
function cpu<T>(fn: () => T): [number, T] {
  const start = process.cpuUsage();
  const out = fn();
  const used = process.cpuUsage(start);
  return [round((used.user + used.system) / 1000, 0), out];
}

async function cpuAsync<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const start = process.cpuUsage();
  const out = await fn();
  const used = process.cpuUsage(start);
  return [round((used.user + used.system) / 1000, 0), out];
}

const sizes = option('sizes', '256,512,1024,2048').split(',').map(Number);
const shapes = option('shapes', 'paragraphs,inline').split(',');
const dir = mkdtempSync(join(os.tmpdir(), 'verity-html-curve-'));
try {
  loadHtml(page('paragraphs', 4096), 'warm.html'); // load the modules before timing
  for (const shape of shapes) {
    for (const kib of sizes) {
      const html = page(shape, kib * 1024);
      const mib = html.length / (1024 * 1024);
      const [parseMs, parsed] = cpu(() => parseHTML(html) as unknown as { document: { body: Parameters<typeof domToText>[0] } });
      const [textMs] = cpu(() => domToText(parsed.document.body));
      const [readabilityMs, r] = cpu(() => guardedReadability(parsed.document, parsed.document.body));
      const [loadMs] = cpu(() => loadHtml(html, 'page.html'));
      const file = join(dir, `${shape}-${kib}.html`);
      writeFileSync(file, html);
      const store = await openStore(join(dir, `${shape}-${kib}.db`));
      const [ingestMs, summary] = await cpuAsync(() => ingestPaths(store, [file]));
      await store.close();
      const perMib = (ms: number): number => round(ms / mib, 0);
      console.log(
        JSON.stringify({
          shape,
          kib,
          parseMs,
          textMs,
          readabilityMs,
          readability: r.skipped ?? (r.article ? 'used' : 'none'),
          loadHtmlMs: loadMs,
          ingestMs,
          passages: summary.passages,
          perMib: { loadHtml: perMib(loadMs), ingest: perMib(ingestMs) },
        }),
      );
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
