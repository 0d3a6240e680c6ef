import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createTextMemo } from '../../src/text/text-memo.js';
import { FIGURE_MEMO_CAPACITY, FIGURE_MEMO_MAX_TEXT, extractFigures } from '../../src/text/figures/figures.js';
import { extractDates } from '../../src/text/dates.js';
import { isVerityError } from '../../src/errors.js';

/** A memo of text → { text, n } that counts how often it computes. */
function counting(capacity: number, maxTextLength = 100) {
  const calls: string[] = [];
  const memo = createTextMemo((text: string) => {
    calls.push(text);
    return { text, n: text.length };
  }, { capacity, maxTextLength, copy: (v) => ({ ...v }) });
  return { memo, calls };
}

test('a remembered text is not computed again; the least recently used text is evicted first', () => {
  const { memo, calls } = counting(2);
  memo.get('a');
  memo.get('b');
  memo.get('a'); // hit: "b" is now the least recently used
  memo.get('c'); // evicts "b"
  assert.deepEqual(calls, ['a', 'b', 'c']);
  assert.equal(memo.size, 2);
  memo.get('a');
  memo.get('b');
  assert.deepEqual(calls, ['a', 'b', 'c', 'b']);
  assert.equal(memo.size, 2);
  memo.clear();
  assert.equal(memo.size, 0);
  memo.get('a');
  assert.deepEqual(calls.at(-1), 'a');
});

test('every call returns its own copy, so a caller mutating it changes nothing remembered', () => {
  const { memo } = counting(4);
  const first = memo.get('text');
  first.n = -1;
  const second = memo.get('text');
  assert.deepEqual(second, { text: 'text', n: 4 });
  assert.notEqual(second, memo.get('text'));
});

test('texts over the length bound are computed every time and never kept; a bad capacity is refused', () => {
  const { memo, calls } = counting(4, 5);
  memo.get('123456');
  memo.get('123456');
  assert.deepEqual(calls, ['123456', '123456']);
  assert.equal(memo.size, 0);
  for (const capacity of [0, -1, 1.5, Number.NaN]) {
    assert.throws(() => createTextMemo((t) => t, { capacity, maxTextLength: 10, copy: (v) => v }), (e: unknown) => isVerityError(e) && /capacity .* is not a whole number of at least 1/.test(e.message));
  }
});

test('the memory stays bounded: never more texts than the capacity', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 8 }), fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'), { maxLength: 60 }), (capacity, texts) => {
      const { memo, calls } = counting(capacity);
      const recent: string[] = [];
      for (const t of texts) {
        const hit = recent.includes(t);
        const before = calls.length;
        assert.deepEqual(memo.get(t), { text: t, n: t.length });
        assert.equal(calls.length, before + (hit ? 0 : 1), `"${t}" was ${hit ? '' : 'not '}among the last ${capacity} texts`);
        if (hit) recent.splice(recent.indexOf(t), 1);
        recent.push(t);
        if (recent.length > capacity) recent.shift();
        assert.ok(memo.size <= capacity);
      }
    }),
  );
});

test('extractFigures gives equal figures from memory, as fresh objects the caller may change', () => {
  const text = 'More than 140 of 196 countries criminalize simple possession; about 5 to 20 years in prison.';
  const fresh = extractFigures(text, { dates: extractDates(text) }); // this path reads directly, keeps nothing
  const a = extractFigures(text);
  assert.deepEqual(a, fresh);
  assert.equal(a.length, 2);
  for (const f of a) {
    f.start += 1000;
    f.unit = 'changed';
  }
  a.pop();
  const b = extractFigures(text);
  assert.deepEqual(b, fresh);
  assert.notEqual(b, a);
  assert.ok(b.every((f, i) => f !== a[i]));
  assert.equal(FIGURE_MEMO_CAPACITY, 2000);
  const long = `${'The fine is 300 euros. '.repeat(Math.ceil(FIGURE_MEMO_MAX_TEXT / 23))}`;
  assert.ok(long.length > FIGURE_MEMO_MAX_TEXT);
  assert.equal(extractFigures(long).length, Math.ceil(FIGURE_MEMO_MAX_TEXT / 23));
});

test('remembered figures equal a direct read for any text, however often and in whatever order asked', () => {
  const words = fc.constantFrom('140', ' of ', '196', ' countries', ' about ', ' 5', ' to ', '20 years', ' $3.5 million', '%', ' since 2006', '. ', 'two thirds', ' more than ', 'é', '\n');
  const texts = fc.array(fc.array(words, { maxLength: 12 }).map((a) => a.join('')), { minLength: 1, maxLength: 6 });
  fc.assert(
    fc.property(texts, fc.array(fc.nat(), { maxLength: 20 }), (pool, order) => {
      for (const k of [...order, ...pool.keys()]) {
        const text = pool[k % pool.length] ?? '';
        assert.deepEqual(extractFigures(text), extractFigures(text, { dates: extractDates(text) }));
      }
    }),
    { numRuns: 100 },
  );
});
