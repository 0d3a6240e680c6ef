// `verity check`: check a question or a claim against the corpus and print (or write) the report.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Command } from '../command.js';
import { VerityError, quote } from '../../errors.js';
import { resolveDbPath } from '../../config.js';
import { openStore } from '../../store/sqlite/open.js';
import { DEFAULT_WEB_LIMIT, checkInput } from '../../check/index.js';
import { ANALYST_OPTIONS, analystFromFlags } from '../analyst-flags.js';
import { REPORT_FORMATS, formatName, isReportFormat, renderReport, verificationTally } from '../../report/index.js';
import { MAX_WEB_LIMIT, WEB_OPTIONS, webSearchFromFlags } from '../web-flags.js';


const HELP = `verity check — fact-check a question or a claim against your corpus

Usage: verity check "<question or claim>" [--about TOPIC] [--db FILE] [--format md|html|json|claimreview] [--out FILE] [--json]
                    [--analyst rules|llm] [--llm-url URL] [--llm-model NAME] [--llm-fallback]
                    [--web [--web-engine wikipedia|searxng] [--web-url URL] [--web-limit N]]

A claim ("140 of 196 countries criminalize possession") gets a verdict — Supported, Refuted,
Mixed or Unproven — with a confidence and the reason. A question ("Which countries
criminalize possession versus only distribution?") is split into facets, each answered from
the sources, with the counts compared. Either way the report has an executive summary,
numbered findings, the gaps in the evidence, the competing perspectives of the sources, a
figures table, and numbered sources.

Every sentence is checked against the passages it cites before the report is printed: a
sentence that is not supported is shown flagged "unverified" with the reason — never kept
silently. Progress goes to stderr; the report goes to stdout or to --out.

Options:
  --about TOPIC    what the claim is about, e.g. the title of the article it was lifted from
                   ("Travis Barker"). A claim whose subject is a bare pronoun ("He appeared in
                   …", "In 2016, she …") is read with TOPIC in its place; any claim's search also
                   looks for pages about TOPIC. TOPIC is never a word the sources must state
                   beyond the subject. Without it, a claim opening with a bare pronoun gets a gap
                   saying its subject is unknown
  --db FILE        corpus database (default: $VERITY_DB, else .verity/verity.db)
  --format FORMAT  md (default), html (one self-contained page), json (all fields, with
                   schemaVersion), claimreview (schema.org JSON-LD; claims only)
  --out FILE       write the report to FILE instead of stdout
  --json           print the report as JSON (with --out: a short JSON receipt)
  --analyst NAME   who writes the prose: rules (default; offline, deterministic) or llm (a
                   model on any OpenAI-compatible server). With llm the summary and findings
                   are the model's, and every sentence still goes through the verifier;
                   verdict, gaps, perspectives and figures stay computed. See docs/analyst.md
  --llm-url URL    the server's OpenAI-compatible base (default $VERITY_LLM_URL), e.g.
                   http://127.0.0.1:11434/v1 (Ollama), http://127.0.0.1:8080/v1 (llama.cpp)
  --llm-model NAME the model (default $VERITY_LLM_MODEL). A key, when the server needs
                   one, is read from $VERITY_LLM_API_KEY (never printed); the deadline of a
                   request from $VERITY_LLM_TIMEOUT (seconds, default 120); a seed from
                   $VERITY_LLM_SEED
  --llm-fallback   if the model fails (server down, unreadable answers), print the rules
                   report with a warning instead of failing
  --web            before checking, search the web for the input and for each facet (at most
                   5 searches), read the results and ingest them into the corpus (--db is then
                   opened for writing, and created if missing); the report cites them like any
                   source, and the next run finds them offline. Without --web nothing touches
                   the network. A result that cannot be read is a warning (stderr and the
                   report); an engine that cannot be reached fails the check. See docs/web.md
  --web-engine E   wikipedia (default) or searxng
  --web-url URL    the engine's address (default: wikipedia $VERITY_WIKIPEDIA_URL, else
                   https://en.wikipedia.org/w/api.php; searxng $VERITY_SEARXNG_URL, required)
  --web-limit N    results read per search, 1 to ${MAX_WEB_LIMIT} (default ${DEFAULT_WEB_LIMIT})
  -h, --help       this help

Examples:
  verity ingest examples/corpus
  verity check "Which countries criminalize mere possession of child sexual abuse material versus only its production or distribution?"
  verity check "140 of 196 countries criminalize simple possession" --format html --out report.html
  verity check "140 of 196 countries criminalize simple possession" --format claimreview
  verity check "He made his debut for the club in 2018" --about "Stefan Cleveland"
  verity check "Fact-checking organizations passed 400 by 2023" --web --db web.db
  verity check "140 of 196 countries criminalize simple possession" --analyst llm --llm-url http://127.0.0.1:11434/v1 --llm-model llama3.1:8b
`;

export const checkCommand: Command = {
  name: 'check',
  summary: 'fact-check a question or claim; write a verified report (md, html, json, claimreview)',
  help: HELP,
  options: {
    db: { type: 'string' },
    about: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    ...ANALYST_OPTIONS,
    ...WEB_OPTIONS,
  },
  async run(ctx) {
    const input = ctx.positionals.join(' ').trim();
    if (input === '') {
      throw new VerityError({ code: 'USAGE', component: 'check', problem: 'no question or claim given', fix: 'run verity check "<question or claim>" (see verity check --help)' });
    }
    const formatFlag = typeof ctx.values.format === 'string' ? formatName(ctx.values.format) : undefined;
    const format = formatFlag ?? (ctx.out.json ? 'json' : 'md');
    if (!isReportFormat(format)) {
      throw new VerityError({ code: 'USAGE', component: 'check', problem: `unknown --format ${quote(format)}`, fix: `use one of ${REPORT_FORMATS.join(', ')}` });
    }
    // Read before the store is opened: a missing URL or model is a usage error, found first.
    const analyst = await analystFromFlags(ctx);
    const web = await webSearchFromFlags(ctx, { component: 'check', purpose: 'search the web before checking' });
    const dbPath = resolveDbPath(typeof ctx.values.db === 'string' ? ctx.values.db : undefined, ctx.env, ctx.cwd);
    // Writable only when web sources are to be ingested.
    const store = await openStore(dbPath, { readonly: web === null });
    try {
      const report = await checkInput(store, input, {
        onProgress: (e) => ctx.out.progress(e),
        analyst,
        ...(typeof ctx.values.about === 'string' ? { about: ctx.values.about } : {}),
        ...(web ? { web: { search: web.search, limit: web.limit, onWarning: (w: string) => ctx.out.notice(`verity: warning: ${w}`) } } : {}),
      });
      const w = report.provenance.web;
      if (w) {
        ctx.out.notice(`web: ${w.results} result${w.results === 1 ? '' : 's'} from ${w.engine} for ${w.queries.length} search${w.queries.length === 1 ? '' : 'es'}: ${w.added} added, ${w.unchanged} already in the corpus, ${w.replaced} replaced, ${w.failed} failed (${dbPath})`);
      }
      const rendered = renderReport(report, format);
      const tally = verificationTally(report);
      const outFlag = typeof ctx.values.out === 'string' ? ctx.values.out : undefined;
      if (outFlag === undefined) {
        ctx.out.write(rendered);
      } else {
        const path = resolve(ctx.cwd, outFlag);
        try {
          mkdirSync(dirname(path), { recursive: true });
          writeFileSync(path, rendered);
        } catch (e) {
          throw new VerityError({ code: 'IO', component: 'check', problem: `cannot write ${quote(path)}: ${(e as Error).message}`, fix: 'choose a writable --out path', cause: e });
        }
        if (ctx.out.json) {
          ctx.out.printJson({ out: path, format, kind: report.kind, verdict: report.verdict, sentences: tally.checked, unverified: tally.failed, ...(w ? { web: w } : {}) });
        } else {
          ctx.out.notice(`wrote ${path} (${format}; ${tally.checked} sentences, ${tally.failed} unverified)`);
        }
      }
      return 0;
    } finally {
      await store.close();
    }
  },
};

