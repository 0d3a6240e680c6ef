import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readPolarity, splitClauses } from '../../src/evidence/stance/polarity.js';
import { extractFigures } from '../../src/text/index.js';

const read = (s: string): ReturnType<typeof readPolarity> => readPolarity(s, extractFigures(s));

test('negation, "no"/"all" subjects and counted subjects', () => {
  assert.deepEqual([read('Freedonia criminalises possession').quantity, read('Freedonia criminalises possession').negated], ['plain', false]);
  const not = read('Freedonia does not criminalise possession');
  assert.equal(not.negated, true);
  assert.deepEqual(not.cues, ['does not']);
  const none = read('No country criminalises possession');
  assert.deepEqual([none.quantity, none.negated], ['all', true]);
  const inNone = read('In no country is possession a crime');
  assert.deepEqual([inNone.quantity, inNone.negated], ['all', true]);
  const every = read('Every country criminalises possession');
  assert.deepEqual([every.quantity, every.negated], ['all', false]);
  const count = read('38 countries do not criminalise possession');
  assert.deepEqual([count.quantity, count.negated, count.count?.value], ['count', true, 38]);
  // Double negation cancels; a negated figure is not a negated predicate.
  assert.equal(read('It is not true that Freedonia does not criminalise possession').negated, false);
  assert.equal(read('The count was 95 of 184, not 138 of 184').negated, false);
});

test('clauses split at colons, semicolons, contrast joins and participles, not at plain commas', () => {
  const texts = (s: string): string[] => splitClauses(s).map((c) => c.text);
  assert.deepEqual(texts('Reader: 138 of the 184 countries did not, which leaves 46 that did.'), ['Reader', '138 of the 184 countries did not', 'which leaves 46 that did.']);
  assert.deepEqual(texts('It did not result in harm, suggesting that it is not needed.'), ['It did not result in harm', 'suggesting that it is not needed.']);
  assert.deepEqual(texts('In 138 of the 184 countries reviewed, possession was not a crime.'), ['In 138 of the 184 countries reviewed, possession was not a crime.']);
  for (const c of splitClauses('A; b: c, but d')) assert.equal('A; b: c, but d'.slice(c.start, c.start + c.text.length), c.text);
});

test('denial words deny only when predicated or followed by "that", and not when the claim uses them', () => {
  assert.equal(read('It is a myth that vaccines cause autism').negated, true);
  assert.equal(read('That claim was debunked').negated, true);
  assert.equal(read('The claim that vaccines cause autism is false').negated, true);
  assert.equal(read('A fake news program draws on the news').negated, false);
  assert.equal(readPolarity('The rumour is false', [], new Set(['false'])).negated, false);
});
