import { test } from 'node:test';
import assert from 'node:assert/strict';
import { namePhrases, statedNames } from '../../src/evidence/index.js';

test('names are runs of capitalised words between punctuation marks', () => {
  assert.deepEqual(namePhrases('Instead of attending Teaneck High School, Lecque enrolled at Monsignor Scanlan High School in The Bronx.'), ['Teaneck High School', 'Monsignor Scanlan High School', 'The Bronx']);
  assert.deepEqual(namePhrases('His grandson became a Knight Commander of the Order of the British Empire.'), ['Knight Commander of the Order of the British Empire']);
  // The first word, month names, possessives and a trailing "of" end or leave out a name.
  assert.deepEqual(namePhrases("New York's mayor met them in New York in December 2012."), ['New York']);
  assert.deepEqual(namePhrases('Emilee Lindner of MTV called it "mature".'), ['Lindner of MTV']);
  assert.deepEqual(namePhrases('a single Name here, and Another one'), []);
});

test('a name counts as stated only as the same words in the same order', () => {
  const claim = 'Today the building is named "The Murray Van Wagoner Transportation Building".';
  const none = statedNames(claim, 'Murray D. Van Wagoner was governor; the Michigan Department of Transportation building is in Lansing.');
  assert.deepEqual(none, { names: ['The Murray Van Wagoner Transportation Building'], found: 0, share: 0.5 });
  const said = statedNames(claim, 'It was renamed the murray van wagoner transportation building in 2001.');
  assert.equal(said.share, 1);
  assert.equal(statedNames('She wrote for The A.V. Club in 2019.', 'Annie Zaleski of The A.V. Club deemed it a standout.').found, 1);
  assert.deepEqual(statedNames('no names at all here', 'text'), { names: [], found: 0, share: 1 });
});
