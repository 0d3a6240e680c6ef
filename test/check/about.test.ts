// `check --about`: a claim lifted from a page about someone names its subject by a pronoun; the
// topic given stands in the pronoun's place for retrieval, coverage and the names a passage must
// hold, joins retrieval for any other claim, and is never a word the evidence must state beyond
// the subject. Without a topic, a claim opening with a bare pronoun gets a gap saying so.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkInput, claimSubject, validateAbout } from '../../src/check/index.js';
import { subjectNote, topicName } from '../../src/check/about.js';
import { claimQueries } from '../../src/evidence/retrieve.js';
import { isVerityError } from '../../src/errors.js';
import type { FixtureDoc } from '../fixtures/check/small-corpus.js';
import { FIXED_NOW, storeOfDocs } from './helpers.js';

test('a bare pronoun subject, at the start or after an opening phrase, is read as the topic', () => {
  const he = claimSubject('He made his league debut on 4 August 2018.', 'Tomas Kerrigan');
  assert.equal(he.text, 'Tomas Kerrigan made his league debut on 4 August 2018.');
  assert.deepEqual([he.pronoun, he.resolved, he.topic], ['He', true, 'Tomas Kerrigan']);
  assert.equal(claimSubject('In 2016, she released a second album.', 'Mira Holt').text, 'In 2016, Mira Holt released a second album.');
  assert.equal(claimSubject('Upon his return in January 2009, he again became the first-choice keeper.', 'Jon Pell').text, 'Upon his return in January 2009, Jon Pell again became the first-choice keeper.');
  // A possessive subject, and a topic whose trailing parenthesis only qualifies it.
  assert.equal(claimSubject('Its video was shot in Lisbon.', 'Glass Tide (Orla Venn song)').text, "Glass Tide's video was shot in Lisbon.");
  assert.equal(topicName('The Lantern Cycle (franchise)'), 'The Lantern Cycle');
  assert.equal(topicName('1979 (Where Did The Summer Go?)'), '1979 (Where Did The Summer Go?)');
});

test('a claim naming its own subject, or with an "It" that stands for nothing, is left as written', () => {
  for (const claim of ['Gill has won 21 awards from 44 nominations.', 'It is estimated that 40 % of the town left.', 'It was announced in 2019 that the mill would close.', 'They say the bridge is haunted.', 'The band toured Japan in 2003.']) {
    const s = claimSubject(claim, 'Anything');
    assert.equal(s.text, claim);
    assert.equal(s.resolved, false);
  }
  // Without a topic the pronoun is found but nothing replaces it, and the report is told why.
  const bare = claimSubject('She replaced James Marsh on 24 July 2019.', null);
  assert.deepEqual([bare.text, bare.pronoun, bare.resolved], ['She replaced James Marsh on 24 July 2019.', 'She', false]);
  assert.match(subjectNote(bare) ?? '', /subject is unknown: it opens with “She”/);
  assert.equal(subjectNote(claimSubject('She replaced James Marsh on 24 July 2019.', 'Ada Quill')), null);
  assert.equal(subjectNote(claimSubject('Gill has won 21 awards.', null)), null);
});

test('a topic the claim does not name joins retrieval as one more query, and only then', () => {
  const plain = claimQueries('The band toured Japan in 2003.');
  const about = claimQueries('The band toured Japan in 2003.', 'Glass Harbour');
  assert.equal(about.length, plain.length + 1);
  assert.match(about.at(-1)!, /^Glass Harbour .*Japan/);
  assert.deepEqual(claimQueries('Glass Harbour toured Japan in 2003.', 'Glass Harbour'), claimQueries('Glass Harbour toured Japan in 2003.'));
});

test('a topic that is empty or a passage is refused with the fix', () => {
  assert.equal(validateAbout(undefined), null);
  assert.equal(validateAbout('  Tomas   Kerrigan '), 'Tomas Kerrigan');
  for (const bad of ['   ', 'x'.repeat(201)]) {
    assert.throws(() => validateAbout(bad), (e: unknown) => isVerityError(e) && e.code === 'BAD_INPUT' && /--about|name or title/.test(e.message));
  }
});

// Two players' pages state the same kind of debut; only the topic tells whose the claim is.
const KERRIGAN = 'file:///pages/kerrigan.md';
const BRENN = 'file:///pages/brenn.md';
const DOCS: FixtureDoc[] = [
  {
    uri: KERRIGAN,
    title: 'Tomas Kerrigan signs first professional contract',
    publisher: 'Harbour City FC',
    publishedAt: '2018-08-20',
    kind: 'news',
    text: 'Tomas Kerrigan signed his first professional contract with Harbour City on Monday.\n\nThe goalkeeper made his league debut on 4 August 2018, starting in a 2-1 defeat to Port Aldous.\n\nHe had joined the academy at the age of twelve.',
  },
  {
    uri: BRENN,
    title: 'Aldo Brenn joins Port Aldous on loan',
    publisher: 'Port Aldous Athletic',
    publishedAt: '2018-09-02',
    kind: 'news',
    text: 'Aldo Brenn made his league debut on 4 August 2018, starting in a 2-1 defeat away from home.\n\nThe midfielder joins Port Aldous on a season-long loan.',
  },
  {
    uri: 'file:///pages/weather.md',
    title: 'A wet August on the coast',
    publisher: 'Coastal Weather Desk',
    publishedAt: '2018-09-01',
    kind: 'news',
    text: 'Rain fell on twenty days of August 2018 along the coast, the wettest month since records began.',
  },
];

test('with the topic, a pronoun claim quotes the page about its subject, not another with the same words', async () => {
  const store = await storeOfDocs(DOCS);
  try {
    const claim = 'He made his league debut on 4 August 2018, starting in a 2-1 defeat.';
    const without = await checkInput(store, claim, { now: FIXED_NOW });
    assert.ok(without.gaps.some((g) => /subject is unknown: it opens with “He”/.test(g.text) && g.verified), 'the gap says the subject is unknown');
    assert.ok(without.provenance.warnings.some((w) => /subject is unknown/.test(w)));
    assert.equal(without.about, undefined);

    const about = await checkInput(store, claim, { now: FIXED_NOW, about: 'Tomas Kerrigan' });
    assert.equal(about.about, 'Tomas Kerrigan');
    assert.equal(about.input, claim, 'the report shows the claim as written');
    assert.ok(!about.gaps.some((g) => /subject is unknown/.test(g.text)));
    const uris = about.sources.map((s) => s.uri);
    assert.ok(uris.includes(KERRIGAN), `the subject's page is quoted: ${uris.join(', ')}`);
    assert.ok(!uris.includes(BRENN), 'the other player’s page is not');
    // Stance and the composer read the claim as written; only the search and coverage see the topic.
    assert.match(about.facets?.[0]?.claim ?? '', /^He made his league debut/);
  } finally {
    await store.close();
  }
});

test('a topic is never a word the evidence must state: a claim naming its subject keeps its verdict', async () => {
  const store = await storeOfDocs(DOCS);
  try {
    const claim = 'Aldo Brenn made his league debut on 4 August 2018, starting in a 2-1 defeat.';
    const plain = await checkInput(store, claim, { now: FIXED_NOW });
    const about = await checkInput(store, claim, { now: FIXED_NOW, about: 'Port Aldous Athletic 2018 season' });
    assert.equal(plain.verdict?.label, 'supported');
    assert.equal(about.verdict?.label, plain.verdict?.label);
    assert.equal(about.verdict?.confidence, plain.verdict?.confidence);
    await assert.rejects(checkInput(store, claim, { now: FIXED_NOW, about: ' ' }), /--about/);
  } finally {
    await store.close();
  }
});

test('the Markdown and HTML reports say what the claim was checked as being about', async () => {
  const { renderReport } = await import('../../src/report/index.js');
  const store = await storeOfDocs(DOCS);
  try {
    const r = await checkInput(store, 'He made his league debut on 4 August 2018.', { now: FIXED_NOW, about: 'Tomas <Kerrigan>' });
    assert.match(renderReport(r, 'md'), /_Checked as being about: Tomas \\?<Kerrigan\\?>_/);
    assert.match(renderReport(r, 'html'), /<p class="about">Checked as being about: Tomas &lt;Kerrigan&gt;<\/p>/);
    assert.equal(JSON.parse(renderReport(r, 'json')).about, 'Tomas <Kerrigan>');
  } finally {
    await store.close();
  }
});
