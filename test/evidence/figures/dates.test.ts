import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readDates, statesDate } from '../../../src/evidence/index.js';

test('dates with a month name: day first or month first, abbreviated, ranges, month and year', () => {
  assert.deepEqual(readDates('handed over on 27 July 2018.'), [{ month: 7, day: 27, year: 2018 }]);
  assert.deepEqual(readDates('on May 19, 2016 and on Sept. 12'), [
    { month: 5, day: 19, year: 2016 },
    { month: 9, day: 12, year: null },
  ]);
  assert.deepEqual(readDates('held 17-19 October, 2016, at the Hilton'), [17, 18, 19].map((day) => ({ month: 10, day, year: 2016 })));
  assert.deepEqual(readDates('the 1st of March'), [{ month: 3, day: 1, year: null }]);
  assert.deepEqual(readDates('It opened in October 2016.'), [{ month: 10, day: null, year: 2016 }]);
  // Not dates: a modal verb, a clock time, a month name without a day or year, lower case.
  assert.deepEqual(readDates('You may 5 times try; May at 4:14 PM; in march 3 of them'), []);
  assert.deepEqual(readDates('Nov 10, 2018 at 4:14 PM'), [{ month: 11, day: 10, year: 2018 }]);
  assert.deepEqual(readDates('on 32 May'), []);
});

test('a stated date says the claimed day when month and day agree and no year contradicts', () => {
  const stated = readDates('The conference ran on 20–22 July 2014; tickets sold out in June 2014.');
  assert.equal(statesDate({ month: 7, day: 21, year: 2014 }, stated), true);
  assert.equal(statesDate({ month: 7, day: 21, year: null }, stated), true);
  assert.equal(statesDate({ month: 7, day: 21, year: 2015 }, stated), false);
  assert.equal(statesDate({ month: 7, day: 23, year: 2014 }, stated), false);
  assert.equal(statesDate({ month: 6, day: null, year: 2014 }, stated), true);
  assert.equal(statesDate({ month: 6, day: null, year: 2013 }, stated), false);
});
