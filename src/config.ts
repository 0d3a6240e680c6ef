// Configuration read once, at the edge (CLI or server), and passed down.
import { resolve } from 'node:path';

/** The corpus database: --db, else $VERITY_DB, else .verity/verity.db in the working folder.
    A postgres:// or postgresql:// URL is returned as it is (the PostgreSQL store). */
export function resolveDbPath(flag: string | undefined, env: NodeJS.ProcessEnv, cwd: string): string {
  const given = flag !== undefined && flag !== '' ? flag : env.VERITY_DB;
  if (given && /^postgres(?:ql)?:\/\//i.test(given)) return given;
  if (given) return resolve(cwd, given);
  return resolve(cwd, '.verity', 'verity.db');
}
