import { test } from 'node:test';
import assert from 'node:assert/strict';
import { claimReview, parseReportJson, renderHtml, renderJson, renderMarkdown, renderReport } from '../../src/report/index.js';
import { sampleReport } from '../fixtures/check/sample-report.js';

test('Markdown follows the house order and flags an unverified sentence visibly', () => {
  const md = renderMarkdown(sampleReport());
  const order = ['# Fact check: Ruritania', '**Verdict: Supported** (confidence 0.82)', '## Executive summary', '## 1. Possession is an offence', '## 2. Counts of countries', '## 3. Where the evidence leaves gaps', '## 4. Competing perspectives', '## Figures', '## Sources', '_Made by verity 0.1.0'];
  let at = -1;
  for (const part of order) {
    const i = md.indexOf(part);
    assert.ok(i > at, `${part} out of order`);
    at = i;
  }
  assert.match(md, /such images \[2\]\. \*\*⚠ unverified: unsupported: only 40%/);
  assert.match(md, /\\<script\\>/, 'markup in text is escaped');
  assert.match(md, /\| 30 of the 50 countries \| criminalize simple possession of banned images \| 50 \| \[3\] \| \*\*no\*\* \|/);
  assert.match(md, /\[4\] Definitions of banned images — Example University Law Review, undated\./);
});

test('JSON carries every field with schemaVersion and reads back; a newer version is refused', () => {
  const text = renderJson(sampleReport());
  assert.deepEqual(parseReportJson(text), sampleReport());
  const keys = Object.keys(JSON.parse(text) as object);
  for (const k of ['schemaVersion', 'input', 'kind', 'verdict', 'summary', 'findings', 'gaps', 'perspectives', 'figures', 'sources', 'provenance']) assert.ok(keys.includes(k), k);
  const newer = text.replace('"schemaVersion": 1', '"schemaVersion": 99');
  assert.throws(() => parseReportJson(newer, 'r.json'), /r\.json has schemaVersion 99; this build reads up to 1\. Fix: upgrade verity/);
  assert.throws(() => parseReportJson('{', 'r.json'), /r\.json is not JSON/);
});

test('ClaimReview describes the verdict of a claim and refuses a question', () => {
  const ld = claimReview(sampleReport());
  assert.equal(ld['@type'], 'ClaimReview');
  assert.deepEqual(ld.reviewRating, { '@type': 'Rating', ratingValue: 3, bestRating: 3, worstRating: 1, alternateName: 'Supported', ratingExplanation: sampleReport().verdict?.reason });
  assert.ok(!String(ld.reviewBody).includes('alert'), 'unverified sentences stay out of the review body');
  const q = { ...sampleReport(), kind: 'question' as const, verdict: null };
  assert.throws(() => claimReview(q), /verity: \[report\] ClaimReview describes a verdict on a claim/);
});

test('HTML escapes every value and never links a non-http URI', () => {
  const html = renderHtml(sampleReport());
  assert.ok(!html.includes('<script>'));
  assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
  assert.ok(html.includes('Global Law Survey 2020 &amp; &quot;friends&quot;'));
  assert.ok(!html.includes('href="javascript:'));
  assert.match(html, /<a class="cite" href="#source-2">\[2\]<\/a>/);
  // web sources open in a new tab (a framed report may not navigate away); anchors stay in the page
  assert.match(html, /<a href="https:\/\/example\.org\/survey" target="_blank" rel="noopener noreferrer">/);
  assert.match(html, /<li id="source-4">\[4\] <a href="#source-4">/);
  assert.throws(() => renderReport(sampleReport(), 'pdf'), /unknown format "pdf"/);
});

test('HTML says what the verdict confidence means, with its own figure', () => {
  const html = renderHtml(sampleReport());
  assert.match(html, /<p class="confidence-note">What the confidence means: the estimated chance that this verdict is right\. Of verdicts given with confidence 0\.82, about 82 in 100 proved right/);
  const q = renderHtml({ ...sampleReport(), kind: 'question' as const, verdict: null });
  assert.ok(!q.includes('confidence-note">'), 'a question has no verdict and no note');
});

test('the source list names a blog or social post and a source whose kind nothing told', () => {
  const base = sampleReport();
  const r = { ...base, sources: base.sources.map((s, i) => (i === 1 ? { ...s, kind: 'blog' as const } : i === 2 ? { ...s, kind: 'unknown' as const } : i === 3 ? { ...s, kind: 'company' as const } : s)) };
  const md = renderMarkdown(r);
  assert.match(md, /\(blog or social media\)/);
  assert.match(md, /\(kind unknown\)/);
  assert.match(md, /\(company\)/);
  const html = renderHtml(r);
  assert.match(html, /<span class="kind">blog or social media<\/span>/);
  assert.match(html, /<span class="kind">kind unknown<\/span>/);
});
