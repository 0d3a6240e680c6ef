// The LLM analyst on the sample corpus (examples/corpus), with scripted models that build their
// answers from the prompt they get: the passage numbering across a question's facets maps back
// to the right passages (an extractive model's sentences all verify), and the verifier catches
// a model that changes the figures it copies.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkInput } from '../../src/check/index.js';
import { openStore } from '../../src/store/sqlite/open.js';
import { ingestPaths } from '../../src/ingest/index.js';
import { LlmAnalyst } from '../../src/analyst/llm/index.js';
import { extractFigures, splitSentences } from '../../src/text/index.js';
import { stripCitations } from '../../src/report/verify.js';
import type { Report, ReportSentence } from '../../src/model.js';
import type { Store } from '../../src/contracts.js';
import { answer, startReplayServer, type RecordedRequest } from './replay-server.js';

const QUESTION = 'Which countries criminalize mere possession of child sexual abuse material versus only its production or distribution?';
const NOW = (): Date => new Date('2026-01-15T12:00:00.000Z');

/** The first sentence of more than 40 characters of each numbered passage in the prompt. */
function passageSentences(req: RecordedRequest): { text: string; cites: number[] }[] {
  const prompt = (req.body as { messages: { content: string }[] }).messages[1]?.content ?? '';
  const out: { text: string; cites: number[] }[] = [];
  for (const m of prompt.matchAll(/^\[(\d+)\] "[^\n]*\n<passage n="\d+">\n([^\n]+(?:\n[^\n[<]+)*)/gm)) {
    const first = splitSentences(m[2] ?? '').find((s) => s.text.length > 40 && !s.text.includes('\n'));
    if (first) out.push({ text: first.text, cites: [Number(m[1])] });
  }
  return out;
}

async function sampleStore(): Promise<Store> {
  const store = await openStore(':memory:');
  await ingestPaths(store, ['examples/corpus'], { now: () => new Date('2026-01-01T00:00:00.000Z') });
  return store;
}

async function reportWith(store: Store, input: string, rewrite: (s: { text: string; cites: number[] }) => { text: string; cites: number[] }): Promise<{ report: Report; written: number }> {
  let written = 0;
  const srv = await startReplayServer((req) => {
    const sentences = passageSentences(req).map(rewrite);
    written = sentences.length;
    return answer(JSON.stringify({ summary: sentences.slice(0, 3), findings: [{ headline: 'x', sentences: sentences.slice(3, 13) }] }));
  });
  try {
    return { report: await checkInput(store, input, { now: NOW, analyst: new LlmAnalyst({ baseUrl: srv.baseUrl, model: 'scripted' }) }), written };
  } finally {
    await srv.close();
  }
}

/** The model's sentences: the first three of the summary (a computed caveat may follow) and the findings'. */
const modelSentences = (r: Report): ReportSentence[] => [...r.summary.slice(0, 3), ...r.findings.flatMap((f) => f.sentences)];

test('an extractive model on the sample question and claim: every sentence it copies verifies against the passage it cites', async () => {
  const store = await sampleStore();
  try {
    for (const input of [QUESTION, '140 of 196 countries criminalize simple possession']) {
      const { report, written } = await reportWith(store, input, (s) => s);
      const mine = modelSentences(report);
      assert.ok(written >= 5, `only ${written} passages shown for ${input}`);
      assert.equal(mine.length, Math.min(written, 13));
      for (const s of mine) assert.ok(s.verified, `${s.text}: ${s.why}`);
      if (process.env.VERITY_LLM_TEST_VERBOSE) console.log(`${input.slice(0, 30)}…: ${mine.filter((s) => s.verified).length} of ${mine.length} copied sentences verified (${written} passages with a sentence to copy)`);
      assert.equal(report.provenance.analyst, 'llm:scripted');
    }
  } finally {
    await store.close();
  }
});

test('a model that changes the figures it copies is caught, sentence by sentence', async () => {
  const store = await sampleStore();
  try {
    const changedTexts = new Set<string>();
    const bump = (s: { text: string; cites: number[] }): { text: string; cites: number[] } => {
      // A count (not a year, not a section number) raised by 3: "140 of the 196 countries" → "143 of the 196 countries".
      const f = extractFigures(s.text).find((x) => x.value >= 5 && Number.isInteger(x.value) && x.unit !== null && !/^(?:1[89]|20)\d\d$/.test(String(x.value)));
      if (!f) return s;
      const text = `${s.text.slice(0, f.start)}${s.text.slice(f.start, f.end).replace(String(f.value), String(f.value + 3))}${s.text.slice(f.end)}`;
      changedTexts.add(text.replace(/[.!?]+$/, ''));
      return { ...s, text };
    };
    const { report } = await reportWith(store, QUESTION, bump);
    const changed = modelSentences(report).filter((s) => changedTexts.has(stripCitations(s.text).replace(/[.!?]+$/, '')));
    const flagged = changed.filter((s) => !s.verified);
    if (process.env.VERITY_LLM_TEST_VERBOSE) console.log(`sentences with a changed count flagged: ${flagged.length} of ${changed.length}`);
    assert.ok(changed.length >= 2, `only ${changed.length} sentences had a count to change`);
    assert.equal(flagged.length, changed.length, changed.filter((s) => s.verified).map((s) => s.text).join(' | '));
    for (const s of flagged) assert.match(s.why, /figure|operand|arithmetic/);
  } finally {
    await store.close();
  }
});
