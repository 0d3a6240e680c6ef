import { test } from 'node:test';
import assert from 'node:assert/strict';
import { profileClaim, statedFigures } from '../../src/evidence/index.js';

test('figures and years of the claim are found as compatible figures and the same years', () => {
  const claim = profileClaim('The band released 11 albums between 1990 and 2004.');
  const all = statedFigures(claim, 'From 1990 to 2004 the band put out about 11 studio albums.');
  assert.deepEqual(all, { needed: 3, found: 3, share: 1 });
  const some = statedFigures(claim, 'The band, formed in 1990, released 14 albums.');
  assert.equal(some.needed, 3);
  assert.equal(some.found, 1);
  assert.equal(some.share, 2 / 4);
});

test('a claim without figures needs none; a missing figure never drives the share to 0', () => {
  assert.deepEqual(statedFigures(profileClaim('Arnold publishes Media Play News.'), 'Nothing here.'), { needed: 0, found: 0, share: 1 });
  const r = statedFigures(profileClaim('It sold 5,000 copies.'), 'It sold well.');
  assert.deepEqual(r, { needed: 1, found: 0, share: 0.5 });
});
