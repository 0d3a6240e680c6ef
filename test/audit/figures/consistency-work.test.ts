// Issue 16: the audit of a long article was quadratic in its figures — the cross-article checks
// compared every figure with every other (57 s of CPU for 4,000 sentences, hours for 25,000), and
// a repeated sentence made the same finding once per pair of copies. The checks now compare a
// figure only with figures sharing a word of what it counts, work each pair of statements out once,
// and keep one finding per claim. These tests count that work; speed is measured by
// bench/serve/serve-audit.ts (docs/bench-serve.md), not asserted here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkConsistency } from '../../../src/audit/consistency/across.js';
import type { ArticleFigure, ConsistencyWork } from '../../../src/audit/consistency/across.js';
import { figureSites } from '../../../src/audit/figures.js';

/** The figures of `sentences`, each sentence a claim of its own, in order. */
function figuresOf(sentences: readonly string[]): ArticleFigure[] {
  return sentences.flatMap((s, claim) => figureSites(s).map((site) => ({ ...site, claim })));
}

const PARAGRAPH = [
  'In 2023, 140 countries criminalised possession of the material.',
  'In 2023, 152 countries criminalised possession of the material.',
  'Of these, 62 countries have specific laws on computer-generated images.',
  'In 2023, 70 countries have refined their specific laws on computer-generated images.',
];

/** `copies` copies of the paragraph (a long article of repeated text, as the load tests build). */
function article(copies: number): string[] {
  return Array.from({ length: copies }, () => PARAGRAPH).flat();
}

test('a repeated sentence is compared once per pair of statements, not once per pair of copies', () => {
  const small: ConsistencyWork = { checks: 0 };
  const large: ConsistencyWork = { checks: 0 };
  const few = checkConsistency(figuresOf(article(5)), small);
  const many = checkConsistency(figuresOf(article(60)), large);
  // The copies add no statement: the pairs of figures grow 144-fold (12× the figures), the work must not.
  assert.ok(small.checks > 0);
  assert.ok(large.checks <= small.checks * 2, `${small.checks} checks for 5 copies, ${large.checks} for 60`);
  // The findings are still made: two values for the same quantity, in the first copy and in the last.
  const sameQuantity = (fs: typeof few) => fs.filter((f) => f.message.startsWith('The article gives two values'));
  assert.ok(sameQuantity(few).length > 0, JSON.stringify(few.map((f) => f.message)));
  const lastClaim = article(60).length - 1;
  assert.ok(sameQuantity(many).some((f) => f.claim >= lastClaim - PARAGRAPH.length), 'the last copy is flagged too');
});

test('one finding per claim, value and message opening, however many copies it is found against', () => {
  const findings = checkConsistency(figuresOf(article(40)));
  const keys = findings.map((f) => `${f.claim}:${f.value}:${f.message.slice(0, 40)}`);
  assert.equal(new Set(keys).size, keys.length);
  // Each copy of the second sentence conflicts with every earlier copy of the first; it is said once per claim.
  const second = findings.filter((f) => f.message.startsWith('The article gives two values') && f.value === 152);
  assert.equal(second.length, 40);
});
