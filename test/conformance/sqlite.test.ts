// The Store conformance suite on the SQLite engine: a fresh database file per store (WAL, as
// deployed) and a private in-memory store (as tests and one-shot runs use), each with a fault
// hook made from a trigger.
import { after } from 'node:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openStore } from '../../src/store/sqlite/open.js';
import { FAULT_TITLE, runStoreConformance, type StoreHarness } from './store-conformance.js';

const dir = mkdtempSync(join(tmpdir(), 'verity-conformance-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

// The engine deletes a replaced uri's rows before it inserts the new source row, so a failing
// source insert lands after the first write of the transaction.
const FAULT_TRIGGER = `CREATE TRIGGER conformance_fault BEFORE INSERT ON sources WHEN NEW.title = '${FAULT_TITLE}' BEGIN SELECT RAISE(ABORT, 'injected fault'); END`;

runStoreConformance('sqlite (file, WAL)', async (): Promise<StoreHarness> => {
  const path = join(dir, `db-${n++}.sqlite`);
  const store = await openStore(path);
  return {
    store,
    armWriteFault: async () => {
      // Over a second connection, as another process would.
      const db = new Database(path);
      try {
        db.exec(FAULT_TRIGGER);
      } finally {
        db.close();
      }
    },
  };
});

runStoreConformance('sqlite (:memory:)', async (): Promise<StoreHarness> => {
  const store = await openStore(':memory:');
  return {
    store,
    armWriteFault: async () => {
      // A private in-memory database has no second connection: the trigger goes in over the
      // store's own (a test-only reach into the engine; the field is private, not absent).
      const db = (store as unknown as { db?: Database.Database }).db;
      if (!db) throw new Error('SqliteStore no longer keeps its connection in "db": update this harness');
      db.exec(FAULT_TRIGGER);
    },
  };
});
