// The page of `verity serve` with access tokens, in real headless Chromium: it asks for the token
// (a labelled password field) before anything else, refuses a wrong one, then runs a check with
// the token as a bearer header, follows the event stream and shows the report through a ticket
// URL, never putting the token in a URL. A reload in the same tab does not ask again.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, chromiumSkip } from '../helpers/chromium.js';
import { testServer } from '../server/helpers.js';
import type { TestServer } from '../server/helpers.js';

const skip = chromiumSkip();
const ARTIFACTS = resolve('test-artifacts');
const TOKEN = 'page-token-Jq8sLm2Vx7Rt4Nw9Pb3Kc6Hd';

let t: TestServer;
let browser: Browser;
before(async () => {
  if (skip) return;
  t = await testServer({ tokens: [TOKEN] });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
});
after(async () => {
  if (skip) return;
  await browser?.close();
  await t?.close();
});

test('the page asks for the token once, refuses a wrong one, then checks a claim and shows the report', { skip }, async () => {
  const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
  const requests: Array<{ url: string; authorization: string | undefined }> = [];
  const problems: string[] = [];
  page.on('request', (r) => requests.push({ url: r.url(), authorization: r.headers().authorization }));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  try {
    await page.goto(`${t.url}/`);
    // Only the token form is shown at first.
    const field = page.getByLabel('Access token');
    await field.waitFor({ state: 'visible' });
    assert.equal(await field.getAttribute('type'), 'password');
    assert.equal(await page.evaluate<string | undefined>('document.activeElement?.id'), 'token', 'the token field has the focus');
    assert.equal(await page.getByLabel('Question, claim or article').isVisible(), false);

    await field.fill('not-the-token-0123456789abcdef');
    await page.getByRole('button', { name: 'Use token' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor({ state: 'visible' });
    assert.match(await alert.innerText(), /did not accept that token/);
    assert.equal(await page.getByLabel('Question, claim or article').isVisible(), false);

    await field.fill(TOKEN);
    await page.getByRole('button', { name: 'Use token' }).click();
    await page.getByLabel('Question, claim or article').waitFor({ state: 'visible' });
    assert.equal(await field.isVisible(), false);
    assert.equal(await page.evaluate<string | null>("sessionStorage.getItem('verity-token')"), TOKEN);

    // A reload in the same tab keeps the token: no second prompt.
    await page.reload();
    await page.getByLabel('Question, claim or article').waitFor({ state: 'visible' });
    assert.equal(await page.getByLabel('Access token').isVisible(), false);

    await page.getByLabel('Question, claim or article').fill('Ruritania criminalizes possession of banned images');
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await page.locator('#result').waitFor({ state: 'visible', timeout: 30_000 });
    assert.match(await page.locator('#verdict').innerText(), /^Verdict: Supported \(confidence \d+%\)\. /);
    const report = page.frameLocator('#report');
    assert.equal(await report.locator('h1').innerText(), 'Fact check: Ruritania criminalizes possession of banned images');
    assert.match((await page.locator('#report').getAttribute('src')) ?? '', /^\/api\/jobs\/[0-9a-f-]{36}\/report\?ticket=\d+\.[\w-]{43}&format=html$/);
    const md = await page.locator('#dl-md').getAttribute('href');
    assert.match(md ?? '', /ticket=/);
    assert.match(await page.evaluate<string>(`fetch(${JSON.stringify(md)}).then((r) => r.text())`), /^# Fact check: Ruritania/);

    // The token went in headers only: never in a URL; the stream and the report went by ticket.
    assert.ok(requests.every((r) => !r.url.includes(TOKEN) && !r.url.includes(encodeURIComponent(TOKEN))), 'the token is never in a URL');
    const api = requests.filter((r) => new URL(r.url).pathname.startsWith('/api/'));
    assert.ok(api.some((r) => r.url.endsWith('/api/checks') && r.authorization === `Bearer ${TOKEN}`), 'the check is sent with the bearer token');
    assert.ok(api.some((r) => /\/events\?ticket=/.test(r.url)), 'the event stream is opened with a ticket');
    for (const r of api) assert.ok(r.authorization !== undefined || /[?&]ticket=/.test(r.url), `unauthenticated request ${r.url}`);
    assert.deepEqual(requests.filter((r) => !r.url.startsWith(t.url)).map((r) => r.url), [], 'nothing is loaded from anywhere else');
    // The one console error allowed is the browser's note about the refused wrong token.
    assert.deepEqual(problems.filter((p) => !/status of 401/.test(p)), [], 'no script error and no CSP violation');
    assert.ok(problems.length <= 1, problems.join('\n'));
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: resolve(ARTIFACTS, 'server-ui-auth.png'), fullPage: true });
  } finally {
    await page.close();
  }
});

test('a token that stops working (401) brings the token form back', { skip }, async () => {
  const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
  try {
    await page.goto(`${t.url}/`);
    await page.evaluate(`sessionStorage.setItem('verity-token', 'revoked-token-0123456789abcdef')`);
    await page.reload();
    await page.getByLabel('Question, claim or article').fill('Ruritania criminalizes possession of banned images');
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await page.getByLabel('Access token').waitFor({ state: 'visible' });
    assert.match(await page.locator('#login-error').innerText(), /no longer accepts the access token/);
    assert.equal(await page.evaluate<string | null>("sessionStorage.getItem('verity-token')"), null);
  } finally {
    await page.close();
  }
});
