import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Figure } from '../../../src/model.js';
import { compareFigures } from '../../../src/evidence/index.js';

const fig = (value: number, over: Partial<Figure> = {}): Figure => ({ text: String(value), start: 0, end: 1, value, approximate: false, bound: '=', unit: null, whole: null, predicate: null, ...over });

test('an exact figure matches an approximate one of the same value', () => {
  assert.equal(compareFigures(fig(56), fig(56, { approximate: true, text: 'approximately 56' })), 'match');
});

test('a lower bound matches a larger value and conflicts with a smaller one', () => {
  const claimed = fig(1000, { bound: '>', text: 'more than 1,000' });
  assert.equal(compareFigures(claimed, fig(1200, { text: '1,200' })), 'match');
  assert.equal(compareFigures(claimed, fig(800, { text: '800' })), 'conflict');
  assert.equal(compareFigures(claimed, fig(1000, { text: '1,000' })), 'conflict');
});

test('upper bounds, ranges and written precision', () => {
  assert.equal(compareFigures(fig(50, { bound: '<', text: 'less than 50' }), fig(45)), 'match');
  assert.equal(compareFigures(fig(50, { bound: '<', text: 'less than 50' }), fig(60)), 'conflict');
  assert.equal(compareFigures(fig(10), fig(5, { high: 20, text: '5 to 20' })), 'match');
  assert.equal(compareFigures(fig(5.6, { text: '5.6' }), fig(5.64, { text: '5.64' })), 'match');
  assert.equal(compareFigures(fig(56), fig(57)), 'conflict');
  assert.equal(compareFigures(fig(56, { approximate: true, text: 'about 56' }), fig(70)), 'conflict');
});

test('different units are unrelated; differing wholes conflict', () => {
  assert.equal(compareFigures(fig(40, { unit: 'percent' }), fig(40, { unit: 'countries' })), 'unrelated');
  assert.equal(compareFigures(fig(40, { unit: '%' }), fig(40, { unit: 'percent' })), 'match');
  assert.equal(compareFigures(fig(140, { whole: 196 }), fig(140, { whole: 200 })), 'conflict');
});

test('"up to", "as many as" name a peak: a value far below it is not the figure, two peaks compare by value', () => {
  const peak = fig(72, { bound: '<=', unit: '%', text: 'up to 72%' });
  assert.equal(compareFigures(peak, fig(1, { unit: 'percent', approximate: true, text: 'about 1 percent' })), 'unrelated');
  assert.equal(compareFigures(peak, fig(70, { unit: '%', text: '70%' })), 'match');
  assert.equal(compareFigures(peak, fig(92, { bound: '<=', unit: '%', text: 'up to 92%' })), 'conflict');
  assert.equal(compareFigures(peak, fig(72, { bound: '<=', unit: '%', text: 'as much as 72%' })), 'match');
  // A ceiling ("at most") stays a ceiling.
  assert.equal(compareFigures(fig(72, { bound: '<=', unit: '%', text: 'at most 72%' }), fig(1, { unit: '%', text: '1%' })), 'match');
});
