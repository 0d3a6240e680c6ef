// The Store contract's conformance suite: every engine runs these same tests
// (test/store/sqlite-store.test.ts runs them against SQLite).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import type { DocumentInput, Store } from '../../src/contracts.js';
import type { SourceMeta } from '../../src/model.js';
import { isVerityError } from '../../src/errors.js';

const RETRIEVED = '2026-01-02T03:04:05.000Z';

function meta(uri: string, title: string, extra: Partial<SourceMeta> = {}): SourceMeta {
  return { uri, title, publisher: null, author: null, publishedAt: null, kind: 'other', language: null, license: null, ...extra };
}

/** A document whose passages are its sentences (split on ". "), so tests know the spans. */
export function doc(uri: string, text: string, extra: Partial<SourceMeta> = {}): DocumentInput {
  const passages: { start: number; end: number }[] = [];
  const re = /[^.]+\.?/g;
  for (const m of text.matchAll(re)) {
    let start = m.index ?? 0;
    let end = start + m[0].length;
    while (start < end && /\s/.test(text[start] ?? '')) start++;
    while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
    if (end > start) passages.push({ start, end });
  }
  return { meta: meta(uri, extra.title ?? uri, extra), text, passages, retrievedAt: RETRIEVED };
}

export function runStoreConformance(engine: string, open: () => Promise<Store>): void {
  describe(`Store conformance: ${engine}`, () => {
    test('upsert adds, then is a no-op for the same uri and text, then replaces changed text', async () => {
      const store = await open();
      try {
        const a = await store.upsertDocument(doc('file:///a.txt', 'Alpha one. Alpha two. Alpha three.'));
        assert.equal(a.status, 'added');
        assert.equal(a.passages, 3);
        const again = await store.upsertDocument(doc('file:///a.txt', 'Alpha one. Alpha two. Alpha three.'));
        assert.deepEqual(again, { sourceId: a.sourceId, status: 'unchanged', passages: 3 });
        const changed = await store.upsertDocument(doc('file:///a.txt', 'Beta one. Beta two.'));
        assert.equal(changed.status, 'replaced');
        assert.notEqual(changed.sourceId, a.sourceId);
        assert.deepEqual(await store.stats(), { sources: 1, passages: 2 });
        assert.equal(await store.getSource(a.sourceId), null);
        assert.deepEqual(await store.search('alpha'), []);
        assert.equal((await store.search('beta')).length, 2);
      } finally {
        await store.close();
      }
    });

    test('source id is the sha256 of the text; identical text under another uri is one source', async () => {
      const store = await open();
      try {
        const a = await store.upsertDocument(doc('u1', 'Same text here.'));
        assert.match(a.sourceId, /^[0-9a-f]{64}$/);
        assert.equal(a.sourceId, createHash('sha256').update('Same text here.').digest('hex'));
        const b = await store.upsertDocument(doc('u2', 'Same text here.'));
        assert.equal(b.sourceId, a.sourceId);
        assert.equal(b.status, 'unchanged');
        assert.deepEqual(await store.stats(), { sources: 1, passages: 1 });
      } finally {
        await store.close();
      }
    });

    test('metadata and passages read back; offsets slice exactly onto the source text', async () => {
      const store = await open();
      try {
        const text = 'Émoji 🎉 first sentence. Second one — with “quotes”. Third.';
        const r = await store.upsertDocument(doc('file:///e.md', text, { title: 'E', publisher: 'Pub', author: 'Au', publishedAt: '2024-02-03', kind: 'news', language: 'en', license: 'CC-BY' }));
        const src = await store.getSource(r.sourceId);
        assert.deepEqual(src, {
          id: r.sourceId,
          uri: 'file:///e.md',
          title: 'E',
          publisher: 'Pub',
          author: 'Au',
          publishedAt: '2024-02-03',
          kind: 'news',
          language: 'en',
          license: 'CC-BY',
          retrievedAt: RETRIEVED,
          textLength: text.length,
        });
        assert.equal(await store.getSourceText(r.sourceId), text);
        const passages = await store.getPassages(r.sourceId);
        assert.deepEqual(
          passages.map((p) => p.ordinal),
          [0, 1, 2],
        );
        for (const p of passages) {
          assert.equal(text.slice(p.start, p.end), p.text);
          assert.equal(p.sourceId, r.sourceId);
          assert.deepEqual(await store.getPassage(p.id), p);
        }
        assert.equal(await store.getPassage('nope'), null);
        assert.equal(await store.getPassage(`${r.sourceId.slice(0, 16)}:99`), null);
        assert.deepEqual(await store.listSources(), [src]);
      } finally {
        await store.close();
      }
    });

    test('passages that overlap or come out of order are stored and slice back too', async () => {
      const store = await open();
      try {
        const text = 'Alpha beta gamma. Delta epsilon.';
        const input: DocumentInput = { ...doc('o', text), passages: [{ start: 18, end: 32 }, { start: 0, end: 17 }, { start: 6, end: 23 }] };
        const r = await store.upsertDocument(input);
        assert.equal(await store.getSourceText(r.sourceId), text);
        const passages = await store.getPassages(r.sourceId);
        assert.deepEqual(
          passages.map((p) => p.text),
          ['Delta epsilon.', 'Alpha beta gamma.', 'beta gamma. Delta'],
        );
        for (const p of passages) assert.equal(text.slice(p.start, p.end), p.text);
      } finally {
        await store.close();
      }
    });

    test('text before the first passage, between passages and after the last is kept exactly', async () => {
      const store = await open();
      try {
        const text = '\n\n  # Title\n\nBody one.  \t Body two.\n\n- item\n\n';
        const input: DocumentInput = { ...doc('g', text), passages: ['Title', 'Body one.', 'Body two.'].map((w) => ({ start: text.indexOf(w), end: text.indexOf(w) + w.length })) };
        const r = await store.upsertDocument(input);
        assert.equal(await store.getSourceText(r.sourceId), text);
        assert.deepEqual((await store.getPassages(r.sourceId)).map((p) => p.text), ['Title', 'Body one.', 'Body two.']);
      } finally {
        await store.close();
      }
    });

    test('removeSource removes the source, its passages and its index entries', async () => {
      const store = await open();
      try {
        const r = await store.upsertDocument(doc('x', 'Gamma ray. Delta wave.'));
        await store.upsertDocument(doc('y', 'Gamma other.'));
        assert.equal(await store.removeSource(r.sourceId), true);
        assert.equal(await store.removeSource(r.sourceId), false);
        assert.deepEqual(await store.stats(), { sources: 1, passages: 1 });
        assert.deepEqual(await store.getPassages(r.sourceId), []);
        assert.deepEqual(
          (await store.search('gamma delta')).map((h) => h.passage.text),
          ['Gamma other.'],
        );
      } finally {
        await store.close();
      }
    });

    test('search ranks passages with more and rarer query words first and fills the source', async () => {
      const store = await open();
      try {
        await store.upsertDocument(doc('a', 'Possession of the material is a crime in many countries. The weather was fine.', { title: 'Law A', kind: 'legislation' }));
        await store.upsertDocument(doc('b', 'Distribution is a crime. Possession is not mentioned here at all, only in passing.', { title: 'Law B' }));
        await store.upsertDocument(doc('c', 'Cooking recipes for the weekend. Bread and butter.', { title: 'Food' }));
        const hits = await store.search('possession material crime');
        assert.ok(hits.length >= 2);
        assert.equal(hits[0]?.passage.text, 'Possession of the material is a crime in many countries.');
        assert.equal(hits[0]?.source.title, 'Law A');
        assert.equal(hits[0]?.source.kind, 'legislation');
        for (let i = 1; i < hits.length; i++) assert.ok((hits[i - 1]?.score ?? 0) >= (hits[i]?.score ?? 0), 'scores descend');
        assert.ok(hits.every((h) => !h.source.title.startsWith('Food')));
        assert.equal((await store.search('possession', { limit: 1 })).length, 1);
        // stemming: "crimes" finds "crime"
        assert.ok((await store.search('crimes')).length >= 2);
        const b = hits.find((h) => h.source.title === 'Law B');
        assert.ok(b);
        const only = await store.search('possession', { sourceIds: [b.source.id] });
        assert.ok(only.length > 0 && only.every((h) => h.source.id === b.source.id));
        assert.deepEqual(await store.search('possession', { sourceIds: [] }), []);
      } finally {
        await store.close();
      }
    });

    test('any user text is a valid search: operators, quotes, SQL, emoji, 10 kB, nothing left', async () => {
      const store = await open();
      try {
        await store.upsertDocument(doc('q', 'Possession AND distribution are NOT the same. NEAR the border, column: value. "Quoted" text (brackets) here.'));
        const queries = [
          'AND OR NOT NEAR * ^ : ( ) "',
          '"unbalanced quote',
          'possession"',
          'NEAR(possession distribution, 2)',
          'text: column:value',
          '^possession*',
          'possession -distribution +border',
          "'; DROP TABLE sources; --",
          'SELECT * FROM passages WHERE 1=1',
          '🎉🎉 possession 👍🏽',
          '',
          '   ',
          '!!! ??? ...',
          '\u0000\u0001 possession',
          'x'.repeat(10_000),
          'possession '.repeat(1000),
          Array.from({ length: 2000 }, (_, i) => `w${i}`).join(' '),
        ];
        for (const q of queries) {
          const hits = await store.search(q);
          assert.ok(Array.isArray(hits), `search(${JSON.stringify(q.slice(0, 30))}) returns a list`);
        }
        assert.ok((await store.search('NEAR(possession distribution, 2)')).length > 0, 'operators are words');
        assert.ok((await store.search('"Quoted"')).length > 0);
        assert.deepEqual(await store.search('!!! ??? ...'), []);
        assert.deepEqual(await store.search(''), []);
        await fc.assert(
          fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 200 }), async (q) => {
            const hits = await store.search(q);
            assert.ok(Array.isArray(hits));
          }),
          { numRuns: 300 },
        );
      } finally {
        await store.close();
      }
    });

    test('a bad limit or bad offsets are refused with a clear error', async () => {
      const store = await open();
      try {
        await assert.rejects(store.search('x', { limit: 0 }), (e: unknown) => isVerityError(e) && /limit 0 is not a whole number/.test(e.message));
        const bad = doc('z', 'Short.');
        bad.passages = [{ start: 0, end: 99 }];
        await assert.rejects(store.upsertDocument(bad), /passage 0 of "z" has offsets 0\.\.99 outside the text \(length 6\)/);
        assert.deepEqual(await store.stats(), { sources: 0, passages: 0 });
      } finally {
        await store.close();
      }
    });

    test('snapshotId is the hash of the sorted source ids: order-independent, content-sensitive', async () => {
      const s1 = await open();
      const s2 = await open();
      try {
        const empty = await s1.snapshotId();
        await s1.upsertDocument(doc('a', 'One.'));
        await s1.upsertDocument(doc('b', 'Two.'));
        await s2.upsertDocument(doc('b', 'Two.'));
        await s2.upsertDocument(doc('a', 'One.'));
        assert.equal(await s1.snapshotId(), await s2.snapshotId());
        assert.notEqual(await s1.snapshotId(), empty);
        await s2.upsertDocument(doc('a', 'One changed.'));
        assert.notEqual(await s1.snapshotId(), await s2.snapshotId());
      } finally {
        await s1.close();
        await s2.close();
      }
    });
  });
}
