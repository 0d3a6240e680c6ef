// Small invented corpora for the which-question tests: fireworks laws. Every statement here is
// made up for the tests (the country names are real so the gazetteer reads them; the laws are not).
import type { Store } from '../../../src/contracts.js';
import type { FixtureDoc } from '../../fixtures/check/small-corpus.js';
import { storeOfDocs } from '../helpers.js';

export const FIREWORKS_QUESTION = 'Which countries ban mere possession of fireworks versus only their sale?';

/** A survey count with its whole, and a distractor naming five countries for another predicate. */
export const SURVEY_DOCS: FixtureDoc[] = [
  {
    uri: 'https://example.org/fireworks-survey-2024',
    title: 'Fireworks laws: a global survey (2024)',
    publisher: 'Example Safety Institute (ESI)',
    publishedAt: '2024-05-01',
    kind: 'ngo',
    text: [
      '# Fireworks laws: a global survey',
      'The survey reviewed the fireworks laws of 50 countries.',
      '30 of the 50 countries ban mere possession of fireworks by private persons.',
      'The other 20 countries only ban the sale of fireworks or have no rules on fireworks at all.',
      'Of those 30, 5 countries (Australia, Belgium, France, Kenya and Peru) met every criterion of the model fireworks law.',
      'Those 5 countries were Australia, Belgium, France, Kenya and Peru.',
    ].join('\n\n'),
  },
];

/** Four national laws: three countries that ban possession, one that bans only the sale; and a US state. */
export const LAW_DOCS: FixtureDoc[] = [
  {
    uri: 'https://example.org/laws/canada-fireworks',
    title: 'Fireworks Act (summary)',
    publisher: 'Example Law Library',
    publishedAt: '2023-01-10',
    kind: 'legislation',
    text: 'Canada bans mere possession of fireworks by private persons, as well as their sale and use.',
  },
  {
    uri: 'https://example.org/laws/germany-fireworks',
    title: 'Explosives law (summary)',
    publisher: 'Example Law Library',
    publishedAt: '2023-02-10',
    kind: 'legislation',
    text: 'In Germany, federal law bans mere possession of fireworks by private persons outside the new year period.',
  },
  {
    uri: 'https://example.org/laws/japan-fireworks',
    title: 'Fireworks control law (summary)',
    publisher: 'Example Law Library',
    publishedAt: '2023-03-10',
    kind: 'legislation',
    text: 'Japan bans mere possession of fireworks by private persons and punishes it with a fine.',
  },
  {
    uri: 'https://example.org/laws/chad-fireworks',
    title: 'Trade in fireworks decree (summary)',
    publisher: 'Example Law Library',
    publishedAt: '2023-04-10',
    kind: 'legislation',
    text: 'Chad bans the sale of fireworks to private persons but does not ban their possession.',
  },
  {
    uri: 'https://example.org/laws/new-jersey-fireworks',
    title: 'New Jersey fireworks statute (summary)',
    publisher: 'Example Law Library',
    publishedAt: '2023-05-10',
    kind: 'legislation',
    text: 'New Jersey bans mere possession of fireworks by private persons under its state law.',
  },
];

export const namesStore = (): Promise<Store> => storeOfDocs([...SURVEY_DOCS, ...LAW_DOCS]);
export const countsOnlyStore = (): Promise<Store> => storeOfDocs(SURVEY_DOCS);
