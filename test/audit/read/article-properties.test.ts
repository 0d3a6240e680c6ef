// Property tests for article reading: whatever the mix of sentences, markers, links and a
// sources list, offsets always slice back onto the text they name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readArticle } from '../../../src/audit/index.js';

const word = fc.constantFrom('countries', 'laws', 'the', 'survey', 'found', '140', 'of', '196', 'in', '2023', 'possession', 'rose', '12%');
const marker = fc.constantFrom(' [1]', '[2]', ' [1, 2]', ' [2–3]', '[^1]', '');
const link = fc.constantFrom('', ' see [the report](https://www.example.org/r?utm_source=x)', ' <https://example.net/a>', ' https://example.com/b');
const sentence = fc.tuple(fc.array(word, { minLength: 3, maxLength: 10 }), link, marker, fc.constantFrom('.', '!', '.')).map(([ws, l, m, end]) => {
  const s = ws.join(' ');
  return `${s.charAt(0).toUpperCase()}${s.slice(1)}${l}${end}${m}`;
});
const paragraph = fc.array(sentence, { minLength: 1, maxLength: 4 }).map((ss) => ss.join(' '));
const article = fc
  .tuple(fc.array(paragraph, { minLength: 1, maxLength: 5 }), fc.boolean(), fc.boolean())
  .map(([ps, heading, sources]) =>
    [heading ? '# A title\n' : '', ps.join('\n\n'), sources ? '\n## Sources\n\n[1] Survey of laws — Centre. https://example.org/r\n[2] "Second". Journal.\n[3] Third https://x.org' : ''].join('\n'),
  );

test('Markdown reading: blocks and citations slice onto the body; the body maps back onto the input', () => {
  fc.assert(
    fc.property(article, (md) => {
      const a = readArticle(md, 'md');
      assert.equal(a.origin.length, a.text.length + 1);
      for (let i = 0; i < a.text.length; i++) {
        if (a.text[i] !== '\n') assert.equal(md[a.origin[i] ?? -1], a.text[i]);
      }
      for (const b of a.blocks) assert.equal(a.text.slice(b.start, b.end), b.text);
      for (const c of a.citations) {
        assert.equal(a.text.slice(c.start, c.end), c.text);
        for (const n of c.refs) assert.ok(n >= 1);
      }
      assert.ok(!/^\[1\] Survey of laws/m.test(a.text), 'the sources list is not body text');
    }),
    { numRuns: 150 },
  );
});

test('HTML reading: blocks and citations slice onto the text', () => {
  fc.assert(
    fc.property(fc.array(paragraph, { minLength: 1, maxLength: 4 }), (ps) => {
      const html = `<article>${ps.map((p) => `<p>${p.replace(/\[(\d)\]/g, '<sup><a href="#r$1">$1</a></sup>')}</p>`).join('')}<h2>References</h2><ol><li id="r1">A</li><li id="r2">B</li></ol></article>`;
      const a = readArticle(html, 'html');
      for (const b of a.blocks) assert.equal(a.text.slice(b.start, b.end), b.text);
      for (const c of a.citations) assert.equal(a.text.slice(c.start, c.end), c.text);
    }),
    { numRuns: 100 },
  );
});
