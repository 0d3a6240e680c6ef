// A page names a place in full in an early paragraph and then by its head noun ("the reef"): the
// judge reads every later passage of the page with the full name written back, not only a
// passage whose title names it. A small corpus in the project's own words, then `checkInput`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkInput } from '../../../src/check/index.js';
import type { FixtureDoc } from '../../fixtures/check/small-corpus.js';
import { storeForTests } from '../helpers.js';
import { PageNamedJudge } from '../../../src/check/page-names.js';

const NOW = (): Date => new Date('2026-03-01T12:00:00.000Z');
const SURVEY: FixtureDoc = {
  uri: 'file:///fixtures/reef/survey.txt',
  title: 'Divers count the cost of a hot summer',
  publisher: 'Coast News',
  publishedAt: null,
  kind: 'news',
  text: "Divers spent March surveying the Corran Barrier Reef after weeks of unusually warm water. The team was led by the marine institute in Port Sel.\n\nThe water stayed above 30 degrees for most of February, the institute said. Boats carried the divers out at dawn each day.\n\nOf the reef's 600 surveyed sites, 410 showed bleaching, the divers said. Most of the bleached coral was in shallow water.",
};
const store = storeForTests([
  SURVEY,
  { uri: 'file:///fixtures/reef/tourism.txt', title: 'Tourism in Port Sel', publisher: 'Travel Weekly', publishedAt: null, kind: 'news', text: 'Tourism in Port Sel grew last year as visitors came to dive. Hotels in the town reported more bookings than ever.' },
]);

test('a later passage saying "the reef" is judged as naming the reef its page named before', async () => {
  const r = await checkInput(store(), '410 sites on the Corran Barrier Reef showed bleaching', { now: NOW });
  assert.equal(r.verdict?.label, 'supported', r.verdict?.reason);
  // The quote is the page's own words.
  const quoted = r.findings.flatMap((f) => f.sentences).map((s) => s.text).join(' ');
  assert.doesNotMatch(quoted, /Corran Barrier Reef's 600/, quoted);
});

test('the name is written from the page before the passage, never from after it', async () => {
  const judge = new PageNamedJudge(store());
  const hits = await store().search('reef surveyed sites bleaching', { limit: 10 });
  const later = hits.find((h) => h.passage.text.includes("the reef's 600"));
  assert.ok(later, JSON.stringify(hits.map((h) => h.passage.text)));
  assert.match(await judge.named(later), /the Corran Barrier Reef's 600 surveyed sites/);
  // The same passage read as if it opened the page: nothing before it names the reef.
  assert.doesNotMatch(await judge.named({ ...later, passage: { ...later.passage, start: 0 } }), /Corran/);
});
