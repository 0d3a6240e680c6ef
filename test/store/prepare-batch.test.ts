import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { prepareBatch } from '../../src/store/prepare-batch.js';
import { checkDocumentInput } from '../../src/store/document-checks.js';
import { VerityError } from '../../src/errors.js';
import type { DocumentInput } from '../../src/contracts.js';
import { doc } from '../conformance/store-conformance.js';

test('prepareBatch keeps the order, hashes the accepted documents and puts refusals in their slots', () => {
  const bad: DocumentInput = { ...doc('bad', 'Bad.'), passages: [{ start: 3, end: 9 }] };
  const out = prepareBatch([doc('a', 'First.'), bad, doc('b', 'Second.')], checkDocumentInput);
  assert.equal(out.length, 3);
  assert.deepEqual(out[0], { doc: doc('a', 'First.'), id: createHash('sha256').update('First.').digest('hex') });
  assert.ok(out[1] instanceof VerityError);
  assert.match(out[1].message, /passage 0 of "bad" has offsets 3\.\.9 outside the text \(length 4\)/);
  assert.equal((out[2] as { id: string }).id, createHash('sha256').update('Second.').digest('hex'));
});

test('prepareBatch lets an error that is not a refusal propagate (a bug, not a bad document)', () => {
  const boom = new TypeError('validator bug');
  assert.throws(() => prepareBatch([doc('a', 'A.')], () => {
    throw boom;
  }), (e: unknown) => e === boom);
  assert.deepEqual(prepareBatch([], checkDocumentInput), []);
});
