// The Store conformance suite on the SQLite engine: a fresh database file per store (WAL, as
// deployed), with a fault hook made from a trigger added over a second connection.
import { after } from 'node:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openStore } from '../../src/store/open.js';
import { FAULT_TITLE, runStoreConformance, type StoreHarness } from './store-conformance.js';

const dir = mkdtempSync(join(tmpdir(), 'verity-conformance-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

runStoreConformance('sqlite (file, WAL)', async (): Promise<StoreHarness> => {
  const path = join(dir, `db-${n++}.sqlite`);
  const store = await openStore(path);
  return {
    store,
    armWriteFault: async () => {
      // The engine deletes a replaced uri's rows before it inserts the new source row, so a
      // failing source insert lands after the first write of the transaction.
      const db = new Database(path);
      try {
        db.exec(`CREATE TRIGGER conformance_fault BEFORE INSERT ON sources WHEN NEW.title = '${FAULT_TITLE}' BEGIN SELECT RAISE(ABORT, 'injected fault'); END`);
      } finally {
        db.close();
      }
    },
  };
});
