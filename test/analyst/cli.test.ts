// The command line end to end: verity check / verity eval with --analyst llm against a local
// replay server, and the guarantee that nothing reaches the network unless the LLM is chosen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../helpers/run-cli.js';
import { storeOfDocs } from '../check/helpers.js';
import { CARS_CORPUS } from '../fixtures/llm/corpus.js';
import type { Report } from '../../src/model.js';
import { recorded, startReplayServer } from './replay-server.js';

const CLAIM = '31 of 52 cities in Examplestan restrict cars in their centres';
const PAIRS = fileURLToPath(new URL('../fixtures/llm/healthver-pairs.csv', import.meta.url));

async function withCorpus(run: (dir: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'verity-llm-cli-'));
  try {
    await (await storeOfDocs(CARS_CORPUS, join(dir, 'c.db'))).close();
    await run(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('verity check --analyst llm --llm-url … --llm-model m: the model writes, the verifier checks, the verdict stays', async () => {
  await withCorpus(async (dir) => {
    const srv = await startReplayServer([recorded('report-verified')]);
    try {
      const llm = await runCli(['check', CLAIM, '--db', 'c.db', '--format', 'json', '--analyst', 'llm', '--llm-url', srv.baseUrl, '--llm-model', 'm'], { cwd: dir });
      assert.equal(llm.code, 0, llm.stderr);
      assert.match(llm.stderr, /compose: 0\/1 asking llm:m\n/);
      assert.equal(srv.requests.length, 1);
      const body = srv.requests[0]?.body as { model: string; temperature: number; messages: { content: string }[] };
      assert.equal(body.model, 'm');
      assert.equal(body.temperature, 0);
      assert.match(body.messages[1]?.content ?? '', /^Claim: 31 of 52 cities in Examplestan restrict cars in their centres\n/);
      const report = JSON.parse(llm.stdout) as Report;
      assert.equal(report.provenance.analyst, 'llm:m');
      assert.match(report.summary[0]?.text ?? '', /^The Examplestan Urban Institute reports that 31 of the 52 cities it reviewed restrict cars in their centres \[\d\]\.$/);
      assert.deepEqual(report.findings.map((f) => f.headline.replace(/ \(unverified\)$/, '')), ['31 of the 52 cities restrict cars in their centres', 'The ministry lists 12 cities with full bans']);
      const all = [...report.summary, ...report.findings.flatMap((f) => f.sentences), ...report.gaps, ...report.perspectives];
      for (const s of all) assert.ok(s.why.length > 0 && typeof s.verified === 'boolean');
      assert.ok(report.summary.filter((s) => s.verified).length >= 2, JSON.stringify(report.summary, null, 1));

      const rules = await runCli(['check', CLAIM, '--db', 'c.db', '--format', 'json'], { cwd: dir });
      assert.equal(rules.code, 0, rules.stderr);
      const rulesReport = JSON.parse(rules.stdout) as Report;
      assert.equal(rulesReport.provenance.analyst, 'rules');
      assert.deepEqual(report.verdict, rulesReport.verdict);
      assert.deepEqual(report.facets, rulesReport.facets);
    } finally {
      await srv.close();
    }
  });
});

test('Markdown from the LLM analyst names the model and flags what fails', async () => {
  await withCorpus(async (dir) => {
    const srv = await startReplayServer([recorded('report-unsupported')]);
    try {
      const md = await runCli(['check', CLAIM, '--db', 'c.db', '--analyst', 'llm', '--llm-url', srv.baseUrl, '--llm-model', 'm'], { cwd: dir });
      assert.equal(md.code, 0, md.stderr);
      assert.match(md.stdout, /Most residents of Examplestan welcome these car bans because air quality improved \[\d\]\[\d\]\. \*\*⚠ unverified: unsupported/);
      assert.match(md.stdout, /analyst: llm:m/);
      assert.match(md.stdout, /_Warning: the model's answer was repaired: code fence removed_/);
    } finally {
      await srv.close();
    }
  });
});

test('with VERITY_LLM_URL set but no --analyst, no request is made: the rules analyst writes', async () => {
  await withCorpus(async (dir) => {
    const srv = await startReplayServer([recorded('report-verified')]);
    try {
      const run = await runCli(['check', CLAIM, '--db', 'c.db', '--format', 'json'], { cwd: dir, env: { VERITY_LLM_URL: srv.baseUrl, VERITY_LLM_MODEL: 'm' } });
      assert.equal(run.code, 0, run.stderr);
      assert.equal((JSON.parse(run.stdout) as Report).provenance.analyst, 'rules');
      assert.equal(srv.requests.length, 0);
    } finally {
      await srv.close();
    }
  });
});

test('failures: no URL is a usage error; a refused key is a clear error with the key redacted, and no report', async () => {
  await withCorpus(async (dir) => {
    const noUrl = await runCli(['check', CLAIM, '--db', 'c.db', '--analyst', 'llm', '--llm-model', 'm'], { cwd: dir });
    assert.equal(noUrl.code, 2);
    assert.match(noUrl.stderr, /verity: \[cli\] --analyst llm needs the server URL and none was given\. Fix: pass --llm-url/);

    const key = 'sk-proj-0123456789abcdef';
    const srv = await startReplayServer((req) => ({ status: 401, body: { error: { message: `Incorrect API key provided: ${String(req.headers.authorization).slice(7)}` } } }));
    try {
      const refused = await runCli(['check', CLAIM, '--db', 'c.db', '--analyst', 'llm'], { cwd: dir, env: { VERITY_LLM_URL: srv.baseUrl, VERITY_LLM_MODEL: 'm', VERITY_LLM_API_KEY: key } });
      assert.equal(refused.code, 1);
      assert.equal(refused.stdout, '');
      assert.ok(!refused.stderr.includes(key), refused.stderr);
      assert.match(refused.stderr, /verity: \[llm\] the LLM server at "http:\/\/127\.0\.0\.1:\d+\/v1\/chat\/completions" \(model "m"\) answered HTTP 401: "Incorrect API key provided: \*\*\*"\. Fix: set VERITY_LLM_API_KEY/);
    } finally {
      await srv.close();
    }
  });
});

test('--llm-fallback: when the model fails, the rules report with a warning, and provenance says so', async () => {
  await withCorpus(async (dir) => {
    const srv = await startReplayServer([recorded('report-unparseable'), recorded('report-unparseable')]);
    try {
      const run = await runCli(['check', CLAIM, '--db', 'c.db', '--format', 'json', '--analyst', 'llm', '--llm-url', srv.baseUrl, '--llm-model', 'm', '--llm-fallback'], { cwd: dir });
      assert.equal(run.code, 0, run.stderr);
      assert.equal(srv.requests.length, 2);
      const report = JSON.parse(run.stdout) as Report;
      assert.equal(report.provenance.analyst, 'rules (llm:m failed)');
      assert.ok(report.provenance.warnings.some((w) => /^the LLM analyst failed, so the summary and findings are the rules analyst's: verity: \[llm\] the model "m" .* answered twice with report JSON that cannot be read/.test(w)), report.provenance.warnings.join(' | '));
      const rules = JSON.parse((await runCli(['check', CLAIM, '--db', 'c.db', '--format', 'json'], { cwd: dir })).stdout) as Report;
      assert.deepEqual(report.summary, rules.summary);
      assert.deepEqual(report.findings, rules.findings);
      const stray = await runCli(['check', CLAIM, '--db', 'c.db', '--llm-fallback'], { cwd: dir });
      assert.equal(stray.code, 2);
      assert.match(stray.stderr, /--llm-fallback is given but the analyst is "rules"/);
    } finally {
      await srv.close();
    }
  });
});

test('verity eval <pair-suite> --analyst llm: stances from the model, scored like the rules analyst', async () => {
  const srv = await startReplayServer([recorded('stance-batch')]);
  try {
    const run = await runCli(['eval', 'healthver', '--data', PAIRS, '--analyst', 'llm', '--llm-url', srv.baseUrl, '--llm-model', 'm', '--json']);
    assert.equal(run.code, 0, run.stderr);
    const r = JSON.parse(run.stdout) as { suite: string; n: number; accuracy: number; macroF1: number; extra: { analyst: string } };
    assert.equal(r.suite, 'healthver');
    assert.equal(r.n, 3);
    assert.equal(r.accuracy, 1);
    assert.equal(r.extra.analyst, 'llm:m');
    assert.equal(srv.requests.length, 1);
    const prompt = (srv.requests[0]?.body as { messages: { content: string }[] }).messages[1]?.content ?? '';
    assert.match(prompt, /^Pair 1\nClaim: Most cities in Examplestan restrict cars in their centres\.\nEvidence: <evidence>The survey found that 31 of the 52 cities/);

    const notPairs = await runCli(['eval', 'climate-fever', '--data', PAIRS, '--analyst', 'llm', '--llm-url', srv.baseUrl, '--llm-model', 'm']);
    assert.equal(notPairs.code, 2);
    assert.match(notPairs.stderr, /\[eval\] --analyst llm measures the pair suites only, not "climate-fever"\. Fix: use one of healthver, fever-symmetric, covid-fact, scifact/);
    assert.equal(srv.requests.length, 1);
  } finally {
    await srv.close();
  }
});
