import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { extractDates } from '../../src/text/index.js';

const REF = new Date('2024-06-15T12:00:00Z');
function read(text: string, reference?: Date): Array<[string, string, string | null, string | null | undefined]> {
  const found = extractDates(text, reference ? { reference } : {});
  for (const d of found) assert.equal(text.slice(d.start, d.end), d.text);
  return found.map((d) => [d.text, d.kind, d.value, d.until]);
}

test('absolute dates in common forms', () => {
  assert.deepEqual(read('It took effect on 5 May 2019, was amended on May 6, 2020, again on 2021-07-01 and on 12/31/2022.'), [
    ['5 May 2019', 'date', '2019-05-05', undefined],
    ['May 6, 2020', 'date', '2020-05-06', undefined],
    ['2021-07-01', 'date', '2021-07-01', undefined],
    ['12/31/2022', 'date', '2022-12-31', undefined],
  ]);
  assert.deepEqual(read('The study was published in March 2015.'), [['March 2015', 'date', '2015-03', undefined]]);
  assert.deepEqual(read('In 2019, 140 countries agreed.'), [['2019', 'date', '2019', undefined]]);
});

test('spans: since, between, ranges, until, decades', () => {
  assert.deepEqual(read('Since 2006 the law applied.'), [['Since 2006', 'span', '2006', null]]);
  assert.deepEqual(read('Reports rose between 2010 and 2012.'), [['between 2010 and 2012', 'span', '2010', '2012']]);
  assert.deepEqual(read('Data for 2010–2012 were lost.'), [['2010–2012', 'span', '2010', '2012']]);
  assert.deepEqual(read('It runs until 2030.'), [['until 2030', 'span', null, '2030']]);
  assert.deepEqual(read('In the 1990s reporting was rare.'), [['the 1990s', 'span', '1990', '1999']]);
  assert.deepEqual(read('As of 2018, it held; as of January 2024 too.'), [['As of 2018', 'date', '2018', undefined], ['as of January 2024', 'date', '2024-01', undefined]]);
});

test('relative dates resolve against the reference, and are null without one', () => {
  assert.deepEqual(read('Last year and three years ago, but not today.', REF), [
    ['Last year', 'date', '2023', undefined],
    ['three years ago', 'date', '2021', undefined],
    ['today', 'date', '2024-06-15', undefined],
  ]);
  assert.deepEqual(read('over the past 5 years', REF), [['over the past 5 years', 'span', '2019-06-15', '2024-06-15']]);
  assert.deepEqual(read('Last year it fell.'), [['Last year', 'date', null, undefined]]);
});

test('numbers that are not years', () => {
  assert.deepEqual(read('Police found 2000 images and about 1999 files in section 2019, costing $2000.'), []);
  assert.deepEqual(read('Between 1500 and 1600 people came.'), []);
  assert.deepEqual(read('They may 5 times refuse.'), []);
  assert.deepEqual(read('The 31/02/2020 entry is invalid.'), []);
});

test('property: mentions slice back and never overlap', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom('2019', ' May ', '5', ' since ', ' between ', ' and ', '-', '/', '12', '1990s', ' the ', ' last year', 'ago', ' 3 years ', ',', '😀', '\u0000'), { maxLength: 40 }), (parts) => {
      const text = parts.join('');
      let last = 0;
      for (const d of extractDates(text, { reference: REF })) {
        assert.equal(text.slice(d.start, d.end), d.text);
        assert.ok(d.start >= last);
        last = d.end;
      }
    }),
    { numRuns: 300 },
  );
});

test('a year after "of" that names an instrument is a year, whatever verb follows', () => {
  assert.deepEqual(read('The UN Optional Protocol of 2000 requires States Parties to act.'), [['2000', 'date', '2000', undefined]]);
  assert.deepEqual(read('The Convention of 2007 obliges Parties to act; the Act of 1996 binds them too.'), [
    ['2007', 'date', '2007', undefined],
    ['1996', 'date', '1996', undefined],
  ]);
  // A verb in -s after "of <year>" is not a counted noun.
  assert.deepEqual(read('The report of 2019 provides the figures.'), [['2019', 'date', '2019', undefined]]);
  // Still counts: a plural noun after the number, or a count word.
  assert.deepEqual(read('A survey of 2000 households and the Protocol of 2000 people.'), []);
});
