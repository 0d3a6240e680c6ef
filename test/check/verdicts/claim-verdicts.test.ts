// End-to-end claim verdicts on the sample corpus (examples/corpus/, see docs/sample-corpus.md):
// claims whose answer the corpus states plainly — supported, refuted (by negation, by another
// figure, by a corrected figure) and unproven (absent from the corpus).
import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { checkInput } from '../../../src/check/index.js';
import { ingestPaths } from '../../../src/ingest/index.js';
import { openStore } from '../../../src/store/sqlite/open.js';
import type { Store } from '../../../src/contracts.js';
import type { VerdictLabel } from '../../../src/model.js';

const CORPUS = fileURLToPath(new URL('../../../examples/corpus', import.meta.url));
const NOW = (): Date => new Date('2026-01-15T12:00:00.000Z');

let store: Store;
before(async () => {
  store = await openStore(':memory:');
  await ingestPaths(store, [CORPUS]);
});
after(async () => {
  await store.close();
});

const CASES: Array<{ claim: string; label: VerdictLabel; why: string }> = [
  { claim: '140 of 196 countries criminalise simple possession', label: 'supported', why: 'ICMEC 2018: 140 of the 196 countries criminalise simple possession' },
  { claim: 'The 2018 survey found that 140 of 196 countries criminalise simple possession', label: 'supported', why: 'the same, with a frame the passage need not repeat' },
  { claim: '124 of 187 countries do not criminalise simple possession', label: 'supported', why: 'July 2009 update: 124 of all 187 do not criminalise simple possession' },
  { claim: 'In 2006, 95 of 184 countries had no child pornography law', label: 'supported', why: 'ICMEC 2006: 95 of the 184 had no law at all' },
  { claim: '138 of 184 countries criminalise possession', label: 'refuted', why: 'ICMEC 2006: in 138 of the 184 possession was NOT a crime' },
  { claim: 'The 2018 review found 150 of 196 countries criminalise simple possession', label: 'refuted', why: 'the 2018 figure is 140 of 196, not 150' },
  { claim: '138 of 184 countries had no child pornography law in 2006', label: 'refuted', why: "NetFamilyNews's misreading, corrected: 95 of 184, not 138 of 184" },
  { claim: 'No country criminalises simple possession of child sexual abuse material', label: 'refuted', why: '140 countries do' },
  { claim: 'The Optional Protocol requires states to criminalise simple possession', label: 'refuted', why: 'the Protocol does not require States Parties to criminalise simple possession' },
  { claim: 'Norway fines drunk drivers 5,000 euros', label: 'unproven', why: 'nothing in the corpus is about it' },
];

for (const c of CASES) {
  test(`${c.label}: ${c.claim}`, async () => {
    const r = await checkInput(store, c.claim, { now: NOW });
    assert.equal(r.kind, 'claim');
    assert.equal(r.verdict?.label, c.label, `${c.why}; got ${JSON.stringify(r.verdict)}`);
    assert.ok((r.verdict?.confidence ?? 0) > 0 && (r.verdict?.confidence ?? 2) <= 1);
    // The confidence is the calibrated probability that the label is right (measured on the
    // benchmarks, leave-one-dataset-out): a plain case is more likely right than wrong.
    if (c.label !== 'unproven') assert.ok((r.verdict?.confidence ?? 0) > 0.5, `a plain case is decided with confidence: ${r.verdict?.confidence}`);
  });
}
