// The PostgreSQL server the tests use: VERITY_TEST_PG_URL (scripts/ci-services.sh prints it).
// Unset → the tests skip with a reason locally, and fail in CI (CI=true), where no test may be
// skipped for a missing service. Every store gets its own fresh schema; all are dropped after
// the file's tests.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const PG_URL = process.env.VERITY_TEST_PG_URL ?? '';

const HOW = 'run: eval "$(scripts/ci-services.sh)"  (starts PostgreSQL on 127.0.0.1 and sets VERITY_TEST_PG_URL)';

/**
 * Whether PostgreSQL tests can run here. When they cannot, registers one test that explains
 * why: skipped locally, failed in CI.
 */
export function pgAvailable(area: string): boolean {
  if (PG_URL) return true;
  if (process.env.CI === 'true') {
    test(`${area}: PostgreSQL server is configured (required in CI)`, () => {
      assert.fail(`VERITY_TEST_PG_URL is unset but CI=true; ${HOW}`);
    });
  } else {
    test(`${area}: PostgreSQL tests`, { skip: `VERITY_TEST_PG_URL is unset; ${HOW}` }, () => undefined);
  }
  return false;
}

let admin: pg.Pool | undefined;
const schemas: string[] = [];

/** A direct connection for test set-up (fault triggers, raw checks), outside the store. */
export function adminPool(): pg.Pool {
  admin ??= new pg.Pool({ connectionString: PG_URL, max: 2 });
  return admin;
}

/** A new schema name, unique to this process, dropped after the tests of the file. */
export function freshSchema(prefix = 'vt'): string {
  const name = `${prefix}_${process.pid}_${schemas.length}_${randomBytes(3).toString('hex')}`;
  schemas.push(name);
  return name;
}

after(async () => {
  if (!PG_URL) return;
  const pool = adminPool();
  for (const s of schemas) await pool.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`);
  await pool.end();
});
