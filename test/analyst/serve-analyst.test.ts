// The analyst flags of the long-running commands: `verity serve` and `verity worker` take
// --analyst llm like `verity check`, and the server's jobs write their reports with it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/run-cli.js';
import { storeOfDocs } from '../check/helpers.js';
import { CARS_CORPUS } from '../fixtures/llm/corpus.js';
import type { Report } from '../../src/model.js';
import { analystConfig, createAnalyst } from '../../src/analyst/index.js';
import { postJson, testServer, waitForJob } from '../server/helpers.js';
import { recorded, startReplayServer } from './replay-server.js';

const CLAIM = '31 of 52 cities in Examplestan restrict cars in their centres';

test('verity serve / worker: --analyst llm without a URL is a usage error before anything starts', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'verity-serve-analyst-'));
  try {
    for (const command of ['serve', 'worker']) {
      const r = await runCli([command, '--db', join(dir, 'none.db'), '--analyst', 'llm'], { env: { VERITY_LLM_URL: '', VERITY_LLM_MODEL: '' } });
      assert.equal(r.code, 2, `${command}: ${r.stderr}`);
      assert.match(r.stderr, /--analyst llm needs the server URL and none was given\. Fix: pass --llm-url/);
      const help = await runCli([command, '--help']);
      assert.match(help.stdout, /--analyst NAME/);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a server given the LLM analyst writes its check reports with it (provenance llm:m), verdict unchanged', async () => {
  const srv = await startReplayServer([recorded('report-verified')]);
  const analyst = await createAnalyst(analystConfig({ analyst: 'llm', llmUrl: srv.baseUrl, llmModel: 'm' }, {}));
  const withLlm = await testServer({ store: await storeOfDocs(CARS_CORPUS), analyst });
  const plain = await testServer({ store: await storeOfDocs(CARS_CORPUS) });
  try {
    const reports: Report[] = [];
    for (const t of [withLlm, plain]) {
      const { id } = (await (await postJson(`${t.url}/api/checks`, { input: CLAIM })).json()) as { id: string };
      const job = await waitForJob(t.url, id);
      assert.equal(job.status, 'done', JSON.stringify(job.error));
      reports.push((await (await fetch(`${t.url}/api/jobs/${id}/report?format=json`)).json()) as Report);
    }
    const [llm, rules] = reports as [Report, Report];
    assert.equal(srv.requests.length, 1, 'one request to the model, from the LLM server only');
    assert.equal(llm.provenance.analyst, 'llm:m');
    assert.equal(rules.provenance.analyst, 'rules');
    assert.deepEqual(llm.verdict, rules.verdict);
  } finally {
    await withLlm.close();
    await plain.close();
    await srv.close();
  }
});
