import { test } from 'node:test';
import assert from 'node:assert/strict';
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadDocument, loadFile } from '../../src/ingest/index.js';
import { isVerityError, type VerityError } from '../../src/errors.js';
import { makePdf } from '../fixtures/ingest/make-pdf.js';

const FIX = 'test/fixtures/ingest/corpus';
const dir = mkdtempSync(join(tmpdir(), 'verity-loaders-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

function tmp(name: string, content: string | Uint8Array): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

function expectError(code: string, pattern: RegExp) {
  return (e: unknown): boolean => {
    assert.ok(isVerityError(e), `expected a VerityError, got ${String(e)}`);
    assert.equal((e as VerityError).code, code);
    assert.equal((e as VerityError).component, 'ingest');
    assert.match((e as VerityError).message, pattern);
    return true;
  };
}

test('.txt: the text as is; title from the file name; kind from the option', async () => {
  const d = await loadDocument(`${FIX}/overview.txt`, { kind: 'reference' });
  assert.match(d.text, /^Possession offences differ widely between countries\./);
  assert.equal(d.meta.title, 'overview');
  assert.equal(d.meta.kind, 'reference');
  assert.equal(d.meta.uri, pathToFileURL(`${process.cwd()}/${FIX}/overview.txt`).href);
  assert.equal(d.meta.publishedAt, null);
});

test('.md: YAML front matter becomes metadata and the body becomes prose', async () => {
  const d = await loadDocument(`${FIX}/laws/statute.md`);
  assert.deepEqual({ ...d.meta, uri: '' }, {
    uri: '',
    title: 'Statute on Material Offences',
    publisher: 'Ministry of Justice of Examplestan',
    author: 'Legislative Drafting Office, Parliament',
    publishedAt: '2021-07-15',
    kind: 'legislation',
    language: 'en',
    license: 'public domain',
  });
  assert.ok(!d.text.includes('---'), 'front matter is not text');
  assert.match(d.text, /shall be punished by imprisonment of up to five years\. See the code for details\./);
  assert.ok(!/[#*]|\]\(/.test(d.text), 'markup removed');
  assert.match(d.text, /\n\nDistribution is punished by imprisonment of up to ten years\.\n\nAttempt is punishable\./);
});

test('.md: title falls back to the first heading; invalid front matter is a clear error', async () => {
  const d = await loadDocument(tmp('h.md', '# The Heading\n\nBody text.'));
  assert.equal(d.meta.title, 'The Heading');
  await assert.rejects(loadDocument(tmp('bad-fm.md', '---\ntitle: [unclosed\n---\nBody.')), expectError('BAD_INPUT', /cannot read ".*bad-fm\.md": its YAML front matter is invalid .*Fix: fix the YAML/));
  await assert.rejects(loadDocument(tmp('bad-kind.md', '---\nkind: podcast\n---\nBody.')), expectError('BAD_INPUT', /front matter of ".*bad-kind\.md": unknown source kind "podcast"\. Fix: use one of: legislation, government.*company, blog, other, unknown/));
  assert.equal((await loadDocument(tmp('blog-kind.md', '---\nkind: blog\n---\nBody text.'))).meta.kind, 'blog');
});

test('.html: main content via Readability, metadata from meta tags, no scripts or navigation', async () => {
  const d = await loadDocument(`${FIX}/news.html`);
  assert.equal(d.meta.title, 'Parliament tightens possession law');
  assert.equal(d.meta.publisher, 'Daily Planet');
  assert.equal(d.meta.author, 'Lois Lane');
  assert.equal(d.meta.publishedAt, '2022-03-09');
  assert.equal(d.meta.language, 'en');
  assert.match(d.text, /^Parliament voted on Tuesday to raise the maximum penalty for possession to eight years\./m);
  assert.match(d.text, /\.\n\nOpposition members said/);
  for (const junk of ['tracking', 'color: red', 'Home', 'Copyright']) assert.ok(!d.text.includes(junk), `no ${junk}`);
});

test('.html with no body text is refused', async () => {
  await assert.rejects(loadDocument(tmp('empty.html', '<html><head><title>Nothing</title></head></html>')), expectError('BAD_INPUT', /cannot read ".*empty\.html": the HTML has no body text\. Fix:/));
  await assert.rejects(loadDocument(tmp('shell.html', '<html><head></head><body><script>app()</script></body></html>')), expectError('BAD_INPUT', /the HTML has no body text/));
});

test('.pdf: page text and document info', async () => {
  const p = tmp('ok.pdf', makePdf({ pages: [['First page sentence one.', 'Sentence two.'], ['Second page text.']], info: { Title: 'A PDF Report', Author: 'Ann Author', CreationDate: 'D:20230115120000Z' } }));
  const d = await loadDocument(p);
  assert.equal(d.text, 'First page sentence one.\nSentence two.\n\nSecond page text.');
  assert.equal(d.meta.title, 'A PDF Report');
  assert.equal(d.meta.author, 'Ann Author');
  assert.equal(d.meta.publishedAt, '2023-01-15');
});

test('a PDF that is truncated, encrypted or not a PDF is refused, saying which', async () => {
  const whole = makePdf({ pages: [['Hello world.']] });
  await assert.rejects(loadDocument(tmp('trunc.pdf', whole.subarray(0, Math.floor(whole.length / 2)))), expectError('BAD_INPUT', /cannot read ".*trunc\.pdf": the PDF is damaged or truncated \(.+\)\. Fix: get a complete copy/));
  await assert.rejects(loadDocument(tmp('enc.pdf', makePdf({ pages: [['Secret.']], encrypted: true }))), expectError('BAD_INPUT', /cannot read ".*enc\.pdf": the PDF is encrypted \(password-protected\)\. Fix: save an unencrypted copy/));
  await assert.rejects(loadDocument(tmp('fake.pdf', '<html><body>not a pdf</body></html>')), expectError('BAD_INPUT', /cannot read ".*fake\.pdf": not a PDF \(starts with "<html><b"\)/));
});

test('.jsonl: one document per line; a bad line is reported with its number and the rest load', async () => {
  const r = await loadFile(`${FIX}/records.jsonl`);
  assert.equal(r.documents.length, 2);
  assert.equal(r.documents[0]?.meta.uri, 'https://example.org/treaty');
  assert.equal(r.documents[0]?.meta.kind, 'intergovernmental');
  assert.equal(r.documents[1]?.meta.author, 'A. Smith, B. Jones');
  const mixed = tmp('mixed.jsonl', '{"text":"Good one.","title":"G"}\nnot json\n["array"]\n{"title":"no text"}\n\n{"text":"No title or url."}\n');
  const m = await loadFile(mixed);
  assert.deepEqual(
    m.documents.map((d) => [d.origin.replace(dir, ''), d.meta.title, d.meta.uri.endsWith('mixed.jsonl#L6')]),
    [
      ['/mixed.jsonl:1', 'G', false],
      ['/mixed.jsonl:6', 'mixed line 6', true],
    ],
  );
  assert.deepEqual(
    m.failures.map((f) => f.error.message.replace(dir, '')),
    [
      'verity: [ingest] cannot read "/mixed.jsonl:2": invalid JSON (Unexpected token \'o\', "not json" is not valid JSON). Fix: write one JSON object per line',
      'verity: [ingest] cannot read "/mixed.jsonl:3": the line is not a JSON object. Fix: write one object per line, e.g. {"title": "…", "text": "…", "url": "…"}',
      'verity: [ingest] cannot read "/mixed.jsonl:4": it has no "text" field with text in it. Fix: give each line a "text" string',
    ],
  );
  await assert.rejects(loadDocument(mixed), expectError('UNSUPPORTED', /JSONL holds one document per line/));
});

test('a sidecar <file>.meta.json overrides the metadata; a broken sidecar is an error', async () => {
  const d = await loadDocument(`${FIX}/commentary.txt`);
  assert.equal(d.meta.title, 'Commentary on intent');
  assert.equal(d.meta.kind, 'legal-commentary');
  assert.equal(d.meta.publisher, 'Law Review');
  assert.equal(d.meta.publishedAt, '2019-01-02');
  assert.equal(d.meta.uri, 'https://example.org/commentary');
  const md = tmp('fm.md', '---\ntitle: From front matter\nkind: news\n---\nText.');
  tmp('fm.md.meta.json', '{"title": "From sidecar"}');
  const o = await loadDocument(md);
  assert.equal(o.meta.title, 'From sidecar');
  assert.equal(o.meta.kind, 'news', 'fields the sidecar omits keep the file value');
  const t = tmp('side.txt', 'Text.');
  tmp('side.txt.meta.json', '{"title": ');
  await assert.rejects(loadDocument(t), expectError('BAD_INPUT', /cannot read sidecar ".*side\.txt\.meta\.json": invalid JSON/));
});

test('a binary file named .txt is refused, naming the NUL byte offset', async () => {
  const bytes = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00]);
  await assert.rejects(loadDocument(tmp('archive.txt', bytes)), expectError('BAD_INPUT', /cannot read ".*archive\.txt": it looks binary \(a NUL byte at offset 4\), not text\. Fix: ingest text, Markdown, HTML, PDF or JSONL/));
});

test('UTF-16 text without a byte-order mark is refused, naming UTF-16 and the conversion', async () => {
  const text = 'Ferry fares rose to 4 euros in 2024.';
  await assert.rejects(loadDocument(tmp('wide-le.txt', Buffer.from(text, 'utf16le'))), expectError('BAD_INPUT', /it looks like UTF-16LE text without a byte-order mark .*Fix: convert it to UTF-8, e\.g\. iconv -f utf-16le -t utf-8/));
  const be = Buffer.from(text, 'utf16le').swap16();
  await assert.rejects(loadDocument(tmp('wide-be.txt', be)), expectError('BAD_INPUT', /UTF-16BE/));
});

test('invalid UTF-8 is refused, naming the byte and its offset', async () => {
  const latin1 = Buffer.from('Caf\xe9 au lait.', 'latin1');
  await assert.rejects(loadDocument(tmp('latin1.txt', latin1)), expectError('BAD_INPUT', /cannot read ".*latin1\.txt": it is not valid UTF-8 \(bad byte 0xe9 at offset 3\)\. Fix: convert it to UTF-8/));
});

test('UTF-8 with a BOM, UTF-16 with a BOM and CRLF line ends are read as text', async () => {
  assert.equal((await loadDocument(tmp('bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Hello.\r\nWorld.')])))).text, 'Hello.\nWorld.');
  assert.equal((await loadDocument(tmp('u16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Wide text.', 'utf16le')])))).text, 'Wide text.');
});

test('an empty file, or one with only whitespace, is refused', async () => {
  await assert.rejects(loadDocument(tmp('empty.txt', '')), expectError('BAD_INPUT', /cannot read ".*empty\.txt": the file is empty\. Fix: remove it or give it some text/));
  await assert.rejects(loadDocument(tmp('blank.md', '\n  \n\t\n')), expectError('BAD_INPUT', /cannot read ".*blank\.md": it has no text/));
});

test('a 200 MB file is refused before it is read, and the limit is configurable', async () => {
  const big = join(dir, 'huge.txt');
  const fd = openSync(big, 'w');
  ftruncateSync(fd, 200 * 1024 * 1024); // sparse: no 200 MB written to disk
  closeSync(fd);
  const before = process.memoryUsage().rss;
  await assert.rejects(loadDocument(big), expectError('TOO_LARGE', /cannot read ".*huge\.txt": it is 200\.0 MB, over the 50\.0 MB limit\. Fix: raise the limit with --max-bytes 209715200/));
  assert.ok(process.memoryUsage().rss - before < 50 * 1024 * 1024, 'the file was not read');
  const small = tmp('small.txt', 'Just over ten bytes.');
  await assert.rejects(loadDocument(small, { maxBytes: 10 }), expectError('TOO_LARGE', /it is 20 bytes, over the 10 bytes limit/));
  assert.equal((await loadDocument(small, { maxBytes: 20 })).text, 'Just over ten bytes.');
});

test('a path that does not exist, a folder and an unknown type are clear errors', async () => {
  await assert.rejects(loadDocument(join(dir, 'nope.txt')), expectError('NOT_FOUND', /cannot read ".*nope\.txt": no such file or folder\. Fix: check the path/));
  await assert.rejects(loadDocument(`${FIX}/table.csv`), expectError('UNSUPPORTED', /cannot read ".*table\.csv": unsupported file type "\.csv"\. Fix: use one of \.txt/));
});
