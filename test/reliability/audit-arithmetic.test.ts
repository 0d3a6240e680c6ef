// Audit arithmetic at its edges: a change from 0, and numbers with more digits than a double holds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkArithmetic } from '../../src/audit/arithmetic.js';
import { findArithmetic } from '../../src/report/arithmetic.js';

test('a rise from 0 stated as a percentage: "a change from 0 has no percentage", never NaN%', () => {
  const [f, ...rest] = checkArithmetic('Sales rose from 0 to 50 units, an increase of 20%.');
  assert.deepEqual(rest, []);
  assert.equal(f?.message, 'from 0 to 50 is a change of 50; a change from 0 has no percentage, so it cannot be 20%.');
  assert.doesNotMatch(f?.message ?? '', /NaN/);
});

test('from 0 to 0, a change of 0%, is fine', () => {
  assert.deepEqual(checkArithmetic('Sales went from 0 to 0 units, an increase of 0%.'), []);
});

test('huge numbers are reprinted as written, not rounded to a double', () => {
  const [f] = checkArithmetic('Of the 98,765,432,109,876,543 cells, 12,345,678,901,234,567 (50%) were checked.');
  assert.match(f?.message ?? '', /\(12,345,678,901,234,567 ÷ 98,765,432,109,876,543 × 100 = 12\.5\)/);
});

test('a difference of huge numbers is not judged with rounded doubles', () => {
  // 12,345,678,901,234,567,990 − 12,345,678,901,234,567,890 = 100: as doubles both are the same number.
  assert.deepEqual(checkArithmetic('The debt grew from 12,345,678,901,234,567,890 to 12,345,678,901,234,567,990, a rise of 100.'), []);
});

test('written sums of huge whole numbers are computed exactly and shown as written', () => {
  assert.equal(findArithmetic('12345678901234567890 − 12345678901234567000 = 890')[0]?.correct, true);
  const [f] = checkArithmetic('So 12345678901234567890 − 12345678901234567000 = 800 in all.');
  assert.equal(f?.message, '12345678901234567890 − 12345678901234567000 = 800 is wrong: 12345678901234567890 − 12345678901234567000 = 890.');
});
