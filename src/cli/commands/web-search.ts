// `verity web-search`: search Wikipedia or a SearXNG instance; with --ingest, read the results
// into the corpus. The library does the work (web/web-documents.ts); this parses and prints.
import type { Command } from '../command.js';
import { wholeFlag } from '../whole-flag.js';
import { resolveDbPath } from '../../config.js';
import { VerityError, quote } from '../../errors.js';
import { SOURCE_KINDS, type SourceKind } from '../../model.js';
import { ingestTexts } from '../../ingest/ingest-text.js';
import { isSourceKind } from '../../ingest/load/metadata.js';
import { openStore } from '../../store/sqlite/open.js';
import { webOptionsFromEnv } from '../../web/env-options.js';
import { DEFAULT_WIKIPEDIA_URL } from '../../web/wikipedia.js';
import { WEB_ENGINES, createWebSearch, webDocuments, type WebEngineName } from '../../web/web-documents.js';

const MAX_LIMIT = 20;

const HELP = `Usage: verity web-search "<query>" [--engine wikipedia|searxng] [--url URL] [--limit N] [--ingest] [--db FILE] [--kind KIND] [--json]

Searches the web and lists the results (title, URL, snippet). With --ingest, reads each result
into the corpus: Wikipedia articles as plain text through the MediaWiki API, SearXNG results
by fetching the page (HTML, PDF, …) under the same rules as "verity ingest <url>".
A result that cannot be read is reported and the others still go in (exit code 1 if any failed).

Engines:
  wikipedia   MediaWiki search + TextExtracts (default ${DEFAULT_WIKIPEDIA_URL};
              another language or wiki: --url https://de.wikipedia.org)
  searxng     a SearXNG instance with the JSON format enabled (--url or $VERITY_SEARXNG_URL,
              e.g. http://localhost:8888; see docs/web.md to run one)

The engine's own address may be local (it is your configuration); the pages its results point
at are fetched only from public addresses (VERITY_WEB_ALLOW_PRIVATE=1 lifts that: tests and
intranets only). Requests name Verity in their User-Agent (VERITY_WEB_USER_AGENT overrides);
at most 2 pages are read at once.

Options:
  --engine NAME  ${WEB_ENGINES.join(' or ')} (default wikipedia)
  --url URL      the engine's address (default: wikipedia ${DEFAULT_WIKIPEDIA_URL},
                 $VERITY_WIKIPEDIA_URL; searxng $VERITY_SEARXNG_URL)
  --limit N      results, 1 to ${MAX_LIMIT} (default 5)
  --ingest       read the results into the corpus
  --db FILE      corpus database for --ingest (default $VERITY_DB, else .verity/verity.db)
  --kind KIND    kind of ingested pages that do not state one (default: inferred, else unknown; Wikipedia is reference):
                 ${SOURCE_KINDS.join(', ')}
  --json         print {"engine", "endpoint", "query", "results": [...]} (+ "documents", "failures", "corpus" with --ingest)
  -h, --help     this help

Examples:
  verity web-search "fact-checking"
  verity web-search "International Fact-Checking Network" --limit 3 --ingest
  verity web-search "possession offences" --engine searxng --url http://localhost:8888 --ingest --kind news
`;

export const webSearchCommand: Command = {
  name: 'web-search',
  summary: 'search Wikipedia or a SearXNG instance; --ingest reads the results into the corpus',
  help: HELP,
  options: {
    engine: { type: 'string' },
    url: { type: 'string' },
    limit: { type: 'string', short: 'n' },
    ingest: { type: 'boolean' },
    db: { type: 'string' },
    kind: { type: 'string' },
  },
  async run({ positionals, values, out, env, cwd }) {
    const query = positionals.join(' ');
    if (query.trim() === '') {
      throw new VerityError({ code: 'USAGE', component: 'web-search', problem: 'no search words given', fix: 'pass what to search for, e.g. verity web-search "fact-checking"' });
    }
    const engineName = typeof values.engine === 'string' ? values.engine : 'wikipedia';
    if (!(WEB_ENGINES as readonly string[]).includes(engineName)) {
      throw new VerityError({ code: 'USAGE', component: 'web-search', problem: `--engine: unknown engine ${quote(engineName)}`, fix: `use one of: ${WEB_ENGINES.join(', ')}` });
    }
    const limit = typeof values.limit === 'string' ? wholeFlag('web-search', 'limit', values.limit, 1, MAX_LIMIT, 'e.g. --limit 5') : 5;
    let kind: SourceKind | undefined;
    if (typeof values.kind === 'string') {
      if (!isSourceKind(values.kind)) {
        throw new VerityError({ code: 'USAGE', component: 'web-search', problem: `--kind: unknown source kind ${quote(values.kind)}`, fix: `use one of: ${SOURCE_KINDS.join(', ')}` });
      }
      kind = values.kind;
    }
    const given = typeof values.url === 'string' && values.url !== '' ? values.url : engineName === 'searxng' ? env.VERITY_SEARXNG_URL : env.VERITY_WIKIPEDIA_URL;
    const engine = createWebSearch(engineName as WebEngineName, { ...(given ? { baseUrl: given } : {}), web: webOptionsFromEnv(env) });

    if (!values.ingest) {
      const results = await engine.search(query, { limit });
      if (out.json) {
        out.printJson({ engine: engine.name, endpoint: engine.endpoint, query, results });
        return 0;
      }
      if (results.length === 0) out.line(`No results from ${engine.name} for ${quote(query)}.`);
      for (const r of results) {
        out.line(`${r.rank}. ${out.bold(r.title)}${r.publishedAt ? ` ${out.dim(`(${r.publishedAt})`)}` : ''}`);
        out.line(`   ${r.url}`);
        if (r.snippet) out.line(`   ${r.snippet}`);
      }
      return 0;
    }

    const found = await webDocuments(query, { engine, limit, ...(kind ? { kind } : {}) });
    const dbPath = resolveDbPath(typeof values.db === 'string' ? values.db : undefined, env, cwd);
    const store = await openStore(dbPath);
    try {
      const written = await ingestTexts(store, found.documents);
      const documents: { uri: string; title: string; sourceId: string; status: string; passages: number }[] = [];
      const failures = [...found.failures];
      found.documents.forEach((d, k) => {
        const r = written[k];
        if (r === undefined) return;
        if (r instanceof VerityError) failures.push({ url: d.origin, code: r.code, message: r.message });
        else documents.push({ uri: d.meta.uri, title: d.meta.title, sourceId: r.sourceId, status: r.status, passages: r.passages });
      });
      const stats = await store.stats();
      if (out.json) {
        out.printJson({ engine: found.engine, endpoint: found.endpoint, query, results: found.results, db: dbPath, documents, failures, corpus: stats });
      } else {
        for (const d of documents) out.line(`${d.status.padEnd(8)} ${d.title} ${out.dim(`(${d.passages} passage${d.passages === 1 ? '' : 's'}, ${d.uri})`)}`);
        for (const f of failures) out.error(f.message);
        out.line(`${found.results.length} result${found.results.length === 1 ? '' : 's'} from ${found.engine}: ${documents.length} read, ${failures.length} failed.`);
        out.line(`Corpus ${dbPath}: ${stats.sources} sources, ${stats.passages} passages.`);
      }
      return failures.length > 0 ? 1 : 0;
    } finally {
      await store.close();
    }
  },
};
