import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { splitSentences } from '../../src/text/index.js';

function texts(input: string): string[] {
  const spans = splitSentences(input);
  for (const s of spans) assert.equal(input.slice(s.start, s.end), s.text);
  return spans.map((s) => s.text);
}

test('abbreviations and titles do not end sentences', () => {
  assert.deepEqual(texts('Dr. Smith met Mr. Jones. They talked, e.g. about law, i.e. the code. It ended.'), [
    'Dr. Smith met Mr. Jones.',
    'They talked, e.g. about law, i.e. the code.',
    'It ended.',
  ]);
});

test('legal citations stay whole', () => {
  assert.deepEqual(texts('Under 18 U.S.C. § 2252A(a)(5), possession is a crime. N.J.S.A. 2C:24-4b(5) also applies. See Art. 9(4) of the Convention. No. 5 was cited.'), [
    'Under 18 U.S.C. § 2252A(a)(5), possession is a crime.',
    'N.J.S.A. 2C:24-4b(5) also applies.',
    'See Art. 9(4) of the Convention.',
    'No. 5 was cited.',
  ]);
  assert.deepEqual(texts('Pub. L. No. 108-21, 117 Stat. 650 was enacted. It passed.'), ['Pub. L. No. 108-21, 117 Stat. 650 was enacted.', 'It passed.']);
});

test('U.S. ends a sentence only before a sentence opener', () => {
  assert.deepEqual(texts('The U.S. Supreme Court ruled. It lives in the U.S. The rest is elsewhere.'), [
    'The U.S. Supreme Court ruled.',
    'It lives in the U.S.',
    'The rest is elsewhere.',
  ]);
});

test('decimals, ellipses and quotes', () => {
  assert.deepEqual(texts('The rate was 3.5 percent... and rising. Wait... The end. "Why?" he asked. "Because." She left.'), [
    'The rate was 3.5 percent... and rising.',
    'Wait...',
    'The end.',
    '"Why?" he asked.',
    '"Because."',
    'She left.',
  ]);
  assert.deepEqual(texts('It rose (see below.) Then it fell! Did it? Yes.'), ['It rose (see below.)', 'Then it fell!', 'Did it?', 'Yes.']);
});

test('headings and list items are their own sentences, without their markers', () => {
  const input = '## Scope of the law\nText one. Text two\n- first item\n- second item. With more.\n1. numbered\n(a) lettered\n\nAfter a blank\nline wraps.';
  assert.deepEqual(texts(input), ['Scope of the law', 'Text one.', 'Text two', 'first item', 'second item.', 'With more.', 'numbered', 'lettered', 'After a blank\nline wraps.']);
});

test('blank lines and rules end sentences; single newlines do not', () => {
  assert.deepEqual(texts('A title without stop\n\nBody text\ncontinues here.\n---\nNext'), ['A title without stop', 'Body text\ncontinues here.', 'Next']);
});

test('sentence ending in a year or a citation before a capital splits', () => {
  assert.deepEqual(texts('It began in 2010. By 2012 it was done. See § 2252A(a)(5). Then more.'), ['It began in 2010.', 'By 2012 it was done.', 'See § 2252A(a)(5).', 'Then more.']);
});

test('empty and whitespace-only input give no sentences', () => {
  assert.deepEqual(splitSentences(''), []);
  assert.deepEqual(splitSentences(' \n\n\t '), []);
});

test('property: spans slice back, are trimmed, ordered and non-overlapping on any text', () => {
  const alphabet = fc.constantFrom('a', 'B', ' ', '.', '!', '?', '\n', '#', '-', '1', '"', ')', '(', '§', 'U.S.', 'Dr.', '…', '\t', '\r', '\u0000', '😀');
  const arb = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.array(alphabet, { maxLength: 120 }).map((a) => a.join('')), fc.string({ unit: 'binary', maxLength: 200 }));
  fc.assert(
    fc.property(arb, (input) => {
      let last = 0;
      for (const s of splitSentences(input)) {
        assert.equal(input.slice(s.start, s.end), s.text);
        assert.ok(s.start >= last && s.end > s.start);
        assert.equal(s.text, s.text.trim());
        last = s.end;
      }
    }),
    { numRuns: 400 },
  );
});

test('a 1 MB line without stops is one sentence and is fast', () => {
  const line = 'word '.repeat(210_000);
  const t0 = performance.now();
  const spans = splitSentences(line);
  assert.equal(spans.length, 1);
  assert.ok(performance.now() - t0 < 2000);
});

test('a wrapped initial is not a list marker; letter items after a colon or another item are', () => {
  assert.deepEqual(texts('The report was written by\nJ. Smith and others. It was long.'), ['The report was written by\nJ. Smith and others.', 'It was long.']);
  assert.deepEqual(texts('Intro:\nA. One thing\nB. Another'), ['Intro:', 'One thing', 'Another']);
  assert.deepEqual(texts('# H1\r\nLine one.\r\n\r\nLine two'), ['H1', 'Line one.', 'Line two']);
});
