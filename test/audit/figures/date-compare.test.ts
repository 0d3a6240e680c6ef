// The date comparison itself (src/audit/source-dates.ts), sentence against source sentences:
// each guard of the contract with a case it silences and, next to it, the same case without the
// reason for silence, which is flagged (so no case passes for want of a check).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareDatesWithSource } from '../../../src/audit/source-dates.js';
import type { SourceSentence } from '../../../src/audit/source-figures.js';

function src(...texts: string[]): SourceSentence[] {
  return texts.map((text, i) => ({ text, passageId: `p${i}`, sourceId: 's1', sourceTitle: 'Source', ref: 1, sites: [] }));
}

// Filler sentences make the source's word weights like a real document's.
const FILLER = ['The secretariat publishes an annual report on the coastal states.', 'Eleven coastal states take part in the harbour programme.', 'The programme covers ports, dredging and pilotage.'];

function conflicts(article: string, ...source: string[]): Array<{ event: string; article: string; source: string }> {
  return compareDatesWithSource(article, src(...source, ...FILLER)).map((c) => ({ event: c.event, article: c.article.text, source: c.sourceDate.text }));
}

test('dates are compared at the precision both give', () => {
  const s = 'The first edition of the handbook was released on 6 April 2006.';
  assert.deepEqual(conflicts('The first edition of the handbook was released in 2006 [1].', s), []);
  assert.deepEqual(conflicts('The first edition of the handbook was released in April 2006 [1].', s), []);
  assert.deepEqual(conflicts('The first edition of the handbook was released on 6 April 2006 [1].', s), []);
  assert.deepEqual(conflicts('The first edition of the handbook was released in May 2012 [1].', 'The first edition of the handbook was released in April 2006.'), [{ event: 'released', article: 'May 2012', source: 'April 2006' }]);
  assert.deepEqual(conflicts('The first edition of the handbook was released on 7 April 2006 [1].', s), [{ event: 'released', article: '7 April 2006', source: '6 April 2006' }]);
  assert.deepEqual(conflicts('The first edition of the handbook was released in 2007 [1].', s), [{ event: 'released', article: '2007', source: '6 April 2006' }]);
});

test('a range holds the dates inside it, on either side', () => {
  const s = 'The handbook was reviewed by an independent panel between 2006 and 2008.';
  assert.deepEqual(conflicts('The handbook was reviewed by an independent panel in 2007 [1].', s), []);
  assert.deepEqual(conflicts('The handbook was reviewed by an independent panel in 2009 [1].', s).map((c) => c.source), ['between 2006 and 2008']);
  assert.deepEqual(conflicts('The handbook was reviewed by an independent panel in 2006–2008 [1].', 'The handbook was reviewed by an independent panel in 2007.'), []);
  assert.deepEqual(conflicts('The handbook was reviewed by an independent panel in 2004–2005 [1].', 'The handbook was reviewed by an independent panel in 2007.').map((c) => c.article), ['2004–2005']);
});

test('vague, relative, open and bounding dates are not compared', () => {
  const s = 'The field protocol of the handbook was published in 2014.';
  for (const when of ['in the early 2000s', 'in the 2000s', 'in mid-2012', 'in early 2012', 'last year', 'three years ago', 'by 2010', 'before 2010', 'after 2016', 'around 2010']) {
    assert.deepEqual(conflicts(`The field protocol of the handbook was published ${when} [1].`, s), [], when);
  }
  assert.equal(conflicts('The field protocol of the handbook was published in 2010 [1].', s).length, 1);
  // A vague date in the source.
  assert.deepEqual(conflicts('The dredging annex of the treaty was adopted in 1985 [1].', 'The dredging annex of the treaty was adopted in the 1990s.'), []);
  assert.equal(conflicts('The dredging annex of the treaty was adopted in 1985 [1].', 'The dredging annex of the treaty was adopted in 1992.').length, 1);
});

test('several dates for the event in the source: no flag', () => {
  assert.deepEqual(conflicts('The sampling grid of the protocol was revised in 2016 [1].', 'The sampling grid of the protocol was revised several times: in 2015, 2017 and 2019.'), []);
  assert.equal(conflicts('The sampling grid of the protocol was revised in 2016 [1].', 'The sampling grid of the protocol was revised in 2015.').length, 1);
  // Two sentences as close as each other, with different dates.
  assert.deepEqual(conflicts('The annual harbour report was published in 2011 [1].', 'The annual harbour report was published in 2010.', 'The annual harbour report was published in 2012.'), []);
  // One of the source's sentences agrees with the article.
  assert.deepEqual(conflicts('The annual harbour report was published in 2012 [1].', 'The annual harbour report was published in 2010 for the first time.', 'The annual harbour report was published in 2012.'), []);
});

test('another event, another thing or another edition: no flag', () => {
  const both = 'The Harbour Convention was adopted in 1989 and entered into force in 1990.';
  assert.deepEqual(conflicts('The Harbour Convention entered into force in 1990 [1].', both), []);
  assert.deepEqual(conflicts('The Harbour Convention was adopted in 1989 [1].', both), []);
  assert.deepEqual(conflicts('The Harbour Convention was adopted in 1990 [1].', both), [{ event: 'adopted', article: '1990', source: '1989' }]);
  assert.deepEqual(conflicts('In 1990 the Harbour Convention entered into force, and in 1995 it was adopted [1].', 'In 1989 the Harbour Convention was adopted, and in 1990 it entered into force.'), [{ event: 'adopted', article: '1995', source: '1989' }]);
  // A date in a clause with a verb of its own is that verb's, not the event's.
  assert.deepEqual(conflicts('The harbour pilot signed a contract with the port in 2017 and was offered a second contract in 2019 [1].', 'The harbour pilot signed a contract with the port in 2017.'), []);
  assert.equal(conflicts('The harbour pilot signed a contract with the port in 2016 and was offered a second contract in 2019 [1].', 'The harbour pilot signed a contract with the port in 2017.').length, 1);
  // A name the source sentence does not give: another thing.
  assert.deepEqual(conflicts('The Council of Europe Convention on Cybercrime was opened for signature in Budapest and entered into force on 1 July 2004 [1].', 'The Council of Europe Convention on the Protection of Children was opened for signature in Lanzarote and entered into force on 1 July 2010.'), []);
  assert.equal(conflicts('The Council of Europe Convention on the Protection of Children was opened for signature in Lanzarote and entered into force on 1 July 2004 [1].', 'The Council of Europe Convention on the Protection of Children was opened for signature in Lanzarote and entered into force on 1 July 2010.').length, 1);
  // A different event verb: the source dates the signature, the article the entry into force.
  assert.deepEqual(conflicts('The harbour treaty entered into force in 2003 [1].', 'The harbour treaty was signed in 1998.'), []);
  // Another thing: the source never names a trafficking protocol.
  assert.deepEqual(conflicts('The Optional Protocol on harbour trafficking was adopted in 2002 [1].', 'The Harbour Convention was adopted in 1989.'), []);
  assert.deepEqual(conflicts('The harbour Convention was adopted in 2002 [1].', 'The harbour Optional Protocol was adopted in 2000.', 'The harbour Convention was adopted in 1989.').map((c) => c.source), ['1989']);
  // Another edition.
  assert.deepEqual(conflicts('The second edition of the handbook was released in 2012 [1].', 'The first edition of the handbook was released in 2006.'), []);
  assert.equal(conflicts('The first edition of the handbook was released in 2012 [1].', 'The first edition of the handbook was released in 2006.').length, 1);
});

test('a negated clause is not compared', () => {
  assert.deepEqual(conflicts('The harbour treaty was not signed in 2001 [1].', 'The harbour treaty was signed in 1998.'), []);
  assert.deepEqual(conflicts('The harbour treaty was signed in 2001 [1].', 'The harbour treaty was not signed in 1998.'), []);
  assert.equal(conflicts('The harbour treaty was signed in 2001 [1].', 'The harbour treaty was signed in 1998.').length, 1);
});
