import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LlmAnalyst } from '../../src/analyst/llm/index.js';
import { rulesAnalyst } from '../../src/analyst/rules-analyst.js';
import { judgePair } from '../../src/evidence/index.js';
import { answer, startReplayServer } from './replay-server.js';

/** Pairs whose claim says which stance the scripted model gives: "… (S)", "(R)" or "(N)". */
const PAIRS = Array.from({ length: 23 }, (_, i) => ({ claim: `Claim ${i + 1} (${'SRN'[i % 3]})`, evidence: `Evidence ${i + 1}.` }));
const EXPECTED = PAIRS.map((_, i) => (['supports', 'refutes', 'neutral'] as const)[i % 3]);

test('LLM stance: batches of batchSize, at most `concurrency` requests in flight, answers back in order', async () => {
  let inFlight = 0;
  let most = 0;
  const srv = await startReplayServer((req) => {
    inFlight++;
    most = Math.max(most, inFlight);
    setTimeout(() => inFlight--, 30);
    const prompt = (req.body as { messages: { content: string }[] }).messages[1]?.content ?? '';
    const marks = [...prompt.matchAll(/^Claim: Claim \d+ \(([SRN])\)$/gm)].map((m) => m[1]);
    // Answered in reverse order with ids: the analyst must put them back.
    const items = marks.map((m, i) => ({ id: i + 1, stance: m === 'S' ? 'SUPPORTS' : m === 'R' ? 'contradiction' : 'not enough info' })).reverse();
    return { ...answer(JSON.stringify(items)), delayMs: 25 };
  });
  try {
    const progress: number[] = [];
    const analyst = new LlmAnalyst({ baseUrl: srv.baseUrl, model: 'm', batchSize: 4, concurrency: 3 });
    const got = await analyst.stance(PAIRS, { onProgress: (done) => progress.push(done) });
    assert.deepEqual(got, EXPECTED);
    assert.equal(srv.requests.length, 6); // 23 pairs in batches of 4
    assert.ok(most <= 3 && most >= 2, `in flight at most ${most}`);
    assert.equal(progress.at(-1), 23);
  } finally {
    await srv.close();
  }
});

test('LLM stance: a batch answered badly twice is an error naming the problem', async () => {
  const srv = await startReplayServer(() => answer('[{"id": 1, "stance": "probably"}]'));
  try {
    const analyst = new LlmAnalyst({ baseUrl: srv.baseUrl, model: 'm', batchSize: 2, concurrency: 1 });
    await assert.rejects(analyst.stance(PAIRS.slice(0, 4)), /\[llm\] the model "m" at .* answered twice with stances that cannot be read: item 1 gives the stance "probably", not supports, refutes or neutral/);
    assert.equal(srv.requests.length, 2); // the first batch, asked twice; the second batch never sent
  } finally {
    await srv.close();
  }
});

test('rules stance is the learned judge, with no network', async () => {
  const pairs = [
    { claim: 'Freedonia criminalizes possession of banned images', evidence: 'The ministry confirms that Freedonia does not criminalize possession of banned images.' },
    { claim: 'Ruritania criminalizes possession of banned images', evidence: 'Ruritania criminalizes possession of banned images since 2019.' },
  ];
  assert.deepEqual(await rulesAnalyst.stance(pairs), pairs.map((p) => judgePair(p.claim, p.evidence).stance));
});
