// The opt-in checkboxes of the `verity serve` page in real headless Chromium: on a server started
// with web and fetch, "Search the web too" and "Fetch the cited pages" are shown, reached by Tab,
// ticked with Space, and the jobs they send read the recorded web; on a server without them the
// page shows neither. In CI (CI=true) a missing browser fails the test instead of skipping it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, chromiumSkip } from '../helpers/chromium.js';
import { openStore } from '../../src/store/sqlite/open.js';
import { WikipediaSearch } from '../../src/web/wikipedia.js';
import { startWebFixtureServer, type WebFixtureServer } from '../check/check-web-server.js';
import { fixtureText, startCitedPages } from '../fixtures/audit-fetch/server.js';
import type { LocalServer } from '../web/local-server.js';
import { testServer } from '../server/helpers.js';
import type { TestServer } from '../server/helpers.js';

const skip = chromiumSkip();
const ARTIFACTS = resolve('test-artifacts');
const CLAIM = '31 of 52 cities in Examplestan restrict cars in their centres';

let web: WebFixtureServer;
let pages: LocalServer;
let t: TestServer;
let plain: TestServer;
let browser: Browser;
before(async () => {
  if (skip) return;
  web = await startWebFixtureServer();
  pages = await startCitedPages();
  t = await testServer({ store: await openStore(':memory:'), web: { search: new WikipediaSearch({ baseUrl: web.origin }), limit: 5 }, fetch: { web: { allowPrivate: true } } });
  plain = await testServer();
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
});
after(async () => {
  if (skip) return;
  await browser?.close();
  await t?.close();
  await plain?.close();
  await web?.close();
  await pages?.close();
});

async function openPage(url: string): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(`${url}/`);
  return { page, problems };
}

const focused = (page: Page): Promise<string | undefined> => page.evaluate<string | undefined>('document.activeElement?.id');

test('"Search the web too", by keyboard: Tab reaches it, Space ticks it, Ctrl+Enter checks; the report cites the web articles', { skip }, async () => {
  const { page, problems } = await openPage(t.url);
  try {
    const box = page.getByRole('checkbox', { name: 'Search the web too' });
    assert.equal(await box.isVisible(), true);
    assert.equal(await box.isChecked(), false, 'off until asked for');
    assert.match((await page.locator('#web-hint').innerText()), /search Wikipedia first, read up to 5 results per search/);
    assert.equal(await box.getAttribute('aria-describedby'), 'web-hint');

    await page.getByLabel('Question, claim or article').fill(CLAIM);
    await page.locator('#format').focus();
    await page.keyboard.press('Tab');
    assert.equal(await focused(page), 'web', 'the checkbox follows the format in the tab order');
    await page.keyboard.press('Space');
    assert.equal(await box.isChecked(), true);
    const searches = web.searches.length;
    await page.getByLabel('Question, claim or article').focus();
    await page.keyboard.press('Control+Enter');
    await page.locator('#result').waitFor({ state: 'visible', timeout: 30_000 });
    assert.match(await page.locator('#verdict').innerText(), /^Verdict: Supported/);
    assert.ok(web.searches.length > searches, 'the web was searched');
    const report = page.frameLocator('#report');
    assert.equal(await report.locator(`a[href="${web.origin}/wiki/Car-free_zones_in_Examplestan"]`).count() > 0, true, 'the report links the fetched article');
    assert.match(await report.locator('body').innerText(), /Warning: web: could not read .*Transport_in_Examplestan/);
    assert.deepEqual(problems, [], 'no script error and no Content-Security-Policy violation');
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: resolve(ARTIFACTS, 'server-ui-web.png'), fullPage: true });
  } finally {
    await page.close();
  }
});

test('"Fetch the cited pages" ticked: the audit reads the cited pages; unticked, the same audit fetches nothing', { skip }, async () => {
  const { page, problems } = await openPage(t.url);
  try {
    const box = page.getByRole('checkbox', { name: 'Fetch the cited pages' });
    await page.getByLabel('Question, claim or article').fill(fixtureText('article.md', `${pages.origin}/unticked`));
    const before = pages.requests.length;
    await page.getByRole('button', { name: 'Audit article' }).click();
    await page.locator('#result').waitFor({ state: 'visible', timeout: 30_000 });
    assert.equal(pages.requests.length, before, 'unticked: nothing fetched');

    await page.getByLabel('Question, claim or article').fill(fixtureText('article.md', pages.origin));
    await box.check();
    await page.getByRole('button', { name: 'Audit article' }).click();
    // Borne out by the fetched survey page: the 412 of 520 villages, and the visit to every village between March and May.
    await page.locator('#verdict').filter({ hasText: /\b2 supported/ }).waitFor({ timeout: 30_000 });
    assert.ok(pages.requests.length > before, 'ticked: the cited pages were fetched');
    assert.match(await page.locator('#verdict').innerText(), /^\d+ claims: 2 supported, 1 contradicted/);
    // The audit's warnings, which the annotated article does not show, are listed above it.
    assert.match(await page.getByRole('list', { name: 'Warnings' }).innerText(), /Warning: fetch: reference \[3\] could not be fetched, so it stays not in the corpus: .*bulletins\/cholera-2023.*404/);
    assert.deepEqual(problems, []);
  } finally {
    await page.close();
  }
});

test('a server without web or fetch shows neither checkbox', { skip }, async () => {
  const { page, problems } = await openPage(plain.url);
  try {
    assert.equal(await page.getByRole('checkbox').count(), 0);
    assert.equal(await page.getByText('Search the web too').count(), 0);
    assert.deepEqual(problems, []);
  } finally {
    await page.close();
  }
});
