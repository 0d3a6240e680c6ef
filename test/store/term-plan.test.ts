// The candidate stage's plan (store/term-plan.ts): common terms dropped, rare ones kept rarest
// first within the term and posting budgets, all-common queries searched with AND.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BOUNDS, TermCounts, candidateCount, commonThreshold, estimatedCount, isBounded, planTerms, rescore, rescored } from '../../src/store/term-plan.js';

test('the threshold grows with the corpus from a floor; small corpora are not bounded', () => {
  assert.equal(commonThreshold(1000), BOUNDS.minCommonDocs);
  assert.equal(commonThreshold(1_000_000), 30_000);
  assert.equal(isBounded(BOUNDS.fromPassages - 1), false);
  assert.equal(isBounded(BOUNDS.fromPassages), true);
});

test('common and absent terms do not select; rare ones kept rarest first; the rarest common ones still rank', () => {
  const counts = new Map([['people', 40_000], ['vaccine', 900], ['myocarditis', 40], ['said', 10_000], ['zzz', 0]]);
  assert.deepEqual(planTerms(['people', 'vaccine', 'said', 'myocarditis', 'zzz'], counts, 10_000), { terms: ['myocarditis', 'vaccine'], mode: 'any', rankAlso: ['said', 'people'], dropped: ['people', 'said', 'zzz'] });
  const common = Array.from({ length: 12 }, (_, i) => `c${i}`);
  const plan = planTerms(['rare', ...common], new Map([['rare', 5], ...common.map((t, i): [string, number] => [t, 20_000 - i])]), 10_000);
  assert.deepEqual(plan.rankAlso, common.slice().reverse().slice(0, BOUNDS.maxRankTerms));
});

test("a common term's count is estimated past the cap (PostgreSQL), within the cap and the passages", () => {
  assert.equal(estimatedCount(120, 3000, 90_000, 100_000), 120, 'below the cap: the count');
  assert.equal(estimatedCount(3000, 3000, 30_000, 100_000), 30_000, 'at the cap: the estimate');
  assert.equal(estimatedCount(3000, 3000, 400_000, 100_000), 100_000, 'never more than the passages');
  assert.equal(estimatedCount(3000, 3000, 10, 100_000), 3000, 'never less than the cap');
  assert.equal(estimatedCount(3000, 3000, null, 100_000), 3000, 'no estimate: the cap');
});

test('the posting budget and the term cap bound the kept terms; the rarest is always kept', () => {
  const many = Array.from({ length: 30 }, (_, i) => `t${i}`);
  const small = new Map(many.map((t, i) => [t, 10 + i]));
  assert.equal(planTerms(many, small, 10_000).terms.length, BOUNDS.maxTerms);
  const big = new Map(many.map((t, i) => [t, 9_000 + i]));
  const plan = planTerms(many, big, 10_000);
  assert.deepEqual(plan.terms, many.slice(0, Math.floor(BOUNDS.postingBudget / 9_010)));
  const over = new Map([['a', BOUNDS.postingBudget + 5]]);
  assert.deepEqual(planTerms(['a'], over, BOUNDS.postingBudget * 2).terms, ['a']);
});

test('every term common: search for all of them', () => {
  assert.deepEqual(planTerms(['new', 'people'], new Map([['new', 5000], ['people', 5000]]), 5000), { terms: ['new', 'people'], mode: 'all', rankAlso: [], dropped: [] });
});

test('TermCounts keeps counts until the corpus version changes', () => {
  const c = new TermCounts();
  assert.deepEqual(c.missing('v1', ['a', 'b']), ['a', 'b']);
  c.add(new Map([['a', 3], ['b', 0]]));
  assert.deepEqual(c.missing('v1', ['a', 'b', 'c']), ['c']);
  assert.deepEqual([...c.counts(['a', 'b'])], [['a', 3], ['b', 0]]);
  assert.deepEqual(c.missing('v2', ['a']), ['a']);
});

test('the rescore ranks candidates with every term: a common claim word still lifts the passage that holds it', () => {
  const counts = new Map([['myocarditis', 12], ['vaccine', 30_000]]);
  const b = { plan: { terms: ['myocarditis'], mode: 'any' as const, rankAlso: ['vaccine'], dropped: ['vaccine'] }, counts, total: 1_000_000 };
  const rows = [{ text: 'Myocarditis was seen in young men.' }, { text: 'Myocarditis after the vaccines was rare.' }, { text: 'Nothing here.' }];
  const out = rescored(rows, ['vaccine', 'myocarditis'], b, 2);
  assert.deepEqual(out.map((r) => r.row.text), ['Myocarditis after the vaccines was rare.', 'Myocarditis was seen in young men.']);
  assert.ok((out[0]?.score ?? 0) > (out[1]?.score ?? 0));
  // The rare term weighs far more than the common one.
  const [rare, common] = rescore(['myocarditis', 'vaccine'], ['vaccine', 'myocarditis'], counts, 1_000_000);
  assert.ok((rare ?? 0) > 3 * (common ?? 0));
  assert.equal(candidateCount(12), 60);
  assert.equal(candidateCount(1000), 1000);
});
