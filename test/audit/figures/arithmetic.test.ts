// Arithmetic inside one sentence: each planted error is found (with the computation shown) and
// each correct twin passes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkArithmetic } from '../../../src/audit/index.js';

const WRONG: Array<[string, RegExp]> = [
  ['In 2023, 140 of 196 countries (81%) criminalised possession.', /140 of 196 is 71\.4%, not 81%/],
  ['Some 45% of the 200 cities (about 110) restrict cars.', /45% of 200 is 90, not 110/],
  ['Of the 120 schools, 30 (40%) need new roofs.', /30 of 120 is 25%, not 40%/],
  ['71% (150 of 196) of countries agreed.', /150 of 196 is 76\.5%, not 71%/],
  ['The survey found 210 of 196 countries had laws.', /a part \(210\) cannot be larger than its whole \(196\)/],
  ['Arrests rose from 1,200 in 2019 to 1,500 in 2023, an increase of 40%.', /change of 25%, not 40%/],
  ['Arrests fell from 1,200 to 1,500, a drop of 300.', /is a rise, not a fall/],
  ['Cases went from 40 to 52, a rise of 15.', /change of 12, not 15 \(52 − 40 = 12\)/],
  ['One in four adults (40%) owns a car.', /One in four is 25%, not 40%/],
  ['The agency recorded a total of 500 cases: 300 in the north, 150 in the south and 100 in the east.', /add up to 550, not 500 \(300 \+ 150 \+ 100 = 550\)/],
  ['Of the 196 countries, 140 criminalise possession, leaving 46 that do not.', /196 − 140 = 56, not 46/],
  ['So 196 − 140 = 66 countries remain.', /196 − 140 = 56/],
  ['The budget doubled from 10 million to 30 million.', /has not doubled/],
  ['The city has 900 buses, three times as many as the 200 it had in 2010.', /4\.5 times 200, not three times/],
  // Amounts with a currency sign, changes written "rose C to B, up from A", tallies in words.
  ['The ferry fare rose from $8 to $8.40, an increase of 8%.', /change of 5%, not 8%/],
  ['The bus fare rose 30 cents to $2.75, up from $2.55.', /change of 20 cents, not 30/],
  ['Enrolment fell 150 to 1,250 from 1,350.', /change of 100, not 150/],
  ['Of the new clinics, 9 opened in the north, four in the south and three in the west, which accounts for all 18 clinics.', /add up to 16, not 18 \(9 \+ four \+ three = 16\)/],
  // The level first, then where it came from, then the change; two counts and the share said to follow from them.
  ['By June the tally had reached 150, up from 40 in April, a rise of 200%.', /from 40 to 150 is a change of 275%, not 200%/],
  ['Ridership hit $9 million, down from $12 million a year earlier, a 30% drop.', /change of 25%, not 30%/],
  ['There were 640 reported infections and 48 deaths, so 12% of those infected died.', /48 of 640 is 7\.5%, not 12%/],
  ['The ward logged 250 admissions and 30 transfers, a transfer rate of 20%.', /30 of 250 is 12%, not 20%/],
];
const RIGHT = [
  'In 2023, 140 of 196 countries (71%) criminalised possession.',
  'In 2023, 140 of 196 countries, or about 70%, criminalised possession.',
  'Some 45% of the 200 cities (90) restrict cars.',
  'Of the 120 schools, 30 (25%) need new roofs.',
  'Arrests rose from 1,200 in 2019 to 1,500 in 2023, an increase of 25%.',
  'Support rose from 20% to 30%, a rise of 10 percentage points.',
  'Cases went from 40 to 52, a rise of 12.',
  'One in four adults (25%) owns a car.',
  'The agency recorded a total of 550 cases: 300 in the north, 150 in the south and 100 in the east.',
  'A total of 500 cases were recorded, including 300 in the north and 150 in the south.',
  'Of the 196 countries, 140 criminalise possession, leaving 56 that do not.',
  'The remaining 62 countries have some legislation (196 − 118 − 16 = 62).',
  'The budget doubled from 10 million to 20 million.',
  'The city has 600 buses, three times as many as the 200 it had in 2010.',
  'On 3 of 2024 nothing happened.',
  'The ferry fare rose from $8 to $8.40, an increase of 5%.',
  'The bus fare rose 20 cents to $2.75, up from $2.55.',
  'Enrolment fell 100 to 1,250 from 1,350.',
  'Of the new clinics, 9 opened in the north, four in the south and three in the west, which accounts for all 16 clinics.',
  'Membership rose 12% to 5,600, up from 5,000.',
  'Two teams and three coaches, which accounts for all the staff, travelled.',
  'A second printing in 1994 of 1,130 copies followed the first.',
  'By June the tally had reached 150, up from 40 in April, a rise of 275%.',
  'The rate was 6%, up from 4%, a rise of 2%.',
  'There were 640 reported infections and 48 deaths, so 7.5% of those infected died.',
  'The ward logged 250 admissions and 30 transfers, a transfer rate of 12%.',
  'It had 300 members and 12 branches in 2020, and 40% of members were new.',
];

for (const [sentence, expected] of WRONG) {
  test(`arithmetic flags: ${sentence}`, () => {
    const found = checkArithmetic(sentence);
    assert.equal(found.length, 1, JSON.stringify(found));
    assert.match(found[0]!.message, expected);
  });
}

test('arithmetic: correct sentences get no finding', () => {
  for (const s of RIGHT) assert.deepEqual(checkArithmetic(s), [], s);
});

test('groups that split a whole must add up to it when the last takes in the rest; open or overlapping groups need not', () => {
  const wrong = checkArithmetic('Of the 93 reefs surveyed in 2023, 19 declined, 23 improved and 41 were unchanged.');
  assert.equal(wrong.length, 1);
  assert.match(wrong[0]!.message, /the groups add up to 83, not 93 \(19 \+ 23 \+ 41 = 83\)/);
  assert.deepEqual(checkArithmetic('Of the 93 reefs surveyed in 2023, 19 declined, 23 improved and 51 were unchanged.'), []);
  assert.deepEqual(checkArithmetic('Of the 93 reefs, 19 declined and 23 improved.'), []);
  assert.deepEqual(checkArithmetic('Of the 50 states, 30 raised wages and 25 cut taxes.'), []);
  assert.deepEqual(checkArithmetic('Of the 40 clubs, 12 won, 9 drew and the other 19 lost.'), []);
});
