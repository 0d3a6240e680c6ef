import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/run-cli.js';
import { openStore } from '../../src/store/sqlite/open.js';

const CLEAN = `Fact check: Did the depot add buses?

Checked on March 4, 2026

The depot had 210 buses in 2019 and 260 in 2024, a rise of about 24%.
`;
const WRONG = `Fact check: Did the depot add buses?

Checked on March 4, 2026

The depot had 210 buses in 2019 and 260 in 2024, a rise of 30%.

The depot opened in 1998, and twenty years later, in 2012, it was extended.
`;

/** A one-page PDF whose text layer holds `lines` (Helvetica, one line each); no lines: a page with no text. */
function pdf(lines: string[]): Buffer {
  const stream = lines.length === 0 ? '' : `BT /F1 11 Tf 50 760 Td 14 TL ${lines.map((l) => `(${l.replace(/[()\\]/g, '\\$&')}) Tj T*`).join(' ')} ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** A folder with an empty corpus, e.db. */
async function folder(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'verity-audit-out-'));
  await (await openStore(join(dir, 'e.db'))).close();
  return dir;
}

test('verity audit exits 0 with no error flag and 1 with one; the output is written either way', async () => {
  const dir = await folder();
  try {
    writeFileSync(join(dir, 'clean.txt'), CLEAN);
    writeFileSync(join(dir, 'wrong.txt'), WRONG);
    const clean = await runCli(['audit', 'clean.txt', '--db', 'e.db', '--json'], { cwd: dir });
    assert.equal(clean.code, 0, clean.stdout);
    const wrong = await runCli(['audit', 'wrong.txt', '--db', 'e.db', '--json'], { cwd: dir });
    assert.equal(wrong.code, 1, wrong.stderr);
    const doc = JSON.parse(wrong.stdout) as { claims: Array<{ flags: Array<{ kind: string; severity: string; check?: string; computation?: string; suggestion?: string }> }>; summary: { bySeverity: Record<string, number> } };
    const flags = doc.claims.flatMap((c) => c.flags);
    const change = flags.find((f) => f.check === 'change-vs-values');
    assert.ok(change, JSON.stringify(flags));
    assert.equal(change.severity, 'error');
    assert.match(change.computation ?? '', /\(260 − 210\) ÷ 210 × 100 = 23\.8%/);
    assert.ok(flags.some((f) => f.check === 'date-arithmetic' && /2012 − 1998 = 14/.test(f.computation ?? '')));
    assert.ok((doc.summary.bySeverity.error ?? 0) >= 2);
    const help = await runCli(['audit', '--help'], { cwd: dir });
    assert.match(help.stdout, /1 when it raised one/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('verity audit: Markdown and HTML list the flags by severity with the sentence, the computation and a suggestion', async () => {
  const dir = await folder();
  try {
    writeFileSync(join(dir, 'wrong.txt'), WRONG);
    const md = await runCli(['audit', 'wrong.txt', '--db', 'e.db'], { cwd: dir });
    assert.match(md.stdout, /## Flags by severity\n\n### Errors \(\d+\)\n/);
    assert.match(md.stdout, /- \*\*A\d+ · arithmetic · date-arithmetic:\*\* .*\n {2}- Sentence: "The depot opened in 1998.*"\n {2}- Computation: 2012 − 1998 = 14\n {2}- Suggestion: say "14 years later"/);
    const html = await runCli(['audit', 'wrong.txt', '--db', 'e.db', '--format', 'html'], { cwd: dir });
    assert.match(html.stdout, /<section class="audit-flags"><h2>Flags by severity<\/h2>\n<h3 class="error">Errors \(\d+\)<\/h3>/);
    assert.match(html.stdout, /Computation: <code>2012 − 1998 = 14<\/code>/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('verity audit: 500 markers and no sources list give one note, not a wall of flags', async () => {
  const dir = await folder();
  try {
    const body = Array.from({ length: 100 }, (_, i) => `Section ${i + 1} of the report covers ${i + 3} districts in detail [${5 * i + 1}] [${5 * i + 2}] [${5 * i + 3}] [${5 * i + 4}] [${5 * i + 5}].`).join('\n\n');
    writeFileSync(join(dir, 'many.txt'), body);
    const r = await runCli(['audit', 'many.txt', '--db', 'e.db', '--json'], { cwd: dir });
    const doc = JSON.parse(r.stdout) as { missingReferences: number[]; warnings: string[]; summary: { flags: number } };
    assert.equal(doc.missingReferences.length, 500);
    const notes = doc.warnings.filter((w) => /not in this file/.test(w));
    assert.deepEqual(notes, ['references [1]–[500] are not in this file (it has no sources list): the sentences citing them were checked against the corpus instead']);
    assert.equal(doc.summary.flags, 0);
    assert.equal(r.stderr.match(/not in this file/g)?.length, 1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('verity audit reads a PDF text layer, and says so when a PDF has none', async () => {
  const dir = await folder();
  try {
    writeFileSync(join(dir, 'a.pdf'), pdf(['Fact check: Did the depot add buses?', '', 'The depot had 210 buses in 2019 and 260 in 2024, a rise of 30%.']));
    const r = await runCli(['audit', 'a.pdf', '--db', 'e.db', '--json'], { cwd: dir });
    assert.equal(r.code, 1, r.stderr);
    const doc = JSON.parse(r.stdout) as { claims: Array<{ text: string; flags: Array<{ check?: string }> }> };
    assert.ok(doc.claims.some((c) => c.flags.some((f) => f.check === 'change-vs-values')), r.stdout);
    writeFileSync(join(dir, 'scan.pdf'), pdf([]));
    const scan = await runCli(['audit', 'scan.pdf', '--db', 'e.db'], { cwd: dir });
    assert.equal(scan.code, 1);
    assert.match(scan.stderr, /the PDF has no text layer .* Fix: run OCR/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('verity audit reads an article from a URL', async () => {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<html><body><p>Home | News | About</p><h1>Depot buses</h1><p>Checked on March 4, 2026</p><p>${WRONG.split('\n\n')[2]}</p></body></html>`);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const dir = await folder();
  try {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/article`;
    const r = await runCli(['audit', url, '--db', 'e.db', '--json'], { cwd: dir, env: { VERITY_WEB_ALLOW_PRIVATE: '1' } });
    assert.equal(r.code, 1, r.stderr);
    const doc = JSON.parse(r.stdout) as { title: string; claims: Array<{ text: string }> };
    assert.equal(doc.title, 'Depot buses');
    assert.deepEqual(doc.claims.map((c) => c.text), ['The depot had 210 buses in 2019 and 260 in 2024, a rise of 30%.']);
  } finally {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
