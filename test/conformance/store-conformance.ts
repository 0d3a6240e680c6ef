// The Store contract's conformance suite (src/contracts.ts): every engine runs these same tests.
// test/conformance/sqlite.test.ts runs them on SQLite, test/conformance/postgres.test.ts on a
// real PostgreSQL server. Engine-specific behaviour (ranking formula, file handling, server
// errors) is tested next to each engine, not here.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import type { DocumentInput, Store, UpsertResult } from '../../src/contracts.js';
import type { SourceMeta } from '../../src/model.js';
import { VerityError, isVerityError } from '../../src/errors.js';

export const RETRIEVED = '2026-01-02T03:04:05.000Z';

/** Title that makes an armed fault hook fail the write (see StoreHarness.armWriteFault). */
export const FAULT_TITLE = 'FAULT-INJECTED';

/** A store plus, when the engine allows it, a way to make a write fail half-way. */
export interface StoreHarness {
  store: Store;
  /**
   * After this resolves, writing a source titled FAULT_TITLE fails inside the engine after the
   * upsert has started writing (old rows of the same uri already deleted, or the source row
   * already inserted), so the test can check the transaction left nothing half-done.
   */
  armWriteFault: () => Promise<void>;
}

export type MakeStore = () => Promise<Store | StoreHarness>;

function meta(uri: string, title: string, extra: Partial<SourceMeta> = {}): SourceMeta {
  return { uri, title, publisher: null, author: null, publishedAt: null, kind: 'other', language: null, license: null, ...extra };
}

/** A document whose passages are its sentences (split after "."), so tests know the spans. */
export function doc(uri: string, text: string, extra: Partial<SourceMeta> = {}): DocumentInput {
  const passages: { start: number; end: number }[] = [];
  for (const m of text.matchAll(/[^.]+\.?/g)) {
    let start = m.index ?? 0;
    let end = start + m[0].length;
    while (start < end && /\s/.test(text[start] ?? '')) start++;
    while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
    if (end > start) passages.push({ start, end });
  }
  return { meta: meta(uri, extra.title ?? uri, extra), text, passages, retrievedAt: RETRIEVED };
}

const sha256 = (s: string): string => createHash('sha256').update(s, 'utf8').digest('hex');

/**
 * The snapshot id every engine must give, computed here from first principles: the sha256 of
 * "verity-corpus 2", the number of distinct texts and the XOR of their sha256 ids.
 */
export function expectedSnapshotId(texts: readonly string[]): string {
  const ids = [...new Set(texts.map(sha256))];
  const digest = Buffer.alloc(32);
  for (const id of ids) {
    const b = Buffer.from(id, 'hex');
    for (let i = 0; i < 32; i++) digest[i] = (digest[i] ?? 0) ^ (b[i] ?? 0);
  }
  return sha256(`verity-corpus 2\n${ids.length}\n${digest.toString('hex')}`);
}

function isHarness(x: Store | StoreHarness): x is StoreHarness {
  return typeof (x as Partial<StoreHarness>).armWriteFault === 'function';
}

/**
 * Registers the conformance tests for one engine. `makeStore` must give a fresh, empty store
 * each call; the suite closes every store it opens. Pass a StoreHarness to run the
 * fault-injection (atomicity) tests too.
 */
export function runStoreConformance(name: string, makeStore: MakeStore): void {
  const open = async (): Promise<Store> => {
    const made = await makeStore();
    return isHarness(made) ? made.store : made;
  };
  const withStore = (fn: (store: Store) => Promise<void>) => async () => {
    const store = await open();
    try {
      await fn(store);
    } finally {
      await store.close();
    }
  };

  describe(`Store conformance: ${name}`, () => {
    test('a fresh store is empty', withStore(async (store) => {
      assert.equal(typeof store.engine, 'string');
      assert.ok(store.engine.length > 0);
      assert.deepEqual(await store.stats(), { sources: 0, passages: 0 });
      assert.deepEqual(await store.listSources(), []);
      assert.equal(await store.snapshotId(), expectedSnapshotId([]));
    }));

    test('upsert adds, then is a no-op for the same uri and text, then replaces changed text', withStore(async (store) => {
      const a = await store.upsertDocument(doc('file:///a.txt', 'Alpha one. Alpha two. Alpha three.'));
      assert.equal(a.status, 'added');
      assert.equal(a.passages, 3);
      const again = await store.upsertDocument(doc('file:///a.txt', 'Alpha one. Alpha two. Alpha three.'));
      assert.deepEqual(again, { sourceId: a.sourceId, status: 'unchanged', passages: 3 });
      const changed = await store.upsertDocument(doc('file:///a.txt', 'Beta one. Beta two.'));
      assert.equal(changed.status, 'replaced');
      assert.equal(changed.passages, 2);
      assert.notEqual(changed.sourceId, a.sourceId);
      assert.deepEqual(await store.stats(), { sources: 1, passages: 2 });
      assert.equal(await store.getSource(a.sourceId), null);
      assert.equal(await store.getSourceText(a.sourceId), null);
      assert.deepEqual(await store.getPassages(a.sourceId), []);
      assert.equal(await store.getPassage(`${a.sourceId.slice(0, 16)}:0`), null);
      assert.deepEqual(await store.search('alpha'), []);
      assert.equal((await store.search('beta')).length, 2);
    }));

    test('source id is the sha256 of the text; identical text under another uri is one source', withStore(async (store) => {
      const a = await store.upsertDocument(doc('u1', 'Same text here.'));
      assert.equal(a.sourceId, sha256('Same text here.'));
      const b = await store.upsertDocument(doc('u2', 'Same text here.'));
      assert.deepEqual(b, { sourceId: a.sourceId, status: 'unchanged', passages: 1, aliasesAdded: 1 });
      assert.deepEqual(await store.stats(), { sources: 1, passages: 1 });
      assert.equal((await store.getSource(a.sourceId))?.uri, 'u1');
      assert.deepEqual((await store.getSource(a.sourceId))?.aliases, ['u2']);
    }));

    test('aliases: a new source keeps its other addresses, cleaned and sorted; lookups find it by any of them', withStore(async (store) => {
      const r = await store.upsertDocument(
        doc('https://example.org/final', 'Redirected page text. Second sentence.', { aliases: ['https://example.org/start', ' http://www.example.org/start/ ', 'https://example.org/final/', 'https://example.org/hop', ''] }),
      );
      // The duplicate of "start" (same key) and the final URL itself are dropped; blanks too.
      assert.equal(r.aliasesAdded, 2);
      const src = await store.getSource(r.sourceId);
      assert.deepEqual(src?.aliases, ['https://example.org/hop', 'https://example.org/start']);
      assert.deepEqual((await store.listSources())[0]?.aliases, ['https://example.org/hop', 'https://example.org/start']);
      const asked = ['https://example.org/final', 'HTTPS://WWW.Example.org/start?utm_source=news#top', 'http://example.org/hop/', 'https://example.org/elsewhere', 'file:///none.txt'];
      const found = await store.findSourcesByUri(asked);
      assert.deepEqual([...found.keys()], asked.slice(0, 3));
      for (const s of found.values()) assert.deepEqual(s, src);
      assert.deepEqual(await store.findSourcesByUri([]), new Map());
    }));

    test('aliases: the same content under another uri becomes an alias, not a second source; the snapshot id does not change', withStore(async (store) => {
      const a = await store.upsertDocument(doc('https://example.org/report', 'One report. Read twice.'));
      const snapshot = await store.snapshotId();
      const b = await store.upsertDocument(doc('https://mirror.example.net/report.pdf', 'One report. Read twice.', { aliases: ['https://example.org/report', 'https://short.example/r1'] }));
      assert.deepEqual(b, { sourceId: a.sourceId, status: 'unchanged', passages: 2, aliasesAdded: 2 });
      assert.deepEqual(await store.stats(), { sources: 1, passages: 2 });
      assert.equal(await store.snapshotId(), snapshot);
      const src = await store.getSource(a.sourceId);
      assert.equal(src?.uri, 'https://example.org/report');
      assert.deepEqual(src?.aliases, ['https://mirror.example.net/report.pdf', 'https://short.example/r1']);
      // Again: nothing new, so no aliasesAdded; the same uri with new aliases adds only those.
      assert.deepEqual(await store.upsertDocument(doc('https://mirror.example.net/report.pdf', 'One report. Read twice.')), { sourceId: a.sourceId, status: 'unchanged', passages: 2 });
      assert.deepEqual(await store.upsertDocument(doc('https://example.org/report', 'One report. Read twice.', { aliases: ['https://short.example/r1', 'https://short.example/r2'] })), { sourceId: a.sourceId, status: 'unchanged', passages: 2, aliasesAdded: 1 });
      assert.equal((await store.findSourcesByUri(['short.example/r2'])).get('short.example/r2')?.id, a.sourceId);
      assert.deepEqual((await store.checkIntegrity()).problems, []);
    }));

    test('aliases: an address is one source\'s alias at a time; a uri match beats an alias match; aliases go with their source', withStore(async (store) => {
      const a = await store.upsertDocument(doc('https://example.org/a', 'First page.', { aliases: ['https://example.org/go'] }));
      const b = await store.upsertDocument(doc('https://example.org/b', 'Second page.', { aliases: ['https://example.org/go', 'https://example.org/a'] }));
      // "go" now leads to b, so it left a; "a" is a's own uri and b's alias: a's uri wins a lookup.
      assert.equal((await store.getSource(a.sourceId))?.aliases, undefined);
      assert.deepEqual((await store.getSource(b.sourceId))?.aliases, ['https://example.org/a', 'https://example.org/go']);
      const found = await store.findSourcesByUri(['https://example.org/go', 'https://example.org/a']);
      assert.equal(found.get('https://example.org/go')?.id, b.sourceId);
      assert.equal(found.get('https://example.org/a')?.id, a.sourceId);
      // Replacing b's text under its uri drops b and its aliases; removing a drops a.
      const b2 = await store.upsertDocument(doc('https://example.org/b', 'Second page, revised.'));
      assert.equal(b2.status, 'replaced');
      assert.equal((await store.getSource(b2.sourceId))?.aliases, undefined);
      assert.equal((await store.findSourcesByUri(['https://example.org/go'])).size, 0);
      assert.equal(await store.removeSource(a.sourceId), true);
      assert.equal((await store.findSourcesByUri(['https://example.org/a'])).size, 0);
      assert.deepEqual((await store.checkIntegrity()).problems, []);
    }));

    test('aliases: uris that are not web addresses compare exactly', withStore(async (store) => {
      const r = await store.upsertDocument(doc('file:///corpus/a.md', 'A local file.', { aliases: ['urn:isbn:0451450523', 'file:///old/a.md'] }));
      const found = await store.findSourcesByUri(['file:///corpus/a.md', 'urn:isbn:0451450523', 'URN:ISBN:0451450523', 'file:///old/a.md/', 'file:///old/a.md']);
      assert.deepEqual([...found.keys()], ['file:///corpus/a.md', 'urn:isbn:0451450523', 'file:///old/a.md']);
      for (const s of found.values()) assert.equal(s.id, r.sourceId);
    }));

    test('metadata and passages read back; offsets slice exactly onto the source text', withStore(async (store) => {
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
      assert.deepEqual(passages.map((p) => p.ordinal), [0, 1, 2]);
      assert.deepEqual(passages.map((p) => p.text), ['Émoji 🎉 first sentence.', 'Second one — with “quotes”.', 'Third.']);
      for (const p of passages) {
        assert.equal(text.slice(p.start, p.end), p.text);
        assert.equal(p.sourceId, r.sourceId);
        assert.deepEqual(await store.getPassage(p.id), p);
      }
      assert.deepEqual(await store.listSources(), [src]);
    }));

    test('unknown or malformed ids read as absent, never as errors', withStore(async (store) => {
      const r = await store.upsertDocument(doc('k', 'Known text.'));
      const missing = sha256('not stored');
      for (const id of [missing, 'nope', '', "'; DROP TABLE sources; --", 'a\u0000b', r.sourceId.toUpperCase()]) {
        assert.equal(await store.getSource(id), null, `getSource(${JSON.stringify(id)})`);
        assert.equal(await store.getSourceText(id), null);
        assert.deepEqual(await store.getPassages(id), []);
        assert.equal(await store.removeSource(id), false);
      }
      for (const id of ['nope', `${r.sourceId.slice(0, 16)}:1`, `${r.sourceId.slice(0, 16)}:99`, `${r.sourceId.slice(0, 16)}:-1`, `${r.sourceId.slice(0, 15)}:0`, `${missing.slice(0, 16)}:0`, `${r.sourceId}:0`, '\u0000:0']) {
        assert.equal(await store.getPassage(id), null, `getPassage(${JSON.stringify(id)})`);
      }
      assert.deepEqual(await store.stats(), { sources: 1, passages: 1 });
    }));

    test('sources list by title then id', withStore(async (store) => {
      const docs = [doc('c', 'Third text.', { title: 'beta' }), doc('a', 'First text.', { title: 'Alpha' }), doc('b', 'Second text.', { title: 'beta' }), doc('d', 'Fourth.', { title: 'Zed' })];
      for (const d of docs) await store.upsertDocument(d);
      const listed = await store.listSources();
      const expected = docs
        .map((d) => ({ title: d.meta.title, id: sha256(d.text) }))
        .sort((x, y) => (x.title < y.title ? -1 : x.title > y.title ? 1 : x.id < y.id ? -1 : 1));
      assert.deepEqual(listed.map((s) => ({ title: s.title, id: s.id })), expected);
    }));

    test('passages that overlap or come out of order are stored and slice back too', withStore(async (store) => {
      const text = 'Alpha beta gamma. Delta epsilon.';
      const input: DocumentInput = { ...doc('o', text), passages: [{ start: 18, end: 32 }, { start: 0, end: 17 }, { start: 6, end: 23 }] };
      const r = await store.upsertDocument(input);
      assert.equal(await store.getSourceText(r.sourceId), text);
      const passages = await store.getPassages(r.sourceId);
      assert.deepEqual(passages.map((p) => p.text), ['Delta epsilon.', 'Alpha beta gamma.', 'beta gamma. Delta']);
      for (const p of passages) assert.equal(text.slice(p.start, p.end), p.text);
    }));

    test('text before the first passage, between passages and after the last is kept exactly', withStore(async (store) => {
      const text = '\n\n  # Title\n\nBody one.  \t Body two.\n\n- item\n\n';
      const input: DocumentInput = { ...doc('g', text), passages: ['Title', 'Body one.', 'Body two.'].map((w) => ({ start: text.indexOf(w), end: text.indexOf(w) + w.length })) };
      const r = await store.upsertDocument(input);
      assert.equal(await store.getSourceText(r.sourceId), text);
      assert.deepEqual((await store.getPassages(r.sourceId)).map((p) => p.text), ['Title', 'Body one.', 'Body two.']);
    }));

    test('a document with no passages keeps its text and counts no passages', withStore(async (store) => {
      const r = await store.upsertDocument({ ...doc('np', 'Nothing indexed here.'), passages: [] });
      assert.deepEqual(r, { sourceId: sha256('Nothing indexed here.'), status: 'added', passages: 0 });
      assert.equal(await store.getSourceText(r.sourceId), 'Nothing indexed here.');
      assert.deepEqual(await store.getPassages(r.sourceId), []);
      assert.deepEqual(await store.stats(), { sources: 1, passages: 0 });
      assert.deepEqual(await store.search('indexed'), []);
    }));

    test('control characters, NUL, astral and combining characters round-trip with exact offsets', withStore(async (store) => {
      const text = 'Nul\u0000here and\ttab. 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 café (cafe\u0301) 👍🏽. Bell\u0007 end.';
      const r = await store.upsertDocument(doc('ctl', text));
      assert.equal(r.sourceId, sha256(text));
      assert.equal(await store.getSourceText(r.sourceId), text);
      assert.equal((await store.getSource(r.sourceId))?.textLength, text.length);
      const passages = await store.getPassages(r.sourceId);
      assert.equal(passages.length, 3);
      for (const p of passages) assert.equal(text.slice(p.start, p.end), p.text);
      const hits = await store.search('tab');
      assert.deepEqual(hits.map((h) => h.passage.text), ['Nul\u0000here and\ttab.']);
    }));

    test('counts and snapshot id kept on write follow a batch of adds, replacements, duplicates and removals', withStore(async (store) => {
      const results = await store.upsertDocuments([
        doc('m1', 'Mu one. Mu two.'),
        doc('m2', 'Nu one.'),
        doc('m1', 'Mu replaced. Twice. Thrice.'),
        doc('m3', 'Nu one.'),
        doc('m4', 'Xi one. Xi two.'),
      ]);
      assert.ok(results.every((r) => !(r instanceof Error)));
      assert.deepEqual(await store.stats(), { sources: 3, passages: 6 });
      assert.equal(await store.snapshotId(), expectedSnapshotId(['Mu replaced. Twice. Thrice.', 'Nu one.', 'Xi one. Xi two.']));
      await store.removeSource(sha256('Xi one. Xi two.'));
      await store.upsertDocument(doc('m2', 'Nu changed.'));
      assert.deepEqual(await store.stats(), { sources: 2, passages: 4 });
      assert.equal(await store.snapshotId(), expectedSnapshotId(['Mu replaced. Twice. Thrice.', 'Nu changed.']));
      assert.deepEqual(await store.checkIntegrity(), { ok: true, problems: [] });
    }));

    test('on a large corpus the candidate stage drops common terms; exhaustive search and all-common queries still find passages', withStore(async (store) => {
      // 20 500 passages: "filler" and "harbour" are in every one of theirs (common), "quay" in 2 501
      // and "tide" in 8 200 (common, but far from every passage; 500 hold both), "quartzite" in
      // three, "basalt" in 300 (rare), one of which also names the quay.
      const basalt = (d: number, k: number): string => (d >= 10 && d <= 14 && d % 2 === 0 ? (d === 14 && k === 50 ? ' and basalt by the quay' : ' and basalt') : '');
      const docs = Array.from({ length: 205 }, (_, d) => {
        const lines = Array.from({ length: 100 }, (_, k) => (d % 2 === 0 ? `Filler line ${k} of part ${d}${d === 8 && k < 3 ? ' names quartzite' : ''}${basalt(d, k)}.` : `Harbour note ${k} in part ${d}${d < 50 ? ' by the quay' : ''}${d >= 40 ? ' at tide' : ''}.`));
        return doc(`file:///big-${d}.txt`, lines.join(' '));
      });
      for (let i = 0; i < docs.length; i += 50) await store.upsertDocuments(docs.slice(i, i + 50));
      assert.equal((await store.stats()).passages, 20_500);
      const bounded = await store.search('filler quartzite', { limit: 10 });
      assert.deepEqual(bounded.map((h) => h.passage.text).sort(), ['Filler line 0 of part 8 names quartzite.', 'Filler line 1 of part 8 names quartzite.', 'Filler line 2 of part 8 names quartzite.']);
      assert.equal((await store.search('filler quartzite', { limit: 10, exhaustive: true })).length, 10);
      // The common word still ranks the rare word's passages: the one holding both comes first,
      // though 299 shorter passages hold the rare word alone.
      assert.equal((await store.search('basalt quay', { limit: 2 }))[0]?.passage.text, 'Filler line 50 of part 14 and basalt by the quay.');
      // Only common terms: the passages holding all of them; none holds both: the plain query.
      assert.ok((await store.search('filler part', { limit: 5 })).every((h) => /^Filler/.test(h.passage.text)));
      assert.equal((await store.search('filler harbour', { limit: 5 })).length, 5);
      // requireRare: nothing selective (a common word, common words held together by a common
      // share of the passages, or by none) gives no hits; a rare word or a rare conjunction does.
      for (const q of ['filler', 'filler part', 'filler harbour']) assert.deepEqual(await store.search(q, { limit: 5, requireRare: true }), [], q);
      assert.equal((await store.search('basalt quay', { limit: 2, requireRare: true }))[0]?.passage.text, 'Filler line 50 of part 14 and basalt by the quay.');
      const both = await store.search('quay tide', { limit: 5, requireRare: true });
      assert.equal(both.length, 5);
      assert.ok(both.every((h) => /quay at tide/.test(h.passage.text)));
      // PostgreSQL with statistics (what `verity ingest` leaves): the common words' counts are read
      // from them, not counted; the answers are the same.
      if ('refreshStatistics' in store) {
        await (store as Store & { refreshStatistics(): Promise<void> }).refreshStatistics();
        await store.upsertDocument(doc('file:///after-analyze.txt', 'A new note, so the kept counts are read again.'));
        assert.deepEqual((await store.search('filler quartzite', { limit: 10 })).map((h) => h.passage.text).sort(), bounded.map((h) => h.passage.text).sort());
        assert.equal((await store.search('basalt quay', { limit: 2 }))[0]?.passage.text, 'Filler line 50 of part 14 and basalt by the quay.');
        for (const q of ['filler', 'filler part', 'filler harbour']) assert.deepEqual(await store.search(q, { limit: 5, requireRare: true }), [], q);
        assert.ok((await store.search('quay tide', { limit: 5, requireRare: true })).every((h) => /quay at tide/.test(h.passage.text)));
      }
    }));

    test('removeSource removes the source, its passages and its index entries', withStore(async (store) => {
      const r = await store.upsertDocument(doc('x', 'Gamma ray. Delta wave.'));
      await store.upsertDocument(doc('y', 'Gamma other.'));
      const before = await store.snapshotId();
      assert.equal(await store.removeSource(r.sourceId), true);
      assert.equal(await store.removeSource(r.sourceId), false);
      assert.deepEqual(await store.stats(), { sources: 1, passages: 1 });
      assert.deepEqual(await store.getPassages(r.sourceId), []);
      assert.equal(await store.getSourceText(r.sourceId), null);
      assert.deepEqual((await store.search('gamma delta')).map((h) => h.passage.text), ['Gamma other.']);
      assert.notEqual(await store.snapshotId(), before);
      assert.equal(await store.snapshotId(), expectedSnapshotId(['Gamma other.']));
      // The uri is free again: the same document comes back as added.
      assert.equal((await store.upsertDocument(doc('x', 'Gamma ray. Delta wave.'))).status, 'added');
    }));

    test('search ranks passages with more query words first, stems, filters and fills hits', withStore(async (store) => {
      await store.upsertDocument(doc('a', 'Possession of the material is a crime in many countries. The weather was fine.', { title: 'Law A', kind: 'legislation' }));
      await store.upsertDocument(doc('b', 'Distribution is a crime. Possession is not mentioned here at all, only in passing.', { title: 'Law B' }));
      await store.upsertDocument(doc('c', 'Cooking recipes for the weekend. Bread and butter.', { title: 'Food' }));
      const hits = await store.search('possession material crime');
      assert.equal(hits.length, 3);
      assert.equal(hits[0]?.passage.text, 'Possession of the material is a crime in many countries.');
      assert.equal(hits[0]?.source.title, 'Law A');
      assert.equal(hits[0]?.source.kind, 'legislation');
      for (let i = 1; i < hits.length; i++) assert.ok((hits[i - 1]?.score ?? 0) >= (hits[i]?.score ?? 0), 'scores descend');
      assert.ok(hits.every((h) => h.score > 0 && Number.isFinite(h.score)), 'higher is better, positive');
      assert.ok(hits.every((h) => !h.source.title.startsWith('Food')), 'a passage with no query word is no hit');
      for (const h of hits) {
        assert.deepEqual(h.source, await store.getSource(h.source.id));
        assert.deepEqual(h.passage, await store.getPassage(h.passage.id));
      }
      assert.equal((await store.search('possession', { limit: 1 })).length, 1);
      assert.deepEqual((await store.search('CRIMES')).map((h) => h.passage.text).sort(), ['Distribution is a crime.', 'Possession of the material is a crime in many countries.']);
      assert.deepEqual((await store.search('cooked recipe')).map((h) => h.passage.text), ['Cooking recipes for the weekend.']);
      const b = hits.find((h) => h.source.title === 'Law B');
      assert.ok(b);
      const only = await store.search('possession', { sourceIds: [b.source.id] });
      assert.deepEqual(only.map((h) => h.passage.text), ['Possession is not mentioned here at all, only in passing.']);
      assert.deepEqual(await store.search('possession', { sourceIds: [] }), []);
      assert.deepEqual(await store.search('possession', { sourceIds: [sha256('nothing')] }), []);
      assert.deepEqual(await store.search('unrelatedword'), []);
    }));

    test('search is deterministic: the same query gives the same hits in the same order', withStore(async (store) => {
      for (let i = 0; i < 12; i++) await store.upsertDocument(doc(`t${i}`, `Tied passage number ${i} about tides.`));
      const first = await store.search('tides', { limit: 12 });
      assert.equal(first.length, 12);
      for (let k = 0; k < 3; k++) assert.deepEqual(await store.search('tides', { limit: 12 }), first);
      assert.deepEqual(await store.search('tides', { limit: 5 }), first.slice(0, 5));
    }));

    test('search hits, filtered or not, carry the offsets and ordinals of the stored passages', withStore(async (store) => {
      const texts = Array.from({ length: 6 }, (_, i) => Array.from({ length: 12 }, (__, k) => `Doc ${i} line ${k} mentions ${k % 3 === 0 ? 'harbour' : 'field'} matters.`).join(i % 2 ? ' ' : '\n\n'));
      const docs = texts.map((t, i) => doc(`d${i}`, t));
      const results = await store.upsertDocuments(docs);
      const ids = results.map((r) => (r instanceof VerityError ? '' : r.sourceId));
      assert.deepEqual(ids, texts.map(sha256));
      for (const options of [{ limit: 50 }, { limit: 50, sourceIds: [ids[1] ?? '', ids[4] ?? ''] }]) {
        const hits = await store.search('harbour', options);
        assert.equal(hits.length, 'sourceIds' in options ? 8 : 24);
        for (const h of hits) {
          const text = texts[ids.indexOf(h.source.id)] ?? '';
          assert.equal(text.slice(h.passage.start, h.passage.end), h.passage.text);
          assert.deepEqual(await store.getPassage(h.passage.id), h.passage);
          assert.equal(h.passage.ordinal % 3, 0);
        }
      }
    }));

    test('any user text is a valid search: operators, quotes, SQL, emoji, 10 kB, nothing left', withStore(async (store) => {
      await store.upsertDocument(doc('q', 'Possession AND distribution are NOT the same. NEAR the border, column: value. "Quoted" text (brackets) here. It is what it is.'));
      const queries = [
        'AND OR NOT NEAR * ^ : ( ) "',
        '"unbalanced quote',
        'possession"',
        'NEAR(possession distribution, 2)',
        'text: column:value',
        '^possession*',
        'possession -distribution +border',
        'possession & !distribution | border <-> value',
        "possession:* & 'quoted':A",
        "'; DROP TABLE sources; --",
        "' OR 1=1 --",
        'SELECT * FROM passages WHERE 1=1',
        '$1 $$ \\ \\\\ %s %d ${x}',
        '🎉🎉 possession 👍🏽',
        '',
        '   ',
        '!!! ??? ...',
        '\u0000\u0001 possession',
        '\ud800 lone surrogate possession',
        'x'.repeat(10_000),
        'possession '.repeat(1000),
        Array.from({ length: 2000 }, (_, i) => `w${i}`).join(' '),
        'https://example.org/a?b=c&d=e user@example.org',
      ];
      for (const q of queries) {
        const hits = await store.search(q);
        assert.ok(Array.isArray(hits), `search(${JSON.stringify(q.slice(0, 30))}) returns a list`);
      }
      assert.ok((await store.search('NEAR(possession distribution, 2)')).length > 0, 'operators are words');
      assert.ok((await store.search('possession & !distribution | border <-> value')).length > 0, 'tsquery operators are words');
      assert.ok((await store.search('"Quoted"')).length > 0);
      assert.ok((await store.search('🎉🎉 possession 👍🏽')).length > 0, 'emoji are ignored, words still match');
      assert.ok((await store.search('it is what it is')).length > 0, 'a query of stop words still searches them');
      assert.deepEqual(await store.search('!!! ??? ...'), []);
      assert.deepEqual(await store.search(''), []);
      assert.deepEqual(await store.search('x'.repeat(10_000)), []);
      await fc.assert(
        fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 200 }), async (q) => {
          const hits = await store.search(q);
          assert.ok(Array.isArray(hits));
        }),
        { numRuns: 300 },
      );
    }));

    test('a bad limit or bad offsets are refused with a clear error, and nothing is written', withStore(async (store) => {
      for (const limit of [0, -1, 2.5, 10_001, Number.NaN]) {
        await assert.rejects(store.search('x', { limit }), (e: unknown) => isVerityError(e) && e.code === 'BAD_INPUT' && /limit .* is not a whole number from 1 to 10000/.test(e.message));
      }
      const bad = doc('z', 'Short.');
      bad.passages = [{ start: 0, end: 99 }];
      await assert.rejects(store.upsertDocument(bad), (e: unknown) => isVerityError(e) && e.code === 'BAD_INPUT' && /passage 0 of "z" has offsets 0\.\.99 outside the text \(length 6\)/.test(e.message));
      const empty = doc('e', 'x');
      empty.text = '';
      empty.passages = [];
      await assert.rejects(store.upsertDocument(empty), (e: unknown) => isVerityError(e) && e.code === 'BAD_INPUT' && /has no text/.test(e.message));
      assert.deepEqual(await store.stats(), { sources: 0, passages: 0 });
    }));

    test('snapshotId follows the count and XOR of the source ids: engine-independent, order-independent', async () => {
      const s1 = await open();
      const s2 = await open();
      try {
        await s1.upsertDocument(doc('a', 'One.'));
        await s1.upsertDocument(doc('b', 'Two.'));
        await s2.upsertDocument(doc('b', 'Two.'));
        await s2.upsertDocument(doc('a', 'One.'));
        // The value is fixed by the contract, so two engines given the same documents agree.
        assert.equal(await s1.snapshotId(), expectedSnapshotId(['One.', 'Two.']));
        assert.equal(await s1.snapshotId(), await s2.snapshotId());
        await s2.upsertDocument(doc('a', 'One changed.'));
        assert.notEqual(await s1.snapshotId(), await s2.snapshotId());
        assert.equal(await s2.snapshotId(), expectedSnapshotId(['One changed.', 'Two.']));
      } finally {
        await s1.close();
        await s2.close();
      }
    });

    test('concurrent upserts of one document store it once', withStore(async (store) => {
      const d = doc('file:///same.txt', 'Written by many workers at once. Twice.');
      const results = await Promise.all(Array.from({ length: 6 }, () => store.upsertDocument(d)));
      assert.deepEqual(results.map((r) => r.status).sort(), ['added', 'unchanged', 'unchanged', 'unchanged', 'unchanged', 'unchanged']);
      const other = await Promise.all(['u1', 'u2', 'u3'].map((u) => store.upsertDocument(doc(u, 'Same text, three uris.'))));
      assert.equal(other.filter((r) => r.status === 'added').length, 1);
      assert.deepEqual(await store.stats(), { sources: 2, passages: 3 });
    }));

    test('batch upsert: refused documents come back in their slots, the rest are stored', withStore(async (store) => {
      const bad = doc('bad', 'Bad.');
      bad.passages = [{ start: 2, end: 1 }];
      const results = await store.upsertDocuments([doc('one', 'Batch one.'), bad, doc('two', 'Batch two.'), doc('one', 'Batch one.')]);
      assert.equal((results[0] as UpsertResult).status, 'added');
      assert.ok(results[1] instanceof VerityError && results[1].code === 'BAD_INPUT');
      assert.equal((results[2] as UpsertResult).status, 'added');
      assert.equal((results[3] as UpsertResult).status, 'unchanged');
      assert.deepEqual(await store.stats(), { sources: 2, passages: 2 });
    }));

    test('batch upsert gives the same results and corpus as one-by-one upserts', async () => {
      const uris = ['u0', 'u1', 'u2'];
      const texts = ['Text zero.', 'Text one. Two passages.', 'Text two.', 'Text three. Has. Three.'];
      // Some documents bring aliases (other uris of the set, or a fourth address), so aliases
      // added, moved between sources and dropped with a replaced source are covered too.
      const aliasSets = [[], [], ['u1'], ['u3'], ['u0', 'u3']];
      const step = fc.tuple(fc.constantFrom(...uris), fc.constantFrom(...texts), fc.constantFrom(...aliasSets));
      const seq = fc.array(step, { minLength: 1, maxLength: 8 });
      const seed = fc.array(step, { maxLength: 3 });
      const docOf = ([u, t, aliases]: [string, string, string[]]): DocumentInput => doc(u, t, aliases.length > 0 ? { aliases } : {});
      await fc.assert(
        fc.asyncProperty(seed, seq, async (before, steps) => {
          const one = await open();
          const many = await open();
          try {
            for (const s of before) {
              await one.upsertDocument(docOf(s));
              await many.upsertDocument(docOf(s));
            }
            const expected: UpsertResult[] = [];
            for (const s of steps) expected.push(await one.upsertDocument(docOf(s)));
            const got = await many.upsertDocuments(steps.map(docOf));
            assert.deepEqual(got, expected);
            assert.deepEqual(await many.listSources(), await one.listSources());
            assert.deepEqual(await many.stats(), await one.stats());
            const all = [...uris, 'u3'];
            assert.deepEqual(await many.findSourcesByUri(all), await one.findSourcesByUri(all));
          } finally {
            await one.close();
            await many.close();
          }
        }),
        { numRuns: 25 },
      );
    });

    test('a closed store refuses work with a clear error', async () => {
      const store = await open();
      await store.close();
      await assert.rejects(store.search('x'), (e: unknown) => isVerityError(e) && /closed/.test(e.message));
      await assert.rejects(store.upsertDocument(doc('c', 'Closed.')), (e: unknown) => isVerityError(e) && /closed/.test(e.message));
      await store.close();
    });

    test('upsert is atomic: a write that fails half-way leaves the previous state whole', async () => {
      const made = await makeStore();
      assert.ok(isHarness(made), `${name}: makeStore must return a StoreHarness so atomicity is checked`);
      const { store } = made;
      try {
        const old = await store.upsertDocument(doc('file:///atomic.txt', 'Old version. Still here.'));
        await store.upsertDocument(doc('file:///other.txt', 'Other document.'));
        const before = { stats: await store.stats(), snapshot: await store.snapshotId(), sources: await store.listSources() };
        await made.armWriteFault();
        // A replacement that fails after the old rows were deleted: the delete must roll back.
        await assert.rejects(store.upsertDocument(doc('file:///atomic.txt', 'New version. Never stored. Three passages.', { title: FAULT_TITLE })), isVerityError);
        // A new document that fails after its source row was written: nothing of it remains.
        await assert.rejects(store.upsertDocument(doc('file:///new.txt', 'Brand new. Also failing.', { title: FAULT_TITLE })), isVerityError);
        assert.deepEqual(await store.stats(), before.stats);
        assert.equal(await store.snapshotId(), before.snapshot);
        assert.deepEqual(await store.listSources(), before.sources);
        assert.equal(await store.getSourceText(old.sourceId), 'Old version. Still here.');
        assert.deepEqual((await store.getPassages(old.sourceId)).map((p) => p.text), ['Old version.', 'Still here.']);
        assert.deepEqual(await store.search('never stored brand'), []);
        assert.equal((await store.search('still')).length, 1);
        // In a batch, a failure after writes began rolls back the whole batch and throws.
        await assert.rejects(store.upsertDocuments([doc('file:///b1.txt', 'Batch good.'), doc('file:///b2.txt', 'Batch bad.', { title: FAULT_TITLE })]), isVerityError);
        assert.deepEqual(await store.stats(), before.stats);
        // The store still works afterwards.
        assert.equal((await store.upsertDocument(doc('file:///atomic.txt', 'Newer version.'))).status, 'replaced');
      } finally {
        await store.close();
      }
    });
  });
}
