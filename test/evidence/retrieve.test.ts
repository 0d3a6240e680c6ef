import { test } from 'node:test';
import assert from 'node:assert/strict';
import { retrieve, claimQueries } from '../../src/evidence/index.js';
import { memoryStore } from './memory-store.js';

const store = memoryStore([
  { id: 'a', kind: 'academic', passages: ['Arctic sea ice extent declined by 13 percent per decade since 1979.', 'Arctic sea ice extent declined by 13 percent per decade since 1979, a satellite record shows.', 'Arctic sea ice is thinner than before.'] },
  { id: 'b', kind: 'news', passages: ['Sea ice in the Antarctic grew slightly over the same period.', 'Football results from the weekend.'] },
  { id: 'c', passages: ['Arctic summer sea ice extent fell 13 percent per decade.'] },
]);

test('claim queries include the claim and its key terms', () => {
  const q = claimQueries('Arctic sea ice extent fell 13 percent per decade since 1979.');
  assert.equal(q[0], 'Arctic sea ice extent fell 13 percent per decade since 1979.');
  assert.ok(q.some((x) => x.includes('Arctic') && x.includes('1979') && !x.includes(' per ')));
});

test('retrieval ranks the passages about the claim first and caps passages per source', async () => {
  const ev = await retrieve(store, 'Arctic sea ice extent fell 13 percent per decade since 1979.', { limit: 4, perSource: 1 });
  assert.ok(ev.length >= 2);
  const sources = ev.map((e) => e.source.id);
  assert.equal(new Set(sources).size, sources.length, 'one passage per source');
  assert.ok(['a', 'c'].includes(ev[0]!.source.id));
  assert.ok(!ev.some((e) => e.passage.text.startsWith('Football')));
  for (let i = 1; i < ev.length; i++) assert.ok(ev[i - 1]!.score >= ev[i]!.score - 0.5);
  assert.ok(ev[0]!.reasons.some((r) => r.kind === 'term-coverage'));
});

test('MMR prefers a different passage over a near copy', async () => {
  const ev = await retrieve(store, 'Arctic sea ice extent declined 13 percent per decade since 1979.', { limit: 2, perSource: 3, lambda: 0.3 });
  const texts = ev.map((e) => e.passage.text);
  const copies = texts.filter((t) => t.startsWith('Arctic sea ice extent declined by 13 percent')).length;
  assert.equal(copies, 1);
});

test('one query adds WordNet synonyms of the claim words', () => {
  const q = claimQueries('Global temperatures increase every decade.');
  assert.ok(q.some((x) => /\bgain\b|\baddition\b/.test(x)), JSON.stringify(q));
});

test('only the derived queries ask the store for a rare term; the claim itself is searched as it is', async () => {
  const asked: [string, boolean][] = [];
  const recording = new Proxy(store, {
    get(target, prop, receiver) {
      if (prop === 'search') return (q: string, o: { requireRare?: boolean } = {}) => (asked.push([q, o.requireRare === true]), target.search(q, o));
      return Reflect.get(target, prop, receiver) as unknown;
    },
  });
  const claim = 'Arctic sea ice extent fell 13 percent per decade since 1979.';
  await retrieve(recording, claim, { budgetMs: Number.POSITIVE_INFINITY });
  assert.deepEqual(asked, claimQueries(claim).map((q, i) => [q, i > 0]));
});
