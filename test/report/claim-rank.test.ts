// A claim's report quotes first the source that states most of the claim — its names, predicate
// and date — and not one that shares many of its common words or a number.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkInput } from '../../src/check/index.js';
import { profileClaim } from '../../src/evidence/index.js';
import { candidatesFor } from '../../src/report/compose/candidates.js';
import { nearestLineSentence, rankByClaimCoverage, unquotedBestSource } from '../../src/report/compose/claim-rank.js';
import type { Judgement, Passage, Source } from '../../src/model.js';
import type { FixtureDoc } from '../fixtures/check/small-corpus.js';
import { FIXED_NOW, storeOfDocs } from '../check/helpers.js';

const CLAIM =
  'On 14 March, goalkeeper Tomas Varga was recalled to the Redmoor Falcons from his loan spell at the Kettering Otters after the team\'s first-choice keeper returned from a long injury that had kept him out of the side for most of the winter season.';

const OWN: FixtureDoc = {
  uri: 'https://sportsdesk.example/varga-recalled', title: 'Falcons recall Varga | Sports Desk', publisher: 'Sports Desk', publishedAt: '2024-03-15', kind: 'news',
  text: 'The Redmoor Falcons recalled Tomas Varga from Kettering on 14 March. Varga had played eleven games for the Otters. He returns as cover in goal.',
};
const DISTRACTOR: FixtureDoc = {
  uri: 'https://leaguenotes.example/winter-review', title: 'Winter review | League Notes', publisher: 'League Notes', publishedAt: '2024-04-01', kind: 'news',
  text: 'The Redmoor Falcons had most of their first-choice players back from a long injury by the end of the winter season, and the team kept 14 of them in the side for the spring. The side lost only once in the winter season.',
};

test('the report opens on the source that states the claim, not on one sharing its common words', async () => {
  const store = await storeOfDocs([DISTRACTOR, OWN]);
  try {
    const r = await checkInput(store, CLAIM, { now: FIXED_NOW });
    const own = r.sources.find((s) => s.publisher === 'Sports Desk');
    assert.ok(own, `the claim's own article is among the sources: ${r.sources.map((s) => s.publisher).join(', ')}`);
    const lead = r.summary[0];
    assert.ok(lead, 'the report has a summary');
    assert.deepEqual(lead.citations, [own.n], `the lead quotes the own article: ${lead.text}`);
    assert.match(lead.text, /Varga/);
  } finally {
    await store.close();
  }
});

const source = (id: string, publisher: string): Source => ({ id, uri: `https://${id}.example/`, title: publisher, publisher, publishedAt: null, retrievedAt: '2026-01-01T00:00:00.000Z', kind: 'news' }) as Source;
const judged = (s: Source, text: string, n: number): Judgement =>
  ({ source: s, passage: { id: `${s.id}-p${n}`, sourceId: s.id, ordinal: n, text } as Passage, stance: 'neutral', strength: 0, relevance: 1 }) as Judgement;

test('candidates are ranked by the claim coverage of their source and sentence', () => {
  const own = source('own', 'Sports Desk');
  const other = source('other', 'League Notes');
  const judgements = [judged(other, DISTRACTOR.text, 0), judged(own, OWN.text, 0)];
  const profile = profileClaim(CLAIM);
  const pool = candidatesFor(judgements, { facetId: 'claim', claim: CLAIM, negation: 0, profile });
  const { ranked, bySource } = rankByClaimCoverage(pool, profile, judgements);
  assert.ok((bySource.get('own') ?? 0) > (bySource.get('other') ?? 0), 'the own article states more of the claim');
  assert.equal(ranked[0]?.source.id, 'own', `first: ${ranked[0]?.text}`);
  assert.match(ranked[0]?.text ?? '', /recalled Tomas Varga/);
});

test("a long claim's key sentence — its rare names, few of its common words — is a candidate when the claim's profile is given", () => {
  const own = source('own', 'Sports Desk');
  const text = 'Redmoor recalled Varga after eleven games away.';
  const judgements = [judged(own, text, 0)];
  const base = { facetId: 'claim', claim: CLAIM, negation: 0 } as const;
  assert.equal(candidatesFor(judgements, base).length, 0, 'by the plain share of the claim\'s words it is below the floor');
  const [c] = candidatesFor(judgements, { ...base, profile: profileClaim(CLAIM) });
  assert.equal(c?.text, text);
  assert.ok((c?.coverage ?? 0) >= 0.2);
});

test('with nothing quotable, a page that states the claim is shown by its headline; a page that does not, never', async () => {
  // Written for this test: pages of headings and bylines only, no sentence with a full stop.
  const docs: FixtureDoc[] = [
    { uri: 'https://falcons.example/news/varga', title: 'Falcons recall goalkeeper Tomas Varga from Kettering loan | Redmoor Falcons', publisher: 'Redmoor Falcons', publishedAt: '2021-03-15', kind: 'other', text: 'Match centre\n\nTickets\n\nFalcons recall goalkeeper Tomas Varga from Kettering loan\n\nBy Club Media, 15 March 2021' },
    { uri: 'https://otters.example/shop', title: 'Kettering Otters club shop and tickets', publisher: 'Kettering Otters', publishedAt: null, kind: 'other', text: 'Shop\n\nTickets for Kettering Otters home games\n\nGift cards' },
  ];
  const store = await storeOfDocs(docs);
  try {
    const r = await checkInput(store, 'Goalkeeper Tomas Varga was recalled to the Redmoor Falcons from his loan at the Kettering Otters.', { now: FIXED_NOW });
    assert.equal(r.summary.length, 1, JSON.stringify(r.summary));
    assert.match(r.summary[0]!.text, /^Redmoor Falcons titles its page “Falcons recall goalkeeper Tomas Varga from Kettering loan” \[1\]\.$/);
    assert.equal(r.summary[0]!.verified, true);
    assert.equal(r.sources.length, 1);
    assert.equal(r.verdict?.label, 'unproven');
    // A claim no headline states (one shared word at most) gets none.
    const other = await checkInput(store, 'Tickets for the Redmoor cup final sold out within an hour.', { now: FIXED_NOW });
    assert.ok(!other.summary.some((s) => /titles its page/.test(s.text)), JSON.stringify(other.summary));
  } finally {
    await store.close();
  }
});

test('with nothing quotable and no headline, the line of the page nearest the claim is quoted whole, as a line', async () => {
  // Written for this test: a page of headings and a date line; its title states too little of the claim.
  const docs: FixtureDoc[] = [
    { uri: 'https://history.example/assembly', title: 'On this day | History Online', publisher: 'History Online', publishedAt: null, kind: 'other', text: 'Skip to main content\n\n## Assembly moves to Port Hallam\n\n14 August 1871\n\nPrevious date: 13 August' },
  ];
  const store = await storeOfDocs(docs);
  try {
    const r = await checkInput(store, 'Port Hallam was chosen for its harbour, with the Assembly first sitting there in 1871.', { now: FIXED_NOW });
    assert.match(r.summary[0]?.text ?? '', /^History Online comes nearest to the claim in the line “Assembly moves to Port Hallam” \[1\]\.$/, JSON.stringify(r.summary));
    assert.equal(r.summary[0]!.verified, true);
    assert.equal(r.verdict?.label, 'unproven');
    assert.match(r.verdict?.reason ?? '', /none states the claim in a sentence that can be quoted; the nearest, History Online \[1\], has it only in a title or a line/);
  } finally {
    await store.close();
  }
});

test('a line with an address, or sharing one word with the claim, is not quoted', () => {
  const profile = profileClaim('Port Hallam was chosen for its harbour, with the Assembly first sitting there in 1871.');
  const s = source('s', 'History Online');
  assert.equal(nearestLineSentence(profile, [judged(s, 'See www.history.example/port-hallam-assembly for the Assembly at Port Hallam', 0)], new Map()), null);
  assert.equal(nearestLineSentence(profile, [judged(s, 'Harbour walks and tours this summer', 0)], new Map()), null);
  assert.ok(nearestLineSentence(profile, [judged(s, 'Harbour walks and tours\n\nThe Assembly at Port Hallam', 0)], new Map()));
});

test('the page holding most of the claim is named after the lead when none of its sentences can be quoted', () => {
  const profile = profileClaim(CLAIM);
  const own = source('own', 'Sports Desk');
  const other = source('other', 'League Notes');
  const judgements = [judged(other, DISTRACTOR.text, 0), judged(own, 'Falcons recall Tomas Varga from Kettering Otters\n\n14 March', 0)];
  const pool = candidatesFor(judgements, { facetId: 'claim', claim: CLAIM, negation: 0, profile });
  assert.ok(!pool.some((c) => c.source.id === 'own'), 'the own page has no quotable sentence');
  const bySource = new Map([['own', 0.6], ['other', 0.3]]);
  const named = unquotedBestSource(profile, judgements, bySource, pool, []);
  assert.match(named?.body ?? '', /^Sports Desk comes nearest to the claim in the line “Falcons recall Tomas Varga from Kettering Otters”$/);
  // Already cited, or holding too little of the claim: not named again.
  assert.equal(unquotedBestSource(profile, judgements, bySource, pool, [named!]), null);
  assert.equal(unquotedBestSource(profile, judgements, new Map([['own', 0.2], ['other', 0.1]]), pool, []), null);
});

test('a report with nothing to quote and no page to name says so in its summary', async () => {
  const docs: FixtureDoc[] = [
    { uri: 'https://calendar.example/may', title: 'Calendar', publisher: 'Calendar', publishedAt: null, kind: 'other', text: 'May 2014\n\nApril 2014\n\nMarch 2014' },
  ];
  const store = await storeOfDocs(docs);
  try {
    const r = await checkInput(store, 'On May 22, 2014, with 17 hours left, the game was successfully funded.', { now: FIXED_NOW });
    assert.equal(r.summary[0]?.basis, 'absence', JSON.stringify(r.summary));
    assert.match(r.summary[0]?.text ?? '', /^No passage found in the corpus addresses this claim closely enough to quote/);
    assert.equal(r.verdict?.label, 'unproven');
  } finally {
    await store.close();
  }
});
