// Derived figures in a report (src/report/derived-figures.ts, run by the verifier): a difference
// or share must be of a part nested in its whole as the cited passage states it, counting the
// same thing over the same period, and the result must count what the whole counts. Otherwise
// the sentence is flagged with the reason. Passages and sentences in the project's own words.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { verifySentence } from '../../src/report/verify.js';

const check = (sentence: string, passage: string): { verified: boolean; why: string } => verifySentence(sentence, [{ text: passage }]);

test('a complement of a part stated out of its whole passes ("140 of 196" → 196 − 140 = 56)', () => {
  const r = check('Of the 196 countries in the review\'s count, 196 − 140 = 56 are outside the 140 that criminalise simple possession [1].', 'A 2018 review found that 140 of 196 countries criminalise simple possession.');
  assert.equal(r.verified, true, r.why);
  const preposed = check('196 − 140 = 56 countries are outside the 140 that criminalise simple possession [1].', 'Of the 196 countries reviewed, 140 criminalise simple possession.');
  assert.equal(preposed.verified, true, preposed.why);
});

test('a part out of another whole is flagged: 140 of 184 is no part of 196', () => {
  for (const passage of ['140 of the 184 countries reviewed criminalise simple possession. The register lists 196 countries.', 'Of the 184 countries reviewed, 140 criminalise simple possession. The register lists 196 countries.']) {
    const r = check('196 − 140 = 56 countries are outside the 140 that criminalise simple possession [1].', passage);
    assert.equal(r.verified, false, passage);
    assert.match(r.why, /derived figure "196 − 140 = 56".*the 140 is out of 184 in the cited passage, not out of 196/);
  }
});

test('a part and a whole of different periods are flagged; a change between two periods is not', () => {
  const r = check('Of the 40 clubs, 40 − 26 = 14 are outside the 26 that renovated their stadiums [1].', 'The league had 40 clubs in 2023. In 2019, 26 clubs renovated their stadiums.');
  assert.equal(r.verified, false);
  assert.match(r.why, /the 26 holds for "2019" and the 40 for "2023"/);
  const same = check('Of the 40 clubs, 40 − 26 = 14 are outside the 26 that renovated their stadiums in 2023 [1].', 'In 2023 the league had 40 clubs, and 26 of the 40 clubs renovated their stadiums.');
  assert.equal(same.verified, true, same.why);
  const change = check('Police arrested 2,300 people in 2023, which is 2,300 − 1,900 = 400 people more than the 1,900 people arrested in 2022 [1].', 'Police arrested 1,900 people in 2022 and 2,300 people in 2023.');
  assert.equal(change.verified, true, change.why);
});

test('a part counting another thing than the whole is flagged, and so is a result counting another thing', () => {
  const r = check('40 − 26 = 14 clubs did not renovate their stadiums [1].', 'The league has 40 clubs. Since the bid, 26 stadiums were renovated by their clubs.');
  assert.equal(r.verified, false);
  assert.match(r.why, /the 26 counts stadiums and the 40 counts clubs/);
  const result = check('Of the 196 countries, 196 − 140 = 56 companies are outside the 140 that criminalise simple possession [1].', 'A 2018 review found that 140 of 196 countries criminalise simple possession.');
  assert.equal(result.verified, false);
  assert.match(result.why, /the result counts companies, but the 196 counts countries/);
});

test('a sum of parts of different sets (how the composer shows figures disagree) is not checked for nesting', () => {
  const r = check('The figures disagree: 16 of the 196 countries have no law [1] and 38 of those 62 countries do not criminalise possession [1] together make 16 + 38 = 54 countries.', 'Of the 196 countries, 16 have no law. Of those 62 countries with some law, 38 do not criminalise possession.');
  assert.equal(r.verified, true, r.why);
});
