import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { chunkPassages } from '../../src/ingest/index.js';
import { splitSentences } from '../../src/text/sentences.js';

function texts(text: string, max?: number): string[] {
  return chunkPassages(text, max === undefined ? {} : { maxChars: max }).map((p) => text.slice(p.start, p.end));
}

test('groups whole sentences, at most three per passage', () => {
  const s = (i: number): string => `Sentence number ${i} is here.`;
  const text = Array.from({ length: 7 }, (_, i) => s(i)).join(' ');
  assert.deepEqual(texts(text), [`${s(0)} ${s(1)} ${s(2)}`, `${s(3)} ${s(4)} ${s(5)}`, s(6)]);
});

test('never exceeds maxChars; starts a new passage rather than cut a sentence', () => {
  const text = 'A first sentence of some length. A second sentence, also long enough. Third.';
  assert.deepEqual(texts(text, 40), ['A first sentence of some length.', 'A second sentence, also long enough.', 'Third.']);
});

test('a paragraph break ends a passage unless what came before is a short heading', () => {
  const text = 'Section 1. Scope\n\nThis act applies to everyone in the land, without exception of any kind whatsoever. It starts today.\n\nAnother paragraph.';
  assert.deepEqual(texts(text), [
    'Section 1. Scope\n\nThis act applies to everyone in the land, without exception of any kind whatsoever.',
    'It starts today.',
    'Another paragraph.',
  ]);
});

test('one sentence longer than maxChars is cut at word boundaries', () => {
  const long = `${Array.from({ length: 300 }, (_, i) => `word${i}`).join(' ')}.`;
  const parts = texts(long);
  assert.ok(parts.length >= 4);
  for (const p of parts) {
    assert.ok(p.length <= 600);
    assert.ok(/^word\d+$/.test(p.split(' ')[0] ?? ''), `starts on a word: ${p.slice(0, 20)}`);
  }
  assert.equal(parts.join(' '), long);
});

test('a single word longer than maxChars is cut hard but never inside a surrogate pair', () => {
  const text = '😀'.repeat(50);
  const spans = chunkPassages(text, { maxChars: 25 });
  for (const sp of spans) {
    assert.ok(sp.end - sp.start <= 25);
    assert.ok(!/[\udc00-\udfff]/.test(text[sp.start] ?? ''), 'does not start on a low surrogate');
  }
  assert.equal(spans.map((sp) => text.slice(sp.start, sp.end)).join(''), text);
});

test('a short passage ending in punctuation does not join the next paragraph', () => {
  assert.deepEqual(texts('It starts today.\n\nAnother paragraph.'), ['It starts today.', 'Another paragraph.']);
});

test('empty and whitespace-only text give no passages', () => {
  assert.deepEqual(chunkPassages(''), []);
  assert.deepEqual(chunkPassages(' \n\n\t '), []);
});

test('property: spans are ordered, disjoint, trimmed, within maxChars and cover every sentence', () => {
  const sentenceish = fc.stringMatching(/^[A-Za-z0-9 ,;:'"()\-–.!?\né\u{1F600}]{0,400}$/u);
  fc.assert(
    fc.property(fc.oneof(sentenceish, fc.string({ maxLength: 400 }), fc.string({ unit: 'binary', maxLength: 400 })), fc.integer({ min: 20, max: 700 }), (text, max) => {
      const spans = chunkPassages(text, { maxChars: max });
      let last = 0;
      const covered = new Array<boolean>(text.length).fill(false);
      for (const sp of spans) {
        assert.ok(sp.start >= last && sp.end > sp.start && sp.end <= text.length, 'ordered and disjoint');
        assert.ok(sp.end - sp.start <= max, 'within maxChars');
        const slice = text.slice(sp.start, sp.end);
        assert.equal(slice, slice.trim(), 'trimmed');
        for (let i = sp.start; i < sp.end; i++) covered[i] = true;
        last = sp.end;
      }
      for (const s of splitSentences(text)) for (let i = s.start; i < s.end; i++) if (!/\s/.test(text[i] ?? '')) assert.ok(covered[i], `character ${i} covered`);
    }),
    { numRuns: 400 },
  );
});

test('a blank line may hold spaces, tabs or \\r; closing quotes and brackets after a stop still end a passage', () => {
  assert.deepEqual(texts('First one ends here.\n \t\nSecond starts here.'), ['First one ends here.', 'Second starts here.']);
  assert.deepEqual(texts('First one ends here.\r\n\r\nSecond starts here.'), ['First one ends here.', 'Second starts here.']);
  assert.deepEqual(texts('He said "stop."\n\nNext paragraph here.'), ['He said "stop."', 'Next paragraph here.']);
  assert.deepEqual(texts('See the list (below.)\n\nNext paragraph here.'), ['See the list (below.)', 'Next paragraph here.']);
  // No stop before the quote: a heading, joined to what follows.
  assert.deepEqual(texts('Heading "quoted"\n\nNext paragraph here.'), ['Heading "quoted"\n\nNext paragraph here.']);
});
