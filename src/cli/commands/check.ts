// `verity check`: check a question or a claim against the corpus and print (or write) the report.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Command } from '../command.js';
import { VerityError, quote } from '../../errors.js';
import { resolveDbPath } from '../../config.js';
import { openStore } from '../../store/open.js';
import { checkInput } from '../../check/index.js';
import { REPORT_FORMATS, isReportFormat, renderReport, verificationTally } from '../../report/index.js';

const HELP = `verity check — fact-check a question or a claim against your corpus

Usage: verity check "<question or claim>" [--db FILE] [--format md|html|json|claimreview] [--out FILE] [--json]

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
  --db FILE        corpus database (default: $VERITY_DB, else .verity/verity.db)
  --format FORMAT  md (default), html (one self-contained page), json (all fields, with
                   schemaVersion), claimreview (schema.org JSON-LD; claims only)
  --out FILE       write the report to FILE instead of stdout
  --json           print the report as JSON (with --out: a short JSON receipt)
  -h, --help       this help

Examples:
  verity ingest examples/corpus
  verity check "Which countries criminalize mere possession of child sexual abuse material versus only its production or distribution?"
  verity check "140 of 196 countries criminalize simple possession" --format html --out report.html
  verity check "140 of 196 countries criminalize simple possession" --format claimreview
`;

export const checkCommand: Command = {
  name: 'check',
  summary: 'fact-check a question or claim; write a verified report (md, html, json, claimreview)',
  help: HELP,
  options: {
    db: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
  },
  async run(ctx) {
    const input = ctx.positionals.join(' ').trim();
    if (input === '') {
      throw new VerityError({ code: 'USAGE', component: 'check', problem: 'no question or claim given', fix: 'run verity check "<question or claim>" (see verity check --help)' });
    }
    const formatFlag = typeof ctx.values.format === 'string' ? ctx.values.format : undefined;
    const format = formatFlag ?? (ctx.out.json ? 'json' : 'md');
    if (!isReportFormat(format)) {
      throw new VerityError({ code: 'USAGE', component: 'check', problem: `unknown --format ${quote(format)}`, fix: `use one of ${REPORT_FORMATS.join(', ')}` });
    }
    const dbPath = resolveDbPath(typeof ctx.values.db === 'string' ? ctx.values.db : undefined, ctx.env, ctx.cwd);
    const store = await openStore(dbPath, { readonly: true });
    try {
      const report = await checkInput(store, input, { onProgress: (e) => ctx.out.progress(e) });
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
          ctx.out.printJson({ out: path, format, kind: report.kind, verdict: report.verdict, sentences: tally.checked, unverified: tally.failed });
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
