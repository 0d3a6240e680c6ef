// `verity sources`: list what the corpus holds.
import type { Command } from '../command.js';
import { resolveDbPath } from '../../config.js';
import { openStore } from '../../store/sqlite/open.js';

const HELP = `Usage: verity sources [--db FILE] [--json]

Lists the sources in the corpus: id (content hash, first 12 digits), kind, date, title and
publisher, followed by the corpus snapshot id that reports cite.

Options:
  --db FILE    corpus database (default $VERITY_DB, else .verity/verity.db)
  --json       print {"sources": [...], "stats": {...}, "snapshot": "..."}
  -h, --help   this help

Examples:
  verity sources
  verity sources --db work.db --json
`;

export const sourcesCommand: Command = {
  name: 'sources',
  summary: 'list the sources in the corpus',
  help: HELP,
  options: { db: { type: 'string' } },
  async run({ values, out, env, cwd }) {
    const dbPath = resolveDbPath(typeof values.db === 'string' ? values.db : undefined, env, cwd);
    const store = await openStore(dbPath, { readonly: true });
    try {
      const [sources, stats, snapshot] = [await store.listSources(), await store.stats(), await store.snapshotId()];
      if (out.json) {
        out.printJson({ db: dbPath, sources, stats, snapshot });
        return 0;
      }
      if (sources.length === 0) {
        out.line(`The corpus ${dbPath} is empty. Add documents with "verity ingest <files>".`);
        return 0;
      }
      const kindWidth = Math.max(...sources.map((s) => s.kind.length));
      for (const s of sources) {
        const date = (s.publishedAt ?? '').slice(0, 10).padEnd(10);
        const publisher = s.publisher ? out.dim(` — ${s.publisher}`) : '';
        out.line(`${out.dim(s.id.slice(0, 12))}  ${s.kind.padEnd(kindWidth)}  ${date}  ${out.bold(s.title)}${publisher}`);
      }
      out.line();
      out.line(`${stats.sources} sources, ${stats.passages} passages in ${dbPath}; snapshot ${snapshot.slice(0, 16)}.`);
      return 0;
    } finally {
      await store.close();
    }
  },
};
