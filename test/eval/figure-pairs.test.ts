import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isVerityError } from '../../src/errors.js';
import type { FigureStatement, MeaningRelation } from '../../src/evidence/figures/figure-meaning.js';
import { figurePairFigures, runFigurePairs } from '../../src/eval/suites/figure-pairs.js';
import { parseFigurePairs, readFigurePairs } from '../../src/eval/suites/figure-pairs-file.js';
import { evidenceSentence, runFigurePairsShared, selectSharedFigurePairs } from '../../src/eval/suites/figure-pairs-shared.js';
import { figureValues } from '../../src/eval/suites/figure-values.js';
import { runCli } from '../helpers/run-cli.js';

const FIXTURE = 'test/fixtures/eval/figure-pairs.jsonl';
const SHARED = 'test/fixtures/eval/figure-shared';

// A scripted comparison: the answer for each fixture pair, chosen so every figure below is known.
//   t-1 same → same           t-2 paraphrase → paraphrase          t-3 paraphrase → different-predicate
//   t-4 different-predicate → paraphrase   t-5 different-period → different-period
//   t-6 conflicting-value → unrelated      t-7 narrower → narrower  t-8 unrelated → same
const ANSWERS: Record<string, MeaningRelation> = {
  'Ostrava Lane clinic treated 640 patients in May.': 'same',
  "A quarter of Dunmore's shops closed in 2024.": 'paraphrase',
  "Dunmore's courts heard 90 of 120 appeals in public.": 'different-predicate',
  '8,000 fans watched the Dunmore final.': 'paraphrase',
  'The Dunmore lake warmed 1.5 degrees since 1990.': 'different-period',
  'Support for the Dunmore mayor rose 4%.': 'unrelated',
  "Dunmore's hospital admitted 300 children last winter.": 'narrower',
  "Dunmore's statute book has 75 chapters.": 'same',
};
const scripted = (claim: FigureStatement): { relation: MeaningRelation; reason: string } => ({ relation: ANSWERS[claim.sentence]!, reason: 'scripted' });

test('figure-pairs: per-class precision/recall and the confusion table from the answers', () => {
  const r = runFigurePairs({ data: FIXTURE }, scripted);
  assert.equal(r.suite, 'figure-pairs');
  assert.equal(r.n, 8);
  assert.equal(r.accuracy, 0.5); // t-1, t-2, t-5, t-7
  assert.deepEqual(r.perClass.paraphrase, { precision: 0.5, recall: 0.5, f1: 0.5, support: 2 });
  assert.deepEqual(r.perClass.same, { precision: 0.5, recall: 1, f1: 0.6667, support: 1 });
  assert.deepEqual(r.perClass['different-predicate'], { precision: 0, recall: 0, f1: 0, support: 1 });
  assert.equal(r.confusion.paraphrase!['different-predicate'], 1);
  assert.equal(r.confusion['conflicting-value']!.unrelated, 1);
  assert.equal(r.confusion.unrelated!.same, 1);
  const wrong = r.extra.wrong as Array<{ id: string }>;
  assert.deepEqual(wrong.map((w) => w.id), ['t-3', 't-4', 't-6', 't-8']);
});

test('figure-pairs: mismatch recall, paraphrase false-mismatch rate, supportive precision, per domain', () => {
  const pairs = readFigurePairs(FIXTURE);
  const f = figurePairFigures(pairs, pairs.map((p) => ANSWERS[p.claim.sentence]!));
  // Gold mismatches t-4, t-5, t-6: t-5 and t-6 are answered as not same/paraphrase.
  assert.deepEqual({ value: f.mismatchRecall.value, hits: f.mismatchRecall.hits, n: f.mismatchRecall.n }, { value: 0.6667, hits: 2, n: 3 });
  assert.deepEqual(f.mismatchRecall.byRelation['different-predicate'], { value: 0, hits: 0, n: 1 });
  assert.deepEqual(f.mismatchRecall.byRelation['different-whole'], { value: 0, hits: 0, n: 0 });
  // Gold paraphrases t-2, t-3: t-3 is called a mismatch.
  assert.deepEqual(f.paraphraseFalseMismatch, { value: 0.5, hits: 1, n: 2 });
  assert.deepEqual(f.supportiveFalseMismatch, { value: 0.3333, hits: 1, n: 3 });
  // Answered same/paraphrase: t-1, t-2, t-4, t-8; of those t-1 and t-2 are.
  assert.deepEqual(f.supportivePrecision, { value: 0.5, hits: 2, n: 4 });
  assert.deepEqual(f.byDomain.health, { value: 1, hits: 2, n: 2 });
  assert.deepEqual(f.byDomain.law, { value: 0, hits: 0, n: 2 });
});

test('figure-pairs: --split keeps the pairs of one split; a pair without one is dev', () => {
  assert.equal(runFigurePairs({ data: FIXTURE, split: 'dev' }, scripted).n, 6);
  const held = runFigurePairs({ data: FIXTURE, split: 'heldout' }, scripted);
  assert.equal(held.n, 2);
  assert.equal(held.accuracy, 0.5);
  assert.throws(() => runFigurePairs({ data: FIXTURE, split: 'test' }, scripted), /--split "test" is not a split.*Fix:/s);
});

test('figure-pairs file: a bad line is an error naming the line, never skipped', () => {
  const good = '{"id":"a","domain":"law","claim":{"sentence":"12 laws passed."},"source":{"sentence":"12 laws were passed."},"relation":"same"}';
  assert.equal(parseFigurePairs(good, 'x.jsonl')[0]!.split, 'dev');
  const bad = (line: string, why: RegExp): void => {
    assert.throws(
      () => parseFigurePairs(`${good}\n${line}`, 'x.jsonl'),
      (e: unknown) => isVerityError(e) && e.code === 'BAD_INPUT' && /"x\.jsonl" line 2/.test(e.message) && why.test(e.message),
    );
  };
  bad(good.replace('"same"', '"similar"'), /"relation" "similar" is not one of/);
  bad(good.replace('"law"', '"weather"'), /"domain" "weather"/);
  bad(good.replace('"12 laws passed."}', '"12 laws passed.","figure":"13"}'), /"claim\.figure" "13" is not in its sentence/);
  bad(good.replace('"source":{"sentence":"12 laws were passed."}', '"source":{}'), /"source" has no "sentence"/);
  bad(good.replace('"relation"', '"split":"test","relation"'), /"split" "test"/);
  bad('[1, 2]', /not a JSON object/);
  bad('{"id":', /is not JSON/);
  bad(good, /repeats the id "a"/);
  assert.throws(() => parseFigurePairs('\n\n', 'x.jsonl'), /holds no figure pairs/);
  assert.throws(() => readFigurePairs('test/fixtures/eval/no-such.jsonl'), (e: unknown) => isVerityError(e) && e.code === 'NOT_FOUND');
});

test('shared figures: digit figures read plainly, years and glued numbers left out', () => {
  assert.deepEqual(figureValues('COVID-19 killed 1,200 people in 2020, 45% of them in week 3.').map((f) => [f.text, f.value, f.percent]), [['1,200', 1200, false], ['45%', 45, true], ['3', 3, false]]);
  assert.deepEqual(figureValues('CO2 rose; 1.2 million people; 12 percent; the 3rd dose').map((f) => f.value), [1.2e6, 12]);
  const e = evidenceSentence('Masks cut spread by 50%.', ['A trial of 200 pupils ran for a year. Masks cut the spread by 50% in the trial.']);
  assert.deepEqual(e, { sentence: 'Masks cut the spread by 50% in the trial.', correspond: true });
  assert.equal(evidenceSentence('Masks work.', ['Masks cut the spread by 50%.']), null);
});

test('shared pairs: the selection rules per gold label, and the corpora not found', () => {
  const s = selectSharedFigurePairs(SHARED);
  assert.deepEqual(s.missing, ['check-covid']);
  assert.deepEqual(s.pairs.map((p) => [p.corpus, p.label, p.gold, p.correspond]), [
    ['scifact', 'not_entailment', 'not-supportive', false],
    ['climate-fever', 'SUPPORTS', 'supportive', true],
    ['climate-fever', 'REFUTES', 'not-supportive', false],
    ['climate-fever', 'NOT_ENOUGH_INFO', 'not-supportive', true],
    ['healthver', 'Supports', 'supportive', true],
  ]);
  assert.deepEqual(s.counts['climate-fever'], { read: 6, withFigures: 5, supportWithoutMatch: 1, neutralWithoutMatch: 1, unknownLabel: 0 });
  assert.deepEqual(s.counts.healthver, { read: 2, withFigures: 1, supportWithoutMatch: 0, neutralWithoutMatch: 0, unknownLabel: 0 });
  assert.throws(() => selectSharedFigurePairs('test/fixtures/eval/rte'), /none of the shared benchmarks is under/);
});

test('shared pairs: supportive precision/recall from the answers', () => {
  const r = runFigurePairsShared({ data: SHARED }, () => ({ relation: 'paraphrase', reason: 'scripted' }));
  assert.equal(r.n, 5);
  assert.equal(r.accuracy, 0.4);
  assert.deepEqual(r.perClass.supportive, { precision: 0.4, recall: 1, f1: 0.5714, support: 2 });
  assert.deepEqual(r.perClass['not-supportive'], { precision: 0, recall: 0, f1: 0, support: 3 });
  assert.deepEqual(r.extra.relations, { paraphrase: 5 });
});

test('verity eval figure-pairs and figure-pairs-shared through the CLI', async () => {
  const j = await runCli(['eval', 'figure-pairs', '--data', FIXTURE, '--split', 'heldout', '--json']);
  assert.equal(j.code, 0, j.stderr);
  const r = JSON.parse(j.stdout) as { n: number; confusion: Record<string, Record<string, number>>; extra: { split: string; mismatchRecall: unknown } };
  assert.equal(r.n, 2);
  assert.equal(r.extra.split, 'heldout');
  assert.ok(r.extra.mismatchRecall);
  assert.equal(Object.values(r.confusion).reduce((a, row) => a + Object.values(row).reduce((x, y) => x + y, 0), 0), 2);
  const text = await runCli(['eval', 'figure-pairs', '--data', FIXTURE]);
  assert.equal(text.code, 0, text.stderr);
  assert.match(text.stdout, /figure-pairs: 8 items/);
  assert.match(text.stdout, /mismatch recall .*\(\d+\/3\)/);
  assert.match(text.stdout, /paraphrase false-mismatch rate .*\(\d+\/2\)/);
  const shared = await runCli(['eval', 'figure-pairs-shared', '--data-root', SHARED]);
  assert.equal(shared.code, 0, shared.stderr);
  assert.match(shared.stdout, /figure-pairs-shared: 5 items/);
  assert.match(shared.stdout, /not found under the data root: check-covid/);
  const wrongSuite = await runCli(['eval', 'healthver', '--data', SHARED, '--split', 'dev']);
  assert.equal(wrongSuite.code, 2);
  assert.match(wrongSuite.stderr, /--split is for figure-pairs/);
});
