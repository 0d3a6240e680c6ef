// Dates against the cited source (docs/audit.md, "Dates against the cited source"): the planted
// wrong dates of test/fixtures/audit-dates are flagged with the source's sentence as the quote;
// the right dates at a coarser precision, other events, vague, relative and several dates are not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { corpus } from '../helpers.js';
import { annotateHtml, annotateMarkdown, auditArticle, auditJson, readArticle } from '../../../src/audit/index.js';
import type { AuditClaim, AuditResult } from '../../../src/audit/index.js';
import { ARTICLE, CONTROLS, HANDBOOK, PLANTED, TREATY } from '../../fixtures/audit-dates/corpus.js';

function describe(c: AuditClaim): string {
  return `${c.text}\n  ${c.status}: ${c.flags.map((f) => `${f.kind}: ${f.message}`).join('\n  ') || 'no flag'}`;
}

function claimWith(r: AuditResult, phrase: string): AuditClaim {
  const c = r.claims.find((x) => x.text.includes(phrase));
  assert.ok(c, `no claim holds "${phrase}":\n${r.claims.map((x) => x.text).join('\n')}`);
  return c;
}

const article = readArticle(ARTICLE, 'md');
const result = (async () => {
  const store = await corpus([HANDBOOK, TREATY]);
  try {
    return await auditArticle(store, article, { now: () => 0 });
  } finally {
    await store.close();
  }
})();

for (const p of PLANTED) {
  test(`a wrong date is flagged: "${p.phrase}"`, async () => {
    const c = claimWith(await result, p.phrase);
    const flags = c.flags.filter((f) => f.kind === 'date-source-mismatch');
    assert.equal(flags.length, 1, describe(c));
    const f = flags[0]!;
    assert.ok(f.message.includes(`"${p.article}"`) && f.message.includes(`"${p.source}"`), f.message);
    assert.equal(f.evidence.length, 1);
    assert.ok(f.evidence[0]!.text.includes(p.source), `the quote is the source sentence with the conflicting date: ${f.evidence[0]!.text}`);
    assert.equal(f.evidence[0]!.from, 'source');
    assert.equal(c.status, 'contradicted', describe(c));
    // The date mismatch explains the contradiction: no second flag says it again.
    assert.ok(!c.flags.some((x) => x.kind === 'contradicted'), describe(c));
  });
}

test('dates at a coarser precision, other events, vague, relative and several dates get no date flag', async () => {
  const r = await result;
  for (const phrase of CONTROLS) {
    const c = claimWith(r, phrase);
    assert.ok(!c.flags.some((f) => f.kind === 'date-source-mismatch'), describe(c));
  }
  assert.equal(r.summary.byKind['date-source-mismatch'], PLANTED.length, r.claims.map(describe).join('\n'));
});

test('the date flag is shown in Markdown, HTML and JSON like the other flags', async () => {
  const r = await result;
  const md = annotateMarkdown(article, r);
  assert.match(md, /<mark>The first edition of the Coastal Survey Handbook was released in 2008 \[1\]\.<\/mark><sup>A\d+<\/sup>/);
  assert.match(md, /> \*\*A\d+ · date-source-mismatch:\*\* The article dates it \(released\) "2008"; the cited source \[1\] says "6 April 2006"/);
  const html = annotateHtml(article, r);
  assert.match(html, /date-source-mismatch/);
  assert.match(html, /<mark class="flag"[^>]*>The Harbour Treaty was signed in Lisbon on 21 June 1998/);
  const json = JSON.parse(JSON.stringify(auditJson(r))) as { claims: Array<{ text: string; flags: Array<{ kind: string; evidence: Array<{ text: string; ref?: number }> }> }>; summary: { byKind: Record<string, number> } };
  const wrong = json.claims.find((c) => c.text.includes('21 June 1998'));
  const flag = wrong?.flags.find((f) => f.kind === 'date-source-mismatch');
  assert.ok(flag, JSON.stringify(wrong));
  assert.equal(flag.evidence[0]?.ref, 2);
  assert.match(flag.evidence[0]?.text ?? '', /12 June 1998/);
  assert.equal(json.summary.byKind['date-source-mismatch'], PLANTED.length);
});
