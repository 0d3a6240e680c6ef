// End to end through `check`: the claim "97 measles cases were reported in the U.S. in all of 2024"
// against two news pages (HTML, in the project's own words, in the form real pages take): one gives
// the year's count as 64 (same meaning, another value), the other gives 97 cases for January 1 to
// March 28 (the same number for another period). Neither supports the claim, and the verdict's
// reason names both figures.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkInput } from '../../../src/check/index.js';
import { ingestPaths } from '../../../src/ingest/index.js';
import { openStore } from '../../../src/store/sqlite/open.js';
import type { Store } from '../../../src/contracts.js';

const NOW = (): Date => new Date('2026-01-15T12:00:00.000Z');
const PAGES = join(import.meta.dirname, '..', '..', 'fixtures', 'check', 'measles-pages');
const CLAIM = '97 measles cases were reported in the U.S. in all of 2024';

let dir = '';
let store: Store;

async function corpus(files: readonly string[]): Promise<Store> {
  const s = await openStore(join(dir, `${files.join('-')}.db`));
  const summary = await ingestPaths(s, files.map((f) => join(PAGES, f)), { now: NOW });
  assert.equal(summary.failures.length, 0, JSON.stringify(summary.failures));
  return s;
}

async function verdictOf(s: Store, claim: string): Promise<{ label: string; reason: string }> {
  const r = await checkInput(s, claim, { now: NOW });
  assert.equal(r.kind, 'claim');
  assert.ok(r.verdict, 'a verdict is given');
  return r.verdict;
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'verity-measles-pages-'));
  store = await corpus(['annual-summary.html', 'early-update.html']);
});
after(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

test('both pages: the year count of 64 refutes 97, and the reason names both figures', async () => {
  const v = await verdictOf(store, CLAIM);
  assert.equal(v.label, 'refuted', v.reason);
  assert.match(v.reason, /\b97\b/);
  assert.match(v.reason, /\b64\b/);
});

/** The claim checked against one page alone. */
async function alone(file: string): Promise<{ label: string; reason: string }> {
  const one = await corpus([file]);
  try {
    return await verdictOf(one, CLAIM);
  } finally {
    await one.close();
  }
}

test('the page giving 97 cases for January 1 to March 28 alone does not support the year claim', async () => {
  const v = await alone('early-update.html');
  assert.notEqual(v.label, 'supported', v.reason);
  assert.match(v.reason, /\b97\b/);
  assert.match(v.reason, /different-period: .*"between January 1 and March 28"/, v.reason);
});

test('the page giving 64 for 2024 alone refutes 97 with both figures in the reason', async () => {
  const v = await alone('annual-summary.html');
  assert.equal(v.label, 'refuted', v.reason);
  assert.match(v.reason, /\b97\b/);
  assert.match(v.reason, /\b64\b/);
});

test('the pages own figures, as they give them, are supported', async () => {
  assert.equal((await verdictOf(store, '64 measles cases were reported in the U.S. in 2024')).label, 'supported');
});
