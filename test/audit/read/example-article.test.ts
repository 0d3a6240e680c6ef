// The demo article in examples/articles documents two planted errors; the audit must find exactly
// those two, on the sample corpus in examples/corpus, and flag nothing else.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openStore } from '../../../src/store/sqlite/open.js';
import { ingestPaths } from '../../../src/ingest/index.js';
import { auditArticle, readArticleFile } from '../../../src/audit/index.js';

import type { Store } from '../../../src/contracts.js';

let store: Store;
before(async () => {
  store = await openStore(':memory:');
  await ingestPaths(store, ['examples/corpus'], { now: () => new Date('2026-01-01T00:00:00Z') });
});
after(async () => {
  await store.close();
});

test('demo article: the two documented planted errors and no other flag', async () => {
  {
    const result = await auditArticle(store, await readArticleFile('examples/articles/possession-laws-worldwide.md'));
    const flagged = result.claims.filter((c) => c.flags.length > 0);
    const lines = flagged.map((c) => `${c.flags.map((f) => f.kind).join(',')}: ${c.text}`);
    assert.equal(flagged.length, 2, lines.join('\n'));
    const wrongFigure = flagged.find((c) => c.text.includes('38 of the 107'));
    assert.ok(wrongFigure?.flags.some((f) => f.kind === 'figure-source-mismatch' && /33/.test(f.message)), lines.join('\n'));
    const derived = flagged.find((c) => c.text.includes('196 − 140 = 56'));
    assert.ok(derived?.flags.some((f) => f.kind === 'internal-inconsistency' && /196 − 140/.test(f.message)), lines.join('\n'));
    // Every reference of the article is tied to its corpus source by URL.
    assert.ok(result.references.every((r) => r.match.by === 'url'), JSON.stringify(result.references.map((r) => [r.n, r.match.by])));
  }
});

// Precision: correct, figure-dense texts (the sample corpus's own documents, each audited as an
// article against the corpus) must get no flag at all.
const CLEAN = [
  'icmec-2006-first-edition-release.md',
  'icmec-2008-fifth-edition.md',
  'icmec-2010-sixth-edition.md',
  'icmec-2018-ninth-edition-report.md',
  'icmec-coverage-history-sixth-edition-update.md',
  'johncarr-2018-ninth-edition.md',
  'netfamilynews-2006-global-review.md',
  'respect-international-2018-ninth-edition.md',
];
for (const name of CLEAN) {
  test(`clean text gets no flag: examples/corpus/${name}`, async () => {
    const result = await auditArticle(store, await readArticleFile(`examples/corpus/${name}`));
    assert.ok(result.summary.claims > 3, `only ${result.summary.claims} claims read`);
    const flags = result.claims.flatMap((c) => c.flags.map((f) => `${f.kind}: ${c.text}\n    ${f.message}`));
    assert.deepEqual(flags, []);
  });
}
