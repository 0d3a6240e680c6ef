// The figure-meaning-mismatch flag: an article gives a number its cited source gives too, but the
// source says it of something else (another predicate, period, whole). The flag shows the
// article's wording and the source's; the same number with the same meaning gets no such flag.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { corpus } from '../helpers.js';
import { auditArticle, readArticle } from '../../../src/audit/index.js';
import type { AuditClaim, AuditResult } from '../../../src/audit/index.js';

const REPORT = {
  uri: 'https://health.example.org/northvale-clinics-2023',
  title: 'Northvale clinic inspections 2023',
  text:
    'The health authority inspected 1,200 clinics in Northvale in 2023. Of those, 310 offered the new vaccine.\n\n' +
    'Inspectors found that 26 of Calder\'s 52 districts ban e-scooters on pavements.\n\n' +
    'The authority said 4,312 measles cases were recorded in Northvale in 2023.',
};

const ARTICLE = `# Vaccines in Northvale

In Northvale, 1,200 clinics offer the new vaccine [1]. Across the region, 26 of Calder's 40 districts ban e-scooters [1].
Northvale recorded 4,312 measles cases in 2023 [1].

## References

1. Northvale clinic inspections 2023. https://health.example.org/northvale-clinics-2023
`;

const result: Promise<AuditResult> = (async () => {
  const store = await corpus([REPORT]);
  try {
    return await auditArticle(store, readArticle(ARTICLE, 'md'), { now: () => 0 });
  } finally {
    await store.close();
  }
})();

function claimWith(r: AuditResult, phrase: string): AuditClaim {
  const c = r.claims.find((x) => x.text.includes(phrase));
  assert.ok(c, `no claim holds "${phrase}":\n${r.claims.map((x) => x.text).join('\n')}`);
  return c;
}

const describe = (c: AuditClaim): string => `${c.text}\n  ${c.status}: ${c.flags.map((f) => `${f.kind}: ${f.message}`).join('\n  ') || 'no flag'}`;

test('the same number said of something else in the cited source is a figure-meaning-mismatch, with both wordings', async () => {
  const c = claimWith(await result, '1,200 clinics offer');
  const f = c.flags.find((x) => x.kind === 'figure-meaning-mismatch');
  assert.ok(f, describe(c));
  assert.ok(f.message.includes('"In Northvale, 1,200 clinics offer the new vaccine'), f.message);
  assert.ok(f.message.includes('"The health authority inspected 1,200 clinics in Northvale in 2023.'), f.message);
  assert.match(f.message, /different-predicate/);
  assert.equal(f.evidence[0]?.from, 'source');
  assert.notEqual(c.status, 'supported', describe(c));
});

test('the same number out of another whole is flagged by one figure check, not called supported', async () => {
  const c = claimWith(await result, "26 of Calder's 40 districts");
  assert.ok(c.flags.some((x) => x.kind === 'figure-meaning-mismatch' || x.kind === 'figure-source-mismatch'), describe(c));
  assert.notEqual(c.status, 'supported', describe(c));
});

test('the same number with the same meaning gets no figure-meaning-mismatch', async () => {
  const c = claimWith(await result, '4,312 measles cases');
  assert.ok(!c.flags.some((x) => x.kind === 'figure-meaning-mismatch'), describe(c));
});
