// `verity audit`: check an article's claims, citations and arithmetic against the corpus.
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command } from '../command.js';
import { wholeFlag } from '../whole-flag.js';
import { resolveDbPath } from '../../config.js';
import { VerityError, quote } from '../../errors.js';
import { openStore } from '../../store/sqlite/open.js';
import { DEFAULT_FETCH_LIMIT, MAX_FETCH_LIMIT, normaliseUrl, annotateHtml, annotateMarkdown, auditArticle, auditJson, readArticle, readArticleFile, readArticleUrl, sniffFormat } from '../../audit/index.js';
import { isUrlInput } from '../../ingest/load/load-url.js';
import { formatName } from '../../report/render/format-name.js';
import { gatherWebSources, webQuery } from '../../check/web-sources.js';
import { sentencesCitingAbsent } from '../../audit/index.js';
import { MAX_WEB_LIMIT, WEB_OPTIONS, webSearchFromFlags } from '../web-flags.js';
import type { CommandContext } from '../command.js';
import type { Article, AuditFetchOptions, AuditResult } from '../../audit/index.js';
import { webOptionsFromEnv } from '../../web/env-options.js';

/** Searches made at most for the sentences citing absent references. */
const MAX_ABSENT_SEARCHES = 5;

const HELP = `Usage: verity audit <file.md|file.html|file.txt|file.pdf|URL|-> [--db FILE] [--format md|html|json] [--out FILE]
                    [--input-format md|html|txt] [--json] [--fetch [--fetch-limit N]]
                    [--web [--web-engine wikipedia|searxng] [--web-url URL] [--web-limit N]]

Checks an existing article: every check-worthy sentence (one with a figure or a citation, or
that the check-worthiness model scores 0.5 or more) becomes a claim. Each claim is checked
against the source it cites, when that source is in the corpus ("does the cited source say
this?"), and against the corpus as a whole, and gets a status: supported, contradicted,
unsupported (nothing found) or unverifiable (an opinion or a prediction). Its figures are
checked against the cited source (another value, or the same value for another thing), for
arithmetic (percentages, ratios, totals, changes, "X of Y"), and for consistency across the
article (part <= whole, nested counts, derived figures, the same quantity given two values).
Dates of events (released, signed, entered into force …) are checked against the cited source too.
Flags: figure-source-mismatch, figure-meaning-mismatch (the same number, said of something
else), date-source-mismatch, arithmetic, internal-inconsistency,
citation-unsupported, contradicted, uncited. Each has a severity: error (arithmetic,
internal-inconsistency, figure-source-mismatch, date-source-mismatch, contradicted),
warning (citation-unsupported, figure-meaning-mismatch) or note (uncited). Internal-consistency flags name their check
(percent-vs-points, change-vs-values, fraction-vs-percent, shares-over-100, parts-over-whole,
restated-value, date-arithmetic, age-arithmetic, outside-range, derived-count) and show the
computation and a suggested correction. Markdown and HTML output end with (HTML: begin with)
the flags grouped by severity.

The page is read as a reader does: site chrome (banners, donation appeals, "Loading…",
navigation, cookie notices), bylines and "Checked on …" lines, the title and headings
(numbered ones, and a heading run into its first sentence) are not claims. A PDF is read from
its text layer; a URL is fetched (the safe fetch: public addresses only unless
VERITY_WEB_ALLOW_PRIVATE=1). Citations to references that are not in the input give one
warning ("references [1]–[14] are not in this file"); those sentences are checked against
the corpus instead.

References are read from a numbered sources list ([1] … under "References" or "Sources",
Markdown or HTML) and from inline links; each is matched to a corpus source by normalised
URL, else by title.

With --fetch, the cited web pages come first: every reference with an http(s) URL that is
not in the corpus is fetched (two at a time, at most --fetch-limit URLs), read (HTML, PDF,
text, Markdown) and ingested into the corpus (--db is then opened for writing, and created
if missing), so "does the cited source say this?" reads the page itself; the next run finds
it by its URL, offline, and does not fetch it again. A link that redirects still counts for
its reference, but the corpus keeps the address it led to: a later run matches it only by
title, or fetches it again with --fetch.
A page that cannot be fetched (a private or loopback address, 404, too large, not a page,
timeout) stays "not in the corpus" and is named in a warning with the reason; the audit runs
anyway. Without --fetch nothing touches the network. Private addresses are refused unless
VERITY_WEB_ALLOW_PRIVATE=1 (tests, intranets); VERITY_WEB_TIMEOUT_MS sets a fetch's deadline.

Options:
  --db FILE          corpus database (default $VERITY_DB, else .verity/verity.db)
  --format FORMAT    md (annotated Markdown, default), html (annotated page) or json
  --out FILE         write the result to FILE instead of standard output
  --input-format F   how to read "-" (standard input): md, html or txt (default: guessed)
  --json             the same as --format json
  --fetch            fetch the cited pages not in the corpus and ingest them before auditing
  --fetch-limit N    URLs fetched at most, 1 to ${MAX_FETCH_LIMIT} (default ${DEFAULT_FETCH_LIMIT}); the rest are
                     named in a warning
  --web              when sentences cite references the file does not list, search the web for
                     them first (at most ${MAX_ABSENT_SEARCHES} searches, their words without numbers) and ingest
                     what is found (--db is then opened for writing), so they are checked
                     against it; without absent references no search is made
  --web-engine E     wikipedia (default) or searxng
  --web-url URL      the engine's address (default $VERITY_WIKIPEDIA_URL / $VERITY_SEARXNG_URL)
  --web-limit N      results read per search, 1 to ${MAX_WEB_LIMIT}
  -h, --help         this help

Exit code: 0 when the audit ran and raised no flag of severity "error"; 1 when it raised one
(the output is written all the same: a newsroom's CI can fail on it) or on failure (a message
on stderr, no output); 2 on a usage error.

Examples:
  verity audit article.md
  verity audit page.html --format html --out audited.html
  cat draft.txt | verity audit - --input-format txt --json
  verity audit draft.md --fetch --db drafts.db --format json --out audit.json
  verity audit report.pdf --json || echo "the audit found errors"
  verity audit https://example.org/fact-check/some-claim
`;

async function readStdin(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

export const auditCommand: Command = {
  name: 'audit',
  summary: "check an article's claims, citations and arithmetic",
  help: HELP,
  options: { db: { type: 'string' }, format: { type: 'string', short: 'f' }, out: { type: 'string', short: 'o' }, 'input-format': { type: 'string' }, fetch: { type: 'boolean' }, 'fetch-limit': { type: 'string' }, ...WEB_OPTIONS },
  async run(ctx) {
    const { positionals, values, out, env, cwd, stdin } = ctx;
    const target = positionals[0];
    if (target === undefined || positionals.length > 1) {
      throw new VerityError({
        code: 'USAGE',
        component: 'audit',
        problem: target === undefined ? 'no article given' : `expected one article, got ${positionals.length}: ${positionals.map((p) => quote(p)).join(', ')}`,
        fix: 'pass one file (.md, .html, .txt, .pdf), a URL, or "-" to read standard input',
      });
    }
    const format = values.json === true ? 'json' : typeof values.format === 'string' ? formatName(values.format) : 'md';
    if (format !== 'md' && format !== 'html' && format !== 'json') {
      throw new VerityError({ code: 'USAGE', component: 'audit', problem: `unknown --format ${quote(format)}`, fix: 'use --format md, html or json' });
    }
    const inputFormat = values['input-format'];
    if (inputFormat !== undefined && inputFormat !== 'md' && inputFormat !== 'html' && inputFormat !== 'txt') {
      throw new VerityError({ code: 'USAGE', component: 'audit', problem: `unknown --input-format ${quote(String(inputFormat))}`, fix: 'use --input-format md, html or txt' });
    }
    const fetch = fetchOptions(values, env, (w) => out.notice(`verity: [audit] warning: ${w}`));
    const web = await webSearchFromFlags(ctx, { component: 'audit', purpose: 'search the web for the sentences whose references the file does not list' });

    let article: Article;
    if (target === '-') {
      const text = await readStdin(stdin);
      if (text.trim() === '') throw new VerityError({ code: 'BAD_INPUT', component: 'audit', problem: 'standard input is empty', fix: 'pipe the article text in, e.g. cat article.md | verity audit -' });
      article = readArticle(text, inputFormat ?? sniffFormat(text));
    } else if (isUrlInput(target)) {
      article = await readArticleUrl(target, webOptionsFromEnv(env));
    } else {
      article = await readArticleFile(resolve(cwd, target));
    }

    const dbPath = resolveDbPath(typeof values.db === 'string' ? values.db : undefined, env, cwd);
    // Writable only when fetched pages are to be ingested.
    const absent = web ? sentencesCitingAbsent(article) : [];
    const store = await openStore(dbPath, { readonly: fetch === null && absent.length === 0 });
    try {
      if (web && absent.length > 0) await searchAbsent(ctx, store, absent, web, dbPath);
      const result = await auditArticle(store, article, { onProgress: (e) => out.progress(e), ...(fetch ? { fetch } : {}) });
      // Fetch warnings were printed as they happened.
      for (const w of result.warnings) if (fetch === null || !w.startsWith('fetch: ')) out.notice(`verity: [audit] warning: ${w}`);
      if (fetch) out.notice(fetchSummary(result.references, dbPath));
      const text = format === 'json' ? `${JSON.stringify(auditJson(result), null, 2)}\n` : format === 'html' ? annotateHtml(article, result) : annotateMarkdown(article, result);
      if (typeof values.out === 'string') {
        const path = resolve(cwd, values.out);
        try {
          await writeFile(path, text);
        } catch (e) {
          throw new VerityError({ code: 'IO', component: 'audit', problem: `cannot write ${quote(path)}: ${(e as Error).message}`, fix: 'check that the folder exists and is writable', cause: e });
        }
        if (format !== 'json') out.line(`wrote ${path}`);
        else out.notice(`verity: [audit] wrote ${path}`);
      } else {
        out.write(text);
      }
      return result.summary.bySeverity.error > 0 ? 1 : 0;
    } finally {
      await store.close();
    }
  },
};

/** --web: the sentences citing references the file does not list, searched and ingested before the audit. */
async function searchAbsent(ctx: CommandContext, store: Awaited<ReturnType<typeof openStore>>, sentences: string[], web: NonNullable<Awaited<ReturnType<typeof webSearchFromFlags>>>, dbPath: string): Promise<void> {
  const queries = [...new Set(sentences.map(webQuery))].slice(0, MAX_ABSENT_SEARCHES);
  const stage = await gatherWebSources(store, queries, {
    search: web.search,
    limit: web.limit,
    onWarning: (w) => ctx.out.notice(`verity: [audit] warning: ${w}`),
    now: () => new Date(),
    onProgress: (e) => ctx.out.progress(e),
  });
  const p = stage.provenance;
  ctx.out.notice(`web: ${p.results} result${p.results === 1 ? '' : 's'} from ${p.engine} for ${p.queries.length} search${p.queries.length === 1 ? '' : 'es'} (sentences citing absent references): ${p.added} added, ${p.unchanged} already in the corpus, ${p.replaced} replaced, ${p.failed} failed (${dbPath})`);
}

/** The --fetch options, or null without --fetch; --fetch-limit without --fetch is a usage error (nothing would use it). */
function fetchOptions(values: Record<string, unknown>, env: NodeJS.ProcessEnv, onWarning: (w: string) => void): AuditFetchOptions | null {
  const rawLimit = values['fetch-limit'];
  if (values.fetch !== true) {
    if (rawLimit !== undefined) throw new VerityError({ code: 'USAGE', component: 'audit', problem: '--fetch-limit is given without --fetch', fix: 'add --fetch to read the cited pages from the web, or drop --fetch-limit' });
    return null;
  }
  const limit = typeof rawLimit === 'string' ? wholeFlag('audit', 'fetch-limit', rawLimit, 1, MAX_FETCH_LIMIT, `e.g. --fetch-limit ${DEFAULT_FETCH_LIMIT}`) : DEFAULT_FETCH_LIMIT;
  return { web: webOptionsFromEnv(env), limit, onWarning };
}

/** One line on stderr: what --fetch did. */
function fetchSummary(references: AuditResult['references'], dbPath: string): string {
  const c = { added: 0, unchanged: 0, replaced: 0, failed: 0 };
  const urls = new Set<string>();
  for (const r of references) {
    const f = r.fetched;
    if (!f) continue;
    // References citing one URL were fetched once.
    const key = r.url ? (normaliseUrl(r.url) ?? r.url.toLowerCase()) : `#${r.n}`;
    if (urls.has(key)) continue;
    urls.add(key);
    if ('error' in f) c.failed++;
    else c[f.status]++;
  }
  return `fetch: ${urls.size} cited page${urls.size === 1 ? '' : 's'} not in the corpus: ${c.added} added, ${c.unchanged} unchanged, ${c.replaced} replaced, ${c.failed} not fetched (${dbPath})`;
}
