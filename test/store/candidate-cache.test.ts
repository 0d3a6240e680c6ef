// The candidate stage's kept searches (store/candidate-cache.ts): one run per expression and
// limit while the corpus is unchanged, a fresh run after it changes, the least recently used
// dropped first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CANDIDATE_CACHE_SIZE, CandidateCache } from '../../src/store/candidate-cache.js';

test('the same expression and limit run once per corpus state; another limit or state runs again', () => {
  const cache = new CandidateCache<number>();
  let runs = 0;
  const run = (): number[] => [++runs];
  assert.deepEqual(cache.get('v1', '"quay"', 10, run), [1]);
  assert.deepEqual(cache.get('v1', '"quay"', 10, run), [1]);
  assert.deepEqual(cache.get('v1', '"quay"', 20, run), [2]);
  assert.deepEqual(cache.get('v2', '"quay"', 10, run), [3], 'the corpus changed');
  assert.deepEqual(cache.get('v2', '"quay"', 10, run), [3]);
  // A caller changing the array it got does not change what is kept.
  cache.get('v2', '"quay"', 10, run).push(99);
  assert.deepEqual(cache.get('v2', '"quay"', 10, run), [3]);
});

test('past its size the least recently used search is dropped', () => {
  const cache = new CandidateCache<string>();
  const runs: string[] = [];
  const run = (e: string) => (): string[] => (runs.push(e), [e]);
  for (let i = 0; i < CANDIDATE_CACHE_SIZE; i++) cache.get('v', `t${i}`, 5, run(`t${i}`));
  cache.get('v', 't0', 5, run('t0'));
  cache.get('v', 'extra', 5, run('extra'));
  runs.length = 0;
  cache.get('v', 't0', 5, run('t0'));
  cache.get('v', 't1', 5, run('t1'));
  assert.deepEqual(runs, ['t1'], 't0 was used last, t1 was the oldest');
});
