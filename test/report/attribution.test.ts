// Attribution glue: capitalisation of the quoted sentence, articles before names, and hedges
// that match the evidence (a count is "reported", a statute or treaty text "provides").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { attribute, hedgeVerb, sourceName } from '../../src/report/compose/attribution.js';
import type { Source } from '../../src/model.js';

type Meta = Pick<Source, 'title' | 'publisher' | 'kind' | 'publishedAt'>;
const commentary: Meta = { title: 'A defence reading of parking bylaws', publisher: 'Parking Law Project (sample)', kind: 'legal-commentary', publishedAt: '2025-02-01' };
const treaty: Meta = { title: 'Convention on Urban Mobility (Mobility Convention) — Article 5', publisher: 'Council of Examplish States', kind: 'intergovernmental', publishedAt: '2015-06-01' };
const un: Meta = { title: 'Resolution on town centres', publisher: 'United Nations (General Assembly)', kind: 'intergovernmental', publishedAt: '2010-01-01' };
const survey: Meta = { title: 'Car-free centres survey', publisher: 'Examplestan Urban Institute (EUI)', kind: 'ngo', publishedAt: '2024-03-01' };
const blog: Meta = { title: 'Parking again', publisher: "Jane Roe's blog", kind: 'other', publishedAt: '2024-05-01' };
const statute: Meta = { title: 'Examplestan Traffic Act § 4 — Town centres', publisher: 'Parliament of Examplestan', kind: 'legislation', publishedAt: '2019-05-01' };

test('the first word of a quoted sentence is lower-cased after "that" unless it is a name or a reference', () => {
  const text = 'Commentary on parking usually asks which towns ban cars outright.';
  assert.equal(attribute(text, commentary, text), 'the Parking Law Project (2025) writes that commentary on parking usually asks which towns ban cars outright');
  const article = 'Article 5 lets a Party restrict parking instead of banning cars.';
  assert.match(attribute(article, treaty, article), /provides that Article 5 lets a Party/);
  const named = 'Ruritania bans cars from its capital, and in Ruritania parking is scarce.';
  assert.match(attribute(named, blog, named), /that Ruritania bans cars/);
  const those = 'Those 40 towns include towns with no rules at all.';
  assert.match(attribute(those, survey, those), /reports that those 40 towns include/);
});

test('names of institutions and instruments take "the"; acronyms, possessives and statutes do not', () => {
  assert.equal(sourceName(treaty), 'the Mobility Convention');
  assert.equal(sourceName(un), 'the United Nations');
  assert.equal(sourceName(survey), 'EUI');
  assert.equal(sourceName(blog), "Jane Roe's blog");
  assert.equal(sourceName(statute), 'Examplestan Traffic Act § 4');
  assert.match(attribute('A published opinion concerns the parking amendment.', { title: 'Opinion summary', publisher: 'Examplestan Courts', kind: 'government', publishedAt: null }), /^the Examplestan Courts report that/);
  assert.match(attribute('Delegates discussed parking at length.', un), /^the United Nations \(2010\) states that/);
  assert.equal(sourceName({ title: 'Laws on parking (Parkpedia abstract)', publisher: 'Parkpedia Association', kind: 'reference' }), 'the Parkpedia abstract', 'a document named by its kind takes "the"');
  assert.match(attribute('That conference called for bans on cars in every centre.', un), /^According to the United Nations \(2010\), that conference/);
});

test('hedges match the evidence: a count is reported, a statute or a treaty provides', () => {
  assert.equal(hedgeVerb('38 towns still did not ban cars from their centres.', blog), 'reports');
  assert.equal(hedgeVerb('Parking is hard to find in old towns.', blog), 'states');
  assert.equal(hedgeVerb('80 of the 120 towns ban private cars from their centres.', survey), 'reports');
  assert.equal(hedgeVerb('A town council may ban private cars from its centre.', statute), 'provides');
  assert.equal(hedgeVerb('Article 5 lets a Party restrict parking.', treaty), 'provides');
  assert.equal(hedgeVerb('Delegates discussed parking at length.', un), 'states');
  assert.equal(hedgeVerb('The Convention was adopted in Example City on 1 June 2015.', treaty), 'states', 'a statement about a treaty is not a provision');
  assert.equal(hedgeVerb('Bylaws rarely say how long a ban lasts.', commentary), 'writes');
  assert.match(attribute('80 of the 120 towns ban private cars from their centres.', survey), /^EUI \(2024\) reports that 80 of the 120 towns/);
});

test('a sentence that names its own document takes the source as its subject', () => {
  assert.equal(attribute('The survey reviews the traffic rules of 120 towns in Examplestan.', survey), "EUI's survey (2024) reviews the traffic rules of 120 towns in Examplestan");
  assert.match(attribute('The post says little about parking.', blog), /^Jane Roe's blog \(2024\) states that the post says little/);
});
