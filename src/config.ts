// Configuration read once, at the edge (CLI or server), and passed down.
import { resolve } from 'node:path';

/** The corpus database: --db, else $VERITY_DB, else .verity/verity.db in the working folder. */
export function resolveDbPath(flag: string | undefined, env: NodeJS.ProcessEnv, cwd: string): string {
  if (flag !== undefined && flag !== '') return resolve(cwd, flag);
  if (env.VERITY_DB) return resolve(cwd, env.VERITY_DB);
  return resolve(cwd, '.verity', 'verity.db');
}
