import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { MAX_QUERY_TERMS, buildMatchExpression, planExpression, queryTerms } from '../../src/store/sqlite/fts-query.js';

test('each word becomes a quoted FTS5 string; operators and punctuation never pass through', () => {
  assert.equal(buildMatchExpression('possession NEAR(distribution) ^x*'), '"possession" OR "near" OR "distribution" OR "x"');
  assert.equal(buildMatchExpression('"a" OR b: c'), '"b" OR "c"');
  assert.equal(buildMatchExpression('U.S. law'), '"u.s" OR "law"');
});

test('a candidate plan: rare terms select, common ones rank within them', () => {
  assert.equal(planExpression({ terms: ['herd', 'immunity'], mode: 'any', rankAlso: ['covid'] }), '("herd" OR "immunity") AND ("herd" OR "immunity" OR "covid")');
  assert.equal(planExpression({ terms: ['herd'], mode: 'any', rankAlso: [] }), '"herd"');
  assert.equal(planExpression({ terms: ['new', 'people'], mode: 'all', rankAlso: [] }), '"new" AND "people"');
});

test('stop words are dropped unless nothing else is left; duplicates once', () => {
  assert.deepEqual(queryTerms('the law of the land law'), ['law', 'land']);
  assert.deepEqual(queryTerms('to be or not to be'), ['to', 'be', 'or', 'not']);
});

test('nothing searchable gives null, and long queries keep their first terms', () => {
  assert.equal(buildMatchExpression('  !!! ... ()'), null);
  assert.equal(buildMatchExpression(''), null);
  const long = Array.from({ length: 500 }, (_, i) => `term${i}`).join(' ');
  assert.equal(queryTerms(long).length, MAX_QUERY_TERMS);
  assert.equal(queryTerms(long)[0], 'term0');
});

test('property: the expression is only quoted terms joined by OR', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (q) => {
      const e = buildMatchExpression(q);
      if (e === null) return;
      assert.match(e, /^"[^"]+"(?: OR "[^"]+")*$/);
    }),
    { numRuns: 500 },
  );
});
