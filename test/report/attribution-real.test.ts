// Attribution on real pages: a source is named by its publisher or site, never by a fragment of
// its page title; quotes keep their case and open at a clause boundary.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { attribute, balanceQuotes, lowerFirst, openingConjunction, shortName, siteName } from '../../src/report/compose/attribution.js';
import { dropConnectives } from '../../src/report/compose/compose-quote.js';

const page = { title: 'Mission & History | About Us : Harbour Museum', publisher: null, kind: 'other' as const, publishedAt: null };

test('a publisher given as an address names its site; a profile on a social network names its page', () => {
  assert.equal(siteName('https://www.coastalherald.example/news/1'), 'coastalherald.example');
  assert.equal(siteName('https://www.facebook.com/coastalherald'), 'coastalherald');
  assert.equal(siteName('https://facebook.com/pages/140961138903'), null);
  assert.equal(siteName('Coastal Herald'), null);
  assert.equal(shortName({ ...page, publisher: 'https://www.facebook.com/coastalherald/' }), 'coastalherald');
});

test('with no publisher a source is named by its web address, else "one source" — never by its page title', () => {
  assert.equal(shortName({ ...page, uri: 'https://harbourmuseum.example/about' }), 'harbourmuseum.example');
  assert.equal(shortName({ ...page, uri: 'file:///corpus/about.md' }), 'one source');
  const s = attribute('The museum opened in 1866.', { ...page, uri: 'file:///corpus/about.md', publishedAt: '2019-01-01' });
  assert.equal(s, 'One source (2019) states that the museum opened in 1866');
  assert.ok(!s.includes('|') && !s.includes('About Us'));
  // A publisher is used whole, not cut into "…".
  assert.equal(shortName({ ...page, publisher: 'The Very Long Name of a Regional Historical and Maritime Heritage Trust' }), 'The Very Long Name of a Regional Historical and Maritime Heritage Trust');
});

test('the first word keeps its case when it is "I" or a name followed by a comma', () => {
  assert.equal(lowerFirst('I am sure the store will open this year', 'I am sure the store will open this year.'), 'I am sure the store will open this year');
  assert.equal(lowerFirst('Marsh, with two colleagues, was one of the first curators', 'Marsh, with two colleagues, was one of the first curators.'), 'Marsh, with two colleagues, was one of the first curators');
  assert.equal(lowerFirst('The wing opened', 'The wing opened.'), 'the wing opened');
});

test('a word WordNet knows only as a name keeps its capital though the passage writes it only at a sentence start', () => {
  assert.equal(lowerFirst('Europe reports its highest count in a decade', 'Europe reports its highest count in a decade.'), 'Europe reports its highest count in a decade');
  assert.equal(lowerFirst('Americans have reported 40 cases', 'Americans have reported 40 cases.'), 'Americans have reported 40 cases');
  assert.equal(lowerFirst('Decreased coverage left many at risk', 'Decreased coverage left many at risk.'), 'decreased coverage left many at risk');
  assert.equal(lowerFirst('Health officials urged caution', 'Health officials urged caution.'), 'health officials urged caution');
});

test('a quote opening with a conjunction: "And" left out, a contrast moved into the attribution', () => {
  assert.deepEqual(openingConjunction('But the passion comes through in the comments'), { text: 'the passion comes through in the comments', contrast: 'however' });
  assert.deepEqual(openingConjunction('However, it is possible to find metal daybeds'), { text: 'it is possible to find metal daybeds', contrast: 'however' });
  assert.deepEqual(openingConjunction('And yet the critic praised her'), { text: 'yet the critic praised her', contrast: null });
  assert.deepEqual(openingConjunction('Yet another film followed'), { text: 'Yet another film followed', contrast: null });
  const news = { title: 'Birds', publisher: 'Coastal Herald', kind: 'news' as const, publishedAt: null };
  assert.equal(attribute('But the passion comes through in the comments.', news), 'Coastal Herald reports, however, that the passion comes through in the comments');
});

test('a stray quotation mark whose pair lies in another sentence is left out', () => {
  assert.equal(balanceQuotes('I am confident we can grow the sport."'), 'I am confident we can grow the sport.');
  assert.equal(balanceQuotes('"Women not only work but also care for the house.'), 'Women not only work but also care for the house.');
  assert.equal(balanceQuotes('She called it "a big deal" at the time.'), 'She called it "a big deal" at the time.');
});

test('"In addition to" and "Besides" without a comma are the sentence\'s own words, not connectives', () => {
  assert.equal(dropConnectives('In addition to serving as director, Marsh was a curator.'), 'In addition to serving as director, Marsh was a curator.');
  assert.equal(dropConnectives('In addition, Marsh was a curator.'), 'Marsh was a curator.');
  assert.equal(dropConnectives('Besides the museum, the town has a library.'), 'Besides the museum, the town has a library.');
});

test('a linking opener ("Meanwhile,", "In addition,") is left out of a quote that stands alone', () => {
  assert.deepEqual(openingConjunction('Meanwhile, the harbour toll has not changed since 2011'), { text: 'the harbour toll has not changed since 2011', contrast: null });
  assert.deepEqual(openingConjunction('In addition, however, the ferry runs twice a day'), { text: 'the ferry runs twice a day', contrast: 'however' });
  const s = attribute('Meanwhile, the harbour toll of $4 has not changed since 2011.', { ...page, publisher: 'Coastal Herald' });
  assert.equal(s, 'Coastal Herald reports that the harbour toll of $4 has not changed since 2011');
  // Not an opener: "Also" inside a name or without its comma stays.
  assert.deepEqual(openingConjunction('Also Sprach ran for a decade'), { text: 'Also Sprach ran for a decade', contrast: null });
});

test('a verb before a month name is lower-cased: a month after the first word does not make it a name', () => {
  assert.equal(lowerFirst('Beginning January 2025, ferries will run hourly', 'Beginning January 2025, ferries will run hourly.'), 'beginning January 2025, ferries will run hourly');
  assert.equal(lowerFirst('Starting Monday, the bridge is closed', 'Starting Monday, the bridge is closed.'), 'starting Monday, the bridge is closed');
  // A name followed by a name keeps its capital.
  assert.equal(lowerFirst('Kate Winslet starred in the film', 'Kate Winslet starred in the film.'), 'Kate Winslet starred in the film');
});

test('a sentence that already names who holds it is attributed with "According to", not "reports that … estimates that"', () => {
  const s = attribute('HPI estimates that of the 2.1 million affected renters, nearly one-fifth live alone.', { ...page, publisher: 'Coastal Herald' });
  assert.equal(s, 'According to Coastal Herald, HPI estimates that of the 2.1 million affected renters, nearly one-fifth live alone');
  // An ordinary sentence keeps "reports that".
  assert.match(attribute('The harbour toll of $4 has not changed since 2011.', { ...page, publisher: 'Coastal Herald' }), /^Coastal Herald reports that the harbour toll/);
});
