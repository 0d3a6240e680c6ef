import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkInternal, proseSentences } from '../../../src/audit/consistency/internal.js';

function checks(...texts: string[]): Array<{ check: string; computation: string; suggestion: string; message: string }> {
  return checkInternal(proseSentences(texts));
}

// Each check: a wrong passage it must flag (with the computation written out) and the corrected
// passage it must leave alone.
const CASES: Array<{ check: string; wrong: string[]; right: string[]; computation: RegExp }> = [
  { check: 'percent-vs-points', wrong: ['Coverage went from 20% to 25%, an increase of 5%.'], right: ['Coverage went from 20% to 25%, an increase of 5 percentage points.'], computation: /25 − 20 = 5 points.*= 25%/ },
  { check: 'change-vs-values', wrong: ['The depot had 210 buses in 2019 and 260 in 2024, a rise of 30%.'], right: ['The depot had 210 buses in 2019 and 260 in 2024, a rise of about 24%.'], computation: /\(260 − 210\) ÷ 210 × 100 = 23.8%/ },
  { check: 'fraction-vs-percent', wrong: ['More than half of the members, 48%, voted for it.'], right: ['More than half of the members, 52%, voted for it.'], computation: /stated 48%/ },
  { check: 'fraction-vs-percent', wrong: ['One in four tenants (40%) were behind on rent.'], right: ['One in four tenants (26%) were behind on rent.'], computation: /one in four = 25%/ },
  { check: 'shares-over-100', wrong: ['Of respondents, 40% said yes, 45% said no and 25% said they did not know.'], right: ['Of respondents, 40% said yes, 45% said no and 15% said they did not know.'], computation: /40% \+ 45% \+ 25% = 110%/ },
  { check: 'parts-over-whole', wrong: ['Of the 150 schools inspected, 98 passed and 64 did not.'], right: ['Of the 150 schools inspected, 98 passed and 52 did not.'], computation: /98 \+ 64 = 162 ≠ 150/ },
  { check: 'date-arithmetic', wrong: ['The firm was founded in 1998, and twenty years later, in 2012, it went public.'], right: ['The firm was founded in 1998, and fourteen years later, in 2012, it went public.'], computation: /2012 − 1998 = 14/ },
  { check: 'date-arithmetic', wrong: ['The law passed in 2011, three years after the first draft in 2006.'], right: ['The law passed in 2011, five years after the first draft in 2006.'], computation: /2011 − 2006 = 5/ },
  { check: 'age-arithmetic', wrong: ['Born in 1961, she was elected mayor at 52 in 2019.'], right: ['Born in 1961, she was elected mayor at 57 in 2019.'], computation: /2019 − 1961 = 58/ },
  { check: 'outside-range', wrong: ['Crowd estimates ranged from 20,000 to 35,000 people.', 'The highest crowd estimate, from the organisers, was 50,000.'], right: ['Crowd estimates ranged from 20,000 to 35,000 people.', 'The highest crowd estimate, from the organisers, was 35,000.'], computation: /50,000 > 35,000/ },
  { check: 'derived-count', wrong: ['Of the 120 members, 80 have ratified the treaty and 90 have signed it, so about 40 have not signed it.'], right: ['Of the 120 members, 80 have ratified the treaty and 90 have signed it, so about 30 have not signed it.'], computation: /120 − 90 = 30; 120 − 80 = 40/ },
  { check: 'restated-value', wrong: ['The study followed 1,200 adults surveyed in March.', 'Its summary says the 1,500 adults surveyed were representative.'], right: ['The study followed 1,200 adults surveyed in March.', 'Its summary says the 1,200 adults surveyed were representative.'], computation: /1,500 ≠ 1,200/ },
];

for (const c of CASES) {
  test(`internal consistency: ${c.check} — ${c.wrong.join(' ').slice(0, 60)}`, () => {
    const found = checks(...c.wrong).filter((f) => f.check === c.check);
    assert.equal(found.length, 1, JSON.stringify(checks(...c.wrong), null, 1));
    assert.match(found[0]!.computation, c.computation);
    assert.ok(found[0]!.suggestion.length > 0 && found[0]!.message.length > 0);
    assert.deepEqual(checks(...c.right), [], 'the corrected passage is consistent');
  });
}

test('internal consistency: hedges are honoured', () => {
  assert.deepEqual(checks('About a third of the loans, or 31%, were repaid.'), []);
  assert.deepEqual(checks('Of the 120 members, 90 have signed it, so about 31 have not signed it.'), []);
  assert.equal(checks('Nearly half of the wells tested (56%) failed.').length, 1, '"nearly half" is under 50%');
  assert.equal(checks('A majority of the respondents (46%) opposed the toll.').length, 1);
});

test('internal consistency: the derived-count flag names both computations (the issue\'s 120/80/90 example)', () => {
  const [f] = checks('Of the 120 members, 80 have ratified the treaty and 90 have signed it, so about 40 have not signed it.');
  assert.ok(f);
  assert.match(f.message, /120 − 90 = 30 have not signed/);
  assert.match(f.message, /40 = 120 − 80/);
  assert.match(f.suggestion, /say "30"/);
});

test('internal consistency: "most" as a superlative and shares of a change are not exclusive shares of a whole', () => {
  assert.deepEqual(checks('The next most common gases in the sample are argon (0.9%) and neon.'), []);
  assert.deepEqual(checks('Forest cover fell by 40.5% from 1990 to 2020, with about 20% of that decline due to fires and the remaining 80% to clearing.'), []);
});
