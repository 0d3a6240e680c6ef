// The LLM analyst writing report prose: every model sentence goes through the same verifier as
// a rules sentence; what it cannot support is flagged in every rendering, never dropped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LlmAnalyst } from '../../src/analyst/llm/index.js';
import { rulesAnalyst } from '../../src/analyst/rules-analyst.js';
import { renderReport } from '../../src/report/index.js';
import { verifyReport } from '../../src/report/verify.js';
import { VerityError } from '../../src/errors.js';
import type { Report, ReportSentence } from '../../src/model.js';
import { answer, recorded, startReplayServer, type Reply } from './replay-server.js';
import { carsComposeInput } from './compose-input.js';

function sentences(r: Report): ReportSentence[] {
  return [...r.summary, ...r.findings.flatMap((f) => f.sentences)];
}

async function reportFrom(replies: Reply[]): Promise<{ report: Report; warnings: string[]; requests: number; bodies: unknown[] }> {
  const srv = await startReplayServer(replies);
  try {
    const input = carsComposeInput();
    const composed = await new LlmAnalyst({ baseUrl: srv.baseUrl, model: 'm', sleep: async () => undefined }).compose(input);
    return { report: verifyReport(composed.draft, composed.passages), warnings: input.provenance.warnings, requests: srv.requests.length, bodies: srv.requests.map((r) => r.body) };
  } finally {
    await srv.close();
  }
}

test('the prompt holds the claim, the decided verdict and the numbered passages, with temperature 0', async () => {
  const { bodies } = await reportFrom([recorded('report-verified')]);
  const body = bodies[0] as { messages: { role: string; content: string }[]; temperature: number };
  assert.equal(body.temperature, 0);
  const user = body.messages.find((m) => m.role === 'user')?.content ?? '';
  assert.match(user, /^Claim: 31 of 52 cities in Examplestan restrict cars in their centres\nVerdict \(decided\): supported\./);
  assert.match(user, /\[1\] "Car-free cities survey 2024" \(Examplestan Urban Institute, ngo, 2024-03-01\); judged supports toward the claim\n<passage n="1">\nThe Examplestan Urban Institute reviewed 52 cities/);
  assert.match(user, /\[2\] "Register of restricted zones"/);
  assert.match(user, /\[3\] "Northville bans private cars from its centre"/);
  assert.doesNotMatch(user, /\[4\]/);
  assert.match(body.messages[0]?.content ?? '', /Answer with only this JSON/);
});

test('a report whose LLM sentences all verify: cited by source number, verdict and computed parts unchanged', async () => {
  const { report, warnings } = await reportFrom([recorded('report-verified')]);
  const all = sentences(report);
  assert.equal(all.length, 9);
  // The summary closes with the computed caveat, as a rules report's does.
  assert.equal(report.summary.at(-1)?.basis, 'metadata');
  assert.match(report.summary.at(-1)?.text ?? '', /^The counts come from secondary sources, the Examplestan Urban Institute \[1\]/);
  for (const s of all) assert.ok(s.verified, `${s.text}: ${s.why}`);
  assert.deepEqual(warnings, []);
  assert.equal(report.summary[0]?.text, 'The Examplestan Urban Institute reports that 31 of the 52 cities it reviewed restrict cars in their centres [1].');
  // Passage [2] of the prompt is the ministry's register; in the report its source has the number the rules draft gave it.
  const ministry = report.sources.find((s) => s.title === 'Register of restricted zones');
  assert.ok(ministry);
  assert.equal(report.summary[2]?.text, `The Ministry of Transport lists 12 cities in Examplestan with full bans on cars in their centres [${ministry.n}].`);
  assert.deepEqual(report.findings.map((f) => f.headline), ['31 of the 52 cities restrict cars in their centres', 'The ministry lists 12 cities with full bans']);
  const rules = verifyReport((await rulesAnalyst.compose(carsComposeInput())).draft, (await rulesAnalyst.compose(carsComposeInput())).passages);
  assert.deepEqual(report.verdict, rules.verdict);
  // The gaps are the rules analyst's, but those naming its findings speak of the model's findings instead.
  const namesRulesFinding = (text: string): boolean => rules.findings.some((f) => text.includes(`“${f.headline}”`));
  assert.ok(rules.gaps.some((g) => namesRulesFinding(g.text)), 'the fixture should have a single-source gap to replace');
  assert.deepEqual(report.gaps.filter((g) => !/^The finding “/.test(g.text)), rules.gaps.filter((g) => !namesRulesFinding(g.text)));
  assert.deepEqual(report.gaps.filter((g) => /^The finding “/.test(g.text)).map((g) => [g.text, g.verified]), [['The finding “31 of the 52 cities restrict cars in their centres” rests on a single source, the Examplestan Urban Institute [1].', true]]);
  for (const g of report.gaps) assert.ok(g.verified, `${g.text}: ${g.why}`);
  assert.deepEqual(report.perspectives, rules.perspectives);
  assert.deepEqual(report.figures, rules.figures);
  for (const n of new Set(all.flatMap((s) => s.citations))) assert.ok(report.sources.some((s) => s.n === n));
});

test('an unsupported sentence and a wrong figure are flagged, in Markdown and JSON; a headline that fails is marked', async () => {
  const { report, warnings } = await reportFrom([recorded('report-unsupported')]);
  const byText = (re: RegExp): ReportSentence => {
    const s = sentences(report).find((x) => re.test(x.text));
    assert.ok(s, `no sentence matching ${re}`);
    return s;
  };
  const wrongFigure = byText(/41 of the 52 cities/);
  assert.equal(wrongFigure.verified, false);
  assert.match(wrongFigure.why, /figure "41 of the 52 cities" conflicts with/);
  const invented = byText(/Most residents/);
  assert.equal(invented.verified, false);
  assert.match(invented.why, /^unsupported: only \d+% of its terms appear in the cited passages \(missing: resident/);
  assert.equal(byText(/referendum/).verified, false);
  assert.equal(byText(/Shops in Northville/).verified, true);
  assert.equal(report.findings[0]?.headline, 'Residents strongly favour car-free centres (unverified)');
  assert.ok(warnings.includes("the model's answer was repaired: code fence removed"), warnings.join(' | '));
  assert.ok(warnings.some((w) => /^the headline of finding 1 \("Residents strongly favour car-free centres"\) is not supported by its passages: unsupported/.test(w)));

  const md = renderReport(report, 'md');
  assert.match(md, /41 of the 52 cities restrict cars in their centres \[1\]\. \*\*⚠ unverified: figure "41 of the 52 cities" conflicts/);
  assert.match(md, /air quality improved \[\d\]\[\d\]\. \*\*⚠ unverified: unsupported/);
  const json = JSON.parse(renderReport(report, 'json')) as Report;
  assert.equal(json.summary.filter((s) => !s.verified).length, 2);
});

test('a citation to a passage that was not given, or that is not a number, or none at all: flagged, not dropped', async () => {
  const { report } = await reportFrom([recorded('report-bad-citation')]);
  assert.equal(report.summary.length, 5);
  const [seven, word, none, good, caveat] = report.summary;
  assert.equal(caveat?.basis, 'metadata');
  assert.equal(seven?.verified, false);
  assert.equal(seven?.why, 'cites passage [7] (only passages 1–3 were given), which was not found');
  assert.equal(seven?.text, 'Only 9 of the 52 cities ban cars from their centres outright.');
  assert.equal(word?.verified, false);
  assert.match(word?.why ?? '', /cites passage "survey" \(not a passage number\)/);
  assert.equal(none?.verified, false);
  assert.match(none?.why ?? '', /^no citation/);
  assert.equal(good?.verified, true);
  assert.match(renderReport(report, 'md'), /outright\. \*\*⚠ unverified: cites passage \[7\] \(only passages 1–3 were given\)/);
});

test('unparseable output: asked again once with the reason, then a clear error — never a half report', async () => {
  const srv = await startReplayServer([recorded('report-unparseable'), recorded('report-unparseable')]);
  try {
    const analyst = new LlmAnalyst({ baseUrl: srv.baseUrl, model: 'm' });
    await assert.rejects(analyst.compose(carsComposeInput()), (e: unknown) => {
      assert.ok(e instanceof VerityError);
      assert.equal(e.code, 'BAD_RESPONSE');
      assert.match(e.message, /^verity: \[llm\] the model "m" at "http:\/\/127\.0\.0\.1:\d+\/v1\/chat\/completions" answered twice with report JSON that cannot be read: the answer holds no JSON object or array .*\(the answer begins "I'm sorry, but I can only answer questions about the weather\."\)\. Fix: use an instruction-following chat model .* or run with --analyst rules$/);
      return true;
    });
    assert.equal(srv.requests.length, 2);
    const second = srv.requests[1]?.body as { messages: { role: string; content: string }[] };
    assert.equal(second.messages.at(-2)?.role, 'assistant');
    assert.match(second.messages.at(-1)?.content ?? '', /^Your answer could not be read: the answer holds no JSON object or array/);
  } finally {
    await srv.close();
  }
});

test('unparseable, then good on the second ask: the report is made', async () => {
  const { report, requests } = await reportFrom([recorded('report-unparseable'), recorded('report-verified')]);
  assert.equal(requests, 2);
  assert.ok(sentences(report).every((s) => s.verified));
});

test('an answer cut at the token limit says so', async () => {
  await assert.rejects(reportFrom([recorded('report-cut-off'), recorded('report-cut-off')]), /cut off or unbalanced.*the server says the answer was cut at its token limit/);
});

test('a server that fails mid-report: the error, no report', async () => {
  await assert.rejects(reportFrom([{ status: 500 }, { status: 500 }, { status: 500 }, { status: 500 }]), (e: unknown) => e instanceof VerityError && e.code === 'LLM_HTTP' && /HTTP 500.*gave up after 4 attempts/.test(e.message));
});

test('tolerant reading: a bare list with inline marks is the summary', async () => {
  const content = 'Sure! [{"text": "The Examplestan Urban Institute reviewed 52 cities in 2024 [1]."}, {"text": "Only 9 of the 52 cities ban cars from their centres outright.", "cites": ["1"]},]';
  const { report, warnings } = await reportFrom([answer(content)]);
  assert.equal(report.findings.length, 0);
  assert.deepEqual(report.summary.slice(0, 2).map((s) => [s.text, s.verified]), [
    ['The Examplestan Urban Institute reviewed 52 cities in 2024 [1].', true],
    ['Only 9 of the 52 cities ban cars from their centres outright [1].', true],
  ]);
  assert.equal(report.summary.length, 3);
  assert.equal(warnings.length, 1);
  assert.match(warnings[0] ?? '', /^the model's answer was repaired: text around the JSON ignored; trailing commas removed; a bare list of sentences was read as the summary; citation marks written in the text were read as its citations$/);
});
