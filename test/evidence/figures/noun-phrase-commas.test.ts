// A comma between coordinate adjectives ("the once remote, 900-acre western marsh") joins two
// descriptions of one noun: it must not cut a figure off from what it is said of, nor make a
// described place look like a narrower set.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareFigureStatements } from '../../../src/evidence/figures/figure-meaning.js';
import { judgePair } from '../../../src/evidence/index.js';
import { readFigureMeanings } from '../../../src/text/figures/figure-meaning.js';
import { coordinateAdjectives, isAdjectiveComma } from '../../../src/text/figures/figure-commas.js';

const claim = 'About two-thirds of the shallow-water coral on the northern stretch of the reef died in 2016.';

test('a comma between coordinate adjectives is read as inside the noun phrase, other commas are not', () => {
  const s = 'Divers found that about two-thirds of the shallow-water coral in the once untouched, 400-mile northern stretch of the reef had died.';
  assert.equal(isAdjectiveComma(s, s.indexOf(',')), true);
  assert.deepEqual(coordinateAdjectives(s), ['once', 'untouched', '400-mile', 'mile']);
  const list = 'The council repaired 40 bridges, 12 tunnels and 300 culverts.';
  assert.equal(isAdjectiveComma(list, list.indexOf(',')), false);
  const clause = 'The old harbour was busy, the port authority said.';
  assert.equal(isAdjectiveComma(clause, clause.indexOf(',')), false);
  const appositive = 'Maria Lenz, the chief engineer, said 30 sites closed.';
  assert.equal(isAdjectiveComma(appositive, appositive.indexOf(',')), false);
});

test("a figure keeps the words after an adjective comma: its place is not lost to the size figure's clause", () => {
  const reading = readFigureMeanings('Divers found that about two-thirds of the shallow-water coral in the once untouched, 400-mile northern stretch of the reef had died.');
  const share = reading.figures.find((f) => f.figure.text === 'about two-thirds');
  assert.ok(share);
  for (const w of ['northern', 'stretch', 'reef']) assert.ok(share.said.includes(w), `${w} in ${share.said.join(' ')}`);
  // The adjectives describe the stretch; they do not restrict which coral is counted.
  assert.ok(!share.restriction.some((w) => w === 'once' || w === 'untouched'), share.restriction.join(' '));
});

test('the same share said of a place described with coordinate adjectives restates the claim', () => {
  const source = 'Divers found that in 2016 about two-thirds of the shallow-water coral in the once untouched, 400-mile northern stretch of the reef died.';
  assert.equal(compareFigureStatements({ sentence: claim }, { sentence: source }).relation, 'paraphrase');
  assert.equal(judgePair(claim, source).stance, 'supports');
  // The place written first, set off by its own comma: the share after it still counts that place's coral.
  const fronted = 'In the previously pristine, 430-mile northern stretch of the reef, about two-thirds of the shallow-water coral died in 2016.';
  assert.equal(compareFigureStatements({ sentence: claim }, { sentence: fronted }).relation, 'paraphrase');
  // The phrase opened by a possessive ("the reef's once untouched, 400-mile northern stretch"), the state said for the event.
  const possessive = "About two-thirds of the shallow-water coral on the reef's once untouched, 400-mile northern stretch is dead, the divers said.";
  assert.equal(compareFigureStatements({ sentence: "About two-thirds of the shallow-water coral on the reef's northern stretch died in 2016." }, { sentence: possessive }).relation, 'paraphrase');
  // Another subject, same form: the wetland's birds.
  const birds = 'Roughly 40% of the wading birds in the eastern wetland left in 2021.';
  const wetland = compareFigureStatements({ sentence: birds }, { sentence: 'Counts showed that in 2021 roughly 40% of the wading birds in the remote, 1,200-hectare eastern wetland left.' }).relation;
  assert.ok(wetland === 'same' || wetland === 'paraphrase', wetland);
});

test('an adjective written without the comma, or a real restriction, still narrows the set', () => {
  // "private" picks out some clinics: no comma, no coordination.
  const r = compareFigureStatements({ sentence: '30% of the clinics in Northvale closed in 2022.' }, { sentence: '30% of the private clinics in Northvale closed in 2022.' });
  assert.notEqual(r.relation, 'paraphrase');
  assert.notEqual(r.relation, 'same');
  // "of the reef," closing a place phrase is not "Of the patients treated, 1,450 …": only the latter names a set the figure is part of.
  assert.equal(readFigureMeanings('The clinic said that of the patients treated in March, 1,450 recovered.').figures[0]?.subset, true);
  assert.equal(readFigureMeanings('Of the patients treated in March, 1,450 recovered.').figures[0]?.subset, true);
  assert.equal(readFigureMeanings('In the northern stretch of the reef, two-thirds of the coral died.').figures[0]?.subset, false);
});
