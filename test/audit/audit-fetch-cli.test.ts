// `verity audit --fetch` through the command line, against a local server: the store is opened
// for writing only with --fetch, failures are warnings on stderr, the JSON records what was fetched.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/run-cli.js';
import { openStore } from '../../src/store/sqlite/open.js';
import { PATHS, fixtureText, requestedPaths, startCitedPages } from '../fixtures/audit-fetch/server.js';

interface JsonReference {
  n: number;
  match: { sourceId: string | null; by: string | null };
  fetched?: { status?: string; finalUrl?: string; sourceId?: string; error?: string; code?: string };
}
interface JsonAudit {
  claims: Array<{ text: string; status: string; flags: Array<{ kind: string }> }>;
  references: JsonReference[];
  warnings: string[];
}

const ALLOW = { VERITY_WEB_ALLOW_PRIVATE: '1' };

/** The audit ran (its JSON is on stdout) and its exit code says whether it raised an error flag: 1 if so, else 0. */
function assertRan(r: { code: number; stdout: string; stderr: string }): void {
  const doc = JSON.parse(r.stdout) as { summary: { bySeverity: { error: number } } };
  assert.equal(r.code, doc.summary.bySeverity.error > 0 ? 1 : 0, r.stderr);
}

async function sourceCount(db: string): Promise<number> {
  const store = await openStore(db, { readonly: true });
  try {
    return (await store.listSources()).length;
  } finally {
    await store.close();
  }
}

test('verity audit --fetch: fetches, ingests and audits; warns about the 404; a second run asks only what it lacks', async () => {
  const server = await startCitedPages();
  const dir = mkdtempSync(join(tmpdir(), 'verity-audit-fetch-'));
  try {
    writeFileSync(join(dir, 'article.md'), fixtureText('article.md', server.origin));
    const r = await runCli(['audit', 'article.md', '--fetch', '--db', 'web.db', '--json'], { cwd: dir, env: ALLOW });
    assertRan(r);
    const doc = JSON.parse(r.stdout) as JsonAudit;
    const ref = (n: number) => doc.references.find((x) => x.n === n);
    assert.equal(ref(1)?.fetched?.status, 'added');
    assert.equal(ref(1)?.fetched?.finalUrl, `${server.origin}${PATHS.survey}`);
    assert.equal(ref(2)?.fetched?.finalUrl, `${server.origin}${PATHS.budgetFinal}`);
    assert.equal(ref(2)?.match.sourceId, ref(2)?.fetched?.sourceId);
    assert.equal(ref(3)?.fetched?.code, 'NOT_FOUND');
    assert.equal(ref(3)?.match.sourceId, null);
    assert.equal(doc.claims.find((c) => c.text.includes('412 of the 520'))?.status, 'supported');
    assert.ok(doc.claims.find((c) => c.text.includes('38 million'))?.flags.some((f) => f.kind === 'figure-source-mismatch'));
    // The warning names the reference, the URL and the reason, once; then the summary line.
    const warned = r.stderr.split('\n').filter((l) => l.includes('could not be fetched'));
    assert.equal(warned.length, 1, r.stderr);
    assert.match(warned[0] ?? '', /reference \[3\].*bulletins\/cholera-2023.*404/);
    assert.match(r.stderr, /fetch: 3 cited pages not in the corpus: 2 added, 0 unchanged, 0 replaced, 1 not fetched/);
    assert.equal(await sourceCount(join(dir, 'web.db')), 2);

    const before = requestedPaths(server).length;
    const again = await runCli(['audit', 'article.md', '--fetch', '--db', 'web.db', '--json'], { cwd: dir, env: ALLOW });
    assertRan(again);
    // The redirected [2] is found by its requested URL (an alias of its source): only the 404 is asked again.
    assert.deepEqual(requestedPaths(server).slice(before), [PATHS.missing]);
    assert.match(again.stderr, /fetch: 1 cited page not in the corpus: 0 added, 0 unchanged, 0 replaced, 1 not fetched/);
    assert.equal(await sourceCount(join(dir, 'web.db')), 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await server.close();
  }
});

test('verity audit without --fetch: no request, the corpus is not written (nor created)', async () => {
  const server = await startCitedPages();
  const dir = mkdtempSync(join(tmpdir(), 'verity-audit-fetch-'));
  try {
    writeFileSync(join(dir, 'article.md'), fixtureText('article.md', server.origin));
    // A corpus that exists: read, not written.
    const fetched = await runCli(['audit', 'article.md', '--fetch', '--db', 'web.db', '--json'], { cwd: dir, env: ALLOW });
    assertRan(fetched);
    const bytes = readFileSync(join(dir, 'web.db'));
    const before = requestedPaths(server).length;
    const plain = await runCli(['audit', 'article.md', '--db', 'web.db', '--json'], { cwd: dir, env: ALLOW });
    assertRan(plain);
    assert.equal(requestedPaths(server).length, before);
    assert.ok(readFileSync(join(dir, 'web.db')).equals(bytes));
    const doc = JSON.parse(plain.stdout) as JsonAudit;
    assert.ok(doc.references.every((x) => !('fetched' in x)));
    assert.ok(!/fetch:/.test(plain.stderr), plain.stderr);
    // No corpus at all: nothing is created.
    const none = await runCli(['audit', 'article.md', '--db', 'none.db', '--json'], { cwd: dir, env: ALLOW });
    assert.notEqual(none.code, 0);
    assert.equal(existsSync(join(dir, 'none.db')), false);
    assert.equal(requestedPaths(server).length, before);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await server.close();
  }
});

test('verity audit --fetch refuses 127.0.0.1 by default and says how to allow it; the audit still runs', async () => {
  const server = await startCitedPages();
  const dir = mkdtempSync(join(tmpdir(), 'verity-audit-fetch-'));
  try {
    writeFileSync(join(dir, 'article.md'), fixtureText('article-private.md', server.origin));
    const r = await runCli(['audit', 'article.md', '--fetch', '--db', 'web.db', '--json'], { cwd: dir });
    assertRan(r);
    assert.deepEqual(requestedPaths(server), []);
    assert.match(r.stderr, /reference \[1\] could not be fetched, so it stays not in the corpus: .*127\.0\.0\.1.*loopback.*VERITY_WEB_ALLOW_PRIVATE=1/);
    const doc = JSON.parse(r.stdout) as JsonAudit;
    assert.equal(doc.references[0]?.fetched?.code, 'REFUSED');
    assert.equal(doc.claims.length, 1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await server.close();
  }
});

test('verity audit: --fetch-limit usage errors, and --help teaches --fetch', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'verity-audit-fetch-'));
  try {
    writeFileSync(join(dir, 'article.md'), fixtureText('article.md', 'https://cited.example.org'));
    const alone = await runCli(['audit', 'article.md', '--fetch-limit', '3'], { cwd: dir });
    assert.equal(alone.code, 2);
    assert.match(alone.stderr, /--fetch-limit is given without --fetch.*add --fetch/s);
    const bad = await runCli(['audit', 'article.md', '--fetch', '--fetch-limit', 'many'], { cwd: dir });
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--fetch-limit "many" is not a whole number from 1 to 200/);
    assert.equal(existsSync(join(dir, '.verity')), false);
    const help = await runCli(['audit', '--help'], { cwd: dir });
    assert.equal(help.code, 0);
    assert.match(help.stdout, /--fetch\s+fetch the cited pages/);
    assert.match(help.stdout, /--fetch-limit N/);
    assert.match(help.stdout, /VERITY_WEB_ALLOW_PRIVATE=1/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
