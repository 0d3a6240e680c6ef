// Quoting out of context (src/report/compose/compose/compose-quote.ts, candidates.ts): a sentence that points
// back gets its antecedent or ranks low; inferential and additive connectives are dropped,
// contrastive ones never; a sentence that names its own source is not attributed twice; a
// second sentence from the same source says "It also …". Small invented fixtures (towns, cars).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { backReferences, candidatesFor, passageKey, type Candidate } from '../../src/report/compose/candidates.js';
import { dropConnectives, quoteParagraph, quoteText } from '../../src/report/compose/compose-quote.js';
import { attribute, instrumentName, namesItself } from '../../src/report/compose/attribution.js';
import { composeReport } from '../../src/report/index.js';
import { named } from '../../src/report/compose/compose-gaps.js';
import { verifyReport } from '../../src/report/verify.js';
import type { Judgement, Passage, Source, SourceKind } from '../../src/model.js';

function source(id: string, title: string, publisher: string, kind: SourceKind, publishedAt: string | null): Source {
  return { id, uri: `https://example.org/${id}`, title, publisher, kind, publishedAt, language: 'en', retrievedAt: '2026-01-01T00:00:00.000Z', textLength: 0 } as Source;
}

function passage(id: string, src: Source, text: string, ordinal = 0): Passage {
  return { id, sourceId: src.id, ordinal, text, start: 0, end: text.length };
}

function judged(p: Passage, src: Source, stance: Judgement['stance'] = 'neutral'): Judgement {
  return { claim: 'towns ban private cars from their centres', passage: p, source: src, stance, strength: 0.5, relevance: 1, reasons: [] };
}

const treaty = source('t', 'Convention on Urban Mobility (Mobility Convention) — Article 5', 'Council of Examplish States', 'intergovernmental', '2015-06-01');
const statute = source('s', 'Examplestan Traffic Act § 4 — Town centres', 'Parliament of Examplestan', 'legislation', '2019-05-01');
const survey = source('e', 'Car-free centres survey', 'Examplestan Urban Institute (EUI)', 'ngo', '2024-03-01');

const CLAIM = 'towns ban private cars from their centres';
const pool = (js: Judgement[], neighbours?: Map<string, Passage>): Candidate[] =>
  candidatesFor(js, { facetId: 'f1', claim: CLAIM, negation: 0, ...(neighbours ? { neighbours } : {}) });
const find = (cs: Candidate[], start: string): Candidate => {
  const c = cs.find((x) => x.text.startsWith(start));
  assert.ok(c, `no candidate starting ${JSON.stringify(start)} in ${JSON.stringify(cs.map((x) => x.text))}`);
  return c;
};

test('back references: demonstratives with their noun, "such", "the same", contrast; not "those who" or a plain sentence', () => {
  assert.deepEqual(backReferences('A Party that makes this reservation can remain a Party while banning cars.'), ['reservation']);
  assert.deepEqual(backReferences('That conference called for bans on private cars in every town centre.'), ['conference']);
  assert.deepEqual(backReferences('Of those 42 towns, 28 ban private cars from their centres at all hours.'), ['42']);
  assert.deepEqual(backReferences('The same paragraph also covers parking in town centres.'), ['paragraph']);
  assert.deepEqual(backReferences('However, towns may ban private cars only by a bylaw.'), []);
  assert.equal(backReferences('Those who park in town centres pay more than others.'), null);
  assert.equal(backReferences('80 of the 120 towns ban private cars from their centres.'), null);
  assert.equal(backReferences('Towns such as Exampleburg ban private cars from their centres.'), null);
  assert.equal(backReferences('There is no national rule on private cars in town centres.'), null);
  assert.deepEqual(backReferences('The 42 counts towns with some rules on private cars.'), ['42'], 'a bare number as a noun');
  assert.deepEqual(backReferences('Two bylaws do this: one bans cars, one restricts parking.'), []);
  assert.equal(backReferences('The 120 towns reviewed ban private cars at night.'), null);
});

test('a sentence pointing back is quoted after its antecedent when the previous sentence is short and names it', () => {
  const text =
    'Article 5 lets each Party reserve the right not to apply the ban on private cars in town centres. A Party that makes this reservation can remain a Party while its towns only restrict parking instead of banning private cars.';
  const [c] = pool([judged(passage('p1', treaty, text), treaty)]).filter((x) => x.text.startsWith('A Party'));
  assert.ok(c?.antecedent, 'the previous sentence is its antecedent');
  assert.equal(c.leans, false);
  assert.equal(
    quoteText(c),
    'the Mobility Convention (2015) provides that Article 5 lets each Party reserve the right not to apply the ban on private cars in town centres; a Party that makes this reservation can remain a Party while its towns only restrict parking instead of banning private cars',
  );
  // Quoted alone on request (the report's previous sentence already resolves it).
  assert.match(quoteText(c, { standalone: true }), /provides that a Party that makes this reservation/);
});

test('the antecedent may close the passage just before, in the same document (a list item after its lead-in)', () => {
  const first = passage('q1', survey, 'In 2024, 42 of the 120 towns had some rules on private cars in their centres.', 3);
  const second = passage('q2', survey, 'Of those 42 towns, 28 ban private cars from their centres at all hours.', 4);
  const neighbours = new Map([[passageKey(survey.id, 3), first], [passageKey(survey.id, 4), second]]);
  const c = find(pool([judged(second, survey)], neighbours), 'Of those 42');
  assert.equal(c.antecedent?.passage.id, 'q1');
  assert.match(quoteText(c), /^EUI \(2024\) reports that in 2024, 42 of the 120 towns had some rules on private cars in their centres; of those 42 towns, 28 ban/);
  // Not adjacent (a heading passage between): no antecedent, and the sentence leans.
  const far = new Map([[passageKey(survey.id, 2), first], [passageKey(survey.id, 4), second]]);
  assert.equal(find(pool([judged(second, survey)], far), 'Of those 42').leans, true);
});

test('without a short antecedent that names the referent, the sentence leans and ranks below sentences that stand alone', () => {
  const text =
    'Towns must publish a bylaw a month before they ban private cars from their centres. A town that punishes parking only at night meets this minimum for banning private cars from their centres.';
  const cs = pool([judged(passage('p2', treaty, text), treaty)]);
  const leaning = find(cs, 'A town that');
  const alone = find(cs, 'Towns must');
  assert.equal(leaning.antecedent, undefined, '"minimum" is not in the previous sentence');
  assert.equal(leaning.leans, true);
  assert.ok(leaning.score < alone.score);
});

test('composed findings take standalone sentences before leaning ones, and context findings leave leaning ones out', () => {
  const text = [
    'That council called for bans on private cars in town centres across the region.',
    'Towns ban private cars from their centres when a bylaw says so.',
    'Towns that ban private cars from their centres must still allow deliveries.',
  ].join(' ');
  const news = source('n', 'Town centres', 'Examplestan Daily', 'news', '2024-04-02');
  const input = {
    input: 'Which towns ban private cars from their centres?',
    kind: 'question' as const,
    facets: [{ id: 'f1', role: 'topic' as const, label: 'Which towns ban private cars', claim: CLAIM, retrieve: true, focus: [], judgements: [judged(passage('n1', news, text), news)], verdict: null }],
    verdict: null,
    now: new Date('2026-01-15T12:00:00.000Z'),
    provenance: { engine: 'verity', engineVersion: '0', analyst: 'rules', corpusSnapshot: 'x', createdAt: '2026-01-15T12:00:00.000Z', timingsMs: {}, warnings: [] },
  };
  const { draft, passages } = composeReport(input);
  const all = [...draft.summary, ...draft.findings.flatMap((f) => f.sentences)].map((s) => s.text);
  assert.ok(!all.some((t) => /that council/i.test(t)), JSON.stringify(all));
  const report = verifyReport(draft, passages);
  assert.ok([...report.summary, ...report.findings.flatMap((f) => f.sentences)].every((s) => s.verified));
});

test('connectives: inferential and additive ones are dropped when quoted alone, contrastive ones are kept', () => {
  assert.equal(dropConnectives('The Convention therefore does not require towns to ban private cars.'), 'The Convention does not require towns to ban private cars.');
  assert.equal(dropConnectives('Being a Party is, therefore, not proof that a town bans cars.'), 'Being a Party is not proof that a town bans cars.');
  assert.equal(dropConnectives('Moreover, towns may restrict parking at night.'), 'Towns may restrict parking at night.');
  assert.equal(dropConnectives('In addition, towns may restrict parking at night.'), 'Towns may restrict parking at night.');
  assert.equal(dropConnectives('However, towns may restrict parking at night.'), 'However, towns may restrict parking at night.');
  assert.equal(dropConnectives('Towns may, however, restrict parking at night.'), 'Towns may, however, restrict parking at night.');
  assert.deepEqual(backReferences('Towns may, however, restrict parking at night.'), [], 'a contrast leans on what came before');
  const c = find(pool([judged(passage('p3', survey, 'Thus 80 of the 120 towns ban private cars from their centres.'), survey)]), 'Thus');
  assert.equal(quoteText(c), 'EUI (2024) reports that 80 of the 120 towns ban private cars from their centres');
});

test('a sentence that names its own source is not attributed twice; one that does not say which text it is keeps its attribution', () => {
  assert.equal(namesItself('Section 4 of the Traffic Act lets a town council ban private cars.', statute), true);
  assert.equal(attribute('Section 4 of the Traffic Act lets a town council ban private cars.', statute), 'Section 4 of the Traffic Act lets a town council ban private cars');
  assert.equal(namesItself('Section 4 lets a town council ban private cars.', statute), false, 'a bare section does not say which act');
  assert.match(attribute('Section 4 lets a town council ban private cars.', statute), /^Examplestan Traffic Act § 4 provides that Section 4 lets/);
  assert.equal(namesItself('Section 9 of the Traffic Act sets the fines for parking.', statute), false, 'another section is not the source');
  assert.equal(attribute('The Mobility Convention lets towns restrict parking.', treaty), 'The Mobility Convention lets towns restrict parking');
  assert.match(attribute('Article 5 lets a Party restrict parking.', treaty), /^the Mobility Convention \(2015\) provides that Article 5/, 'a part of the source is not the source');
  // "The Convention …" does not say which convention: the source's name takes the bare noun's place (and the connective goes).
  const inferential = find(pool([judged(passage('p4', treaty, 'The Convention therefore does not require towns to ban private cars from their centres.'), treaty)]), 'The Convention');
  assert.equal(quoteText(inferential), 'The Mobility Convention (2015) does not require towns to ban private cars from their centres');
  const protocol = source('u', 'Optional Protocol to the Convention on Urban Mobility — Articles 1–3', 'United Towns (General Assembly)', 'intergovernmental', '2016-01-01');
  assert.deepEqual(instrumentName(protocol), { noun: 'Protocol', name: 'Optional Protocol' });
  assert.equal(attribute('The Protocol does not require towns to ban cars.', protocol), 'The Optional Protocol (2016) does not require towns to ban cars');
  assert.match(attribute('The Convention on Urban Mobility requires more.', protocol), /^United Towns \(2016\) provides that the Convention on Urban Mobility/, 'another instrument');
  assert.match(attribute('The Convention on Urban Mobility was signed in 2015.', treaty), /^the Mobility Convention \(2015\) states that the Convention on Urban Mobility/, 'named in full already');
});

test('a second sentence from the same source in a paragraph says "It also …"; several sections say "They also …"', () => {
  const text = '80 of the 120 towns ban private cars from their centres. 12 towns ban private cars from their centres only at night.';
  const cs = pool([judged(passage('p5', survey, text), survey)]);
  const { sentences } = quoteParagraph([find(cs, '80'), find(cs, '12')], true);
  assert.match(sentences[0]?.body ?? '', /^EUI \(2024\) reports that 80/);
  assert.match(sentences[1]?.body ?? '', /^It also reports that 12 towns/);
  const code = source('c', 'Examplestan Town Code, sections 5 and 6', 'Parliament of Examplestan', 'legislation', null);
  assert.match(attribute('A town council may ban private cars from its centre.', code), /^Examplestan Town Code, sections 5 and 6 provide that/);
  assert.match(attribute('A town council may ban private cars from its centre.', code, '', { again: true }), /^They also provide that a town council/);
});

test('sentences of one source keep the document order in a paragraph, after a fixed lead', () => {
  const text = 'The remaining 42 towns ban private cars from their centres only at night. 28 towns ban private cars from their centres all day.';
  const cs = pool([judged(passage('p6', survey, text), survey)]);
  const later = find(cs, '28');
  const earlier = find(cs, 'The remaining');
  assert.deepEqual(quoteParagraph([later, earlier], false).ordered.map((c) => c.index), [0, 1]);
  assert.deepEqual(quoteParagraph([later, earlier], true).ordered.map((c) => c.index), [1, 0]);
});

test('a list of sources in a gap names each source once, with all its citations', () => {
  const older = source('e2', 'Car-free centres survey, 2nd edition', 'Examplestan Urban Institute (EUI)', 'ngo', '2020-03-01');
  const news = source('n', 'Town centres', 'Examplestan Daily', 'news', '2024-04-02');
  assert.equal(named([survey, news, older]), 'EUI {{cite:e}}{{cite:e2}} and Examplestan Daily {{cite:n}}');
});

test('one source\'s sentences stand together where its first one was, so "It also …" follows it', () => {
  const a = pool([judged(passage('g1', survey, '80 of the 120 towns ban private cars from their centres. 12 towns ban private cars from their centres only at night.'), survey)]);
  const b = pool([judged(passage('g2', statute, 'A town council may ban private cars from its centre by a bylaw.'), statute)]);
  const { sentences } = quoteParagraph([find(a, '80'), find(b, 'A town'), find(a, '12')], false);
  assert.deepEqual(sentences.map((s) => s.body.slice(0, 24)), ['EUI (2024) reports that ', 'It also reports that 12 ', 'Examplestan Traffic Act ']);
});
