// The library entry (package "main"): a programmatic check end to end, as the README shows it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as verity from '../src/index.js';

test('the library entry ingests, checks and renders without the CLI', async () => {
  const store = await verity.openStore(':memory:');
  await verity.ingestText(store, {
    text: 'The review found that 140 of the 196 countries reviewed criminalise simple possession. Sixteen countries had no legislation at all.',
    meta: { uri: 'https://example.org/review', title: 'Global review', publisher: 'Example Centre', publishedAt: '2018-11-01', kind: 'ngo' },
    retrievedAt: '2026-01-01T00:00:00.000Z',
  });
  const report = await verity.checkInput(store, 'How many countries criminalise simple possession?', { now: () => new Date('2026-01-01T00:00:00Z') });
  assert.equal(report.schemaVersion, verity.REPORT_SCHEMA_VERSION);
  assert.equal(report.provenance.engineVersion, verity.ENGINE_VERSION);
  const md = verity.renderReport(report, 'md');
  assert.match(md, /^# Fact check: How many countries criminalise simple possession\?/);
  assert.match(md, /140 of the 196 countries/);
  await store.close();
});
