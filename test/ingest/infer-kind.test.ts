// Source kinds inferred from the web address, the publisher or the title's site name when a
// document states none; a stated kind always wins, and nothing telling leaves "unknown".
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

test('companies, blogs and social posts, NGOs; a publisher\'s social page is read by its name', () => {
  assert.equal(inferKind({ uri: 'https://www.prnewswire.com/news-releases/portwick-ferries-1.html' }), 'company');
  assert.equal(inferKind({ uri: 'file:///a.md', publisher: 'Portwick Ferries Ltd' }), 'company');
  assert.equal(inferKind({ uri: 'file:///a.md', title: 'Second quarter results | Investor Relations' }), 'company');
  assert.equal(inferKind({ uri: 'https://harbourwatcher.wordpress.com/2019/05/01/ferries' }), 'blog');
  assert.equal(inferKind({ uri: 'https://www.reddit.com/r/portwick/comments/x' }), 'blog');
  assert.equal(inferKind({ uri: 'file:///a.md', publisher: 'https://www.facebook.com/WordPresscom' }), 'blog');
  assert.equal(inferKind({ uri: 'file:///a.md', title: 'Ferry timetables – The Harbour Watcher Blog' }), 'blog');
  assert.equal(inferKind({ uri: 'https://www.hrw.org/report/2019/x' }), 'ngo');
  assert.equal(inferKind({ uri: 'file:///a.md', publisher: 'https://www.facebook.com/HumanRightsWatch' }), 'ngo');
  assert.equal(inferKind({ uri: 'file:///a.md', publisher: 'Portwick Harbour Charity' }), 'ngo');
  // The publisher's Facebook page names a newspaper, not a social post.
  assert.equal(inferKind({ uri: 'file:///a.md', publisher: 'https://www.facebook.com/portwicktimes/' }), 'news');
  assert.equal(inferKind({ uri: 'file:///a.md', publisher: 'https://www.facebook.com/theguardian' }), 'news');
  // A news publisher with a legal form stays news.
  assert.equal(inferKind({ uri: 'file:///a.md', publisher: 'Coastal News Ltd' }), 'news');
});

test('a stated kind wins; with none the inferred kind, else "unknown"', () => {
  const md = loadMarkdown('---\ntitle: "Wing opens"\npublisher: "Coastal Herald"\n---\nThe wing opened.\n', 'a.md');
  assert.equal(completeMeta(md.meta, { uri: 'file:///a.md', title: 'a', kind: 'unknown' }).kind, 'news');
  const stated = loadMarkdown('---\ntitle: "Wing opens"\npublisher: "Coastal Herald"\nkind: academic\n---\nThe wing opened.\n', 'a.md');
  assert.equal(completeMeta(stated.meta, { uri: 'file:///a.md', title: 'a', kind: 'unknown' }).kind, 'academic');
  // "other" given for the whole ingest is a kind known to be none of the list: not overridden.
  assert.equal(completeMeta(md.meta, { uri: 'file:///a.md', title: 'a', kind: 'other' }).kind, 'other');
  // A kind given for the whole ingest (--kind) is not overridden.
  assert.equal(completeMeta(md.meta, { uri: 'file:///a.md', title: 'a', kind: 'ngo' }).kind, 'ngo');
  assert.equal(completeMeta({ title: 'Notes' }, { uri: 'file:///notes.md', title: 'Notes', kind: 'unknown' }).kind, 'unknown');
  // A loader given no kind infers it, and says "unknown" when nothing tells.
  assert.equal(loadMarkdown('---\ntitle: "Notes"\n---\nText here.\n', 'notes.md').meta.kind, undefined);
});
