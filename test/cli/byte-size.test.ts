import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseByteSize } from '../../src/cli/commands/ingest.js';

test('--max-bytes accepts bytes and k/M/G suffixes, refuses the rest', () => {
  assert.equal(parseByteSize('5000'), 5000);
  assert.equal(parseByteSize('20MB'), 20 * 1024 * 1024);
  assert.equal(parseByteSize('1.5g'), Math.floor(1.5 * 1024 ** 3));
  assert.equal(parseByteSize(' 64 kb '), 64 * 1024);
  for (const bad of ['', '0', '-5', 'lots', '5 TB', '1e6']) assert.equal(parseByteSize(bad), null, bad);
});
