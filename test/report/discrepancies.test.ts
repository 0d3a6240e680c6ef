// Figures that do not add up, found by computation: W − P against the sum of the counts of
// ways of not doing what P counts. Small invented sources, no corpus.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contentTerms } from '../../src/text/index.js';
import { figureMentions, findDiscrepancies, type FigureMention } from '../../src/report/discrepancies.js';
import { discrepancySentence } from '../../src/report/compose/compose-gaps.js';
import type { Passage, Source } from '../../src/model.js';

function read(id: string, text: string, publishedAt: string | null): { passage: Passage; source: Source } {
  const source: Source = { id: `s-${id}`, uri: `https://example.org/${id}`, title: id, publisher: 'Example', publishedAt, kind: 'ngo', retrievedAt: '2026-01-01', textLength: text.length, author: null, language: 'en', license: null };
  const passage: Passage = { id: `p-${id}`, sourceId: source.id, text, ordinal: 0, start: 0, end: text.length };
  return { passage, source };
}

const terms = (t: string): ReadonlySet<string> => new Set(contentTerms(t));

function run(docs: { passage: Passage; source: Source }[], positiveValue: number): ReturnType<typeof findDiscrepancies> {
  const mentions = figureMentions(docs);
  const positives: FigureMention[] = mentions.filter((m) => m.figure.value === positiveValue && m.figure.whole !== null);
  assert.ok(positives.length > 0, 'the positive count is read');
  return findDiscrepancies(positives, mentions, { terms });
}

const SURVEY = read('survey', '80 of the 120 towns ban private cars from their centres.', '2024-03-01');
const summary = (a: number, b: number, date: string | null = null): { passage: Passage; source: Source } =>
  read(
    'summary',
    `${a} of the 120 towns still have no rules on private cars in their centres. The remaining 42 towns have some rules. ${b} of those 42 towns do not ban private cars from their centres at any hour.`,
    date,
  );

test('parts that fall short of the complement are a discrepancy, with both computations', () => {
  const found = run([SURVEY, summary(10, 28)], 80);
  assert.equal(found.length, 1);
  const d = found[0];
  assert.ok(d);
  assert.equal(d.complement, 40);
  assert.equal(d.sum, 38);
  assert.deepEqual(d.parts.map((x) => x.mention.figure.value), [10, 28]);
  const s = discrepancySentence(d);
  assert.match(s.body, /10 \+ 28 = 38 towns/);
  assert.match(s.body, /120 − 80 = 40 towns/);
  assert.deepEqual(s.passageIds, ['p-survey', 'p-summary', 'p-summary']);
});

test('parts that exceed the complement are a discrepancy too', () => {
  const found = run([SURVEY, summary(12, 33)], 80);
  assert.equal(found[0]?.sum, 45);
});

test('parts that add up give no discrepancy', () => {
  assert.deepEqual(run([SURVEY, summary(12, 28)], 80), []);
});

test('a large shortfall is more likely a group nobody counts: no discrepancy', () => {
  assert.deepEqual(run([SURVEY, summary(5, 20)], 80), []);
});

test('counts from another year are not parts', () => {
  assert.deepEqual(run([SURVEY, summary(10, 28, '2019-01-01')], 80), []);
});

test('counts that do not share what the positive counts are not parts', () => {
  const other = read('other', '10 of the 120 towns do not publish bus timetables. The remaining 42 towns have trams. 28 of those 42 towns do not run night buses.', null);
  assert.deepEqual(run([SURVEY, other], 80), []);
});
