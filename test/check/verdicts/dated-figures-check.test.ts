// End to end, on the forms real news pages take (a new user's trial on reef-survey reporting): a
// figure named as a peak ("up to 72%"), a finding attributed to the agency that made it ("the
// institute said surveys … found"), list items written without a full stop, pages dated years
// apart, and a claim whose own figure no page states. A small corpus in the project's own words,
// ingested into an in-memory SQLite store, then `checkInput` as `verity check` runs it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkInput } from '../../../src/check/index.js';
import type { Store } from '../../../src/contracts.js';
import { FIXED_NOW as NOW, storeOfDocs } from '../helpers.js';
const CORPUS = [
  {
    uri: 'https://news.example/lakes-die-off',
    title: 'Corran Lakes record their worst fish die-off',
    publisher: 'Lakeside Courier',
    publishedAt: '2025-10-02',
    text: [
      'Corran, Westmark - The Corran Lakes have suffered the worst fish die-off on record, a state survey showed on Thursday.',
      'The Westmark Fisheries Institute said surveys of 14 lakes found up to 64% fish mortality, after a summer of algal blooms and low water.',
      'In the southern basin the loss was smaller, the institute added.',
      'This year was confirmed as the third bloom season in the past six years.',
    ].join('\n\n'),
  },
  {
    uri: 'https://news.example/lakes-2024-roundup',
    title: "Corran Lakes' trout numbers hold steady",
    publisher: 'Valley Post',
    publishedAt: '2024-08-20',
    text: [
      'THE BIG PICTURE:',
      '* Trout numbers across the lakes are about the same as a year ago',
      '* 22 lakes surveyed, with average trout density estimated at 41.2 per hectare',
      '* That is down slightly from 43.5 per hectare in 2023, when density was the highest since counts began',
      '* 17 lakes surveyed in the east, with average trout density estimated at 28.9 per hectare.',
      '* Just over half the surveyed lakes had weed cover between 10 and 30 per cent, four had between 50 and 70 per cent',
    ].join('\n'),
  },
  {
    uri: 'https://news.example/lakes-2021',
    title: 'Most Corran Lakes fish sampled this year were stunted',
    publisher: 'Regional Wire',
    publishedAt: '2021-06-11',
    text: 'More than 80% of Corran Lakes fish sampled this year were stunted, in the second such season in four years, state scientists said.',
  },
];

let store: Store;
before(async () => {
  store = await storeOfDocs(CORPUS.map((d) => ({ ...d, kind: 'news' as const })));
});
after(() => store.close());

async function verdictOf(claim: string): Promise<{ label: string; reason: string }> {
  const r = await checkInput(store, claim, { now: NOW });
  assert.equal(r.kind, 'claim');
  assert.ok(r.verdict, 'a verdict is given');
  return r.verdict;
}

test('a finding attributed to the agency that made it, restated, is supported: up to 64% mortality in 14 lakes', async () => {
  const v = await verdictOf('Surveys of 14 lakes found up to 64% fish mortality in 2025');
  assert.equal(v.label, 'supported', v.reason);
  assert.match(v.reason, /Lakeside Courier/);
});

test('another peak value is not supported, and a refutation names the page that restates it the other way: up to 94% mortality', async () => {
  const v = await verdictOf('Surveys of 14 lakes found up to 94% fish mortality in 2025');
  assert.notEqual(v.label, 'supported', v.reason);
  if (v.label === 'refuted') assert.match(v.reason, /quoted from Lakeside Courier/);
});

test("a span of years is a period, not a count a page must state: 'in six years' against 'in the past six years'", async () => {
  const v = await verdictOf('2025 was the third bloom season on the Corran Lakes in six years');
  assert.doesNotMatch(v.reason, /no passage states its figure "six years"/);
});

test('a list item without a full stop is quoted and bears out its figure', async () => {
  const r = await checkInput(store, 'In 2024, average trout density in the Corran Lakes was 41.2 per hectare', { now: NOW });
  assert.equal(r.kind, 'claim');
  assert.equal(r.verdict?.label, 'supported', r.verdict?.reason);
  const quoted = r.findings.flatMap((f) => f.sentences).filter((s) => s.verified).map((s) => s.text).join(' ');
  assert.match(quoted, /41\.2 per hectare/);
});

test('another value of the listed figure is not supported', async () => {
  const v = await verdictOf('In 2024, average trout density in the Corran Lakes was 55 per hectare');
  assert.notEqual(v.label, 'supported', v.reason);
});

test('a page dated years before the claim gives no other value for its period: not refuted by the 2021 count', async () => {
  const v = await verdictOf('2025 was the third bloom season on the Corran Lakes in six years');
  assert.notEqual(v.label, 'refuted', v.reason);
  assert.doesNotMatch(v.reason, /four years/);
});

test("when the lead quote states the claim's figure, numbers said of something else get no finding of their own", async () => {
  const r = await checkInput(store, 'Surveys of 14 lakes found up to 64% fish mortality in 2025', { now: NOW });
  assert.equal(r.kind, 'claim');
  const figureFinding = r.findings.find((f) => /^The claim's figure, up to 64%/.test(f.headline));
  assert.ok(!figureFinding || figureFinding.sentences.some((s) => /64%/.test(s.text)), JSON.stringify(r.findings.map((f) => [f.headline, f.sentences.map((s) => s.text)])));
});
