// fmt writes numbers for messages without Intl (whose first use costs ~30 ms of ICU start-up);
// it must write exactly what en-US Intl.NumberFormat writes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { fmt } from '../../../src/audit/numbers.js';

function intl(n: number, digits: number): string {
  return new Intl.NumberFormat('en-US', { maximumFractionDigits: digits }).format(Math.round(n * 10 ** digits) / 10 ** digits);
}

test('fmt writes what en-US Intl.NumberFormat writes: edge cases', () => {
  const cases = [0, -0, 0.04, -0.04, 0.05, -0.05, 0.95, 1, 9.99, 71.4286, 80.999, 999.95, 1000, 1234.5, -1234.56, 1e6, 123456789.123, 0.1 + 0.2, 2 ** 40, 2 ** 49, 1e15, 1e16, 1e21, 1e300, Infinity, -Infinity, NaN, 5e-324];
  for (const digits of [0, 1, 2, 3]) {
    for (const n of cases) assert.equal(fmt(n, digits), intl(n, digits), `fmt(${n}, ${digits})`);
  }
  assert.equal(fmt(1234.56), '1,234.6');
  assert.equal(fmt(-0.04), '-0');
});

test('fmt writes what en-US Intl.NumberFormat writes: any double, integers, money-like values', () => {
  const digits = fc.integer({ min: 0, max: 4 });
  fc.assert(fc.property(fc.double({ noNaN: false }), digits, (n, d) => fmt(n, d) === intl(n, d)), { numRuns: 5000 });
  fc.assert(fc.property(fc.integer({ min: -1e7, max: 1e7 }), fc.integer({ min: 0, max: 4 }), digits, (k, e, d) => fmt(k / 10 ** e, d) === intl(k / 10 ** e, d)), { numRuns: 5000 });
  fc.assert(fc.property(fc.double({ min: -1e12, max: 1e12, noNaN: true }), digits, (n, d) => fmt(n, d) === intl(n, d)), { numRuns: 5000 });
});
