import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { CHECKWORTHINESS_MODEL_PATH, DENSE_FEATURES, checkworthiness, checkworthinessFeatures, shippedCheckworthinessModel, validateCheckworthinessModel } from '../../src/text/index.js';
import { VerityError } from '../../src/errors.js';

test('the shipped model is valid and small', () => {
  const m = shippedCheckworthinessModel();
  assert.equal(m.dense.length, DENSE_FEATURES.length);
  assert.ok(readFileSync(CHECKWORTHINESS_MODEL_PATH).length < 100_000);
});

test('scores are in [0,1] and rank factual claims above opinions, questions and boilerplate', () => {
  const claims = ['140 of 196 countries criminalize simple possession.', 'Unemployment rose to 8 percent in 2010.', 'The law was passed in 2003 and bans possession.'];
  const others = ['What do you think about that?', 'Thank you very much, good evening.', 'I think he is a wonderful person.', 'We will make this country great again!'];
  const c = claims.map((s) => checkworthiness(s));
  const o = others.map((s) => checkworthiness(s));
  for (const x of [...c, ...o]) assert.ok(x >= 0 && x <= 1);
  assert.ok(Math.min(...c) > Math.max(...o), `claims ${c.join(',')} vs others ${o.join(',')}`);
  assert.ok(Math.min(...c) > 0.5 && Math.max(...o) < 0.5);
});

test('features are bounded and deterministic', () => {
  const f = checkworthinessFeatures('According to the ministry, about 2.3 million people (45%) live in 12 cities since 2006?');
  assert.equal(f.dense.length, DENSE_FEATURES.length);
  for (const x of f.dense) assert.ok(x >= 0 && x <= 1);
  assert.deepEqual(checkworthinessFeatures('Same text.'), checkworthinessFeatures('Same text.'));
  assert.doesNotThrow(() => checkworthiness('\u0000'.repeat(10) + 'x'.repeat(1_000_000)));
});

test('a malformed model is refused with a clear error', () => {
  assert.throws(() => validateCheckworthinessModel({ schemaVersion: 99 }, 'x.json'), (e: unknown) => e instanceof VerityError && /schemaVersion 99/.test(e.message) && /"npm run train"/.test(e.message));
  assert.throws(() => validateCheckworthinessModel({ schemaVersion: 1, kind: 'logistic-regression', bias: 0, dense: ['x'], denseWeights: [1], terms: {} }, 'x.json'), /dense features do not match/);
});
