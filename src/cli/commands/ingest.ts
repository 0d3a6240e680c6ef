// `verity ingest`: load files, folders, globs and URLs into the corpus store.
import { resolve } from 'node:path';
import type { Command } from '../command.js';
import { resolveDbPath } from '../../config.js';
import { VerityError, quote } from '../../errors.js';
import { SOURCE_KINDS, type SourceKind } from '../../model.js';
import { DEFAULT_MAX_BYTES, ingestPaths } from '../../ingest/index.js';
import { isSourceKind } from '../../ingest/load/metadata.js';
import { isUrlInput } from '../../ingest/load/load-url.js';
import { openStore } from '../../store/sqlite/open.js';
import { DEFAULT_WEB_MAX_BYTES } from '../../web/safe-fetch.js';
import { webOptionsFromEnv } from '../../web/env-options.js';

const HELP = `Usage: verity ingest <path|folder|glob|url>... [--db FILE] [--kind KIND] [--max-bytes N] [--json]

Reads documents into the corpus: each is cut into passages of whole sentences and indexed
for search. Folders are read recursively; quote globs so Verity expands them ("docs/**/*.md").
Re-ingesting an unchanged file changes nothing; a changed file replaces its old passages.
A file that fails is reported and the others still go in (exit code 1 if any failed).

URLs (http:// and https://) are fetched safely and read by their content type (HTML, PDF,
Markdown, text, JSON, JSONL); the source's address is the final URL after redirects.
Private, loopback, link-local and other non-public addresses are refused, redirects are
checked hop by hop (at most 5), a fetch has 20 s and 20 MB (--max-bytes) at most.
VERITY_WEB_ALLOW_PRIVATE=1 lifts the address check: for tests and intranets only.
See docs/web.md.

File types:
  .txt            plain text (UTF-8 or UTF-16 with a byte-order mark)
  .md             Markdown; YAML front matter gives title, author, date, publisher, kind …
  .html           the main content (Readability); metadata from <meta> tags
  .pdf            text of every page; metadata from the document info
  .jsonl          one document per line: {"text", "title", "url", "publisher", "date", "kind"};
                  read as a stream, so a file of any size goes in with memory for one record
  <file>.meta.json  a sidecar whose fields override the file's own metadata

Options:
  --db FILE        corpus database (default $VERITY_DB, else .verity/verity.db)
  --kind KIND      kind of documents that do not state one (default: read from the address,
                   publisher or site name, else unknown):
                   ${SOURCE_KINDS.join(', ')}
  --max-bytes N    refuse larger files before reading them (default ${DEFAULT_MAX_BYTES}; 20MB, 1G accepted);
                   for URLs the body cap (default ${DEFAULT_WEB_MAX_BYTES}); for .jsonl files each line
  --max-inflated N a PDF whose compressed streams inflate past N bytes is refused (default
                   32MB: a decompression bomb fails clearly instead of exhausting memory)
  --json           print a JSON summary
  -h, --help       this help

Examples:
  verity ingest examples/corpus
  verity ingest report.pdf --kind government --db work.db
  verity ingest "news/**/*.html" --kind news --max-bytes 5MB --json
  verity ingest https://en.wikipedia.org/wiki/Fact-checking notes.md --kind reference
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

function sizeFlag(values: Record<string, unknown>, name: string): number | undefined {
  const value = values[name];
  if (typeof value !== 'string') return undefined;
  const parsed = parseByteSize(value);
  if (parsed === null) {
    throw new VerityError({ code: 'USAGE', component: 'ingest', problem: `--${name} ${quote(value)} is not a size`, fix: `give a positive number of bytes, e.g. --${name} 20000000 or --${name} 20MB` });
  }
  return parsed;
}

export const ingestCommand: Command = {
  name: 'ingest',
  summary: 'read files, folders, globs or URLs into the corpus (txt, md, html, pdf, jsonl)',
  help: HELP,
  options: {
    db: { type: 'string' },
    kind: { type: 'string' },
    'max-bytes': { type: 'string' },
    'max-inflated': { type: 'string' },
  },
  async run({ positionals, values, out, env, cwd }) {
    if (positionals.length === 0) {
      throw new VerityError({ code: 'USAGE', component: 'ingest', problem: 'no files, folders, globs or URLs given', fix: 'name what to ingest, e.g. "verity ingest examples/corpus"' });
    }
    let kind: SourceKind | undefined;
    if (typeof values.kind === 'string') {
      if (!isSourceKind(values.kind)) {
        throw new VerityError({ code: 'USAGE', component: 'ingest', problem: `--kind: unknown source kind ${quote(values.kind)}`, fix: `use one of: ${SOURCE_KINDS.join(', ')}` });
      }
      kind = values.kind;
    }
    const maxBytes = sizeFlag(values, 'max-bytes');
    const maxInflatedBytes = sizeFlag(values, 'max-inflated');
    const dbPath = resolveDbPath(typeof values.db === 'string' ? values.db : undefined, env, cwd);
    const store = await openStore(dbPath);
    try {
      // Paths are shown as typed when they are relative to this process's folder; URLs as given.
      const inputs = cwd === process.cwd() ? positionals : positionals.map((p) => (isUrlInput(p) ? p : resolve(cwd, p)));
      const summary = await ingestPaths(store, inputs, {
        ...(kind ? { kind } : {}),
        web: webOptionsFromEnv(env),
        ...(maxBytes !== undefined ? { maxBytes } : {}),
        ...(maxInflatedBytes !== undefined ? { pdf: { maxInflatedBytes } } : {}),
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
        const urls = summary.urls > 0 ? ` and ${summary.urls} URL${summary.urls === 1 ? '' : 's'}` : '';
        out.line(
          `${summary.files} file${summary.files === 1 ? '' : 's'}${urls} read: ${summary.added} added, ${summary.replaced} replaced, ${summary.unchanged} unchanged, ` +
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
