// PDF decompression bombs, built at test time: a few megabytes that inflate to gigabytes. The file
// fails clearly (TOO_LARGE) before PDF.js inflates it, and memory stays far under 1 GB.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadPdf } from '../../src/ingest/load/load-pdf.js';
import { filteredStreams, flateStreams, inflatedTotal } from '../../src/ingest/load/pdf-limits.js';
import { ascii85Decode, asciiHexDecode, lzwDecode, runLengthDecode } from '../../src/ingest/load/pdf-filters.js';
import { isVerityError } from '../../src/errors.js';
import { runCli } from '../helpers/run-cli.js';
import { ascii85Encode, bombPdf, lzwEncode } from './pdf-bomb.js';
import { makePdf } from '../fixtures/ingest/make-pdf.js';

test('a PDF whose content inflates to 2.6 GB fails clearly, in a process whose peak memory stays under 1 GB', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'verity-bomb-'));
  try {
    const file = join(dir, 'bomb.pdf');
    writeFileSync(file, await bombPdf(2600 * 1024 * 1024));
    // A fresh process, so its peak resident memory is this file's alone.
    const script = `import('${resolve('src/ingest/load/load-pdf.ts')}').then(async (m) => { const fs = await import('node:fs'); try { await m.loadPdf(fs.readFileSync(${JSON.stringify(file)}), 'bomb.pdf'); console.log('loaded'); } catch (e) { console.log(e.code + ' ' + e.message); } console.log('maxRSS ' + process.resourceUsage().maxRSS); })`;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { encoding: 'utf8', timeout: 120_000 });
    assert.match(r.stdout, /^TOO_LARGE verity: \[ingest\] cannot read "bomb\.pdf": its compressed streams inflate to more than 32 MiB/m, r.stdout + r.stderr);
    const rssKb = Number(/maxRSS (\d+)/.exec(r.stdout)?.[1]);
    assert.ok(rssKb > 0 && rssKb < 1024 * 1024, `peak RSS ${Math.round(rssKb / 1024)} MB`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an ordinary compressed PDF is read, and its Flate stream is the one measured', async () => {
  const pdf = await bombPdf(64 * 1024);
  assert.equal(flateStreams(pdf).length, 1);
  const { text } = await loadPdf(pdf, 'small.pdf');
  assert.match(text, /^Harbour cargo rose/);
});

test('a lower cap refuses a smaller PDF; the text cap refuses a PDF with too much text', async () => {
  const pdf = await bombPdf(256 * 1024);
  await assert.rejects(loadPdf(pdf, 'a.pdf', { maxInflatedBytes: 64 * 1024 }), (e) => isVerityError(e) && e.code === 'TOO_LARGE' && /inflate to more than 64 KiB \(a \d+ KiB file/.test(e.message));
  await assert.rejects(loadPdf(pdf, 'a.pdf', { maxTextChars: 1000 }), (e) => isVerityError(e) && e.code === 'TOO_LARGE' && /characters of text, more than the 1000/.test(e.message));
});

test('verity ingest --max-inflated sets the cap; the refused PDF is a failure of that file only', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'verity-bomb-cli-'));
  try {
    writeFileSync(join(dir, 'heavy.pdf'), await bombPdf(256 * 1024));
    writeFileSync(join(dir, 'note.txt'), 'The harbour handled more cargo in 2024 than in 2023.');
    const db = join(dir, 'c.db');
    const refused = await runCli(['ingest', dir, '--db', db, '--max-inflated', '100KB', '--json']);
    const summary = JSON.parse(refused.stdout) as { added: number; failures: Array<{ code: string; message: string }> };
    assert.equal(summary.added, 1);
    assert.equal(summary.failures[0]?.code, 'TOO_LARGE');
    const bad = await runCli(['ingest', dir, '--db', db, '--max-inflated', 'lots']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--max-inflated "lots" is not a size/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a damaged PDF on which PDF.js leaves a promise rejected and unhandled fails clearly, and the process sees nothing (found by the fuzz run)', async () => {
  const bytes = Uint8Array.from(makePdf({ pages: [['The council counted 1,200 voters in March 2021.'], ['Turnout did not rise.']], info: { Title: 'Fuzz' } }));
  for (const [at, byte] of [[7, 206], [355, 111], [489, 5], [585, 6], [456, 41], [454, 0]] as const) bytes[at] = byte;
  const unhandled: unknown[] = [];
  const listener = (e: unknown): void => {
    unhandled.push(e);
  };
  process.on('unhandledRejection', listener);
  try {
    await assert.rejects(loadPdf(bytes, 'damaged.pdf'), (e) => isVerityError(e) && e.code === 'BAD_INPUT' && /"damaged\.pdf": the PDF is damaged or truncated/.test(e.message));
    await new Promise((r) => setTimeout(r, 100));
    assert.deepEqual(unhandled.map(String), []);
  } finally {
    process.off('unhandledRejection', listener);
  }
});

test('LZW and ASCII85-then-Flate streams are measured exactly, and PDF.js reads the same files', async () => {
  for (const encoding of ['lzw', 'a85-flate'] as const) {
    const pdf = await bombPdf(64 * 1024, undefined, encoding);
    const streams = filteredStreams(pdf);
    assert.deepEqual(streams.map((s) => s.filters), [encoding === 'lzw' ? ['lzw'] : ['a85', 'flate']]);
    // bombPdf's content: exactly 64 KiB for LZW; deflated in 1 MiB rounds of the unit for Flate.
    assert.equal(await inflatedTotal(pdf, 1 << 30), encoding === 'lzw' ? 64 * 1024 : 1_048_600);
    const { text } = await loadPdf(pdf, `small-${encoding}.pdf`);
    assert.match(text, /^Harbour cargo rose/);
  }
});

test('an LZW bomb and an ASCII85-wrapped Flate bomb fail clearly (TOO_LARGE) before PDF.js reads them', async () => {
  const lzw = await bombPdf(2 * 1024 * 1024, undefined, 'lzw');
  await assert.rejects(loadPdf(lzw, 'lzw.pdf', { maxInflatedBytes: 512 * 1024 }), (e) => isVerityError(e) && e.code === 'TOO_LARGE' && /"lzw\.pdf": its compressed streams inflate to more than 512 KiB/.test(e.message));
  const a85 = await bombPdf(40 * 1024 * 1024, undefined, 'a85-flate');
  await assert.rejects(loadPdf(a85, 'a85.pdf'), (e) => isVerityError(e) && e.code === 'TOO_LARGE' && /inflate to more than 32 MiB/.test(e.message));
});

test('the filter decoders: LZW round trip (table clears, both code widths rules), ASCII85, ASCIIHex, RunLength, and damage stops a decoder without a throw', () => {
  const data = Buffer.from(Array.from({ length: 100_000 }, (_, i) => (i * 7919 + (i >> 3)) % 251));
  const lzw = lzwDecode(lzwEncode(data), 1 << 30, 1, true);
  assert.ok(Buffer.from(lzw.bytes!).equals(data));
  assert.ok(lzwDecode(lzwEncode(data), 1000).size <= 1000 + 4096, 'stops past the limit');
  assert.ok(Buffer.from(ascii85Decode(ascii85Encode(data), 1 << 30)).equals(data));
  assert.deepEqual([...ascii85Decode(Buffer.from('z~>'), 100)], [0, 0, 0, 0]);
  assert.deepEqual([...asciiHexDecode(Buffer.from('48 65 6C6c 6F 7>'), 100)], [0x48, 0x65, 0x6c, 0x6c, 0x6f, 0x70]);
  assert.deepEqual([...runLengthDecode(Uint8Array.from([2, 65, 66, 67, 254, 68, 128, 69]), 100)], [65, 66, 67, 68, 68, 68]);
  assert.equal(lzwDecode(Uint8Array.from([0xff, 0xff, 0xff, 0xff]), 100).size, 0, 'a first code that is not a byte stops at once');
});
