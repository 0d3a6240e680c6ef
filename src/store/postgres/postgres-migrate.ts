// The PostgreSQL engine's schema migrations, run on open under an advisory lock.
import type { Pool, PoolClient } from 'pg';
import { VerityError, quote } from '../../errors.js';
import { ENGINE_VERSION } from '../../version.js';
import { uriKey } from '../../text/url-key.js';
import { PG_APPLICATION, PG_MIGRATIONS, PG_SCHEMA_VERSION } from './postgres-schema.js';
import { lockKey } from './postgres-write.js';

/** Migration to version 2: the uri keys of the sources stored before it, computed by uriKey. */
async function fillUriKeys(client: PoolClient, S: string): Promise<void> {
  const rows = (await client.query<{ id: string; uri: string }>(`SELECT id, uri FROM ${S}.sources WHERE uri_key = ''`)).rows;
  for (let i = 0; i < rows.length; i += 5000) {
    const chunk = rows.slice(i, i + 5000);
    await client.query(`UPDATE ${S}.sources s SET uri_key = u.k FROM unnest($1::text[], $2::text[]) AS u(id, k) WHERE s.id = u.id`, [chunk.map((r) => r.id), chunk.map((r) => uriKey(r.uri))]);
  }
}

/** Brings the schema to PG_SCHEMA_VERSION under an advisory lock, or refuses it. */
export async function migrate(pool: Pool, schema: string, location: string, readonly: boolean): Promise<void> {
  const client = await pool.connect();
  const S = `"${schema}"`;
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1::bigint)', [String(lockKey(schema, 'migrate', ''))]);
    const info = (
      await client.query<{ has_version: boolean; tables: number }>(
        "SELECT to_regclass(quote_ident($1) || '.schema_version') IS NOT NULL AS has_version, (SELECT count(*)::int FROM pg_tables WHERE schemaname = $1) AS tables",
        [schema],
      )
    ).rows[0] ?? { has_version: false, tables: 0 };
    let version = 0;
    if (info.has_version) {
      const row = (await client.query<{ application: string; version: number }>(`SELECT application, version FROM ${S}.schema_version`)).rows[0];
      if (!row || row.application !== PG_APPLICATION) {
        throw new VerityError({ code: 'DB_INVALID', component: 'store', problem: `schema ${quote(schema)} at ${quote(location, 160)} has a schema_version table that is not Verity's (${row ? `application ${quote(row.application)}` : 'empty'})`, fix: 'choose another schema with ?schema=NAME' });
      }
      version = row.version;
    } else if (info.tables > 0) {
      throw new VerityError({ code: 'DB_INVALID', component: 'store', problem: `schema ${quote(schema)} at ${quote(location, 160)} holds ${info.tables} tables but is not a Verity corpus`, fix: 'choose another schema with ?schema=NAME, or an empty database' });
    }
    if (version > PG_SCHEMA_VERSION) {
      throw new VerityError({
        code: 'DB_VERSION',
        component: 'store',
        problem: `schema ${quote(schema)} at ${quote(location, 160)} has schema version ${version}, made by a newer Verity; this build (${ENGINE_VERSION}) reads up to version ${PG_SCHEMA_VERSION}`,
        fix: 'upgrade Verity, or use another schema with ?schema=NAME',
      });
    }
    if (readonly && version === 0) {
      throw new VerityError({ code: 'NOT_FOUND', component: 'store', problem: `no Verity corpus in schema ${quote(schema)} at ${quote(location, 160)}`, fix: 'run "verity ingest <files>" with this database first, or check the URL and ?schema=' });
    }
    if (readonly && version < PG_SCHEMA_VERSION) {
      throw new VerityError({
        code: 'DB_VERSION',
        component: 'store',
        problem: `schema ${quote(schema)} at ${quote(location, 160)} has schema version ${version} and needs migrating to ${PG_SCHEMA_VERSION}, but it is opened read-only`,
        fix: 'run "verity ingest" once on it (which migrates it), or open it writable',
      });
    }
    for (let v = version; v < PG_SCHEMA_VERSION; v++) {
      const step = PG_MIGRATIONS[v];
      if (step === undefined) throw new VerityError({ code: 'INTERNAL', component: 'store', problem: `no PostgreSQL migration from schema version ${v}`, fix: 'this is a bug in Verity; please report it' });
      await client.query(step(S));
      if (v + 1 === 2) await fillUriKeys(client, S);
      await client.query(
        `INSERT INTO ${S}.schema_version (singleton, application, version) VALUES (true, $1, $2) ON CONFLICT (singleton) DO UPDATE SET version = EXCLUDED.version, migrated_at = now()`,
        [PG_APPLICATION, v + 1],
      );
    }
    await client.query('COMMIT');
  } catch (e) {
    try {
      await client.query('ROLLBACK');
    } catch (rollbackError) {
      broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
    }
    throw e;
  } finally {
    client.release(broken);
  }
}
