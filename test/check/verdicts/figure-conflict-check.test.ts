// End to end: a claim whose figure a source gives with the same meaning and ANOTHER value is not
// Supported — the stance features and the verdict take their figure signals from the one meaning
// comparison (evidence/figures/figure-signals.ts), not from a value-only match. A small corpus in
// the project's own words, ingested into a temporary SQLite file, then `checkInput` as `verity check`
// runs it. The same claims with the source's own value still come out Supported.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkInput } from '../../../src/check/index.js';
import { ingestText } from '../../../src/ingest/index.js';
import { openStore } from '../../../src/store/sqlite/open.js';
import type { Store } from '../../../src/contracts.js';

const NOW = (): Date => new Date('2026-01-15T12:00:00.000Z');
const CORPUS = [
  {
    uri: 'file:///fixtures/figure-conflict/measles-surveillance.txt',
    title: 'Measles cases and outbreaks',
    text: 'Measles cases in the U.S. In 2024, 64 measles cases were reported by 20 jurisdictions. In all of 2023, 59 cases were reported.',
  },
  {
    uri: 'file:///fixtures/figure-conflict/school-coverage.txt',
    title: 'Vaccination coverage among kindergartners',
    text: 'Kindergarten vaccination coverage for measles fell from 95% in 2019 to 92.7% in the latest school year. Exemptions rose to a record level.',
  },
  {
    uri: 'file:///fixtures/figure-conflict/fares.txt',
    title: 'Ferry fares rise in the new year',
    text: 'Dunmore on Monday increased its ferry fare from $4 in 2024 to $4.50 in 2025, with Kelby making an identical change.',
  },
  {
    uri: 'file:///fixtures/figure-conflict/fares-roundup.txt',
    title: 'Towns that will raise ferry fares in 2025',
    text: 'Nearly half of coastal towns are set to increase their ferry fare starting in 2025, benefiting ferry operators from Dunmore to Kelby. Following these rises, Ardee will have the highest ferry fare at $6.20 a trip, while Dunmore and Kelby will follow closely with a $4.50 fare.',
  },
  {
    uri: 'file:///fixtures/figure-conflict/flu-season.txt',
    title: 'Flu season summary',
    text: 'Northvale hospitals admitted 1,450 patients with influenza over the winter, the health office said. Most were over 65.',
  },
];

let dir = '';
let store: Store;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'verity-figure-conflict-'));
  store = await openStore(join(dir, 'corpus.db'));
  for (const d of CORPUS) await ingestText(store, { text: d.text, meta: { uri: d.uri, title: d.title } });
});
after(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

async function verdictOf(claim: string): Promise<{ label: string; reason: string }> {
  const r = await checkInput(store, claim, { now: NOW });
  assert.equal(r.kind, 'claim');
  assert.ok(r.verdict, 'a verdict is given');
  return r.verdict;
}

test('another count of the same cases in the same year refutes: 97 measles cases against 64', async () => {
  const v = await verdictOf('97 measles cases were reported in the U.S. in all of 2024');
  assert.equal(v.label, 'refuted', v.reason);
  assert.match(v.reason, /contradicts the claim/);
});

test('the count the source gives, in other words, is supported: 64 measles cases in 2024', async () => {
  const v = await verdictOf('64 measles cases were reported in the U.S. in 2024');
  assert.equal(v.label, 'supported', v.reason);
});

test('another end point of the same fall is not supported: coverage fell from 95% to 93.1%', async () => {
  const v = await verdictOf('Vaccination coverage fell from 95% to 93.1%');
  assert.notEqual(v.label, 'supported', v.reason);
});

test('the fall as the source gives it is supported: coverage for measles fell from 95% to 92.7% ("in 2019 to 92.7%" is no span of years)', async () => {
  const v = await verdictOf('Kindergarten vaccination coverage for measles fell from 95% to 92.7%');
  assert.equal(v.label, 'supported', v.reason);
});

test('a price the source states to the cent refutes a rounder one, whatever words other passages share', async () => {
  const v = await verdictOf('Dunmore raised its ferry fare to $5 in 2025');
  assert.equal(v.label, 'refuted', v.reason);
  // Another town's fare is not Dunmore's: it is never the reason given.
  assert.doesNotMatch(v.reason, /\$6\.20|Ardee/);
  assert.equal((await verdictOf('Dunmore raised its ferry fare to $4.50 in 2025')).label, 'supported');
});
