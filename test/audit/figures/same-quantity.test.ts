// One quantity given two values across an article, and parts that do not fit their whole, each
// with a wrong and a corrected twin in the project's own words (the forms of news reports on a
// working-week pilot): "92% of the firms kept it" / "91% kept it"; "of the 61 firms, 55 kept the
// shorter week … and 9 went back to five days".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkInternal, proseSentences } from '../../../src/audit/consistency/internal.js';
import { checkConsistency } from '../../../src/audit/consistency/across.js';
import type { ArticleFigure } from '../../../src/audit/consistency/across.js';
import { figureSites } from '../../../src/audit/figures.js';

const findings = (...texts: string[]) => checkInternal(proseSentences(texts));
const checks = (...texts: string[]): string[] => findings(...texts).map((f) => `${f.check}: ${f.computation}`);

test('the same share said twice with another value is flagged, quoting both sentences', () => {
  const f = findings('92% of the firms kept the four-day week.', 'Staff said they slept better.', '91% kept it, the organisers said.');
  const same = f.filter((x) => x.check === 'restated-value');
  assert.equal(same.length, 1, JSON.stringify(f));
  assert.equal(same[0]!.sentence, 2);
  assert.deepEqual(same[0]!.others, [0]);
  assert.match(same[0]!.message, /"91% kept it[^"]*" here, and "92% of the firms kept the four-day week" earlier/);
  assert.equal(same[0]!.computation, '91% ≠ 92%');
  // A change given again with another size, the sentence opening with a linking word.
  assert.deepEqual(checks('Sick days fell by 30% during the pilot.', 'Overall, sick days fell by 40%.'), ['restated-value: 40% ≠ 30%']);
  // The twins: the same value, or a value within rounding of the other.
  assert.deepEqual(checks('92% of the firms kept the four-day week.', '92% kept it.'), []);
  assert.deepEqual(checks('92% of the firms kept the four-day week.', '91.6% of the firms kept the four-day week.'), []);
  assert.deepEqual(checks('Sick days fell by 30% during the pilot.', 'Overall, sick days fell by 30%.'), []);
});

test('two values of what only looks like one quantity are not flagged', () => {
  // Another set, another time, another period, another thing said.
  assert.deepEqual(checks('92% of the firms kept the four-day week.', 'Among the smaller firms, 85% kept it.'), []);
  assert.deepEqual(checks('90% of the firms kept the shorter week after the trial.', 'A year later, 88% of the firms kept the shorter week.'), []);
  assert.deepEqual(checks('In 2023, 92% of the firms kept the four-day week.', 'In 2024, 89% of the firms kept the four-day week.'), []);
  assert.deepEqual(checks('Sick days fell by 30% during the pilot.', 'Staff turnover fell by 40% during the pilot.'), []);
  assert.deepEqual(checks('64% of staff said they felt less tired.', '39% of staff said they felt less stressed.'), []);
  // A figure given as an approximation is not a second value.
  assert.deepEqual(checks('92% of the firms kept the four-day week.', 'About 90% of the firms kept the four-day week.'), []);
});

test('parts of one whole that cannot overlap may not add up past it', () => {
  assert.deepEqual(checks('Of the 61 firms, 55 kept the four-day week, 20 made it permanent and 9 went back to five days.'), ['parts-over-whole: 55 + 9 = 64 > 61']);
  assert.deepEqual(checks('Of the 61 firms, 55 kept the four-day week, 20 made it permanent and 8 stopped.'), ['parts-over-whole: 55 + 8 = 63 > 61']);
  assert.deepEqual(checks('Of the 40 pupils, 31 passed the exam and 12 failed it.'), ['parts-over-whole: 31 + 12 = 43 > 40']);
  const f = findings('Of the 30 councils, 20 approved the plan and 14 rejected it.')[0];
  assert.match(f?.message ?? '', /"20 approved the plan" and "14 rejected it" cannot both hold of one of the 30 councils/);
  assert.match(f?.suggestion ?? '', /at most 10 rejected/);
  // The twins, parts that may overlap, and a hedged part.
  assert.deepEqual(checks('Of the 61 firms, 55 kept the four-day week, 20 made it permanent and 6 went back to five days.'), []);
  assert.deepEqual(checks('Of the 61 firms, 55 kept the four-day week and 20 made it permanent.'), []);
  assert.deepEqual(checks('Of the 120 members, 80 ratified the treaty and 90 signed it.'), []);
  assert.deepEqual(checks('Of the 30 councils, about 20 approved the plan and 14 rejected it.'), []);
});

test('"of those, N" counts a subset of the last figure of its own kind, not of a duration in between', () => {
  const sentences = ['Staff at 61 firms worked 32 hours over four days between May and October.', 'Of those, 55 firms kept the shorter week.'];
  const figs: ArticleFigure[] = sentences.flatMap((s, claim) => figureSites(s).map((site) => ({ ...site, claim })));
  assert.deepEqual(checkConsistency(figs).map((f) => f.message), []);
  const wrong = ['Staff at 61 firms worked 32 hours over four days between May and October.', 'Of those, 65 firms kept the shorter week.'];
  const wrongFigs: ArticleFigure[] = wrong.flatMap((s, claim) => figureSites(s).map((site) => ({ ...site, claim })));
  assert.match(checkConsistency(wrongFigs).map((f) => f.message).join('\n'), /subset of the 61/);
});
