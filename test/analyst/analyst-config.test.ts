import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analystConfig, createAnalyst } from '../../src/analyst/analyst-config.js';
import { rulesAnalyst } from '../../src/analyst/rules-analyst.js';
import { VerityError } from '../../src/errors.js';

const usage = (re: RegExp) => (e: unknown): boolean => e instanceof VerityError && e.code === 'USAGE' && re.test(e.message);

test('rules by default, even with VERITY_LLM_* set: the environment alone never selects a model', async () => {
  const env = { VERITY_LLM_URL: 'http://127.0.0.1:1/v1', VERITY_LLM_MODEL: 'm', VERITY_LLM_API_KEY: 'sk-secret-key' };
  assert.deepEqual(analystConfig({}, env), { kind: 'rules' });
  assert.deepEqual(analystConfig({ analyst: 'rules' }, env), { kind: 'rules' });
  assert.equal(await createAnalyst({ kind: 'rules' }), rulesAnalyst);
});

test('--analyst llm takes URL and model from flags, else the environment; key, timeout and seed from the environment', async () => {
  assert.deepEqual(analystConfig({ analyst: 'llm', llmUrl: 'http://a:1/v1', llmModel: 'x' }, { VERITY_LLM_URL: 'http://b:2/v1', VERITY_LLM_MODEL: 'y' }), { kind: 'llm', baseUrl: 'http://a:1/v1', model: 'x' });
  const c = analystConfig({ analyst: 'llm' }, { VERITY_LLM_URL: 'http://b:2/v1', VERITY_LLM_MODEL: 'y', VERITY_LLM_API_KEY: ' k-123456 ', VERITY_LLM_TIMEOUT: '2.5', VERITY_LLM_SEED: '42' });
  assert.deepEqual(c, { kind: 'llm', baseUrl: 'http://b:2/v1', model: 'y', apiKey: 'k-123456', timeoutMs: 2500, seed: 42 });
  const analyst = await createAnalyst(c);
  assert.equal(analyst.name, 'llm:y');
});

test('clear usage errors: unknown analyst, no URL, no model, --llm-* without --analyst llm, bad numbers', () => {
  assert.throws(() => analystConfig({ analyst: 'gpt' }, {}), usage(/\[cli\] unknown --analyst "gpt"\. Fix: use --analyst rules \(the default, offline\) or --analyst llm/));
  assert.throws(() => analystConfig({ analyst: 'llm', llmModel: 'm' }, {}), usage(/--analyst llm needs the server URL and none was given\. Fix: pass --llm-url http:\/\/127\.0\.0\.1:11434\/v1 \(Ollama; .*\) or set VERITY_LLM_URL/));
  assert.throws(() => analystConfig({ analyst: 'llm', llmUrl: 'http://h/v1' }, {}), usage(/--analyst llm needs a model name for "http:\/\/h\/v1" and none was given\. Fix: pass --llm-model NAME/));
  assert.throws(() => analystConfig({ llmUrl: 'http://h/v1' }, {}), usage(/--llm-url is given but the analyst is "rules"\. Fix: add --analyst llm/));
  assert.throws(() => analystConfig({ llmModel: 'm' }, {}), usage(/--llm-model is given but the analyst is "rules"/));
  assert.throws(() => analystConfig({ analyst: 'llm', llmUrl: 'http://h/v1', llmModel: 'm' }, { VERITY_LLM_TIMEOUT: 'soon' }), usage(/VERITY_LLM_TIMEOUT "soon" is not a positive number/));
  assert.throws(() => analystConfig({ analyst: 'llm', llmUrl: 'http://h/v1', llmModel: 'm' }, { VERITY_LLM_SEED: '-1' }), usage(/VERITY_LLM_SEED "-1" is not a whole number/));
  assert.throws(() => analystConfig({ analyst: 'llm', llmUrl: 'http://h/v1', llmModel: 'm', llmConcurrency: '0' }, {}), usage(/--llm-concurrency "0" is not a positive whole number/));
});

test('a bad URL is refused when the analyst is made, before any request', async () => {
  await assert.rejects(createAnalyst({ kind: 'llm', baseUrl: 'localhost:11434', model: 'm' }), usage(/\[llm\] the LLM server URL "localhost:11434" is not an http\(s\) URL/));
});
