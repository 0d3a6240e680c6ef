// Inputs that are not a checkable claim (issue 11 "bad input", issue 16 row 5): a clear Unproven
// with the reason in the summary, nothing cited, no ClaimReview rating — against a real corpus
// where the words of such inputs do occur ("law"), so a verdict could otherwise be read off them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkInput } from '../../src/check/index.js';
import { notCheckable } from '../../src/check/checkable.js';
import { renderReport } from '../../src/report/index.js';
import { FIXED_NOW, smallStore } from './helpers.js';

const LONG = Array.from({ length: 24 }, (_, i) => `Clause ${i + 1} of the statute sets a fine for late filing of returns.`).join(' ');

test('one word, no words, figures only, another language and several statements are not checkable claims', () => {
  assert.match(notCheckable('law') ?? '', /one content word \("law"\)/);
  assert.match(notCheckable('a b') ?? '', /no content word/);
  assert.match(notCheckable('1,200 3.5 %') ?? '', /only figures/);
  assert.match(notCheckable('Der Bundestag hat das Gesetz im Jahr 2019 beschlossen.') ?? '', /another language/);
  assert.match(notCheckable('Le gouvernement a adopté la loi sur les armes en 2019.') ?? '', /another language/);
  assert.match(notCheckable('東京は日本の首都です') ?? '', /not written in English/);
  assert.ok(LONG.length > 1000 && LONG.length <= 2000);
  assert.match(notCheckable(LONG) ?? '', /several statements/);
  // Claims and questions, short or with foreign names, are checkable.
  for (const ok of ['Kant lived in Königsberg.', 'Is possession illegal in Freedonia?', 'Paris is the capital of France.', 'The museum holds over 260,000 volumes.']) assert.equal(notCheckable(ok), null, ok);
});

test('checkInput answers a non-claim with Unproven and the reason, cites nothing, and publishes no rating', async () => {
  const store = await smallStore();
  try {
    for (const input of ['law', 'a b', '1,200 3.5 %', 'Der Bundestag hat das Gesetz im Jahr 2019 beschlossen.', LONG]) {
      const r = await checkInput(store, input, { now: FIXED_NOW });
      assert.equal(r.verdict?.label, 'unproven', input);
      assert.match(r.verdict?.reason ?? '', /^Not a checkable claim: /);
      assert.ok(r.summary.length > 0 && r.summary[0]!.text === r.verdict?.reason);
      assert.equal(r.sources.length, 0);
      assert.ok(r.notCheckable);
      assert.throws(() => renderReport(r, 'claimreview'), /not a checkable claim/);
      assert.match(renderReport(r, 'md'), /Not a checkable claim/);
    }
    // A real claim still gets a rating.
    const real = await checkInput(store, 'Freedonia criminalises possession of such material.', { now: FIXED_NOW });
    assert.equal(real.notCheckable, undefined);
  } finally {
    await store.close();
  }
});
