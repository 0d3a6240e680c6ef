// A claim's report quotes first the source that states most of the claim — its names, predicate
// and date — and not one that shares many of its common words or a number.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkInput } from '../../src/check/index.js';
import { profileClaim } from '../../src/evidence/index.js';
import { candidatesFor } from '../../src/report/compose/candidates.js';
import { rankByClaimCoverage } from '../../src/report/compose/claim-rank.js';
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
