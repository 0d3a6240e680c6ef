// The job's view of the shared store: same answers, the event loop gets a turn before each call,
// a cancelled job stops at its next call, and closing the view leaves the shared store open.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CooperativeStore } from '../../src/jobs/index.js';
import { VerityError } from '../../src/errors.js';
import { smallStore } from '../check/helpers.js';

test('reads pass through unchanged', async () => {
  const store = await smallStore();
  const view = new CooperativeStore(store, new AbortController().signal);
  assert.equal(view.engine, store.engine);
  assert.equal(view.location, store.location);
  assert.deepEqual(await view.stats(), await store.stats());
  assert.deepEqual(await view.search('possession Ruritania', { limit: 3 }), await store.search('possession Ruritania', { limit: 3 }));
  assert.equal(await view.snapshotId(), await store.snapshotId());
  const [first] = await store.listSources();
  assert.ok(first);
  assert.equal(await view.getSourceText(first.id), await store.getSourceText(first.id));
  await store.close();
});

test('each call lets a pending macrotask (a server request) run first', async () => {
  const store = await smallStore();
  const view = new CooperativeStore(store, new AbortController().signal);
  const order: string[] = [];
  setImmediate(() => order.push('other work'));
  await view.stats();
  order.push('store call returned');
  assert.deepEqual(order, ['other work', 'store call returned']);
  await store.close();
});

test('after an abort every call throws the abort reason; close does not close the shared store', async () => {
  const store = await smallStore();
  const controller = new AbortController();
  const view = new CooperativeStore(store, controller.signal);
  await view.stats();
  controller.abort(new VerityError({ code: 'CANCELLED', component: 'jobs', problem: 'job "x" was cancelled', fix: 'submit it again' }));
  await assert.rejects(() => view.search('possession'), (e: unknown) => e instanceof VerityError && e.code === 'CANCELLED');
  await assert.rejects(() => view.listSources(), /job "x" was cancelled/);
  await view.close();
  assert.ok((await store.stats()).passages > 0, 'the shared store is still open');
  await store.close();
});
