// The web page of `verity serve` in real headless Chromium (Debian's /usr/bin/chromium through
// playwright-core; never downloaded): type a claim, press Check, watch the progress, read the
// verdict in the report. In CI (CI=true) a missing browser fails the test instead of skipping it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, chromiumSkip } from '../helpers/chromium.js';
import { createInProcessQueue } from '../../src/jobs/index.js';
import { createJobRunner } from '../../src/server/index.js';
import type { VerityJobResult } from '../../src/server/index.js';
import type { Store } from '../../src/contracts.js';
import { FIXED_NOW, smallStore } from '../check/helpers.js';
import { testServer } from '../server/helpers.js';
import type { TestServer } from '../server/helpers.js';

const skip = chromiumSkip();
const ARTIFACTS = resolve('test-artifacts');

/** The store as a slow disk would serve it (each call 120 ms late), so the progress can be watched. */
function slowed(store: Store): Store {
  return new Proxy(store, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      if (typeof value !== 'function' || key === 'close') return value;
      return async (...args: unknown[]) => {
        await new Promise((r) => setTimeout(r, 120));
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

let t: TestServer;
let browser: Browser;
before(async () => {
  if (skip) return;
  const store = await smallStore();
  const queue = createInProcessQueue<VerityJobResult>({ run: createJobRunner(slowed(store), { now: FIXED_NOW }) });
  t = await testServer({ store, queue });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
});
after(async () => {
  if (skip) return;
  await browser?.close();
  await t?.close();
});

interface Watch {
  requests: string[];
  problems: string[];
}

async function openPage(width: number): Promise<{ page: Page; watch: Watch }> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const watch: Watch = { requests: [], problems: [] };
  page.on('request', (r) => watch.requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error') watch.problems.push(m.text());
  });
  page.on('pageerror', (e) => watch.problems.push(e.message));
  await page.goto(`${t.url}/`);
  return { page, watch };
}

test('type a claim, press Check, see the progress, then the verdict in the report', { skip }, async () => {
  const { page, watch } = await openPage(1100);
  try {
    // Record every progress value and status line the page shows (read through the DevTools protocol, not a page script).
    await page.evaluate(`(() => {
      const seen = (window.seen = []);
      const bar = document.getElementById('bar');
      const status = document.getElementById('status');
      new MutationObserver(() => seen.push(bar.value + '|' + (status.textContent || ''))).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    })()`);
    await page.getByLabel('Question, claim or article').fill('Ruritania criminalizes possession of banned images');
    await page.getByRole('button', { name: 'Check', exact: true }).click();

    await page.locator('#progress-box').waitFor({ state: 'visible' });
    assert.equal(await page.getByRole('button', { name: 'Check', exact: true }).isDisabled(), true, 'Check is disabled while a job runs');
    await page.locator('#result').waitFor({ state: 'visible', timeout: 30_000 });

    const seen = await page.evaluate<string[]>('window.seen');
    const values = seen.map((s) => Number(s.split('|')[0]));
    assert.ok(values.some((v) => v > 0 && v < 100), `a partial progress value was shown: ${JSON.stringify(seen)}`);
    assert.ok(seen.some((s) => /Finding and weighing evidence \(\d+ of \d+\)…/.test(s)), `a stage was named: ${JSON.stringify(seen)}`);
    for (let i = 1; i < values.length; i++) assert.ok(values[i]! >= values[i - 1]!, `progress never goes back: ${values.join(',')}`);

    // The verdict, outside and inside the framed report.
    assert.match(await page.locator('#verdict').innerText(), /^Verdict: Supported \(confidence \d+%\)\. /);
    const report = page.frameLocator('#report');
    assert.equal((await report.locator('.badge').innerText()).toLowerCase(), 'supported');
    assert.equal(await report.locator('h1').innerText(), 'Fact check: Ruritania criminalizes possession of banned images');
    const sandbox = (await page.locator('#report').getAttribute('sandbox')) ?? 'none';
    assert.ok(!/allow-scripts|allow-same-origin/.test(sandbox) && sandbox !== 'none', `the report frame is sandboxed without scripts or same-origin: ${sandbox}`);

    // Focus moves to the result; the downloads point at the report formats, ClaimReview included for a claim.
    assert.equal(await page.evaluate<string | undefined>('document.activeElement?.id'), 'result-heading');
    const hrefs = await page.locator('.downloads a').evaluateAll((as) => as.map((a) => (a.parentElement?.hidden ? null : a.getAttribute('href'))));
    assert.equal(hrefs.length, 4);
    assert.ok(hrefs.every((h) => h !== null && /^\/api\/jobs\/[0-9a-f-]{36}\/report\?format=(html|md|json|claimreview)/.test(h)), JSON.stringify(hrefs));
    const md = await page.evaluate<string>(`fetch(${JSON.stringify(hrefs[1])}).then((r) => r.text())`);
    assert.match(md, /^# Fact check: Ruritania criminalizes possession of banned images/);

    assert.deepEqual(watch.requests.filter((u) => !u.startsWith(t.url)), [], 'nothing is loaded from anywhere else');
    assert.deepEqual(watch.problems, [], 'no script error and no Content-Security-Policy violation');
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: resolve(ARTIFACTS, 'server-ui.png'), fullPage: true });
  } finally {
    await page.close();
  }
});

test('at 400 px, by keyboard alone: a question is checked, nothing overflows, and ClaimReview is not offered', { skip }, async () => {
  const { page, watch } = await openPage(400);
  try {
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate<string | undefined>('document.activeElement?.id'), 'input', 'the text box is the first stop');
    await page.keyboard.type('Which countries criminalize possession of banned images?');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate<string | undefined>('document.activeElement?.id'), 'check');
    await page.keyboard.press('Enter');
    await page.locator('#result').waitFor({ state: 'visible', timeout: 30_000 });
    assert.match(await page.frameLocator('#report').locator('h1').innerText(), /^Fact check: Which countries/);
    assert.equal(await page.locator('#dl-claimreview').isVisible(), false);
    assert.equal(await page.locator('#dl-json').isVisible(), true);
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px at 400px`);
    assert.deepEqual(watch.problems, []);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: resolve(ARTIFACTS, 'server-ui-400.png'), fullPage: true });
  } finally {
    await page.close();
  }
});

test('an empty box or a refused input shows the problem and the fix in an alert', { skip }, async () => {
  const { page } = await openPage(1000);
  try {
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor({ state: 'visible' });
    assert.match(await alert.innerText(), /The text box is empty\. type a question or a claim\./);
    await page.getByLabel('Question, claim or article').fill('x'.repeat(2500));
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await page.waitForFunction("/2000/.test(document.getElementById('error')?.textContent ?? '')");
    assert.match(await alert.innerText(), /is 2500 characters long \(the limit is 2000\)\. check one question or claim at a time/);
    assert.equal(await page.getByRole('button', { name: 'Check', exact: true }).isDisabled(), false, 'the form is usable again');
  } finally {
    await page.close();
  }
});

test('paste an article, press Audit article: the counts and the annotated article appear, without ClaimReview', { skip }, async () => {
  const { page, watch } = await openPage(1000);
  try {
    const article = [
      '# Possession laws',
      '',
      'The Global Law Survey found that 30 of the 50 countries reviewed criminalize simple possession of banned images [1].',
      '',
      '## Sources',
      '',
      '[1] Global Law Survey 2020 — Child Safety Institute (CSI). https://example.org/global-law-survey-2020',
    ].join('\n');
    await page.getByLabel('Question, claim or article').fill(article);
    await page.getByLabel('Article format').selectOption('text/markdown');
    await page.getByRole('button', { name: 'Audit article' }).click();
    await page.locator('#result').waitFor({ state: 'visible', timeout: 30_000 });
    assert.equal(await page.locator('#result-heading').innerText(), 'Audit');
    assert.match(await page.locator('#verdict').innerText(), /^\d+ claims: \d+ supported, \d+ contradicted, \d+ unsupported, \d+ unverifiable; \d+ flags\.$/);
    assert.match(await page.frameLocator('#report').locator('body').innerText(), /30 of the 50 countries reviewed criminalize simple possession/);
    assert.equal(await page.locator('#dl-claimreview').isVisible(), false);
    assert.deepEqual(watch.problems, []);
  } finally {
    await page.close();
  }
});

test('Cancel stops a running check and says so', { skip }, async () => {
  const { page, watch } = await openPage(1000);
  try {
    await page.getByLabel('Question, claim or article').fill('Which countries criminalize possession of banned images versus only their production or distribution?');
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    const cancel = page.getByRole('button', { name: 'Cancel' });
    await cancel.waitFor({ state: 'visible' });
    await cancel.click();
    const alert = page.getByRole('alert');
    await alert.waitFor({ state: 'visible', timeout: 30_000 });
    assert.match(await alert.innerText(), /was cancelled \((while it ran|before it started)\)\. submit it again if you still need it\./);
    assert.equal(await page.locator('#result').isVisible(), false);
    assert.equal(await cancel.isVisible(), false);
    assert.deepEqual(watch.problems, []);
  } finally {
    await page.close();
  }
});
