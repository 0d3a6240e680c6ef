// Hostile HTML, generated here (never committed): pages nested thousands of levels deep must not
// overflow the call stack in ingest or audit, nor hold Readability for minutes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { openStore } from '../../src/store/sqlite/open.js';
import { ingestPaths } from '../../src/ingest/index.js';
import { loadHtml } from '../../src/ingest/load/load-html.js';
import { guardedReadability } from '../../src/ingest/load/readability-guard.js';
import { readHtmlArticle } from '../../src/audit/read/article-html.js';

const SENTENCE = 'The harbour authority reported that cargo volumes rose by 12 percent in 2024 compared with the year before.';

function nested(depth: number, tag = 'div'): string {
  return `<html><head><title>Deep page</title></head><body>${`<${tag}>`.repeat(depth)}<p>${SENTENCE}</p>${`</${tag}>`.repeat(depth)}</body></html>`;
}

test('ingest reads a page nested 10,000 levels deep: its text, and a warning that main-content extraction was skipped', () => {
  const { text, warnings } = loadHtml(nested(10_000), 'deep.html');
  assert.equal(text, SENTENCE);
  assert.equal(warnings.length, 1);
  assert.match(warnings[0] ?? '', /"deep\.html": the page nests elements 10\d{3} levels deep \(more than 200\)/);
});

test('a page 1,000 levels deep (the one that held Readability for half a minute) is not given to Readability', () => {
  const { text, warnings } = loadHtml(nested(1_000, 'span'), 'spans.html');
  assert.equal(text, SENTENCE);
  assert.match(warnings.join(' '), /levels deep/);
});

test('an ordinary page keeps Readability and gets no warning', () => {
  const para = `<p>${SENTENCE} ${SENTENCE}</p>`;
  const { text, warnings } = loadHtml(`<html><body><nav>Home | About</nav><article>${para.repeat(4)}</article></body></html>`, 'plain.html');
  assert.deepEqual(warnings, []);
  assert.ok(text.includes(SENTENCE));
  assert.ok(!text.includes('Home | About'), 'the navigation is left out by Readability');
});

test('Readability past its time budget is stopped and the reason returned (clock advanced by the test)', () => {
  const { document } = parseHTML(nested(150)) as unknown as { document: { body: Parameters<typeof guardedReadability>[1] } };
  let now = 0;
  const clock = (): number => (now += 1);
  const r = guardedReadability(document, document.body, { timeBudgetMs: 50 }, clock);
  assert.equal(r.article, null);
  assert.match(r.skipped ?? '', /took more than 50 ms, so it was stopped/);
});

test('a page with more elements than the cap is not given to Readability', () => {
  const { document } = parseHTML(`<html><body>${'<p>a</p>'.repeat(500)}</body></html>`) as unknown as { document: { body: Parameters<typeof guardedReadability>[1] } };
  const r = guardedReadability(document, document.body, { maxElements: 100 });
  assert.equal(r.article, null);
  assert.match(r.skipped ?? '', /more than 100 elements/);
});

test('a folder of 28 good pages and one 10,000-level page: all 29 are stored, and the deep one is noted', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'verity-deep-'));
  const store = await openStore(':memory:');
  try {
    for (let i = 0; i < 28; i++) writeFileSync(join(dir, `page-${i}.html`), `<html><body><p>Page ${i}: ${SENTENCE}</p></body></html>`);
    writeFileSync(join(dir, 'deep.html'), nested(10_000));
    const notices: string[] = [];
    const s = await ingestPaths(store, [dir], { onNotice: (m) => notices.push(m) });
    assert.deepEqual(s.failures, []);
    assert.equal(s.added, 29);
    assert.equal(notices.filter((n) => /deep\.html.*levels deep/.test(n)).length, 1);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('audit reads an HTML article nested 10,000 levels deep, citations included', () => {
  const depth = 10_000;
  const html = `<html><body>${'<div>'.repeat(depth)}<p>${SENTENCE}<sup>1</sup> See <a href="https://example.org/report">the report</a>.</p>${'</div>'.repeat(depth)}<h2>References</h2><ol><li>Harbour report 2024. https://example.org/report</li></ol></body></html>`;
  const article = readHtmlArticle(html);
  assert.equal(article.blocks.length, 1);
  assert.ok(article.blocks[0]?.text.startsWith(SENTENCE));
  assert.deepEqual(article.citations.map((c) => c.refs), [[1], [1]]);
});

test('an empty HTML file or a bare fragment is a clear failure or a read, never a TypeError (found by the fuzz run)', () => {
  assert.throws(() => loadHtml('', 'empty.html'), (e) => e instanceof Error && e.name === 'VerityError' && /has no body text/.test(e.message));
  assert.equal(loadHtml('Just a line of text.', 'bare.html').text, 'Just a line of text.');
});

test('a page of more than a million tags is refused TOO_LARGE before its DOM is built; one under the cap is read', () => {
  const many = `<html><body><p>${SENTENCE}${'<i></i>'.repeat(500_001)}</p></body></html>`;
  assert.throws(
    () => loadHtml(many, 'many.html'),
    (e: unknown) => e instanceof Error && (e as { code?: string }).code === 'TOO_LARGE' && /"many\.html": the page has more than 1,000,000 tags/.test(e.message),
  );
  const few = `<html><body><p>${SENTENCE}${'<i></i>'.repeat(50)}</p></body></html>`;
  assert.equal(loadHtml(few, 'few.html', { maxTags: 200 }).text, SENTENCE);
  assert.throws(() => loadHtml(few, 'few.html', { maxTags: 100 }), /more than 100 tags/);
});
