import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VerityError } from '../../src/errors.js';
import { hasMatrixShape, hasNames, parseModelJson } from '../../src/text/model-file.js';
import { readModelJson, shippedModelLoader } from '../../src/text/read-model-file.js';

const REF = { component: 'evidence', model: 'stance', path: '/m/stance.json', fix: 'restore models/stance.json from git' };

test('parseModelJson returns the parsed value, and names the file, component and fix on bad JSON', () => {
  assert.deepEqual(parseModelJson('{"schemaVersion":1,"weights":[[0,1]]}', REF), { schemaVersion: 1, weights: [[0, 1]] });
  assert.throws(
    () => parseModelJson('{"schemaVersion":', REF),
    (e: unknown) =>
      e instanceof VerityError &&
      e.code === 'BAD_INPUT' &&
      e.cause instanceof SyntaxError &&
      e.message === 'verity: [evidence] the stance model "/m/stance.json" is not valid JSON. Fix: restore models/stance.json from git',
  );
});

test('hasNames wants exactly the names in order', () => {
  assert.equal(hasNames(['a', 'b'], ['a', 'b']), true);
  assert.equal(hasNames(['b', 'a'], ['a', 'b']), false);
  assert.equal(hasNames(['a'], ['a', 'b']), false);
  assert.equal(hasNames('a,b', ['a', 'b']), false);
  assert.equal(hasNames(undefined, []), false);
});

test('hasMatrixShape wants rows × columns, every row an array', () => {
  assert.equal(hasMatrixShape([[1, 2, 3], [4, 5, 6]], 2, 3), true);
  assert.equal(hasMatrixShape([[1, 2, 3]], 2, 3), false);
  assert.equal(hasMatrixShape([[1, 2, 3], [4, 5]], 2, 3), false);
  assert.equal(hasMatrixShape([[1, 2, 3], 'abc'], 2, 3), false);
  assert.equal(hasMatrixShape(null, 0, 0), false);
});

test('readModelJson reads and parses a model file; a missing file is NOT_FOUND naming it, bad JSON is BAD_INPUT', () => {
  const dir = mkdtempSync(join(tmpdir(), 'verity-model-file-'));
  try {
    const ref = { component: 'text', model: 'check-worthiness', missingFix: 'train it', fix: 'retrain it' };
    writeFileSync(join(dir, 'ok.json'), '{"bias":0.5}');
    assert.deepEqual(readModelJson({ ...ref, path: join(dir, 'ok.json') }), { bias: 0.5 });
    const missing = join(dir, 'missing.json');
    assert.throws(
      () => readModelJson({ ...ref, path: missing }),
      (e: unknown) => e instanceof VerityError && e.code === 'NOT_FOUND' && e.message === `verity: [text] cannot read the check-worthiness model ${JSON.stringify(missing)}. Fix: train it`,
    );
    writeFileSync(join(dir, 'bad.json'), '{"bias":');
    assert.throws(() => readModelJson({ ...ref, path: join(dir, 'bad.json') }), (e: unknown) => e instanceof VerityError && e.code === 'BAD_INPUT' && /is not valid JSON\. Fix: retrain it$/.test(e.message));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('shippedModelLoader: a missing or corrupt model file names the file and "npm run train"; a good one is read once', () => {
  const dir = mkdtempSync(join(tmpdir(), 'verity-model-loader-'));
  try {
    const path = join(dir, 'verdict.json');
    let checks = 0;
    const check = (value: unknown, where: string): { ok: true } => {
      checks++;
      if ((value as { ok?: unknown }).ok !== true) throw new VerityError({ code: 'BAD_INPUT', component: 'evidence', problem: `verdict model ${where} is not ok`, fix: 'retrain it' });
      return { ok: true };
    };
    const load = shippedModelLoader({ component: 'evidence', model: 'verdict', path, file: 'models/verdict.json', check });
    assert.throws(
      () => load(),
      (e: unknown) =>
        e instanceof VerityError &&
        e.code === 'NOT_FOUND' &&
        e.message === `verity: [evidence] cannot read the verdict model ${JSON.stringify(path)}. Fix: restore models/verdict.json from git (or reinstall Verity), or rebuild it with "npm run train"`,
    );
    writeFileSync(path, '{"ok":tru');
    assert.throws(
      () => load(),
      (e: unknown) =>
        e instanceof VerityError &&
        e.code === 'BAD_INPUT' &&
        e.message === `verity: [evidence] the verdict model ${JSON.stringify(path)} is not valid JSON. Fix: retrain it with "npm run train" (or restore models/verdict.json from git)`,
    );
    writeFileSync(path, '{"ok":true}');
    assert.deepEqual(load(), { ok: true });
    rmSync(path);
    assert.deepEqual(load(), { ok: true }, 'kept after the first good read');
    assert.equal(checks, 1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
