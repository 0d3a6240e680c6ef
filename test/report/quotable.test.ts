// What a report may quote from a real page: not a reference line with a web address, not a piece
// of a longer quotation, not a sentence too long to read as one; a news dateline is not part of
// the statement. And who is named: never a publisher that is only a number. Invented fixtures.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { candidatesFor } from '../../src/report/compose/candidates.js';
import { attribute, openingConjunction, shortName } from '../../src/report/compose/attribution.js';
import type { Judgement, Source } from '../../src/model.js';

const CLAIM = 'Portwick ferries stopped running to the island in May 2019';
const src: Source = { id: 's', uri: 'file:///ferries.md', title: 'Ferries', publisher: 'Portwick Gazette', author: null, publishedAt: '2019-06-01', kind: 'news', language: 'en', license: null, retrievedAt: '', textLength: 1 };
const texts = (text: string): string[] => {
  const j: Judgement = { claim: CLAIM, passage: { id: 'p', sourceId: 's', ordinal: 0, text, start: 0, end: text.length }, source: src, stance: 'neutral', strength: 0.5, relevance: 1, reasons: [] };
  return candidatesFor([j], { facetId: 'f1', claim: CLAIM, negation: 0 }).map((c) => c.text);
};

test('a news dateline is left out of the quoted sentence', () => {
  assert.deepEqual(texts('PORTWICK, ME (June 1, 2019) - Portwick ferries stopped running to the island in May after the pier failed.'), ['Portwick ferries stopped running to the island in May after the pier failed.']);
  assert.deepEqual(texts('PORTWICK — Portwick ferries stopped running to the island in May after the pier failed.'), ['Portwick ferries stopped running to the island in May after the pier failed.']);
  assert.deepEqual(texts('(PORTWICK) — Portwick ferries stopped running to the island in May after the pier failed.'), ['Portwick ferries stopped running to the island in May after the pier failed.']);
  // A byline before the dateline goes with it; a sentence opening with "By" and no dateline stays whole.
  assert.deepEqual(texts('By Ann Lowry PORTWICK (Coast Wire) - Portwick ferries stopped running to the island in May after the pier failed.'), ['Portwick ferries stopped running to the island in May after the pier failed.']);
  assert.deepEqual(texts('By May 2019 the Portwick ferries had stopped running to the island after the pier failed.'), ['By May 2019 the Portwick ferries had stopped running to the island after the pier failed.']);
});

test('a sentence with a web address, a stray quotation mark inside, or over 60 words is not quoted', () => {
  assert.deepEqual(texts('According to www.portwickferries.example, the ferries stopped running to the island in May 2019.'), []);
  assert.deepEqual(texts('I am sure the Portwick ferries will be running to the island again by May," the harbour master said.'), []);
  assert.deepEqual(texts('NOTICE "The Portwick ferries stopped running to the island in May and the pier is closed.'), []);
  const long = `Portwick ferries stopped running to the island in May 2019, ${'and the harbour, '.repeat(18)}closed.`;
  assert.ok(long.split(/\s+/).length > 60);
  assert.deepEqual(texts(long), []);
  // Balanced quotations, and a stray mark at either end (left out when quoted), stay quotable.
  assert.equal(texts('The "Portwick" ferries stopped running to the island in May 2019.').length, 1);
  assert.equal(texts('"The Portwick ferries stopped running to the island in May 2019.').length, 1);
});

test('a publisher that is only a number names no one; "Yet" before a name is a contrast', () => {
  assert.equal(shortName({ title: 'Ferries', publisher: '140961138903', kind: 'news', uri: 'file:///ferries.md' }), 'one source');
  assert.deepEqual(openingConjunction('Yet Portwick kept its ferries.'), { text: 'Portwick kept its ferries.', contrast: 'however' });
  assert.deepEqual(openingConjunction('Yet another ferry ran.'), { text: 'Yet another ferry ran.', contrast: null });
  assert.match(attribute('Yet Portwick kept its ferries.', src), /^Portwick Gazette \(2019\) reports, however, that Portwick kept its ferries$/);
});
