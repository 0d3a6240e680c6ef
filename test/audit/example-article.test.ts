// The demo article in examples/articles documents two planted errors; the audit must find exactly
// those two, on the sample corpus in examples/corpus, and flag nothing else.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openStore } from '../../src/store/open.js';
import { ingestPaths } from '../../src/ingest/index.js';
import { auditArticle, readArticleFile } from '../../src/audit/index.js';

test('demo article: the two documented planted errors and no other flag', async () => {
  const store = await openStore(':memory:');
  try {
    await ingestPaths(store, ['examples/corpus'], { now: () => new Date('2026-01-01T00:00:00Z') });
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
  } finally {
    await store.close();
  }
});
