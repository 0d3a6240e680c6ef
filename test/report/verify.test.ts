import { test } from 'node:test';
import assert from 'node:assert/strict';
import { verifySentence, verifyReport, stripCitations } from '../../src/report/verify.js';
import { findArithmetic } from '../../src/report/arithmetic.js';
import type { ReportDraft } from '../../src/report/draft.js';

const SURVEY = {
  text:
    'The ninth edition of the review finds that 140 of the 196 countries reviewed criminalize simple possession of child sexual abuse material. ' +
    'Only 32 countries require internet service providers to report suspected material.',
};
const REMAINDER = {
  text: 'Of the 62 countries with some legislation, 38 countries do not criminalize possession without regard to the intent to distribute.',
};

test('a sentence taken from its cited passage passes', () => {
  const r = verifySentence('According to the review, 140 of the 196 countries reviewed criminalize simple possession of child sexual abuse material [1].', [SURVEY]);
  assert.equal(r.verified, true, r.why);
  assert.match(r.why, /supported/);
});

test('a planted unsupported sentence fails and says which terms are missing', () => {
  const r = verifySentence('Most countries also ban cartoon depictions and drawings of minors [1].', [SURVEY]);
  assert.equal(r.verified, false);
  assert.match(r.why, /unsupported: only \d+% of its terms/);
  assert.match(r.why, /cartoon/);
});

test('a planted wrong figure fails', () => {
  const r = verifySentence('According to the review, 150 of the 196 countries reviewed criminalize simple possession of child sexual abuse material [1].', [SURVEY]);
  assert.equal(r.verified, false);
  assert.match(r.why, /figure "150[^"]*"/);
});

test('a right number that counts something else fails', () => {
  const r = verifySentence('The review finds that 32 countries criminalize simple possession of child sexual abuse material [1].', [SURVEY]);
  assert.equal(r.verified, false);
  assert.match(r.why, /figure "32[^"]*"/);
});

test('a dropped negation is caught', () => {
  const r = verifySentence('Of the 62 countries with some legislation, 38 countries criminalize possession without regard to the intent to distribute [2].', [REMAINDER]);
  assert.equal(r.verified, false);
  assert.match(r.why, /negation conflict/);
});

test('a sentence with no citation fails', () => {
  const r = verifySentence('140 of the 196 countries reviewed criminalize simple possession.', []);
  assert.equal(r.verified, false);
  assert.match(r.why, /no citation/);
});

test('stated arithmetic is recomputed: right passes, wrong fails', () => {
  const good = verifySentence('Of the 196 countries reviewed, 196 − 140 = 56 countries are outside the count of those that criminalize simple possession [1].', [SURVEY]);
  assert.equal(good.verified, true, good.why);
  const bad = verifySentence('Of the 196 countries reviewed, 196 − 140 = 66 countries are outside the count of those that criminalize simple possession [1].', [SURVEY]);
  assert.equal(bad.verified, false);
  assert.match(bad.why, /arithmetic "196 − 140 = 66" is wrong: it comes to 56/);
});

test('findArithmetic reads separators and operators', () => {
  const [a] = findArithmetic('so 1,200 + 34 = 1,234 in all');
  assert.ok(a);
  assert.equal(a.computed, 1234);
  assert.equal(a.correct, true);
  assert.equal(stripCitations('x [1][2] y [3].'), 'x y.');
});

function draft(): ReportDraft {
  return {
    schemaVersion: 1,
    input: 'Which countries criminalize possession?',
    kind: 'question',
    title: 'Fact check: Which countries criminalize possession?',
    verdict: null,
    summary: [
      { text: 'According to the review, 140 of the 196 countries reviewed criminalize simple possession of child sexual abuse material [1].', citations: [1], passageIds: ['p1'] },
      { text: 'According to the review, 150 of the 196 countries reviewed criminalize simple possession of child sexual abuse material [1].', citations: [1], passageIds: ['p1'] },
    ],
    findings: [
      {
        headline: 'Most countries reviewed criminalize simple possession',
        sentences: [
          { text: 'Of the 62 countries with some legislation, 38 countries do not criminalize possession without regard to the intent to distribute [2].', citations: [2], passageIds: ['p2'] },
          { text: 'Possession is punished by death in every country [2].', citations: [2], passageIds: ['p2'] },
        ],
      },
    ],
    gaps: [
      { text: 'The counts come from a survey by the Example Centre [1].', citations: [1], passageIds: [], basis: 'metadata' },
      { text: 'No source read addresses fictional material.', citations: [], passageIds: [], basis: 'absence' },
      { text: 'A source we never listed says so [9].', citations: [9], passageIds: ['p1'] },
    ],
    perspectives: [{ text: 'Both sources are ngo surveys [1][2].', citations: [1, 2], passageIds: [], basis: 'metadata' }],
    figures: [],
    sources: [
      { n: 1, id: 's1', title: 'Global review of laws', publisher: 'Example Centre', date: '2018-12-06', uri: 'https://example.org/1', kind: 'ngo' },
      { n: 2, id: 's2', title: 'Remainder table', publisher: 'Example Centre', date: '2018-12-06', uri: 'https://example.org/2', kind: 'ngo' },
    ],
    provenance: { engine: 'verity', engineVersion: '0', analyst: 'rules', corpusSnapshot: 'x', createdAt: '2026-01-01T00:00:00.000Z', timingsMs: {}, warnings: [] },
  };
}

test('verifyReport marks every sentence and says why', () => {
  const passages = new Map([
    ['p1', SURVEY],
    ['p2', REMAINDER],
  ]);
  const report = verifyReport(draft(), passages);
  const verdicts = [
    ...report.summary,
    ...report.findings.flatMap((f) => f.sentences),
    ...report.gaps,
    ...report.perspectives,
  ].map((s) => s.verified);
  assert.deepEqual(verdicts, [true, false, true, false, true, true, false, true]);
  assert.match(report.summary[1]?.why ?? '', /figure/);
  assert.match(report.findings[0]?.sentences[1]?.why ?? '', /unsupported/);
  assert.match(report.gaps[2]?.why ?? '', /cites \[9\], which is not in the sources list/);
  for (const s of report.summary) assert.equal(typeof s.why, 'string');
});

test('a metadata sentence with a figure it cannot recompute fails', () => {
  const d = draft();
  d.perspectives = [{ text: 'Seven sources are ngo surveys [1][2].', citations: [1, 2], passageIds: [], basis: 'metadata' }];
  const report = verifyReport(d, new Map());
  assert.equal(report.perspectives[0]?.verified, false);
});

test('a figure quoted as the source writes it verifies, however the reader parses it', () => {
  const passage = 'The survey estimates that of the 2.1 million affected renters, nearly one-fifth, or 20%, of households live alone, while about 49% share a flat.';
  assert.equal(verifySentence(passage, [{ text: passage }]).verified, true);
  // "20%" counts percent in the passage too: its unit is its own word.
  const p2 = 'Nearly 20% of the 2.1 million renters affected by these changes live alone, the survey found.';
  assert.equal(verifySentence(p2, [{ text: p2 }]).verified, true);
  // Not verbatim and not saying what it counts: still refused.
  assert.equal(verifySentence('Nearly one-fifth, or 20%, moved away.', [{ text: passage }]).verified, false);
});
