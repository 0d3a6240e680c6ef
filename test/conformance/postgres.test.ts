// The Store conformance suite on a real PostgreSQL server (VERITY_TEST_PG_URL), one fresh schema
// per store, plus the cross-engine check: the same documents give the same snapshot id, counts,
// texts and hit sets on SQLite and PostgreSQL.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { openPostgresStore } from '../../src/store/postgres/postgres-store.js';
import { openStore } from '../../src/store/sqlite/open.js';
import type { Store } from '../../src/contracts.js';
import { FAULT_TITLE, doc, expectedSnapshotId, runStoreConformance, type StoreHarness } from './store-conformance.js';
import { PG_URL, adminPool, freshSchema, pgAvailable } from '../store-postgres/pg-test-server.js';

if (pgAvailable('Store conformance: postgres')) {
  runStoreConformance('postgres', async (): Promise<StoreHarness> => {
    const schema = freshSchema('vtc');
    const store = await openPostgresStore(PG_URL, { schema });
    return {
      store,
      armWriteFault: async () => {
        // Fails the first passage insert of a source with the fault title: by then the old rows
        // of the uri are deleted and the new source row is written, in the same transaction.
        await adminPool().query(`
          CREATE FUNCTION "${schema}".conformance_fault() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN
            IF EXISTS (SELECT 1 FROM "${schema}".sources WHERE id = NEW.source_id AND title = '${FAULT_TITLE}') THEN
              RAISE EXCEPTION 'injected fault';
            END IF;
            RETURN NEW;
          END $$;
          CREATE TRIGGER conformance_fault BEFORE INSERT ON "${schema}".passages FOR EACH ROW EXECUTE FUNCTION "${schema}".conformance_fault();
        `);
      },
    };
  });

  describe('SQLite and PostgreSQL agree on the same documents', () => {
    const texts = [
      'Possession of the material is a crime in 140 of 196 countries. Production is a crime nearly everywhere.',
      'The report (2023) counts 58 countries that only criminalise distribution. Others are silent.',
      'Émoji 🎉 and “quotes” survive. So does café and COVID-19.',
      'Cooking recipes for the weekend. Bread and butter.',
    ];
    const load = async (store: Store): Promise<void> => {
      for (const [i, t] of texts.entries()) await store.upsertDocument(doc(`file:///doc-${i}.txt`, t, { title: `Doc ${i}` }));
    };

    test('snapshot id, counts, sources, texts, passages and hit sets match', async () => {
      const lite = await openStore(':memory:');
      const pgs = await openPostgresStore(PG_URL, { schema: freshSchema('vtx') });
      try {
        await load(lite);
        await load(pgs);
        assert.equal(await pgs.snapshotId(), await lite.snapshotId());
        assert.equal(await pgs.snapshotId(), expectedSnapshotId(texts));
        assert.deepEqual(await pgs.stats(), await lite.stats());
        assert.deepEqual(await pgs.listSources(), await lite.listSources());
        for (const s of await lite.listSources()) {
          assert.equal(await pgs.getSourceText(s.id), await lite.getSourceText(s.id));
          assert.deepEqual(await pgs.getPassages(s.id), await lite.getPassages(s.id));
        }
        for (const q of ['crime', 'countries criminalise', 'covid 19', 'cafe', 'quotes', 'bread', 'possession production distribution', 'nothing matches zzz']) {
          const ids = async (s: Store) => (await s.search(q, { limit: 50 })).map((h) => h.passage.id).sort();
          assert.deepEqual(await ids(pgs), await ids(lite), `hit set for ${JSON.stringify(q)}`);
        }
        // Ranking formulas differ (BM25 vs ts_rank_cd), but the clear winner is the same.
        assert.equal((await pgs.search('possession crime countries'))[0]?.passage.id, (await lite.search('possession crime countries'))[0]?.passage.id);
      } finally {
        await lite.close();
        await pgs.close();
      }
    });
  });
}
