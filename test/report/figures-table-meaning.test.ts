// The figures table's agree/conflict column takes the meaning comparison's word: two values said of
// different periods do not conflict; two values of the same thing in the same period do. A small
// corpus in the project's own words, checked end to end as `verity check` runs it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkInput } from '../../src/check/index.js';
import { ingestText } from '../../src/ingest/index.js';
import { openStore } from '../../src/store/sqlite/open.js';
import type { Store } from '../../src/contracts.js';

const NOW = (): Date => new Date('2026-01-15T12:00:00.000Z');
let dir = '';
let store: Store;

async function corpus(docs: Array<{ uri: string; title: string; text: string }>): Promise<void> {
  dir = mkdtempSync(join(tmpdir(), 'verity-figures-table-'));
  store = await openStore(join(dir, 'corpus.db'));
  for (const d of docs) await ingestText(store, { text: d.text, meta: { uri: d.uri, title: d.title } });
}

before(async () => {
  await corpus([
    { uri: 'file:///fixtures/fares/a.txt', title: 'Ferry fares in 2023', text: 'Ferry fares rose along the coast. In 2023, 21 towns raised their ferry fares, the transport office said.' },
    { uri: 'file:///fixtures/fares/b.txt', title: 'Ferry fares in 2022', text: 'Ferry fares rose along the coast. In 2022, 23 towns raised their ferry fares, the ferry union said.' },
  ]);
});
after(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

test('values of one count in different years are not shown as conflicting', async () => {
  const r = await checkInput(store, 'How many towns raised their ferry fares?', { now: NOW });
  const rows = r.figures.filter((f) => f.value === 21 || f.value === 23);
  assert.ok(rows.length >= 2, JSON.stringify(r.figures));
  for (const f of rows) assert.equal(f.agrees, true, `${f.text}: ${f.note}`);
});
