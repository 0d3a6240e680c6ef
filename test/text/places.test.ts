// The gazetteer's reader (text/words/places.ts) and the answer type of a which-question (text/words/answer-type.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { answerTypeOf, namedPlaces } from '../../src/text/index.js';

const read = (text: string): string[] => namedPlaces(text).map((p) => `${p.name}/${p.kind}`);

test('short forms read as their country: the US, U.S., USA, the UK, Britain, Holland', () => {
  assert.deepEqual(read('The US, the U.S. and the USA.'), ['United States/country', 'United States/country', 'United States/country']);
  assert.deepEqual(read('The UK and Great Britain, Britain and Holland.'), ['United Kingdom/country', 'United Kingdom/country', 'United Kingdom/country', 'Netherlands/country']);
  // "us" the pronoun is not the US.
  assert.deepEqual(read('Tell us what the law says.'), []);
});

test('"the Netherlands" is read with its span on the name; offsets map back to the text', () => {
  const text = 'Possession is a crime in the Netherlands.';
  const [p] = namedPlaces(text);
  assert.ok(p);
  assert.equal(p.name, 'Netherlands');
  assert.equal(text.slice(p.start, p.end), 'Netherlands');
});

test('Niger is not read inside Nigeria, nor Mexico inside New Mexico, nor Guinea inside Guinea-Bissau', () => {
  assert.deepEqual(read('Niger and Nigeria.'), ['Niger/country', 'Nigeria/country']);
  assert.deepEqual(read('Nigeria alone.'), ['Nigeria/country']);
  assert.deepEqual(read('New Mexico and Mexico.'), ['New Mexico/us-state', 'Mexico/country']);
  assert.deepEqual(read('Guinea-Bissau and Papua New Guinea.'), ['Guinea-Bissau/country', 'Papua New Guinea/country']);
});

test('names that contain a place but are not it: Northern Ireland, South Australia, New York City', () => {
  assert.deepEqual(read('Northern Ireland, South Australia and New York City.'), []);
  assert.deepEqual(read('Ireland and Australia.'), ['Ireland/country', 'Australia/country']);
});

test('Georgia is the country unless the text says it is the US state', () => {
  assert.deepEqual(read('Georgia criminalises possession.'), ['Georgia/country']);
  assert.deepEqual(read('The State of Georgia criminalises possession.'), ['Georgia/us-state']);
  assert.deepEqual(read('Georgia state law criminalises possession.'), ['Georgia/us-state']);
  assert.deepEqual(read('Atlanta, Georgia, USA.'), ['Georgia/us-state', 'United States/country']);
  assert.deepEqual(read('Texas, Georgia and Ohio criminalise possession.'), ['Texas/us-state', 'Georgia/us-state', 'Ohio/us-state']);
  assert.deepEqual(read('Armenia, Georgia and Azerbaijan.'), ['Armenia/country', 'Georgia/country', 'Azerbaijan/country']);
});

test('a case caption names a party, not a place; a bare "Washington" is not read', () => {
  assert.deepEqual(read('In United States v. Williams the court held that the statute applies.'), []);
  assert.deepEqual(read('George Washington; Washington State; Washington, D.C.'), ['Washington/us-state', 'District of Columbia/us-state']);
});

test('property: every place read is the text at its offsets, in order, without overlap', () => {
  const words = ['the', 'US', 'Niger', 'Nigeria', 'and', 'Georgia', 'Texas', ',', 'law', 'New', 'Jersey', 'Mexico', 'Northern', 'Ireland', 'v.', 'State', 'of'];
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...words), { maxLength: 14 }), (ws) => {
      const text = ws.join(' ');
      let last = 0;
      for (const p of namedPlaces(text)) {
        assert.equal(text.slice(p.start, p.end), p.text);
        assert.ok(p.start >= last);
        last = p.end;
      }
    }),
  );
});

test('answer types: countries, states, jurisdictions; organisations and cities are recognised without places; counts are not names', () => {
  assert.deepEqual(answerTypeOf('Which countries criminalize possession?'), { noun: 'countries', kind: 'country', places: ['country'] });
  assert.equal(answerTypeOf('What member states ratified the treaty?')?.kind, 'country');
  assert.deepEqual(answerTypeOf('Which states ban fireworks?')?.places, ['us-state']);
  assert.deepEqual(answerTypeOf('In which jurisdictions is it a crime?')?.places, ['country', 'us-state']);
  assert.deepEqual(answerTypeOf('Which organisations track the laws?'), { noun: 'organisations', kind: 'organisation', places: [] });
  assert.equal(answerTypeOf('Which cities ban cars?')?.kind, 'city');
  assert.equal(answerTypeOf('What percentage of countries criminalize possession?'), null);
  assert.equal(answerTypeOf('How many countries criminalize possession?'), null);
  assert.equal(answerTypeOf('Does the Protocol require it?'), null);
});
