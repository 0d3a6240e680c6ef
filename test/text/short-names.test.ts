// A definite short form ("the reef") read as the full name the page gave before it ("the Great
// Barrier Reef"): in the title or an earlier sentence, and only when one name has that head.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expandShortNames, multiWordNames, PageNames } from '../../src/text/index.js';

test('multi-word names are read without a leading "The" or a possessive, joined by "of"', () => {
  assert.deepEqual(multiWordNames("The Great Barrier Reef's northern stretch. Then the Bank of England spoke. In Calder it rained."), [
    { name: 'Great Barrier Reef', head: 'reef' },
    { name: 'Bank of England', head: 'england' },
  ]);
});

test('"the reef" after "the Great Barrier Reef" (title or earlier sentence) is the Great Barrier Reef', () => {
  const page = new PageNames('Great Barrier Reef hit by fifth mass bleaching');
  assert.equal(page.expand('Scientists said the reef is bleaching again.'), 'Scientists said the Great Barrier Reef is bleaching again.');
  const later = new PageNames();
  later.add('The Northvale City Council met on Monday.');
  assert.equal(later.expand('The council voted to close two libraries.'), 'The Northvale City Council voted to close two libraries.');
  assert.equal(expandShortNames("Half of the reef's coral died.", 'Great Barrier Reef'), "Half of the Great Barrier Reef's coral died.");
});

test('two names with the same head, a name the sentence gives itself, or "the reef of …" are left alone', () => {
  assert.equal(expandShortNames('The reef is bleaching.', 'Ningaloo Reef and the Great Barrier Reef'), 'The reef is bleaching.');
  assert.equal(expandShortNames('Unlike Ningaloo Reef, the reef is bleaching.', 'Great Barrier Reef'), 'Unlike Ningaloo Reef, the reef is bleaching.');
  assert.equal(expandShortNames('The reef of sandbars shifted.', 'Great Barrier Reef'), 'The reef of sandbars shifted.');
  assert.equal(expandShortNames('The reef is bleaching.', ''), 'The reef is bleaching.');
});
