// A reference whose link redirected when `audit --fetch` read it is matched, on the next audit
// without --fetch, to the source it led to: the requested URL is an alias of that source.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/run-cli.js';
import { matchReferences } from '../../src/audit/read/references.js';
import type { ArticleReference } from '../../src/audit/types.js';
import type { Source } from '../../src/model.js';
import { PATHS, fixtureText, requestedPaths, startCitedPages } from '../fixtures/audit-fetch/server.js';

interface JsonAudit {
  claims: Array<{ text: string; status: string; flags: Array<{ kind: string }> }>;
  references: Array<{ n: number; match: { sourceId: string | null; by: string | null; sourceUri: string | null }; fetched?: { sourceId?: string } }>;
}

const ALLOW = { VERITY_WEB_ALLOW_PRIVATE: '1' };

/** The audit ran (its JSON is on stdout) and its exit code says whether it raised an error flag: 1 if so, else 0. */
function assertRan(r: { code: number; stdout: string; stderr: string }): void {
  const doc = JSON.parse(r.stdout) as { summary: { bySeverity: { error: number } } };
  assert.equal(r.code, doc.summary.bySeverity.error > 0 ? 1 : 0, r.stderr);
}

test('verity audit: after --fetch through a redirect, a run without --fetch finds the redirected reference by its URL', async () => {
  const server = await startCitedPages();
  const dir = mkdtempSync(join(tmpdir(), 'verity-audit-alias-'));
  try {
    writeFileSync(join(dir, 'article.md'), fixtureText('article.md', server.origin));
    const first = await runCli(['audit', 'article.md', '--fetch', '--db', 'web.db', '--json'], { cwd: dir, env: ALLOW });
    assertRan(first);
    const a = JSON.parse(first.stdout) as JsonAudit;
    const fetchedId = a.references.find((r) => r.n === 2)?.fetched?.sourceId;
    assert.ok(fetchedId, first.stdout);

    const before = requestedPaths(server).length;
    const second = await runCli(['audit', 'article.md', '--db', 'web.db', '--json'], { cwd: dir, env: ALLOW });
    assertRan(second);
    assert.deepEqual(requestedPaths(server).slice(before), [], 'no request without --fetch');
    const b = JSON.parse(second.stdout) as JsonAudit;
    const ref2 = b.references.find((r) => r.n === 2);
    assert.deepEqual(ref2?.match, { ...ref2?.match, sourceId: fetchedId, by: 'url', sourceUri: `${server.origin}${PATHS.budgetFinal}` });
    // The redirected page is read again as the cited source: its other figure is still flagged.
    assert.ok(b.claims.find((c) => c.text.includes('38 million'))?.flags.some((f) => f.kind === 'figure-source-mismatch'), second.stdout);
    assert.equal(b.references.find((r) => r.n === 3)?.match.sourceId, null);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await server.close();
  }
});

test('matchReferences: a URL match through the store lookup (an alias) counts; without it only the uri does', () => {
  const source: Source = { id: 'a'.repeat(64), uri: 'https://example.org/final', title: 'Accounts', publisher: null, author: null, publishedAt: null, kind: 'other', language: null, license: null, retrievedAt: '2026-01-01T00:00:00.000Z', textLength: 10, aliases: ['https://example.org/old'] };
  const refs: ArticleReference[] = [{ n: 1, url: 'http://www.example.org/old/', title: null, text: 'http://www.example.org/old/', kind: 'numbered' }];
  assert.equal(matchReferences(refs, [source])[0]?.sourceId, null);
  const m = matchReferences(refs, [source], new Map([['http://www.example.org/old/', source]]))[0];
  assert.deepEqual([m?.sourceId, m?.by, m?.sourceUri], [source.id, 'url', source.uri]);
});
