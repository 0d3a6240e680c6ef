// Which places a sentence names as its subject, and which of those do what a facet asks
// (report/compose/compose-named.ts): precise before broad.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Judgement, Passage, Source } from '../../src/model.js';
import { candidatesFor } from '../../src/report/compose/candidates.js';
import { namedCandidates, placeSubject } from '../../src/report/compose/compose-named.js';
import type { FacetEvidence } from '../../src/report/compose/compose-input.js';
import { answerTypeOf } from '../../src/text/index.js';

const subjects = (s: string): string[] | null => placeSubject(s)?.places.map((p) => p.name) ?? null;

test('a place is a subject when the sentence opens with it (or a list of places) and goes on with a verb', () => {
  assert.deepEqual(subjects('Canada bans mere possession of fireworks.'), ['Canada']);
  assert.deepEqual(subjects('United States federal law makes simple possession of child sexual abuse material a crime.'), ['United States']);
  assert.deepEqual(subjects("France's penal code punishes possession."), ['France']);
  assert.deepEqual(subjects('In Germany, federal law bans mere possession of fireworks.'), ['Germany']);
  assert.deepEqual(subjects('Under the law of Japan, possession is an offence.'), ['Japan']);
  assert.deepEqual(subjects('Canada, Germany and Japan ban mere possession of fireworks.'), ['Canada', 'Germany', 'Japan']);
});

test('a list after the verb, a list in brackets, a case caption or a name used as a modifier is no subject', () => {
  assert.equal(subjects('Those 5 countries were Australia, Belgium, France, South Africa and the United States.'), null);
  assert.equal(subjects("Of those 27, 5 countries (Australia, Belgium, France, South Africa and the United States) met every criterion of ICMEC's model legislation."), null);
  assert.equal(subjects('France (with Belgium) met every criterion.'), null);
  assert.equal(subjects('United States v. Williams upheld the statute.'), null);
  assert.equal(subjects('United States Supreme Court precedent protects some private possession.'), null);
  assert.equal(subjects('In Germany the rules differ'), null); // "In X" needs the clause after a comma
});

const source = (id: string, title: string): Source => ({
  id,
  uri: `https://example.org/${id}`,
  title,
  publisher: 'Example Law Library',
  author: null,
  publishedAt: '2023-01-01',
  kind: 'legislation',
  language: 'en',
  license: null,
  retrievedAt: '2026-01-01T00:00:00.000Z',
  textLength: 0,
});

function judged(id: string, text: string): Judgement {
  const passage: Passage = { id: `${id}#0`, sourceId: id, ordinal: 0, text, start: 0, end: text.length };
  return { claim: '', passage, source: source(id, `Law ${id}`), stance: 'neutral', strength: 0.5, relevance: 1, reasons: [] };
}

const QUESTION = 'Which countries ban mere possession of fireworks versus only their sale?';
const facetA: Omit<FacetEvidence, 'judgements'> = { id: 'f1', role: 'does-a', label: 'Which countries ban mere possession of fireworks', claim: 'countries ban mere possession of fireworks', retrieve: true, focus: ['mere', 'possession'], verdict: null };
const facetB: Omit<FacetEvidence, 'judgements'> = { id: 'f2', role: 'does-b-only', label: 'Which countries ban sale only, not mere possession', claim: 'countries do not ban possession of fireworks, only ban sale of fireworks', retrieve: true, focus: ['possession', 'sale'], verdict: null };

function named(facet: Omit<FacetEvidence, 'judgements'>, judgements: Judgement[]): string[] {
  const answer = answerTypeOf(QUESTION);
  assert.ok(answer);
  const f: FacetEvidence = { ...facet, judgements };
  const pool = candidatesFor(judgements, { facetId: f.id, claim: f.claim, focus: f.focus, negation: 0 });
  return namedCandidates(pool, f, answer).flatMap((n) => n.places.map((p) => p.name)).sort();
}

const LAWS = [
  judged('ca', 'Canada bans mere possession of fireworks by private persons, as well as their sale and use.'),
  judged('de', 'In Germany, federal law bans mere possession of fireworks by private persons outside the new year period.'),
  judged('jp', 'Japan bans mere possession of fireworks by private persons and punishes it with a fine.'),
  judged('td', 'Chad bans the sale of fireworks to private persons but does not ban their possession.'),
  judged('nj', 'New Jersey bans mere possession of fireworks by private persons under its state law.'),
  judged('xx', 'Those 5 countries were Australia, Belgium, France, Kenya and Peru, and each bans mere possession of fireworks.'),
];

test('three countries doing A are named for A, the one doing only B for B; the US state and the list after a verb are not', () => {
  assert.deepEqual(named(facetA, LAWS), ['Canada', 'Germany', 'Japan']);
  assert.deepEqual(named(facetB, LAWS), ['Chad']);
});

test('a sentence naming countries for another predicate names nobody', () => {
  const other = [judged('zz', 'Australia, Belgium and France met every criterion of the model fireworks law.'), judged('yy', 'Kenya reviewed its fireworks laws in 2020 and kept mere possession of fireworks legal.')];
  assert.deepEqual(named(facetA, other), []);
  assert.deepEqual(named(facetB, other), []);
});

test('a question for US states lists the state and not the countries', () => {
  const answer = answerTypeOf('Which states ban mere possession of fireworks?');
  assert.ok(answer);
  const f: FacetEvidence = { ...facetA, judgements: LAWS };
  const pool = candidatesFor(LAWS, { facetId: f.id, claim: f.claim, focus: f.focus, negation: 0 });
  assert.deepEqual(namedCandidates(pool, f, answer).flatMap((n) => n.places.map((p) => p.name)), ['New Jersey']);
});
