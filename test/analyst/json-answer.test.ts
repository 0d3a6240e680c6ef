import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { JsonAnswerError, readJsonAnswer } from '../../src/analyst/llm/json-answer.js';
import { readReportProse } from '../../src/analyst/llm/report-prose.js';
import { readStanceLabel, readStances } from '../../src/analyst/llm/stance-prompt.js';

test('clean JSON, fenced JSON, JSON inside prose, trailing commas', () => {
  assert.deepEqual(readJsonAnswer('{"a": [1, 2]}'), { value: { a: [1, 2] }, repairs: [] });
  assert.deepEqual(readJsonAnswer('```json\n{"a": 1}\n```'), { value: { a: 1 }, repairs: ['code fence removed'] });
  assert.deepEqual(readJsonAnswer('Here you go:\n{"a": "b } ]"}\nHope it helps.'), { value: { a: 'b } ]' }, repairs: ['text around the JSON ignored'] });
  assert.deepEqual(readJsonAnswer('[{"a": 1,}, 2,]'), { value: [{ a: 1 }, 2], repairs: ['trailing commas removed'] });
  assert.deepEqual(readJsonAnswer('{"s": "a, ]"}').value, { s: 'a, ]' });
  assert.deepEqual(readJsonAnswer('<think>The shape is {"summary": …} so</think>\n{"a": 1}'), { value: { a: 1 }, repairs: ['reasoning block removed'] });
});

test('what cannot be read is refused with the reason', () => {
  const reason = (text: string): string => {
    try {
      readJsonAnswer(text);
    } catch (e) {
      assert.ok(e instanceof JsonAnswerError);
      return e.reason;
    }
    assert.fail(`read ${JSON.stringify(text)}`);
  };
  assert.equal(reason('   '), 'the answer is empty');
  assert.match(reason('No JSON here.'), /^the answer holds no JSON object or array \(it begins "No JSON here\."\)$/);
  assert.match(reason('{"summary": [{"text": "cut'), /^the JSON in the answer is cut off or unbalanced/);
  assert.match(reason('{"a": 1]'), /cut off or unbalanced/);
  assert.match(reason('{"a": nope}'), /^the JSON in the answer does not parse/);
});

test('property: any JSON object or array survives fences and surrounding prose', () => {
  const prose = fc.string({ maxLength: 30 }).filter((s) => !/[{}[\]`]/.test(s));
  const value = fc.oneof(fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 3 })), fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 5 }));
  fc.assert(
    fc.property(prose, value, prose, fc.boolean(), (before, v, after, fenced) => {
      const json = JSON.stringify(v);
      const text = fenced ? `${before}\n\`\`\`json\n${json}\n\`\`\`\n${after}` : `${before} ${json} ${after}`;
      assert.deepEqual(readJsonAnswer(text).value, JSON.parse(json));
    }),
    { numRuns: 300 },
  );
});

test('report prose: the asked shape, and its tolerated variants', () => {
  const { prose, repairs } = readReportProse({
    summary: [{ text: 'A [2].', cites: [1, '3', '[4]', 'x', 2.5] }, { text: '  ' }, 'B [5][6].'],
    findings: [{ headline: 'H [1].', sentences: [{ sentence: 'C.', citations: [2] }] }, { headline: 'empty', sentences: [] }, { sentences: ['D [1].'] }],
  });
  assert.deepEqual(prose.summary, [
    { text: 'A.', cites: [1, 3, 4, 2], badCites: ['x', '2.5'] },
    { text: 'B.', cites: [5, 6], badCites: [] },
  ]);
  assert.deepEqual(prose.findings, [
    { headline: 'H', cites: [2], sentences: [{ text: 'C.', cites: [2], badCites: [] }] },
    { headline: 'Finding 2', cites: [1], sentences: [{ text: 'D.', cites: [1], badCites: [] }] },
  ]);
  assert.deepEqual(repairs.sort(), [
    'citation marks written in the text were read as its citations',
    'empty sentences skipped',
    'findings without a headline were given a numbered one',
    'findings without sentences skipped',
  ]);
  assert.throws(() => readReportProse({ summary: [], findings: [] }), /neither summary sentences nor findings/);
  assert.throws(() => readReportProse({ summary: [{ cites: [1] }] }), /summary\[0\] has no "text" string/);
  assert.throws(() => readReportProse({ summary: 'text' }), /summary is not a list of sentences/);
  assert.throws(() => readReportProse(42), /not an object with "summary" and "findings"/);
});

test('stance labels as models write them', () => {
  for (const s of ['supports', 'SUPPORTS', 'Supported', 'entailment', 'true']) assert.equal(readStanceLabel(s), 'supports', s);
  for (const s of ['refutes', 'REFUTED', 'contradiction', 'false']) assert.equal(readStanceLabel(s), 'refutes', s);
  for (const s of ['neutral', 'NOT_ENOUGH_INFO', 'not enough info', 'NEI', 'not_entailment']) assert.equal(readStanceLabel(s), 'neutral', s);
  assert.equal(readStanceLabel('maybe'), null);
  assert.deepEqual(readStances([{ id: 2, stance: 'refutes' }, { id: 1, label: 'supports' }], 2), ['supports', 'refutes']);
  assert.deepEqual(readStances({ answers: ['neutral', 'supports'] }, 2), ['neutral', 'supports']);
  assert.throws(() => readStances(['supports'], 2), /no stance for pair 2 of 2/);
  assert.throws(() => readStances(['perhaps'], 1), /gives the stance "perhaps", not supports, refutes or neutral/);
  assert.throws(() => readStances([{ id: 5, stance: 'supports' }], 1), /answers pair 5, but the batch has pairs 1–1/);
});
