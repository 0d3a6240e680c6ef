// PDF reading cost by inflated content size, and the decompression-bomb refusal: for each size a
// generated PDF of dense text operators (test/reliability/pdf-bomb.ts) is read in a fresh process
// (so its peak RSS is that file's alone), first with the cap lifted, then a 2.6 GB bomb with the
// default cap. Writes bench/results/pdf.json.
//   node --import tsx bench/ingest/pdf-bench.ts [--big]    (--big adds 64 MiB: about two minutes)
import { mkdirSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const big = process.argv.includes('--big');
const sizesMiB = big ? [4, 16, 64] : [4, 16];

function run(inflatedMiB: number, capMiB: number | null): { inflatedMiB: number; capMiB: number | null; outcome: string; ms: number; peakRssMB: number } {
  const script = `
    const { bombPdf } = await import(${JSON.stringify(resolve('test/reliability/pdf-bomb.ts'))});
    const { loadPdf } = await import(${JSON.stringify(resolve('src/ingest/load/load-pdf.ts'))});
    const pdf = await bombPdf(${inflatedMiB} * 1048576);
    const t = performance.now();
    let outcome;
    try { const r = await loadPdf(pdf, 'bench.pdf', ${capMiB === null ? '{ maxInflatedBytes: Infinity, maxTextChars: Infinity }' : '{}'}); outcome = 'read ' + r.text.length + ' characters'; }
    catch (e) { outcome = e.code + ': ' + String(e.message).slice(0, 90); }
    console.log(JSON.stringify({ outcome, ms: Math.round(performance.now() - t), peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024) }));`;
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 600_000 });
  const line = r.stdout.trim().split('\n').pop() ?? '{}';
  return { inflatedMiB, capMiB, ...(JSON.parse(line) as { outcome: string; ms: number; peakRssMB: number }) };
}

const rows = [...sizesMiB.map((s) => run(s, null)), run(2600, 32)];
for (const r of rows) console.log(`${String(r.inflatedMiB).padStart(5)} MiB inflated, cap ${r.capMiB === null ? 'none' : `${r.capMiB} MiB`}: ${r.ms} ms, peak RSS ${r.peakRssMB} MB — ${r.outcome}`);
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/pdf.json', `${JSON.stringify({ when: new Date().toISOString(), rows }, null, 2)}\n`);
