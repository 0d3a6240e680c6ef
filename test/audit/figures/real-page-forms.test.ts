// Forms read while auditing real published pages, each with a wrong and a corrected twin in the
// project's own words: a change written after its value ("312 stations, down 4 percent from 325"),
// a bulleted list of grades of one measure after a lead-in ("… and found:"), and shares of the vote
// in different places, which are no one whole.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkInternal, proseSentences } from '../../../src/audit/consistency/internal.js';

const checks = (...texts: string[]): string[] => checkInternal(proseSentences(texts)).map((f) => `${f.check}: ${f.computation}`);

test('a change written after the value it ends at ("N …, down C percent from M") is checked against the two values', () => {
  assert.deepEqual(checks('There are 312 licensed stations in 2025, down approximately 14 percent from 325 at the end of 2024.'), ['change-vs-values: (312 − 325) ÷ 325 × 100 = -4%']);
  assert.deepEqual(checks('There are 312 licensed stations in 2025, down approximately 4 percent from 325 at the end of 2024.'), []);
  assert.deepEqual(checks('Volunteers numbered 2,640 in 2025, down 10 percent from 2,400.'), ['change-vs-values: (2,640 − 2,400) ÷ 2,400 × 100 = 10%']);
  assert.deepEqual(checks('Volunteers numbered 2,640 in 2025, up 10 percent from 2,400.'), []);
  assert.deepEqual(checks('The archive aired about 16,200 hours, a fall of about 20 percent from 18,000 hours a year before.'), ['change-vs-values: (16,200 − 18,000) ÷ 18,000 × 100 = -10%']);
  assert.deepEqual(checks('Membership reached 1,300, an increase of 300 from 1,200 a year earlier.'), ['change-vs-values: 1,300 − 1,200 = 100']);
  // A year is no value; points between percentages, and "up from" with no amount, are left alone.
  assert.deepEqual(checks('Turnout was 62% in 2024, up 4% from 58%.'), []);
  assert.deepEqual(checks('The club has 48 members, down from 52.'), []);
  assert.deepEqual(checks('Prices rose from 20% to 25% in 2024.'), []);
});

const LEAD = 'The flights looked at 820 reefs (shallow corals only) and found:';
test('grades of one measure listed after a lead-in are shares of one whole and may not pass 100 %', () => {
  const wrong = checks(LEAD, 'About 45 per cent had little or no bleaching', 'About 30 per cent of reefs were severely bleached (on each of them more than 60 per cent of the corals were white)', '35 per cent had moderate bleaching.');
  assert.deepEqual(wrong, ['shares-over-100: 45% + 30% + 35% = 110%']);
  assert.deepEqual(checks(LEAD, 'About 45 per cent had little or no bleaching', 'About 30 per cent of reefs were severely bleached (on each of them more than 60 per cent of the corals were white)', '25 per cent had moderate bleaching.'), []);
  // Answers of a survey that allows several (no grade of one measure) are not split shares.
  assert.deepEqual(checks('Commuters told the survey:', '60 percent use buses at least weekly', '45 percent use trains at least weekly', '30 percent cycle at least weekly.'), []);
});

test('shares of the vote in different places are not parts of one whole', () => {
  assert.deepEqual(checks('The mayor carried the valley, winning 58.3 percent of the vote in Alder County and 59.5 percent of the vote in Birch County.'), []);
  assert.equal(checks('The incumbent won 58 percent of the vote and the challenger 47 percent of the vote.').length, 1);
});

test('a total with its parts written after it must add up; a part "of them" cannot pass the total', () => {
  assert.deepEqual(checks('The team dived at 610 reefs, 420 in the north and 150 in the south, over two months.'), ['parts-over-whole: 420 + 150 = 570 ≠ 610']);
  assert.deepEqual(checks('The team dived at 610 reefs, 420 in the north and 190 in the south, over two months.'), []);
  assert.deepEqual(checks('The paper prints about 12,000 copies a day, 13,000 of them sold by subscription.'), ['parts-over-whole: 13,000 > 12,000']);
  assert.deepEqual(checks('The paper prints about 12,000 copies a day, 9,000 of them sold by subscription.'), []);
  // A hedged total is not held to an exact sum.
  assert.deepEqual(checks('The team dived at about 610 reefs, 420 in the north and 150 in the south.'), []);
});

test('"in Y, N years before <an undated event>" is not measured against another year of the sentence', () => {
  assert.deepEqual(checks('The squadron took the new jets in 2009, and a badge marked its 60th anniversary in 2014, two years before the move to the coast.'), []);
  assert.equal(checks('The firm was founded in 1998. In 2012, twenty years after, it went public.').length, 1);
});
