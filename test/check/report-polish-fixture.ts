// A small invented corpus (Examplestan towns and car bans) for the report-polish tests: a survey
// count with its whole, a summary page whose parts do not add up to what the survey leaves,
// a statute, a treaty article and a news item. Every name and number here is made up.
import type { Store } from '../../src/contracts.js';
import type { FixtureDoc } from '../fixtures/check/small-corpus.js';
import { storeOfDocs } from './helpers.js';

export const TOWNS_QUESTION = 'Which towns ban private cars from their centres versus only restrict parking there?';

export const TOWNS_CORPUS: FixtureDoc[] = [
  {
    uri: 'https://example.org/eui/car-free-survey-2024',
    title: 'Car-free centres survey, 3rd edition (2024)',
    publisher: 'Examplestan Urban Institute (EUI)',
    publishedAt: '2024-03-01',
    kind: 'ngo',
    text: [
      '# Car-free centres survey, 3rd edition',
      'The survey reviews the traffic rules of 120 towns in Examplestan.',
      '80 of the 120 towns ban private cars from their centres.',
      'Those 40 towns include towns that have no rules on private cars at all as well as towns that only restrict parking in their centres.',
    ].join('\n\n'),
  },
  {
    uri: 'https://example.net/summaries/car-free-survey',
    title: 'Car-free centres survey (summary page)',
    publisher: 'example.net',
    publishedAt: null,
    kind: 'other',
    text: [
      '# Figures out of all 120 towns',
      '- 10 of the 120 towns reviewed still have no rules on private cars in their centres.',
      '- The remaining 42 towns have some rules on private cars in their centres, but not rules the institute deems sufficient.',
      '# Figures out of the 42 towns with some rules',
      '- 28 of those 42 towns do not ban private cars from their centres at any hour.',
    ].join('\n\n'),
  },
  {
    uri: 'https://example.gov/traffic-act/section-4',
    title: 'Examplestan Traffic Act § 4 — Town centres',
    publisher: 'Parliament of Examplestan',
    publishedAt: '2019-05-01',
    kind: 'legislation',
    text: 'A town council may ban private cars from its centre or only restrict parking there, by a bylaw published a month in advance.',
  },
  {
    uri: 'https://example.int/urban-mobility-convention',
    title: 'Convention on Urban Mobility (Mobility Convention) — Article 5',
    publisher: 'Council of Examplish States',
    publishedAt: '2015-06-01',
    kind: 'intergovernmental',
    text: 'Article 5 lets a Party restrict parking in town centres instead of banning private cars from them, when public transport does not yet serve the centre.',
  },
  {
    uri: 'https://example.com/news/parking-towns',
    title: 'Many towns only restrict parking',
    publisher: 'Examplestan Daily',
    publishedAt: '2024-04-02',
    kind: 'news',
    text: 'The paper found that 12 towns only restrict parking in their centres and do not ban private cars from them.',
  },
];

export const townsStore = (): Promise<Store> => storeOfDocs(TOWNS_CORPUS);
