// Source kinds inferred from the web address, the publisher or the title's site name when a
// document states none; a stated kind always wins, and nothing telling leaves "other".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inferKind } from '../../src/ingest/infer-kind.js';
import { completeMeta } from '../../src/ingest/load/metadata.js';
import { loadMarkdown } from '../../src/ingest/load/load-markdown.js';

test('hosts tell government, intergovernmental, academic, reference and legislation', () => {
  assert.equal(inferKind({ uri: 'https://www.cdc.gov/flu/about' }), 'government');
  assert.equal(inferKind({ uri: 'https://data.gov.au/x' }), 'government');
  assert.equal(inferKind({ uri: 'https://www.gov.uk/guidance/x' }), 'government');
  assert.equal(inferKind({ uri: 'https://www.who.int/news/item/1' }), 'intergovernmental');
  assert.equal(inferKind({ uri: 'https://www.coe.int/en/web/conventions' }), 'intergovernmental');
  assert.equal(inferKind({ uri: 'https://cs.stanford.edu/people/x' }), 'academic');
  assert.equal(inferKind({ uri: 'https://www.ox.ac.uk/news' }), 'academic');
  assert.equal(inferKind({ uri: 'https://en.wikipedia.org/wiki/Portwick' }), 'reference');
  assert.equal(inferKind({ uri: 'https://www.legislation.gov.uk/ukpga/2003/42' }), 'legislation');
});

test('publishers and a title\'s site name tell news; nothing telling gives null', () => {
  assert.equal(inferKind({ uri: 'file:///a.md', publisher: 'The Coastal Herald' }), 'news');
  assert.equal(inferKind({ uri: 'file:///a.md', title: 'Museum opens new wing | The Portwick Times' }), 'news');
  assert.equal(inferKind({ uri: 'file:///a.md', publisher: 'Ministry of Culture of Ruritania' }), 'government');
  assert.equal(inferKind({ uri: 'file:///a.md', publisher: 'https://www.facebook.com/portwickfc', title: 'Club history' }), null);
  assert.equal(inferKind({ uri: 'https://portwickfc.example/history', title: 'Club history' }), null);
});

test('a stated kind wins; with none the inferred kind, else "other"', () => {
  const md = loadMarkdown('---\ntitle: "Wing opens"\npublisher: "Coastal Herald"\n---\nThe wing opened.\n', 'a.md');
  assert.equal(completeMeta(md.meta, { uri: 'file:///a.md', title: 'a', kind: 'other' }).kind, 'news');
  const stated = loadMarkdown('---\ntitle: "Wing opens"\npublisher: "Coastal Herald"\nkind: academic\n---\nThe wing opened.\n', 'a.md');
  assert.equal(completeMeta(stated.meta, { uri: 'file:///a.md', title: 'a', kind: 'other' }).kind, 'academic');
  // A kind given for the whole ingest (--kind) is not overridden.
  assert.equal(completeMeta(md.meta, { uri: 'file:///a.md', title: 'a', kind: 'ngo' }).kind, 'ngo');
  assert.equal(completeMeta({ title: 'Notes' }, { uri: 'file:///notes.md', title: 'Notes', kind: 'other' }).kind, 'other');
});
