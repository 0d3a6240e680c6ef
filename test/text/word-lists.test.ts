// The word lists that more than one stage reads: number words with their plurals (the
// perspectives filter) and the words of change (the figure reader's direction, the claim
// profile's words said by one another).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isNumberWord } from '../../src/text/figures/number-words.js';
import { CHANGE_WORDS, DOWN_WORDS, UP_WORDS } from '../../src/text/figures/figure-words.js';
import { readFigureMeanings } from '../../src/text/figures/figure-meaning.js';
import { profileClaim } from '../../src/evidence/index.js';
import { stem } from '../../src/text/index.js';

test('a number word\'s plural is a number word when plurals are asked for, and only then', () => {
  for (const w of ['dozens', 'hundreds', 'thousands', 'millions', 'billions', 'tens', 'twenties']) {
    assert.equal(isNumberWord(w, { plurals: true }), true, w);
    assert.equal(isNumberWord(w), false, `${w} is no part of a number phrase`);
  }
  for (const w of ['dozen', 'hundred', 'seven', 'thirds']) assert.equal(isNumberWord(w, { plurals: true }), true, w);
  for (const w of ['towns', 'tennis', 'ms', 'bns', 'volunteers', 'ones']) assert.equal(isNumberWord(w, { plurals: true }), w === 'ones', w);
});

test('every word of change reads as its way in a figure\'s clause, and no word is of both ways', () => {
  for (const w of CHANGE_WORDS.up) {
    assert.ok(UP_WORDS.test(w) && !DOWN_WORDS.test(w), w);
    assert.ok(!CHANGE_WORDS.down.includes(w), w);
  }
  for (const w of CHANGE_WORDS.down) assert.ok(DOWN_WORDS.test(w) && !UP_WORDS.test(w), w);
  assert.equal(readFigureMeanings('Ticket sales slumped 12% in March.').figures[0]?.direction, 'down');
  assert.equal(readFigureMeanings('Ticket sales soar 12% in March.').figures[0]?.direction, 'up');
});

test('the claim profile says one word of change by the others of its way, not by those of the other way', () => {
  const p = profileClaim('Ticket sales slumped 12% in March');
  const forms = p.synonyms.get(stem('slumped')) ?? new Set<string>();
  for (const w of ['decreasing', 'falling', 'reductions']) assert.ok(forms.has(stem(w)), `${w} in ${[...forms].join(' ')}`);
  assert.ok(!forms.has(stem('rising')));
});
