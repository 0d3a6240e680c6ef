import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findCues, isNegated } from '../../src/text/index.js';

function cues(text: string): Array<[string, string, string | null | undefined]> {
  const found = findCues(text);
  for (const c of found) assert.equal(text.slice(c.start, c.end), c.text);
  return found.map((c) => [c.kind, c.text, c.scope]);
}

test('negation with its scope', () => {
  assert.deepEqual(cues('The law does not apply to minors.'), [['negation', 'not', 'apply to minors']]);
  assert.deepEqual(cues("They don't criminalize possession, but they ban sale."), [
    ['negation', "n't", 'criminalize possession'],
    ['contrast', 'but', null],
  ]);
  assert.deepEqual(cues('No country allows it.'), [['negation', 'No', 'country allows it']]);
  assert.equal(isNegated('Possession is never punished'), true);
  assert.equal(isNegated('Possession is punished'), false);
});

test('phrases that look negative but are not', () => {
  assert.equal(isNegated('It is not only illegal but also harmful.'), false);
  assert.equal(isNegated('There is no doubt about the figures.'), false);
  assert.equal(isNegated('Whether or not it passes, see No. 5.'), false);
});

test('hedges and contrast', () => {
  assert.deepEqual(cues('The rate reportedly may rise; however, data suggest otherwise.'), [
    ['hedge', 'reportedly', null],
    ['hedge', 'may', null],
    ['contrast', 'however', null],
    ['hedge', 'suggest', null],
  ]);
  assert.deepEqual(cues('It took effect in May 2019.'), []);
});

test('attribution names who is credited', () => {
  assert.deepEqual(cues('According to the ministry, 140 countries agreed.'), [['attribution', 'According to', 'the ministry']]);
  assert.deepEqual(cues('The minister said the figure was wrong.'), [['attribution', 'said', 'The minister']]);
  assert.deepEqual(cues('"It is false," said the spokesperson.'), [['attribution', 'said', 'the spokesperson']]);
  assert.deepEqual(cues('He was found guilty.'), []);
});

test('no crash on odd input', () => {
  for (const t of ['', 'not', "n't", 'according to', 'said', '\u0000 no \u0007', 'x'.repeat(100_000)]) assert.doesNotThrow(() => findCues(t));
});
