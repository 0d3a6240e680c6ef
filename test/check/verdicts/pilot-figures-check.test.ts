// A claim's figure that a page gives two ways, named together in the verdict: the claim's number
// measured against another base beside another number for the claim's own period ("35 per cent
// when compared to the same six months" / "9 per cent during the trial"), and a count of one stage
// of a scheme beside a count of another ("Seventy firms signed up …, and 61 of them finished").
// A small corpus in the project's own words, in an in-memory SQLite store, then `checkInput`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkInput } from '../../../src/check/index.js';
import type { FixtureDoc } from '../../fixtures/check/small-corpus.js';
import { storeForTests } from '../helpers.js';

const NOW = (): Date => new Date('2026-03-01T12:00:00.000Z');
const CORPUS: FixtureDoc[] = [
  {
    uri: 'file:///fixtures/pilot/harland-firms.txt',
    title: 'Most Harland firms keep the four-day week after the pilot',
    publisher: 'Harland Herald',
    publishedAt: null,
    kind: 'news',
    text: 'Seventy firms signed up for the Harland four-day week pilot in 2024, and 61 of them finished the six-month trial. Of those, 55 firms, or 90%, kept the shorter week, 20 of them for good.',
  },
  {
    uri: 'file:///fixtures/pilot/harland-revenue.txt',
    title: 'What the Harland four-day week pilot did for revenue',
    publisher: 'Trade Journal',
    publishedAt: null,
    kind: 'news',
    text: 'The Harland pilot was run with firms from the United States and Ireland. Revenue at the firms grew by about a point a month, for a total increase of 9 per cent during the trial. It increased by 35 per cent when compared to the same six months in 2023. Staff reported less stress and better sleep.',
  },
];

const store = storeForTests(CORPUS);

async function verdictOf(claim: string): Promise<{ label: string; reason: string }> {
  const v = (await checkInput(store(), claim, { now: NOW })).verdict;
  assert.ok(v, 'a verdict is given');
  return v;
}

test('the claim\'s number measured against another base is named beside the figure for the claim\'s period, and refutes it', async () => {
  const v = await verdictOf('Revenue rose 35% during the Harland four-day week pilot');
  assert.equal(v.label, 'refuted', v.reason);
  assert.match(v.reason, /"[^"]*9 per cent during the trial", not "35%"/, v.reason);
  assert.match(v.reason, /its "35 per cent" is measured against another base: "It increased by 35 per cent when compared to the same six months in 2023"/, v.reason);
});

test('a name the page spells out ("US" / "the United States") names the page for the refutation by figure', async () => {
  const v = await verdictOf('Revenue rose 35% during the US and Ireland four-day week pilot');
  assert.equal(v.label, 'refuted', v.reason);
  assert.match(v.reason, /9 per cent during the trial/, v.reason);
});

test('a claim that names the base itself is not told its figure is of another base', async () => {
  const v = await verdictOf('Revenue in the Harland four-day week pilot rose 35% compared to the same six months in 2023');
  assert.doesNotMatch(v.reason, /measured against another base/, v.reason);
});

test('a count of one stage beside a count of another is Mixed, with both named', async () => {
  const v = await verdictOf('70 firms took part in the Harland four-day week pilot');
  assert.equal(v.label, 'mixed', v.reason);
  assert.match(v.reason, /claim's 70 firms \("Seventy firms signed up for the Harland four-day week pilot in 2024"\)/, v.reason);
  assert.match(v.reason, /another count of the same bodies \("61 of them finished the six-month trial"\)/, v.reason);
});

test('the count of the stage the page gives it for is no mix', async () => {
  const v = await verdictOf('70 firms signed up for the Harland four-day week pilot');
  assert.equal(v.label, 'supported', v.reason);
});
