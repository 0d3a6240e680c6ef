// The names a claim is about, read tolerantly: a sentence-initial word names when it is no common
// word, and a passage naming one of many names stays when its page names enough of them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { aboutTheSameNames, claimNames } from '../../../src/check/same-names.js';
import type { Judgement, Passage, Source } from '../../../src/model.js';

test('a claim\'s first word names when no dictionary knows it as a common word', () => {
  assert.deepEqual(claimNames('Varnholt retired from county cricket in September 2018.'), ['varnholt']);
  // Capitals by position: a common word, a function word WordNet does not list, a participle.
  assert.deepEqual(claimNames('However, the club grew.'), []);
  assert.deepEqual(claimNames('Since the 1983 edition, the race has run in May.'), []);
  assert.deepEqual(claimNames('Finishing the season, the club won.'), []);
  // A name in every sense WordNet gives it still names at the start.
  assert.ok(claimNames('Europe grew.').length === 1);
});

// Written for this test: one band page whose members are named paragraphs apart.
const page = (id: string, title: string): Source => ({ id, uri: `https://${id}.example/`, title, publisher: null, author: null, publishedAt: null, kind: 'news', language: null, license: null, retrievedAt: '', textLength: 1 });
const passage = (id: string, sourceId: string, text: string): Passage => ({ id, sourceId, ordinal: 0, text, start: 0, end: text.length });
const judged = (p: Passage, s: Source): Judgement => ({ claim: 'c', passage: p, source: s, stance: 'neutral', strength: 0.5, relevance: 0.5, reasons: [] });

test('a passage naming one of many names stays when its whole page names enough of them', () => {
  const claim = 'In March 2006 Tam Brolley joined the band, followed by Gary Pascoe, Hattie Colbrand and Alia Berdova.';
  const band = page('band', 'The line-up');
  const other = page('other', 'Harbour news');
  const bandText = 'Gary Pascoe took over the lyrics in 2007.\n\nTam Brolley joined on lead guitar.\n\nHattie Colbrand plays violin and Alia Berdova the keyboards.';
  const js = [
    judged(passage('p1', 'band', 'Gary Pascoe took over the lyrics in 2007.'), band),
    judged(passage('p2', 'other', 'The harbour band Pascoe Brass played in March 2006.'), other),
    judged(passage('p3', 'band', 'The band toured in March 2006 with a new drummer.'), band),
  ];
  const texts = new Map([['band', bandText], ['other', 'The harbour band Pascoe Brass played in March 2006.']]);
  assert.deepEqual(aboutTheSameNames(claim, js).map((j) => j.passage.id), []);
  // The band page names all of them across its text; the other page names one. A passage naming none stays out.
  assert.deepEqual(aboutTheSameNames(claim, js, undefined, 1, (id) => texts.get(id)).map((j) => j.passage.id), ['p1']);
});

test('a passage naming none of the names stays when its page names them and states a good part of the claim', () => {
  const claim = 'Corwen Hale died on 4 May 2019 at the age of 81.';
  const obit = page('obit', 'Obituary');
  const obitText = 'Corwen Hale, the harbour painter, has died.\n\nHe died on 4 May 2019, aged 81.';
  const js = [judged(passage('p1', 'obit', 'He died on 4 May 2019, aged 81.'), obit)];
  const texts = new Map([['obit', obitText]]);
  // Its page states half the claim: the passage that says "He" stays; at a tenth it would not.
  assert.deepEqual(aboutTheSameNames(claim, js, new Map([['obit', 0.5]]), 1, (id) => texts.get(id)).map((j) => j.passage.id), ['p1']);
  assert.deepEqual(aboutTheSameNames(claim, js, new Map([['obit', 0.1]]), 1, (id) => texts.get(id)).map((j) => j.passage.id), []);
});

test('a page titled with the claim\'s topic (check --about) keeps its passages, whatever names the claim writes', () => {
  const claim = 'The band\'s third album, "Vellamor", was released on 2 November 2004.';
  const preview = page('preview', 'Glass Harbour album preview: politics, covered');
  const other = page('other', 'Election week in pictures');
  const js = [
    judged(passage('p1', 'preview', 'Ten of the 12 songs on the third album are covers.'), preview),
    judged(passage('p2', 'other', 'Polls open on 2 November 2004 across the country.'), other),
  ];
  assert.deepEqual(aboutTheSameNames(claim, js).map((j) => j.passage.id), []);
  assert.deepEqual(aboutTheSameNames(claim, js, undefined, 1, undefined, claimNames('Glass Harbour')).map((j) => j.passage.id), ['p1']);
  // Every word of the topic must be in the title: a page titled with one of them is not about it.
  assert.deepEqual(aboutTheSameNames(claim, js, undefined, 1, undefined, claimNames('Glass Lantern')).map((j) => j.passage.id), []);
});
