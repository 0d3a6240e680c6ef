import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCsv } from '../../src/eval/records.js';
import { readCheckCovid, readCheckCovidCorpus, readCitationClaims, readCitationCorpus, readClimateFever, readPairs, readWice, stripCitationMarkers } from '../../src/eval/upstream-formats.js';
import { isVerityError } from '../../src/errors.js';

const F = 'test/fixtures/eval';

test('CSV with quotes, doubled quotes and newlines inside cells', () => {
  assert.deepEqual(parseCsv('a,b\n"x, ""y""","line1\nline2"\n'), [['a', 'b'], ['x, "y"', 'line1\nline2']]);
});

test('climate-fever: claims with their evidence sentences and labels', () => {
  const c = readClimateFever(`${F}/climate.jsonl`);
  assert.equal(c.length, 3);
  assert.equal(c[0]!.gold, 'SUPPORTS');
  assert.equal(c[0]!.evidences.length, 2);
  assert.equal(c[0]!.evidences[1]!.gold, 'NOT_ENOUGH_INFO');
});

test('a folder means every claims file in it; repeated claims are read once; the corpus file is skipped', () => {
  const c = readCheckCovid(`${F}/check-covid`);
  assert.deepEqual(c.map((x) => x.id).sort(), ['c1_0', 'c2_0', 'c3_0']);
  assert.deepEqual(c.find((x) => x.id === 'c1_0')!.evidence, [1]);
  const corpus = readCheckCovidCorpus(`${F}/check-covid/abstracts.json`);
  assert.equal(corpus.length, 3);
  assert.equal(corpus[0]!.sentences[1], 'Our assay detects SARS-CoV-2 in saliva samples within 30 minutes.');
});

test('wice, citation (SciFact schema) and its corpus', () => {
  const w = readWice(`${F}/wice.jsonl`);
  assert.deepEqual(w.map((x) => x.gold), ['supported', 'partially_supported', 'not_supported']);
  assert.equal(w[0]!.sentences.length, 3);
  const c = readCitationClaims(`${F}/citation/claims.jsonl`);
  assert.deepEqual(c.map((x) => x.gold), ['SUPPORT', 'REFUTE', 'NEI']);
  assert.equal(c[0]!.claim, 'Non-coding RNAs regulate apoptosis in colorectal cancer.');
  assert.deepEqual(c[1]!.docIds, ['200']);
  assert.equal(readCitationCorpus(`${F}/citation/corpus.jsonl`).get('200')!.sentences.length, 2);
  assert.equal(stripCitationMarkers('A claim [<|multi_cit|>] here[<|cit|>].'), 'A claim here.');
});

test('pair formats: HealthVer CSV, FEVER-Symmetric v0.1 and v0.2, RTE TSV (capitalised header)', () => {
  const h = readPairs('healthver', `${F}/healthver.csv`);
  assert.deepEqual(h.map((x) => x.gold), ['Supports', 'Refutes', 'Neutral']);
  assert.equal(h[1]!.evidence, 'Hydroxychloroquine did not reduce\nmortality in hospitalised patients.');
  assert.equal(h[2]!.claim, 'The coronavirus is not of natural origin');
  const f = readPairs('fever-symmetric', F);
  assert.deepEqual(f.map((x) => x.gold), ['SUPPORTS', 'REFUTES', 'SUPPORTS']);
  assert.equal(f[2]!.evidence, 'The Cretaceous ended with a large mass extinction .');
  const r = readPairs('covid-fact', `${F}/rte`);
  assert.deepEqual(r.map((x) => [x.claim, x.gold]), [
    ['Severe covid-19 may be associated with stroke', 'entailment'],
    ['Severe covid-19 may be associated with pneumonia', 'not_entailment'],
  ]);
});

test('wrong or unlabelled input is a clear error naming the file', () => {
  assert.throws(() => readWice(`${F}/climate.jsonl`), (e: unknown) => isVerityError(e) && e.code === 'BAD_INPUT' && e.message.includes('climate.jsonl') && e.message.includes('WiCE'));
  assert.throws(() => readPairs('scifact', `${F}/rte-unlabelled.tsv`), (e: unknown) => isVerityError(e) && /no entailment\/not_entailment label/.test(e.message));
  assert.throws(() => readClimateFever(`${F}/nope.jsonl`), (e: unknown) => isVerityError(e) && e.code === 'NOT_FOUND');
});

test('wice oracle chunks: the rows of one claim are gathered into its chunks', () => {
  const w = readWice(`${F}/wice-oracle/chunks.jsonl`);
  assert.deepEqual(w.map((x) => [x.id, x.gold, x.chunks.length, x.oracle]), [
    ['dev1', 'supported', 2, true],
    ['dev3', 'not_supported', 1, true],
  ]);
});

test('COVID-Fact test.tsv without labels takes them from the claims file (normalised join)', () => {
  const r = readPairs('covid-fact', `${F}/covid-fact-test/test.tsv`, `${F}/covidfact-claims.jsonl`);
  assert.deepEqual(r.map((x) => x.gold), ['entailment', 'not_entailment']);
  assert.throws(() => readPairs('covid-fact', `${F}/covid-fact-test/test.tsv`), (e: unknown) => isVerityError(e) && /--corpus COVIDFACT_dataset.jsonl/.test(e.message));
});
