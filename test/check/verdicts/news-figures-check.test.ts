// End to end on figures as news reports give them (the forms of test/evidence/figures/news-forms):
// a share after ", or", a sentence set by its page ("Overall, late returns decreased by 30%."), a
// name the page spells with dots ("the U.K."), a claim opening with a capitalised common word, and
// a share ("Half") that is no count. A small corpus in the project's own words, in an in-memory
// SQLite store, then `checkInput` as `verity check` runs it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkInput } from '../../../src/check/index.js';
import type { Store } from '../../../src/contracts.js';
import type { FixtureDoc } from '../../fixtures/check/small-corpus.js';
import { storeOfDocs } from '../helpers.js';

const NOW = (): Date => new Date('2026-03-01T12:00:00.000Z');
const CORPUS: FixtureDoc[] = [
  {
    uri: 'file:///fixtures/news-figures/sunday-opening-stays.txt',
    title: "Sunday opening here to stay, say libraries in Corran's pilot",
    publisher: 'Corran Courier',
    publishedAt: null,
    kind: 'news',
    text: 'Libraries in the Corran pilot opened on Sundays in a 6-month trial in 2025 with no extra staff. Of those, 42 libraries, or 88%, chose to keep Sunday opening, 20 of them for good. The pilot was the largest of its kind, the county council said.',
  },
  {
    uri: 'file:///fixtures/news-figures/sunday-opening-readers.txt',
    title: 'What the Sunday-opening pilot did for readers',
    publisher: 'Library Weekly',
    publishedAt: null,
    kind: 'news',
    text: 'The pilot in the U.K. county of Corran ran from March to September 2025 in 48 libraries. Readers borrowed more children’s books and fewer loans went missing. Overall, late returns decreased by 30%.',
  },
];

let store: Store;
before(async () => {
  store = await storeOfDocs(CORPUS);
});
after(async () => {
  await store.close();
});

async function verdictOf(claim: string): Promise<{ label: string; reason: string }> {
  const r = await checkInput(store, claim, { now: NOW });
  assert.equal(r.kind, 'claim');
  assert.ok(r.verdict, 'a verdict is given');
  return r.verdict;
}

test('a change the page gives with another verb, of the setting its page names, is supported', async () => {
  const v = await verdictOf('Late returns fell by 30% in the UK Corran library pilot');
  assert.equal(v.label, 'supported', v.reason);
});

test('another value of that change refutes, though the claim opens with a capital and the page writes "U.K."', async () => {
  const v = await verdictOf('Late returns fell by 45% in the UK Corran library pilot');
  assert.equal(v.label, 'refuted', v.reason);
});

test('a share after ", or" restating a count is the share the claim states', async () => {
  const r = await checkInput(store, '88% of libraries in the Corran pilot chose to keep Sunday opening', { now: NOW });
  assert.equal(r.verdict?.label, 'supported', r.verdict?.reason);
});

test('a share is no count: "Half" is never refuted by "42 libraries"', async () => {
  const v = await verdictOf('Half of the libraries in the Corran pilot kept Sunday opening for good');
  assert.doesNotMatch(v.reason, /"42 libraries"|"48 libraries"/, v.reason);
});

test('an audit does not call supported a sentence whose figure no passage states', async () => {
  const { auditArticle, readArticle } = await import('../../../src/audit/index.js');
  const r = await auditArticle(store, readArticle('Late returns fell by 45% in the UK Corran library pilot, the council said.\n', 'txt'));
  const claim = r.claims.find((c) => c.text.includes('45%'));
  assert.ok(claim, JSON.stringify(r.claims.map((c) => c.text)));
  assert.notEqual(claim.status, 'supported', JSON.stringify(claim.corpus));
});
