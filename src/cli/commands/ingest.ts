// `verity ingest`: load files, folders and globs into the corpus store.
import { resolve } from 'node:path';
import type { Command } from '../command.js';
import { resolveDbPath } from '../../config.js';
import { VerityError, quote } from '../../errors.js';
import { SOURCE_KINDS, type SourceKind } from '../../model.js';
import { DEFAULT_MAX_BYTES, ingestPaths } from '../../ingest/index.js';
import { isSourceKind } from '../../ingest/metadata.js';
import { openStore } from '../../store/open.js';

const HELP = `Usage: verity ingest <path|folder|glob>... [--db FILE] [--kind KIND] [--max-bytes N] [--json]

Reads documents into the corpus: each is cut into passages of whole sentences and indexed
for search. Folders are read recursively; quote globs so Verity expands them ("docs/**/*.md").
Re-ingesting an unchanged file changes nothing; a changed file replaces its old passages.
A file that fails is reported and the others still go in (exit code 1 if any failed).

File types:
  .txt            plain text (UTF-8 or UTF-16 with a byte-order mark)
  .md             Markdown; YAML front matter gives title, author, date, publisher, kind …
  .html           the main content (Readability); metadata from <meta> tags
  .pdf            text of every page; metadata from the document info
  .jsonl          one document per line: {"text", "title", "url", "publisher", "date", "kind"}
  <file>.meta.json  a sidecar whose fields override the file's own metadata

Options:
  --db FILE        corpus database (default $VERITY_DB, else .verity/verity.db)
  --kind KIND      kind of documents that do not state one (default other):
                   ${SOURCE_KINDS.join(', ')}
  --max-bytes N    refuse larger files before reading them (default ${DEFAULT_MAX_BYTES}; 20MB, 1G accepted)
  --json           print a JSON summary
  -h, --help       this help

Examples:
  verity ingest examples/corpus
  verity ingest report.pdf --kind government --db work.db
  verity ingest "news/**/*.html" --kind news --max-bytes 5MB --json
`;

/** Parses "5000", "20MB", "1.5G" into bytes. */
export function parseByteSize(value: string): number | null {
  const m = /^(\d+(?:\.\d+)?)\s*(k|kb|kib|m|mb|mib|g|gb|gib)?$/i.exec(value.trim());
  if (!m) return null;
  const unit = (m[2] ?? '').toLowerCase()[0];
  const mult = unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : unit === 'g' ? 1024 ** 3 : 1;
  const n = Math.floor(Number(m[1]) * mult);
  return n > 0 ? n : null;
}

export const ingestCommand: Command = {
  name: 'ingest',
  summary: 'read files, folders or globs into the corpus (txt, md, html, pdf, jsonl)',
  help: HELP,
  options: {
    db: { type: 'string' },
    kind: { type: 'string' },
    'max-bytes': { type: 'string' },
  },
  async run({ positionals, values, out, env, cwd }) {
    if (positionals.length === 0) {
      throw new VerityError({ code: 'USAGE', component: 'ingest', problem: 'no files, folders or globs given', fix: 'name what to ingest, e.g. "verity ingest examples/corpus"' });
    }
    let kind: SourceKind | undefined;
    if (typeof values.kind === 'string') {
      if (!isSourceKind(values.kind)) {
        throw new VerityError({ code: 'USAGE', component: 'ingest', problem: `--kind: unknown source kind ${quote(values.kind)}`, fix: `use one of: ${SOURCE_KINDS.join(', ')}` });
      }
      kind = values.kind;
    }
    let maxBytes: number | undefined;
    if (typeof values['max-bytes'] === 'string') {
      const parsed = parseByteSize(values['max-bytes']);
      if (parsed === null) {
        throw new VerityError({ code: 'USAGE', component: 'ingest', problem: `--max-bytes ${quote(values['max-bytes'])} is not a size`, fix: 'give a positive number of bytes, e.g. --max-bytes 20000000 or --max-bytes 20MB' });
      }
      maxBytes = parsed;
    }
    const dbPath = resolveDbPath(typeof values.db === 'string' ? values.db : undefined, env, cwd);
    const store = await openStore(dbPath);
    try {
      // Paths are shown as typed when they are relative to this process's folder.
      const inputs = cwd === process.cwd() ? positionals : positionals.map((p) => resolve(cwd, p));
      const summary = await ingestPaths(store, inputs, {
        ...(kind ? { kind } : {}),
        ...(maxBytes !== undefined ? { maxBytes } : {}),
        onProgress: (e) => out.progress(e),
        onNotice: (msg) => {
          if (!out.json) out.notice(msg);
        },
      });
      const stats = await store.stats();
      if (out.json) {
        out.printJson({ db: dbPath, ...summary, corpus: stats });
      } else {
        for (const d of summary.documents) {
          if (d.status !== 'unchanged') out.line(`${d.status.padEnd(8)} ${d.title} ${out.dim(`(${d.passages} passage${d.passages === 1 ? '' : 's'}, ${d.origin})`)}`);
        }
        for (const f of summary.failures) out.error(f.message);
        out.line(
          `${summary.files} file${summary.files === 1 ? '' : 's'} read: ${summary.added} added, ${summary.replaced} replaced, ${summary.unchanged} unchanged, ` +
            `${summary.failures.length} failed, ${summary.skipped.length} skipped; ${summary.passages} passages written.`,
        );
        out.line(`Corpus ${dbPath}: ${stats.sources} sources, ${stats.passages} passages.`);
      }
      return summary.failures.length > 0 ? 1 : 0;
    } finally {
      await store.close();
    }
  },
};
