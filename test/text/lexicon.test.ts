import { test } from 'node:test';
import assert from 'node:assert/strict';
import { antonymsOf, kindredSenses, synonymsOf } from '../../src/text/index.js';

test('antonyms from WordNet, including cluster heads and inflections', () => {
  assert.ok(antonymsOf('legal').includes('illegal'));
  assert.ok(antonymsOf('increase').includes('decrease'));
  assert.ok(antonymsOf('increased').includes('decreased') || antonymsOf('increased').includes('decrease'));
  assert.ok(antonymsOf('criminalize').includes('decriminalize'));
  assert.ok(antonymsOf('lawful').includes('unlawful'));
  assert.ok(antonymsOf('allow').includes('disallow'));
  assert.ok(antonymsOf('rises').includes('fall'));
  assert.ok(!antonymsOf('legal').includes('legal'));
});

test('synonyms from the most common senses', () => {
  assert.ok(synonymsOf('criminalize').includes('outlaw'));
  assert.ok(synonymsOf('large').includes('big'));
  assert.ok(synonymsOf('Possession').includes('ownership'));
  assert.ok(!synonymsOf('large').includes('large'));
});

test('kindred senses: one synset, or one verb a kind of the other, by its own verb senses', () => {
  assert.ok(kindredSenses('travelled', 'covered'), 'cover (a distance) is a kind of travel; "covered" is an adjective too');
  assert.ok(kindredSenses('played', 'meet'), 'play and meet share a sense (contend against an opponent)');
  assert.ok(!kindredSenses('exported', 'harvested'));
  assert.ok(!kindredSenses('applied', 'received'));
  assert.ok(!kindredSenses('qwzxv', 'travel'));
});

test('unknown words and odd input give empty lists', () => {
  assert.deepEqual(antonymsOf('qwzxv'), []);
  assert.deepEqual(synonymsOf(''), []);
  assert.deepEqual(antonymsOf('  '), []);
});

test('lookups are cached and fast after the first', () => {
  antonymsOf('legal');
  const t0 = performance.now();
  for (let i = 0; i < 10_000; i++) antonymsOf('legal');
  assert.ok(performance.now() - t0 < 200);
});
