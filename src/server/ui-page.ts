// The web page at "/": one self-contained document (inline style and script, both allowed by a
// per-response CSP nonce; nothing loaded from elsewhere). A text box takes a question, a claim
// or a pasted article; Check or Audit submits it to the JSON API; a progress bar follows the
// job's Server-Sent Events; the finished report is shown from /api/jobs/:id/report?format=html
// in a sandboxed iframe, with download links for the other formats. When the server allows it,
// a checkbox asks for web sources (Check) or for the cited pages to be fetched (Audit).
// When the server has access tokens, the page first asks for one (a password field), keeps it in
// sessionStorage, sends it as a bearer token on every fetch, and opens the event stream and the
// report through a short-lived ticket (POST /api/jobs/:id/ticket): never the token in a URL.
import { escapeHtml } from '../report/index.js';
import { ENGINE_VERSION } from '../version.js';
import { NONCE } from 'hono/secure-headers';
import type { JobCapabilities } from './job-runner.js';

/**
 * The page's Content-Security-Policy for hono/secure-headers: inline script and style only with
 * the per-response nonce (`NONCE`; the handler reads it from the context and puts it in
 * `uiPage(nonce)`), nothing else loaded from anywhere, framed by nobody.
 */
export const UI_POLICY = {
  defaultSrc: ["'none'"],
  scriptSrc: [NONCE],
  styleSrc: [NONCE],
  connectSrc: ["'self'"],
  frameSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

const CSS = `
:root { color-scheme: light; --ink: #1d1d1f; --muted: #555b61; --rule: #cfd3d7; --accent: #1a5fb4; --bad: #b3261e; }
* { box-sizing: border-box; }
body { margin: 0; background: #fbfbf8; color: var(--ink); font: 16px/1.5 system-ui, sans-serif; }
header, main, footer { max-width: 60rem; margin: 0 auto; padding: 1rem; }
header { padding-top: 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
header p { margin: 0; color: var(--muted); }
label { display: block; font-weight: 600; margin: .75rem 0 .35rem; }
input[type=password] { width: 100%; max-width: 32rem; padding: .6rem; font: inherit; border: 1px solid var(--muted); border-radius: .4rem; background: #fff; color: inherit; }
#ask[hidden], #login[hidden], #login-error[hidden] { display: none; }
#login-error { margin-top: 1rem; padding: .75rem 1rem; border-left: 4px solid var(--bad); background: #fdecea; }
textarea { width: 100%; min-height: 8rem; padding: .6rem; font: inherit; border: 1px solid var(--muted); border-radius: .4rem; resize: vertical; background: #fff; color: inherit; }
.hint { color: var(--muted); font-size: .9rem; margin: .3rem 0 0; }
.row { display: flex; flex-wrap: wrap; gap: .6rem; align-items: center; margin-top: .75rem; }
button, select { font: inherit; padding: .5rem 1rem; border-radius: .4rem; border: 1px solid var(--accent); background: #fff; color: var(--accent); cursor: pointer; min-height: 2.75rem; }
button.primary { background: var(--accent); color: #fff; }
button:disabled { opacity: .55; cursor: not-allowed; }
select { border-color: var(--muted); color: var(--ink); }
.row label { display: inline; margin: 0; font-weight: 400; }
.option { display: flex; flex-wrap: wrap; align-items: center; gap: .2rem .5rem; margin: .6rem 0 0; }
.option input { width: 1.2rem; height: 1.2rem; margin: 0; }
.option label { display: inline; margin: 0; font-weight: 600; }
.option .hint { flex-basis: 100%; margin: 0 0 0 1.7rem; }
:focus-visible { outline: 3px solid #f0a500; outline-offset: 2px; }
#progress-box { margin-top: 1rem; }
#progress-box[hidden], #result[hidden], #error[hidden] { display: none; }
progress { width: 100%; height: 1.1rem; }
#status { margin: .3rem 0 0; color: var(--muted); }
#error { margin-top: 1rem; padding: .75rem 1rem; border-left: 4px solid var(--bad); background: #fdecea; }
#result { margin-top: 1.5rem; }
#result h2 { font-size: 1.25rem; margin: 0 0 .5rem; }
#verdict { font-weight: 600; margin: 0 0 .5rem; }
#warnings { margin: 0 0 .75rem; padding-left: 1.2rem; color: var(--muted); }
#warnings[hidden] { display: none; }
.downloads { display: flex; flex-wrap: wrap; gap: .4rem 1rem; margin: 0 0 .75rem; padding: 0; list-style: none; }
.downloads a { color: var(--accent); }
.downloads [hidden] { display: none; }
iframe { width: 100%; height: 75vh; min-height: 24rem; border: 1px solid var(--rule); border-radius: .4rem; background: #fff; }
@media (max-width: 480px) { header, main { padding: .75rem; } h1 { font-size: 1.3rem; } button { flex: 1 1 auto; } }
`;

const SCRIPT = `
'use strict';
const $ = (id) => document.getElementById(id);
const form = $('ask'), input = $('input'), format = $('format'), checkBtn = $('check'), auditBtn = $('audit'), cancelBtn = $('cancel');
const box = $('progress-box'), bar = $('bar'), statusEl = $('status'), errorEl = $('error');
const webBox = $('web'), fetchBox = $('fetch');
const result = $('result'), heading = $('result-heading'), verdictEl = $('verdict'), warningsEl = $('warnings'), frame = $('report');
const CHECK_STAGES = ['plan', 'retrieve', 'compose', 'verify'];
const STAGE_WORDS = { plan: 'Reading the input', retrieve: 'Finding and weighing evidence', compose: 'Writing the report', verify: 'Verifying every sentence', web: 'Searching the web and reading the results', fetch: 'Fetching the cited pages', audit: 'Checking the article\\'s claims' };
let current = null, events = null;
const AUTH = document.body.dataset.auth === 'bearer', TOKEN_KEY = 'verity-token';
const login = $('login'), tokenInput = $('token'), loginError = $('login-error');

function token() { try { return sessionStorage.getItem(TOKEN_KEY); } catch (e) { return null; } }
function askToken(message) {
  try { sessionStorage.removeItem(TOKEN_KEY); } catch (e) { /* storage off: nothing kept */ }
  form.hidden = true;
  login.hidden = false;
  loginError.textContent = message;
  loginError.hidden = message === '';
  tokenInput.focus();
}
// Every API call: the bearer token when the server needs one; a 401 asks for the token again.
async function api(url, options) {
  const o = Object.assign({}, options || {});
  const t = token();
  if (AUTH && t) o.headers = Object.assign({}, o.headers || {}, { authorization: 'Bearer ' + t });
  const res = await fetch(url, o);
  if (res.status === 401 && AUTH) askToken('The server no longer accepts the access token: type it again.');
  return res;
}
// The query that opens a job's event stream or report without a header: a signed ticket, valid 10 minutes.
async function ticketQuery(id) {
  if (!AUTH) return '';
  const res = await api('/api/jobs/' + encodeURIComponent(id) + '/ticket', { method: 'POST' });
  const body = await res.json().catch(() => ({ error: { problem: 'The server sent an unreadable answer (HTTP ' + res.status + ')', fix: null } }));
  if (!res.ok) throw body;
  return 'ticket=' + encodeURIComponent(body.ticket);
}
if (AUTH) {
  login.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const t = tokenInput.value.trim();
    if (t === '') { askToken('Type the access token.'); return; }
    let res = null;
    try { res = await fetch('/api/capabilities', { headers: { authorization: 'Bearer ' + t } }); } catch (e) { res = null; }
    if (!res) { askToken('The server could not be reached: check that verity serve is still running.'); return; }
    if (res.status === 401) { askToken('The server did not accept that token: check it and try again.'); tokenInput.value = ''; return; }
    try { sessionStorage.setItem(TOKEN_KEY, t); } catch (e) { /* kept for this page only */ }
    tokenInput.value = '';
    login.hidden = true;
    loginError.hidden = true;
    form.hidden = false;
    input.focus();
  });
  if (token()) form.hidden = false; else askToken('');
}

function busy(on) { checkBtn.disabled = on; auditBtn.disabled = on; cancelBtn.hidden = !on; }
function showError(body) {
  const e = body && body.error ? body.error : { problem: String(body), fix: null };
  errorEl.textContent = e.problem + '.' + (e.fix ? ' ' + e.fix + '.' : '');
  errorEl.hidden = false;
  box.hidden = true;
  busy(false);
  errorEl.focus();
}
function fraction(kind, p) {
  const part = p.total ? Math.min(1, p.done / p.total) : 0;
  if (kind === 'audit') return part;
  const i = CHECK_STAGES.indexOf(p.stage);
  return i < 0 ? null : (i + part) / CHECK_STAGES.length;
}
function onProgress(kind, p) {
  const f = fraction(kind, p);
  if (f === null) bar.removeAttribute('value'); else bar.value = Math.round(f * 100);
  const words = STAGE_WORDS[p.stage] || p.stage;
  statusEl.textContent = words + (p.total ? ' (' + p.done + ' of ' + p.total + ')' : '') + '…';
}
async function finished(id, kind) {
  bar.value = 100;
  statusEl.textContent = 'Done.';
  let q = '';
  try { q = await ticketQuery(id); } catch (e) { showError(e); return; }
  const base = '/api/jobs/' + encodeURIComponent(id) + '/report?' + (q ? q + '&' : '') + 'format=';
  let claimReview = false;
  warningsEl.replaceChildren();
  warningsEl.hidden = true;
  try {
    const job = await (await api('/api/jobs/' + encodeURIComponent(id))).json();
    const r = job.report || {};
    if (kind === 'check' && r.verdict) {
      claimReview = r.kind === 'claim';
      verdictEl.textContent = 'Verdict: ' + r.verdict.label.charAt(0).toUpperCase() + r.verdict.label.slice(1) + ' (confidence ' + Math.round(r.verdict.confidence * 100) + '%). ' + r.verdict.reason;
    } else if (kind === 'audit' && r.summary) {
      const s = r.summary;
      verdictEl.textContent = s.claims + ' claims: ' + s.supported + ' supported, ' + s.contradicted + ' contradicted, ' + s.unsupported + ' unsupported, ' + s.unverifiable + ' unverifiable; ' + s.flags + ' flags.';
      // The audited article does not show the audit's warnings (a cited page not fetched …): list them here.
      for (const w of Array.isArray(r.warnings) ? r.warnings : []) {
        const li = document.createElement('li');
        li.textContent = 'Warning: ' + w;
        warningsEl.append(li);
      }
      warningsEl.hidden = warningsEl.childElementCount === 0;
    } else {
      verdictEl.textContent = kind === 'check' ? 'A question: see the answer to each part in the report.' : '';
    }
  } catch (e) { verdictEl.textContent = ''; }
  heading.textContent = kind === 'check' ? 'Report' : 'Audit';
  for (const f of ['md', 'json', 'claimreview']) {
    const a = $('dl-' + f);
    a.href = base + f + '&download=1';
    a.parentElement.hidden = f === 'claimreview' && !claimReview;
  }
  $('dl-html').href = base + 'html';
  frame.title = kind === 'check' ? 'Fact-check report' : 'Audited article';
  frame.src = base + 'html';
  result.hidden = false;
  box.hidden = true;
  busy(false);
  heading.focus();
}
async function follow(id, kind) {
  if (events) events.close();
  let q = '';
  try { q = await ticketQuery(id); } catch (e) { showError(e); return; }
  events = new EventSource('/api/jobs/' + encodeURIComponent(id) + '/events' + (q ? '?' + q : ''));
  events.addEventListener('status', () => { statusEl.textContent = 'Started…'; });
  events.addEventListener('progress', (m) => onProgress(kind, JSON.parse(m.data)));
  events.addEventListener('done', () => { events.close(); finished(id, kind); });
  for (const name of ['failed', 'cancelled']) {
    events.addEventListener(name, (m) => { events.close(); showError(JSON.parse(m.data)); });
  }
  events.onerror = () => { if (events.readyState === EventSource.CLOSED) showError({ error: { problem: 'Lost contact with the server', fix: 'reload the page and try again' } }); };
}
async function submit(kind) {
  const text = input.value;
  errorEl.hidden = true;
  result.hidden = true;
  if (text.trim() === '') { showError({ error: { problem: 'The text box is empty', fix: kind === 'check' ? 'type a question or a claim' : 'paste an article' } }); input.focus(); return; }
  busy(true);
  box.hidden = false;
  bar.value = 0;
  statusEl.textContent = 'Sending…';
  const request = kind === 'check'
    ? { url: '/api/checks', type: 'application/json', body: JSON.stringify(webBox && webBox.checked ? { input: text, web: true } : { input: text }) }
    : { url: '/api/audits' + (fetchBox && fetchBox.checked ? '?fetch=1' : ''), type: format.value, body: text };
  let res;
  try {
    res = await api(request.url, { method: 'POST', headers: { 'content-type': request.type + '; charset=utf-8' }, body: request.body });
  } catch (e) { showError({ error: { problem: 'The server could not be reached', fix: 'check that verity serve is still running' } }); return; }
  const body = await res.json().catch(() => ({ error: { problem: 'The server sent an unreadable answer (HTTP ' + res.status + ')', fix: null } }));
  if (!res.ok) { showError(body); return; }
  current = body.id;
  statusEl.textContent = body.position > 0 ? 'Waiting to start (' + body.position + ' job' + (body.position === 1 ? '' : 's') + ' ahead)…' : 'Waiting to start…';
  follow(body.id, kind);
}
form.addEventListener('submit', (ev) => { ev.preventDefault(); submit(ev.submitter === auditBtn ? 'audit' : 'check'); });
input.addEventListener('keydown', (ev) => { if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey)) { ev.preventDefault(); if (!checkBtn.disabled) submit('check'); } });
cancelBtn.addEventListener('click', async () => {
  if (!current) return;
  await api('/api/jobs/' + encodeURIComponent(current), { method: 'DELETE' }).catch(() => undefined);
});
`;

const ENGINE_NAMES: Record<string, string> = { wikipedia: 'Wikipedia', searxng: 'SearXNG' };

/** The opt-in checkboxes the server allows: web sources for a check, fetching for an audit. */
function optionsHtml(capabilities: JobCapabilities): string {
  const out: string[] = [];
  if (capabilities.web) {
    const { limit } = capabilities.web;
    const engine = ENGINE_NAMES[capabilities.web.engine] ?? capabilities.web.engine;
    out.push(`<p class="option"><input type="checkbox" id="web" name="web" aria-describedby="web-hint"><label for="web">Search the web too</label>
<span id="web-hint" class="hint">For Check: search ${escapeHtml(engine)} first, read up to ${limit} results per search, add them to the corpus and cite them.</span></p>`);
  }
  if (capabilities.fetch) {
    out.push(`<p class="option"><input type="checkbox" id="fetch" name="fetch" aria-describedby="fetch-hint"><label for="fetch">Fetch the cited pages</label>
<span id="fetch-hint" class="hint">For Audit article: read the article's cited web pages that are not in the corpus (up to ${capabilities.fetch.limit}) and check the claims against them.</span></p>`);
  }
  return out.join('\n');
}

/** The access-token form, shown first when the server needs a token. */
const LOGIN_FORM = `<form id="login" hidden novalidate>
<label for="token">Access token</label>
<input type="password" id="token" name="token" autocomplete="current-password" required aria-describedby="token-hint">
<p id="token-hint" class="hint">This server needs an access token: ask whoever runs it. It is kept in this browser tab only, until you close it.</p>
<div class="row"><button type="submit" id="use-token" class="primary">Use token</button></div>
<div id="login-error" role="alert" hidden></div>
</form>`;

/**
 * The page, with `nonce` on its style and script elements (send it with `uiPolicy(nonce)`).
 * `capabilities` decides which opt-in checkboxes are shown (default: none); `view.auth` true
 * makes the page ask for an access token first and send it on every API call.
 */
export function uiPage(nonce: string, capabilities: JobCapabilities = { web: null, fetch: null }, view: { auth?: boolean } = {}): string {
  const auth = view.auth === true;
  const n = escapeHtml(nonce);
  const options = optionsHtml(capabilities);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Verity — fact check</title>
<link rel="icon" href="data:,">
<style nonce="${n}">${CSS}</style>
</head>
<body${auth ? ' data-auth="bearer"' : ''}>
<header>
<h1>Verity</h1>
<p>Check a question or a claim against the corpus, or audit a whole article. Every sentence of a report is verified against the passages it cites.</p>
</header>
<main>
${auth ? LOGIN_FORM : ''}
<form id="ask" novalidate${auth ? ' hidden' : ''}>
<label for="input">Question, claim or article</label>
<textarea id="input" name="input" required aria-describedby="input-hint" spellcheck="true"></textarea>
<p id="input-hint" class="hint">A question or a claim: press Check (or Ctrl+Enter). A whole article with its sources list: choose its format and press Audit article.</p>
<div class="row">
<button type="submit" id="check" class="primary" value="check">Check</button>
<button type="submit" id="audit" value="audit">Audit article</button>
<label for="format">Article format</label>
<select id="format" name="format">
<option value="text/markdown">Markdown</option>
<option value="text/html">HTML</option>
<option value="text/plain">Plain text</option>
</select>
<button type="button" id="cancel" hidden>Cancel</button>
</div>
${options}
</form>
<div id="progress-box" hidden>
<label for="bar">Progress</label>
<progress id="bar" max="100" value="0"></progress>
<p id="status" role="status" aria-live="polite"></p>
</div>
<div id="error" role="alert" tabindex="-1" hidden></div>
<section id="result" aria-labelledby="result-heading" hidden>
<h2 id="result-heading" tabindex="-1">Report</h2>
<p id="verdict"></p>
<ul id="warnings" aria-label="Warnings" hidden></ul>
<ul class="downloads" aria-label="Downloads">
<li><a id="dl-html" target="_blank" rel="noopener">Open the report in its own page</a></li>
<li><a id="dl-md" download>Download Markdown</a></li>
<li><a id="dl-json" download>Download JSON</a></li>
<li><a id="dl-claimreview" download>Download ClaimReview</a></li>
</ul>
<iframe id="report" sandbox="allow-popups allow-popups-to-escape-sandbox" title="Report"></iframe>
</section>
</main>
<footer><p class="hint">Verity ${escapeHtml(ENGINE_VERSION)}</p></footer>
<script nonce="${n}">${SCRIPT}</script>
</body>
</html>
`;
}
