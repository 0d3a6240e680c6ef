import { test } from 'node:test';
import assert from 'node:assert/strict';
import { profileClaim, statedFigures } from '../../../src/evidence/index.js';

test('figures and years of the claim are found as compatible figures and the same years', () => {
  const claim = profileClaim('The band released 11 albums between 1990 and 2004.');
  const all = statedFigures(claim, 'From 1990 to 2004 the band put out about 11 albums.');
  assert.deepEqual(all, { needed: 3, found: 3, share: 1 });
  // "11 studio albums" counts a narrower set than "11 albums": the value alone is not the claim's figure.
  assert.equal(statedFigures(claim, 'From 1990 to 2004 the band put out about 11 studio albums.').found, 2);
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

test('a claimed day must be stated as the same day of the same month', () => {
  const claim = profileClaim('The film premiered at Cannes on May 19, 2016.');
  // Year and day both stated ("19 May" written the other way round).
  assert.deepEqual(statedFigures(claim, 'Cannes, 19 May 2016: the film premiered tonight.'), { needed: 2, found: 2, share: 1 });
  // The year alone: the day is missing.
  assert.deepEqual(statedFigures(claim, 'The 2016 Cannes line-up includes the film.'), { needed: 2, found: 1, share: 2 / 3 });
  // A neighbouring day is another day.
  assert.equal(statedFigures(profileClaim('Soyuz MS-06 launched on September 13, 2017.'), 'It launched Tuesday, Sept. 12, 2017.').found, 1);
});

test('a figure is stated only with the same meaning: the same number said of something else is not the claim\'s', () => {
  const claim = profileClaim('1,200 clinics in Northvale offer the vaccine.');
  // The same meaning in other words.
  assert.equal(statedFigures(claim, 'Health officials say 1,200 clinics in Northvale now offer the vaccine to adults.').found, 1);
  // The same value, another predicate: the inspectors' count is not the count of clinics offering it.
  assert.equal(statedFigures(claim, 'The health authority inspected 1,200 clinics in Northvale in 2023. Of those, 310 offered the new vaccine.').found, 0);
});
