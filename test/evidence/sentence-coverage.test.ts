import { test } from 'node:test';
import assert from 'node:assert/strict';
import { coverageByBestSentences, profileClaim } from '../../src/evidence/index.js';
import { idfTable } from '../../src/evidence/stance/idf.js';

// Every word equally rare, so coverage is a plain share of the claim's words.
const flat = idfTable({ schemaVersion: 1, documents: 10, unseen: 1, idf: {} });
const claim = profileClaim('Arnold publishes Media Play News and lives in Paris.');

test('the best sentences together hold the claim: a claim split across two sentences is covered by two', () => {
  const sentences = ['Contact us by email.', 'Arnold publishes Media Play News.', 'Arnold lives in Paris.'];
  const one = coverageByBestSentences(claim, sentences, 1, flat);
  const two = coverageByBestSentences(claim, sentences, 2, flat);
  assert.deepEqual(one.chosen, [1]);
  assert.ok(one.coverage > 0.5 && one.coverage < 1, `one sentence holds part: ${one.coverage}`);
  assert.deepEqual(two.chosen, [1, 2]);
  assert.equal(two.coverage, 1);
});

test('a part said nowhere keeps coverage below 1 however many sentences are taken', () => {
  const r = coverageByBestSentences(claim, ['Arnold publishes Media Play News.', 'Tickets are on sale now.'], 3, flat);
  assert.deepEqual(r.chosen, [0]);
  assert.ok(r.coverage < 1);
});

test('rare words weigh more; nothing to cover gives 0', () => {
  const rare = idfTable({ schemaVersion: 1, documents: 10, unseen: 5, idf: { live: 0.1 } });
  const r = coverageByBestSentences(claim, ['Arnold publishes Media Play News.'], 1, rare);
  const f = coverageByBestSentences(claim, ['Arnold publishes Media Play News.'], 1, flat);
  assert.ok(r.coverage > f.coverage);
  assert.deepEqual(coverageByBestSentences(claim, [], 3, flat), { coverage: 0, chosen: [] });
  assert.equal(coverageByBestSentences(profileClaim('the and of'), ['the and of'], 3, flat).coverage, 0);
});
