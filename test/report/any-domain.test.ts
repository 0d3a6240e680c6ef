// Gaps and perspectives for any domain: a claim about a museum is not missing its legislation,
// and the source list holds only sources the report quotes for content.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkInput } from '../../src/check/index.js';
import { aboutLaw } from '../../src/report/compose/kind-words.js';
import type { FixtureDoc } from '../fixtures/check/small-corpus.js';
import { FIXED_NOW, storeOfDocs } from '../check/helpers.js';

const DOCS: FixtureDoc[] = [
  {
    uri: 'https://coastalherald.example/harbour-museum-wing', title: 'Harbour Museum opens maritime wing | Coastal Herald', publisher: 'Coastal Herald', publishedAt: '2019-04-02', kind: 'news',
    text: 'The Harbour Museum in Portwick opened a new maritime wing on Tuesday. The wing holds 1,200 objects donated by local fishing families. Its curator said the collection had waited twenty years for a home.',
  },
  {
    uri: 'https://portwickfc.example/history', title: 'Club history – Portwick FC', publisher: 'Portwick FC', publishedAt: null, kind: 'other',
    text: 'Portwick Football Club was founded in 1902 by dock workers. The club won the regional cup three times. Its ground stands next to the harbour.',
  },
  {
    uri: 'https://filmnotes.example/tide', title: 'The Tide (film)', publisher: 'Film Notes', publishedAt: '2015-06-01', kind: 'reference',
    text: 'The Tide is a 2014 drama filmed in Portwick harbour. The film follows a fishing family over one winter.',
  },
];

test('a law question is about law; a claim about a museum, a club or a film is not', () => {
  assert.ok(aboutLaw('Which countries criminalize mere possession?'));
  assert.ok(aboutLaw('The court ruled that the ban was lawful.'));
  assert.ok(!aboutLaw('The Harbour Museum opened a maritime wing holding 1,200 objects.'));
  assert.ok(!aboutLaw('Portwick FC won the regional cup three times.'));
});

test('a non-legal claim gets no legal boilerplate, and every listed source is quoted for content', async () => {
  const store = await storeOfDocs(DOCS);
  try {
    const r = await checkInput(store, 'The Harbour Museum opened a maritime wing holding 1,200 objects.', { now: FIXED_NOW });
    const all = [...r.summary, ...r.findings.flatMap((f) => f.sentences), ...r.gaps, ...r.perspectives];
    for (const s of all) assert.doesNotMatch(s.text, /legislation|legal text|primary legal/i, s.text);
    const quoted = new Set(r.findings.flatMap((f) => f.sentences).filter((s) => (s.basis ?? 'passage') === 'passage').flatMap((s) => s.citations));
    assert.ok(quoted.size > 0);
    for (const s of r.sources) assert.ok(quoted.has(s.n), `source [${s.n}] ${s.title} is listed but not quoted`);
    assert.ok(r.sources.some((s) => s.publisher === 'Coastal Herald'));
  } finally {
    await store.close();
  }
});

test('perspectives say what a kind of source emphasises, never for sources of no known kind, and never a number word', async () => {
  const store = await storeOfDocs([
    {
      uri: 'https://coastalherald.example/ferry-volunteers', title: 'Ferry volunteers return | Coastal Herald', publisher: 'Coastal Herald', publishedAt: '2021-05-02', kind: 'news',
      text: 'Volunteers restarted the Portwick ferry in May. The council thanked the volunteers and promised funding.',
    },
    {
      uri: 'https://ferryfans.example/a', title: 'Ferry fans', publisher: 'Ferry fans', publishedAt: '2021-05-03', kind: 'unknown',
      text: 'Dozens of volunteers restarted the Portwick ferry in May, cheered by dozens of islanders. Dozens of islanders now travel cheaply.',
    },
    {
      uri: 'https://islandnotes.example/b', title: 'Island notes', publisher: 'Island notes', publishedAt: '2021-05-04', kind: 'unknown',
      text: 'The Portwick ferry was restarted in May by dozens of volunteers, and dozens of islanders travel cheaply again.',
    },
  ]);
  try {
    const r = await checkInput(store, 'Volunteers restarted the Portwick ferry in May.', { now: FIXED_NOW });
    assert.ok(r.perspectives.length > 0);
    for (const s of r.perspectives) {
      assert.doesNotMatch(s.text, /unknown kind emphasi/i, s.text);
      assert.doesNotMatch(s.text, /“dozens?”/, s.text);
    }
  } finally {
    await store.close();
  }
});
