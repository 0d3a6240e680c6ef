import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normaliseUrl, readArticle, checkArithmetic, matchReferences } from '../../../src/audit/index.js';
import type { Source } from '../../../src/model.js';

test('normaliseUrl folds scheme, www, case, trailing slash and tracking parameters', () => {
  assert.equal(normaliseUrl('http://WWW.Example.org/Report/?utm_source=x&b=2&a=1#p'), 'example.org/report?a=1&b=2');
  assert.equal(normaliseUrl('https://example.org/report'), 'example.org/report');
  assert.notEqual(normaliseUrl('https://example.org/report?id=2'), normaliseUrl('https://example.org/report?id=3'));
  assert.equal(normaliseUrl('not a url'), null);
});

test('Markdown: numbered sources, citation marks, inline links and the offset map', () => {
  const md = '# T\n\nA claim with 140 of 196 countries [1]. Another.[2] See [the survey](https://x.org/s?utm_medium=m).\n\n## References\n\n[1] Survey of laws — Centre. https://example.org/r\n[2] "Second title". Journal.\n';
  const a = readArticle(md, 'md');
  assert.deepEqual(a.references.map((r) => [r.n, r.kind, r.url]), [[1, 'numbered', 'https://example.org/r'], [2, 'numbered', null], [3, 'link', 'https://x.org/s?utm_medium=m']]);
  assert.equal(a.references[1]?.title, 'Second title');
  assert.deepEqual(a.citations.map((c) => c.refs), [[1], [2], [3]]);
  assert.ok(!a.text.includes('References'));
  for (const c of a.citations) assert.equal(md.slice(a.origin[c.start], (a.origin[c.end - 1] ?? 0) + 1), c.text);
});

test('HTML: <sup> markers, sources list under a heading, inline links', () => {
  const a = readArticle('<p>Fact one.<sup><a href="#r1">1</a></sup> See <a href="https://y.org/p">this page</a>.</p><h2>Sources</h2><ol><li id="r1"><a href="https://example.org/r">Survey of laws</a></li></ol>', 'html');
  assert.deepEqual(a.references.map((r) => [r.n, r.kind, r.title]), [[1, 'numbered', 'Survey of laws'], [2, 'link', 'this page']]);
  assert.deepEqual(a.citations.map((c) => [c.text, c.refs]), [['[1]', [1]], ['this page', [2]]]);
  assert.ok(!a.text.includes('Survey of laws'));
});

test('references match corpus sources by normalised URL, else by title', () => {
  const src = (id: string, uri: string, title: string): Source => ({ id, uri, title, publisher: null, author: null, publishedAt: null, kind: 'other', language: null, license: null, retrievedAt: '', textLength: 1 });
  const sources = [src('a', 'https://example.org/r', 'Something'), src('b', 'file:///x.md', 'Global survey of possession laws')];
  const m = matchReferences(
    [
      { n: 1, kind: 'numbered', text: 'x http://www.example.org/r/', url: 'http://www.example.org/r/', title: null },
      { n: 2, kind: 'numbered', text: 'Global Survey of Possession Laws — Centre, 2023.', url: null, title: 'Global Survey of Possession Laws' },
      { n: 3, kind: 'numbered', text: 'Unrelated', url: null, title: 'Unrelated' },
    ],
    sources,
  );
  assert.deepEqual(m.map((x) => [x.sourceId, x.by]), [['a', 'url'], ['b', 'title'], [null, null]]);
});

test('arithmetic: wrong figures are found and correct ones pass', () => {
  assert.equal(checkArithmetic('140 of 196 countries (81%) do so.').length, 1);
  assert.equal(checkArithmetic('140 of 196 countries (71%) do so.').length, 0);
  assert.equal(checkArithmetic('Cases rose from 40 to 52, a rise of 15.').length, 1);
  assert.equal(checkArithmetic('Cases rose from 40 to 52, a rise of 12.').length, 0);
  assert.match(checkArithmetic('Of the 196 countries, 140 do, leaving 46 that do not.')[0]?.message ?? '', /196 − 140 = 56/);
});

test('an empty article is refused with the fix', () => {
  assert.throws(() => readArticle('  \n', 'md'), /\[audit\] the article is empty\. Fix: pass an article with text/);
});
