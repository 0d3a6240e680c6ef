// A source counts by all its text states, not by the passages retrieved from it; and a source
// that states the claim stays in the evidence whatever capitals the claim and the page write.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { documentCoverage, pagePassages, passageCoverage } from '../../../src/check/claim-coverage.js';
import { aboutTheSameNames } from '../../../src/check/same-names.js';
import { SUPPORTED_AT } from '../../../src/check/verdict-discipline.js';
import { checkInput } from '../../../src/check/index.js';
import type { Judgement } from '../../../src/model.js';
import { FIXED_NOW, storeOfDocs } from '../helpers.js';

// Written for this test: a club page whose date and act are paragraphs apart.
const PAGE = [
  'Redmoor Rovers confirmed the news on a wet Tuesday morning in March 2019.',
  ...Array.from({ length: 14 }, (_, i) => `The ground staff repainted stand ${i + 1} of the old terrace before the season began, and volunteers sold programmes at the gate.`),
  'The club signed the goalkeeper Tomas Varga on a three-year contract after his loan spell ended.',
].join('\n\n');
const OTHER = 'Harbour Museum visitors praised the new maritime wing, which opened with a model of the old lighthouse.';
const CLAIM = 'In March 2019 Redmoor Rovers signed goalkeeper Tomas Varga on a three-year contract.';

const docs = [
  { uri: 'https://rovers.example/news/varga', title: 'Transfer news', publisher: 'Redmoor Rovers', publishedAt: '2019-03-12', kind: 'other' as const, text: PAGE },
  { uri: 'https://museum.example/wing', title: 'New wing', publisher: 'Harbour Museum', publishedAt: '2019-05-01', kind: 'other' as const, text: OTHER },
];

/** One judgement per source, of its last passage (or its first). */
async function judgementsOf(claim: string, first = false): Promise<{ store: Awaited<ReturnType<typeof storeOfDocs>>; js: Judgement[] }> {
  const store = await storeOfDocs(docs);
  const sources = await store.listSources();
  const js: Judgement[] = [];
  for (const s of sources) {
    const passages = await store.getPassages(s.id);
    const p = first ? passages[0] : passages.at(-1);
    js.push({ claim, passage: p!, source: s, stance: 'neutral', strength: 0.5, relevance: 0.5, reasons: [] });
  }
  return { store, js };
}

test('a source read whole states more of the claim than its last passage alone', async () => {
  const { store, js } = await judgementsOf(CLAIM);
  try {
    const club = js.find((j) => j.source.publisher === 'Redmoor Rovers')!;
    const museum = js.find((j) => j.source.publisher === 'Harbour Museum')!;
    assert.ok(!club.passage.text.includes('March 2019'), 'the fixture must put the date outside the judged passage');
    const byPassage = passageCoverage(CLAIM, js).get(club.source.id)!;
    const whole = (await documentCoverage(store, CLAIM, js)).get(club.source.id)!;
    assert.ok(whole > byPassage, `${whole} > ${byPassage}`);
    assert.ok(whole >= SUPPORTED_AT);
    assert.ok(((await documentCoverage(store, CLAIM, js)).get(museum.source.id) ?? 0) < SUPPORTED_AT);
  } finally {
    await store.close();
  }
});

test('a passage naming none of the claim\'s names stays when its source states enough of the claim', async () => {
  // The page's first passage names the club but not the player the claim names.
  const claim = 'In March 2019 goalkeeper Tomas Varga signed a three-year contract with the club.';
  const { store, js } = await judgementsOf(claim, true);
  try {
    const coverage = await documentCoverage(store, claim, js);
    const club = js.find((j) => j.source.publisher === 'Redmoor Rovers')!;
    assert.ok((coverage.get(club.source.id) ?? 0) >= SUPPORTED_AT);
    assert.equal(aboutTheSameNames(claim, js).includes(club), false);
    const kept = aboutTheSameNames(claim, js, coverage, SUPPORTED_AT);
    assert.ok(kept.includes(club));
    assert.equal(kept.some((j) => j.source.publisher === 'Harbour Museum'), false);
  } finally {
    await store.close();
  }
});

test('check: the page that states the claim across its paragraphs is quoted and bears the claim out', async () => {
  const store = await storeOfDocs(docs);
  try {
    const r = await checkInput(store, CLAIM, { now: FIXED_NOW });
    assert.equal(r.verdict?.label, 'supported', r.verdict?.reason);
    assert.match(r.verdict!.reason, /Redmoor Rovers \[1\]/);
    assert.ok(r.verdict!.confidence >= 0.5);
  } finally {
    await store.close();
  }
});

test('the page that states most of the claim is read where retrieval did not look: its passages stating more of the claim are added', async () => {
  // Only the club page's first passage (the date, a stand being repainted) was "retrieved".
  const { store, js } = await judgementsOf(CLAIM, true);
  try {
    const club = js.find((j) => j.source.publisher === 'Redmoor Rovers')!;
    const coverage = await documentCoverage(store, CLAIM, js);
    const added = await pagePassages(store, CLAIM, js, coverage);
    assert.ok(added.length >= 1 && added.length <= 2, `${added.length} added`);
    assert.match(added[0]!.passage.text, /signed the goalkeeper Tomas Varga/);
    assert.ok(added.every((e) => e.source.id === club.source.id && e.passage.id !== club.passage.id));
    // A page stating too little of the claim is not read further.
    assert.deepEqual(await pagePassages(store, CLAIM, js, new Map([[club.source.id, 0.1]])), []);
  } finally {
    await store.close();
  }
});
