// Patterns of the figure-meaning comparison that carry from one pair to another (issue 12, the
// dev → held-out gap): periods said in words, shares and counts of a narrower set named in the
// subject or the "of" phrase, modality as a dimension of its own. Each pair is written for this
// test, in the project's own words; each relation would be `paraphrase` without its rule.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareFigureStatements, type MeaningRelation } from '../../../src/evidence/figures/figure-meaning.js';

function expect(cases: ReadonlyArray<[string, string, MeaningRelation]>): void {
  for (const [claim, source, want] of cases) {
    const got = compareFigureStatements({ sentence: claim }, { sentence: source });
    assert.equal(got.relation, want, `${claim} / ${source}: ${got.reason}`);
  }
}

test('a period in words against a dated or other one is another period', () => {
  expect([
    ['Westhaven has logged 61 burglaries so far this year.', 'Westhaven logged 61 burglaries in the whole of 2017.', 'different-period'],
    ['The minister has opened 9 schools this year.', 'The minister opened 9 schools during his second term.', 'different-period'],
    ['Hail damage was 25% above average in June.', 'Hail damage was 25% above average in the summer months.', 'different-period'],
    ['Ticket sales rose 8% between May 2 and May 9.', 'Ticket sales rose 8% in all of 2022.', 'different-period'],
    // The same period in other words stays a paraphrase.
    ['Westhaven has logged 61 burglaries so far this year.', 'So far this year, 61 burglaries have been logged in Westhaven.', 'paraphrase'],
    ['Output grew 14% between 2001-2005.', 'Output grew 14% between 2001 and 2005.', 'same'],
  ]);
});

test('a share of a narrower set, or a count of one, is not the claim\'s', () => {
  expect([
    ['27% of Westhaven\'s teachers work part-time.', '27% of Westhaven\'s supply teachers on short contracts work part-time.', 'different-whole'],
    ['Pension funds own 40% of Westhaven\'s land.', 'Pension funds own 40% of Westhaven\'s farm land.', 'different-whole'],
    ['3,100 patients in Westhaven were admitted with flu last winter.', '3,100 patients in Westhaven over 80 were admitted with flu last winter.', 'narrower'],
    ['1,700 cyclists in Westhaven were fined in 2022.', '1,700 cyclists in Westhaven aged under 18 were fined in 2022.', 'narrower'],
    // Circumstances after the verb do not narrow anything.
    ['The Westhaven choir has 64 singers.', 'The Westhaven choir has 64 singers, the conductor said on Friday.', 'same'],
  ]);
});

test('done, will be, only intended and only might be are compared as modality', () => {
  expect([
    ['Westhaven has opened 40 new libraries.', 'Westhaven plans to open 40 new libraries by 2030.', 'different-predicate'],
    ['The club will sell 12,000 shares.', 'The club sold 12,000 shares.', 'different-predicate'],
    ['The council has planted 5,000 trees.', 'The council has pledged to plant 5,000 trees.', 'different-predicate'],
    ['The regulator could fine 30 firms.', 'The regulator will fine 30 firms.', 'different-predicate'],
    // Two ways of saying "will".
    ['The board is set to cut 200 jobs.', 'The board will cut 200 jobs.', 'paraphrase'],
    ['The board is due to cut 200 jobs.', 'The board will cut 200 jobs.', 'paraphrase'],
  ]);
});

test('units: percent against points, seconds against minutes, power against energy, a level against a difference', () => {
  expect([
    ['The deposit rate rose by 0.75% in April.', 'The deposit rate rose by 0.75 percentage points in April.', 'different-unit'],
    ['The relay record is 39 seconds.', 'The relay record is 39 minutes for the mountain course.', 'different-unit'],
    ['The dam produces 450 megawatts.', 'The dam produced 450 megawatt-hours on Sunday.', 'different-unit'],
    ['The mean August temperature in Westhaven is 19 degrees.', 'The mean August temperature in Westhaven is 19 degrees warmer than its February mean.', 'different-unit'],
    // The same duration in another unit is the same figure.
    ['The hearing lasted three hours.', 'The hearing lasted 180 minutes.', 'paraphrase'],
  ]);
});

test('an antonym said of the same figure is the other way ("won by 4 seats" / "lost by 4 seats")', () => {
  expect([
    ['The Westhaven mayor won the run-off by 4 seats.', 'The Westhaven mayor lost the run-off by 4 seats.', 'conflicting-value'],
    ['The committee accepted 18 petitions.', 'The committee rejected 18 petitions.', 'conflicting-value'],
  ]);
});

test('kinds of things (WordNet hypernyms): a kind of what the claim counts is narrower, the reverse broader', () => {
  expect([
    ['The zoo in Westhaven keeps 320 animals.', 'The zoo in Westhaven keeps 320 birds.', 'narrower'],
    ['Westhaven shipped 4,000 tonnes of vegetables.', 'Westhaven shipped 4,000 tonnes of carrots.', 'narrower'],
    ['88 people in Westhaven died of tuberculosis last year.', '88 people in Westhaven died of infectious disease last year.', 'broader'],
    // A word after a copula describes; it names no set.
    ['6 in 10 Westhaven nurses are women.', 'Sixty percent of Westhaven\'s nurses are female.', 'paraphrase'],
  ]);
});

test('ages, other scales of other things, "among" wholes, jabs and shots, and the same words', () => {
  expect([
    ['Westhaven\'s fire service has 52 engines.', 'Westhaven\'s fire chief, 52, retired in June.', 'unrelated'],
    ['The new stadium cost 640 million marks.', 'The new stadium draws 640 thousand visitors a year.', 'unrelated'],
    ['Among Westhaven\'s 90 schools, 31 teach Latin.', '31 of Westhaven\'s 90 schools teach Latin.', 'paraphrase'],
    ['Westhaven\'s surgeries gave 70,000 flu jabs this winter.', 'This winter 70,000 flu vaccinations were given in Westhaven\'s surgeries.', 'paraphrase'],
    ['In 2021, Westhaven recorded 1,904 road accidents.', 'Westhaven recorded 1,904 road accidents in 2021, the transport office said.', 'same'],
    ['Westhaven\'s museum will lend 12 paintings.', 'Westhaven\'s museum is due to lend 12 paintings.', 'paraphrase'],
  ]);
});
