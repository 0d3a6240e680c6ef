// `verity audit`: check an article's claims, citations and arithmetic against the corpus.
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command } from '../command.js';
import { wholeFlag } from '../whole-flag.js';
import { resolveDbPath } from '../../config.js';
import { VerityError, quote } from '../../errors.js';
import { openStore } from '../../store/open.js';
import { DEFAULT_FETCH_LIMIT, MAX_FETCH_LIMIT, normaliseUrl, annotateHtml, annotateMarkdown, auditArticle, auditJson, readArticle, readArticleFile, sniffFormat } from '../../audit/index.js';
import type { Article, AuditFetchOptions, AuditResult } from '../../audit/index.js';
import { webOptionsFromEnv } from '../../web/env-options.js';

const HELP = `Usage: verity audit <file.md|file.html|file.txt|-> [--db FILE] [--format md|html|json] [--out FILE]
                    [--input-format md|html|txt] [--json] [--fetch [--fetch-limit N]]

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
else), date-source-mismatch, arithmetic, internal-inconsistency, citation-unsupported,
contradicted, uncited.

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
  -h, --help         this help

Exit code: 0 when the audit ran (flags or not), 1 on failure, 2 on a usage error.

Examples:
  verity audit article.md
  verity audit page.html --format html --out audited.html
  cat draft.txt | verity audit - --input-format txt --json
  verity audit draft.md --fetch --db drafts.db --format json --out audit.json
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
  options: { db: { type: 'string' }, format: { type: 'string', short: 'f' }, out: { type: 'string', short: 'o' }, 'input-format': { type: 'string' }, fetch: { type: 'boolean' }, 'fetch-limit': { type: 'string' } },
  async run({ positionals, values, out, env, cwd, stdin }) {
    const target = positionals[0];
    if (target === undefined || positionals.length > 1) {
      throw new VerityError({
        code: 'USAGE',
        component: 'audit',
        problem: target === undefined ? 'no article given' : `expected one article, got ${positionals.length}: ${positionals.map((p) => quote(p)).join(', ')}`,
        fix: 'pass one file (.md, .html, .txt) or "-" to read standard input',
      });
    }
    const format = values.json === true ? 'json' : typeof values.format === 'string' ? values.format : 'md';
    if (format !== 'md' && format !== 'html' && format !== 'json') {
      throw new VerityError({ code: 'USAGE', component: 'audit', problem: `unknown --format ${quote(format)}`, fix: 'use --format md, html or json' });
    }
    const inputFormat = values['input-format'];
    if (inputFormat !== undefined && inputFormat !== 'md' && inputFormat !== 'html' && inputFormat !== 'txt') {
      throw new VerityError({ code: 'USAGE', component: 'audit', problem: `unknown --input-format ${quote(String(inputFormat))}`, fix: 'use --input-format md, html or txt' });
    }
    const fetch = fetchOptions(values, env, (w) => out.notice(`verity: [audit] warning: ${w}`));

    let article: Article;
    if (target === '-') {
      const text = await readStdin(stdin);
      if (text.trim() === '') throw new VerityError({ code: 'BAD_INPUT', component: 'audit', problem: 'standard input is empty', fix: 'pipe the article text in, e.g. cat article.md | verity audit -' });
      article = readArticle(text, inputFormat ?? sniffFormat(text));
    } else {
      article = await readArticleFile(resolve(cwd, target));
    }

    const dbPath = resolveDbPath(typeof values.db === 'string' ? values.db : undefined, env, cwd);
    // Writable only when fetched pages are to be ingested.
    const store = await openStore(dbPath, { readonly: fetch === null });
    try {
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
      return 0;
    } finally {
      await store.close();
    }
  },
};

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
