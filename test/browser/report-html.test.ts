// The HTML report opened in real headless Chromium (Debian's /usr/bin/chromium driven by
// playwright-core; no browser is ever downloaded). Saves a screenshot to test-artifacts/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS as ARGS, chromiumSkip } from '../helpers/chromium.js';
import { renderHtml } from '../../src/report/index.js';
import { sampleReport } from '../fixtures/check/sample-report.js';
import { checkInput } from '../../src/check/index.js';
import { FIXED_NOW } from '../check/helpers.js';
import { TOWNS_QUESTION, townsStore } from '../check/report-polish-fixture.js';


test('the HTML report renders in Chromium, without scripts, and every citation link resolves', { skip: chromiumSkip() }, async () => {
  const dir = resolve('test-artifacts');
  mkdirSync(dir, { recursive: true });
  const file = resolve(dir, 'report.html');
  writeFileSync(file, renderHtml(sampleReport()));

  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1000, height: 900 }, javaScriptEnabled: false });
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(file).href);

    assert.equal(await page.locator('h1').innerText(), 'Fact check: Ruritania criminalizes possession of banned images');
    assert.equal((await page.locator('.badge').innerText()).toLowerCase(), 'supported');
    assert.equal(await page.locator('script').count(), 0, 'the escaped <script> must stay text');
    assert.match(await page.locator('#summary').innerText(), /<script>alert\(1\)<\/script>/);
    assert.match(await page.locator('.flag').first().innerText(), /unverified: unsupported/);

    const hrefs = await page.locator('a.cite').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    assert.ok(hrefs.length >= 8, `${hrefs.length} citation links`);
    for (const href of hrefs) {
      assert.match(href, /^#source-\d+$/);
      assert.equal(await page.locator(href).count(), 1, `${href} resolves to one source entry`);
    }
    // Following a citation scrolls its source into view.
    await page.locator('a.cite').first().click();
    assert.ok(page.url().endsWith('#source-1'));
    assert.ok(await page.locator('#source-1').isVisible());
    // A javascript: URI is never made a link.
    assert.equal(await page.locator('a[href^="javascript:"]').count(), 0);
    assert.equal(await page.locator('#figures tbody tr').count(), 2);
    assert.deepEqual(requests.filter((u) => !u.startsWith('file:')), [], 'the page loads nothing from the network');

    await page.goto(pathToFileURL(file).href);
    await page.screenshot({ path: resolve(dir, 'report-html.png'), fullPage: true });
  } finally {
    await browser.close();
  }
});

test('a report whose figures do not add up shows the gap and marks the figures, in Chromium', { skip: chromiumSkip() }, async () => {
  const store = await townsStore();
  const report = await checkInput(store, TOWNS_QUESTION, { now: FIXED_NOW });
  await store.close();
  const dir = resolve('test-artifacts');
  mkdirSync(dir, { recursive: true });
  const file = resolve(dir, 'report-towns.html');
  writeFileSync(file, renderHtml(report));

  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1000, height: 900 }, javaScriptEnabled: false });
    await page.goto(pathToFileURL(file).href);
    assert.match(await page.locator('#summary').innerText(), /The figures disagree: .*10 \+ 28 = 38 towns.*120 − 80 = 40 towns/s);
    assert.equal(await page.locator('.flag').count(), 0, 'no sentence is flagged');
    assert.equal(await page.locator('#figures td.no').count(), 3);
    assert.match(await page.locator('h2').nth(1).innerText(), /80 of 120 towns ban private cars from their centres \(EUI, 2024\)/);
    await page.screenshot({ path: resolve(dir, 'report-towns.png'), fullPage: true });
  } finally {
    await browser.close();
  }
});
