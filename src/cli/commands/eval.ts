// `verity eval`: run a public benchmark suite on its upstream-format data and print the figures.
import { resolve } from 'node:path';
import type { Command } from '../command.js';
import { VerityError, quote } from '../../errors.js';
import { runEval, SUITES } from '../../eval/index.js';
import type { EvalResult } from '../../eval/index.js';
import { analystConfig, createAnalyst } from '../../analyst/analyst-config.js';

const HELP = `Usage: verity eval <suite> --data FILE|FOLDER [--corpus FILE] [--limit N] [--split S] [--out DIR] [--json]
                   [--analyst rules|llm] [--llm-url URL] [--llm-model NAME] [--llm-concurrency N]

Runs the rules analyst on a public fact-checking benchmark, read in its upstream format, and
prints accuracy, macro-F1, per-class precision/recall/F1, the confusion matrix, and a
majority-class baseline on the same items. A folder means every file in it with the suite's
format (files repeated in a combined file are read once).

Suites:
  climate-fever       claim + its 5 evidence sentences → SUPPORTS/REFUTES/NOT_ENOUGH_INFO/DISPUTED
                      (also sentence-level stance accuracy and a confidence reliability table)
  check-covid         full pipeline: ingest --corpus corpus.json, retrieve, verdict
                      SUPPORT/REFUTE/NOTENOUGHINFO; also abstract recall@5
  wice                claim + cited article sentences (or the oracle_chunks format: best chunk per
                      claim) → supported/partially_supported/not_supported; also ROC-AUC of
                      supported vs the rest
  wice-corpus         the WiCE dev cited pages saved as Markdown, ingested into a temporary
                      SQLite corpus, every claim checked with the check pipeline: own article
                      among sources, verdicts with quoted evidence, balanced accuracy, ROC-AUC,
                      ECE, clean prose, lead relevance, time per check (docs/bench-real.md)
  citation-integrity  citing sentence + cited abstracts (--corpus corpus.jsonl) → SUPPORT/REFUTE/NEI
  healthver           evidence–claim pairs (CSV) → Supports/Refutes/Neutral
  fever-symmetric     claim–evidence pairs (JSONL, v0.1 or v0.2) → SUPPORTS/REFUTES
  covid-fact          RTE TSV pairs → entailment/not_entailment (an unlabelled test.tsv takes its
                      labels from --corpus COVIDFACT_dataset.jsonl)
  scifact             RTE TSV (rte-scifact-oracle) pairs → entailment/not_entailment, or
                      SciFact-schema claims with --corpus corpus.jsonl → SUPPORT/REFUTE/NEI
  figure-pairs        pairs of figure statements (bench/data/figure-pairs.jsonl) → the figure-meaning
                      relation (same, paraphrase, …); also mismatch recall and the paraphrase
                      false-mismatch rate (docs/bench-figures.md)
  figure-pairs-shared the shared benchmarks' claim–evidence pairs with figures on both sides
                      (--data the shared data folder, or --data-root) → supportive or not

Options:
  --data PATH     claims file or folder (required)
  --corpus FILE   abstracts for check-covid, citation-integrity and scifact claims; the
                  claims file for an unlabelled covid-fact test.tsv
  --limit N       only the first N claims (or pairs)
  --split S       figure-pairs: only the dev or the heldout pairs
  --data-root DIR figure-pairs-shared: the shared data folder (the same as --data)
  --out DIR       wice-corpus: keep the articles, corpus.sqlite and each report JSON in DIR
  --analyst NAME  rules (default) or llm: the pair suites (healthver, fever-symmetric,
                  covid-fact, scifact RTE) judged by a model on an OpenAI-compatible server,
                  pairs sent in batches of 5 (see docs/analyst.md)
  --llm-url URL   the server's base, e.g. http://127.0.0.1:11434/v1 (default $VERITY_LLM_URL)
  --llm-model M   the model (default $VERITY_LLM_MODEL); key from $VERITY_LLM_API_KEY
  --llm-concurrency N  requests in flight at once (default 2)
  --json          print {"suite","n","accuracy","macroF1","perClass","confusion","auc","recallAt5","claimsPerSecond",…}
  -h, --help      this help

Examples:
  verity eval climate-fever --data ../shared/data/climate-fever/climate-fever-dev.jsonl
  verity eval figure-pairs --data bench/data/figure-pairs.jsonl --split dev
  verity eval check-covid --data ../shared/data/check-covid/Check-COVID/dev --corpus ../shared/data/check-covid/Check-COVID/corpus.json --json
`;

const pct = (v: number): string => `${(v * 100).toFixed(1)}%`;

function printResult(r: EvalResult, line: (s?: string) => void): void {
  line(`${r.suite}: ${r.n} items, ${r.claimsPerSecond} per second`);
  line(`  accuracy ${pct(r.accuracy)}   macro-F1 ${r.macroF1.toFixed(3)}   (majority "${r.majorityBaseline.label}": accuracy ${pct(r.majorityBaseline.accuracy)}, macro-F1 ${r.majorityBaseline.macroF1.toFixed(3)})`);
  if (r.auc !== null) line(`  ROC-AUC (supported vs rest) ${Number.isNaN(r.auc) ? 'n/a' : r.auc.toFixed(3)}`);
  if (r.recallAt5 !== null) line(`  recall@5 (gold abstract retrieved) ${pct(r.recallAt5)}`);
  const labels = Object.keys(r.perClass);
  const w = Math.max(10, ...labels.map((l) => l.length));
  line(`  ${'label'.padEnd(w)}  precision  recall  f1     support`);
  for (const l of labels) {
    const c = r.perClass[l]!;
    line(`  ${l.padEnd(w)}  ${c.precision.toFixed(3).padStart(9)}  ${c.recall.toFixed(3).padStart(6)}  ${c.f1.toFixed(3)}  ${String(c.support).padStart(7)}`);
  }
  line(`  confusion (rows gold, columns predicted): ${labels.join(' · ')}`);
  for (const g of labels) line(`  ${g.padEnd(w)}  ${labels.map((p) => String(r.confusion[g]?.[p] ?? 0).padStart(6)).join(' ')}`);
  const ev = r.extra.evidenceStance as { accuracy: number; macroF1: number; n: number } | undefined;
  if (ev) line(`  evidence-level stance: ${ev.n} sentences, accuracy ${pct(ev.accuracy)}, macro-F1 ${ev.macroF1.toFixed(3)}`);
  const gold = r.extra.goldEvidence as { accuracy: number; macroF1: number; n: number } | undefined;
  if (gold) line(`  against the gold evidence sentences: ${gold.n} claims, accuracy ${pct(gold.accuracy)}, macro-F1 ${gold.macroF1.toFixed(3)}`);
  const summary = r.extra.summary;
  if (Array.isArray(summary)) for (const s of summary) line(String(s));
  if (r.suite === 'wice-corpus') printReportFigures(r.extra, line);
}

function printReportFigures(x: Record<string, unknown>, line: (s?: string) => void): void {
  const num = (k: string): number => (typeof x[k] === 'number' ? (x[k] as number) : Number.NaN);
  const t = x.msPerCheck as { p50: number; p95: number } | undefined;
  line(`  own article among the report's sources ${pct(num('ownArticleAmongSources'))}   balanced accuracy (supported vs rest) ${pct(num('balancedAccuracy'))}`);
  line(`  Supported/Refuted/Mixed with verified quoted evidence and an agreeing reason ${pct(num('decisiveWithQuotedEvidence'))} of ${num('decisiveVerdicts')}`);
  line(`  ECE ${num('ece').toFixed(3)}   clean prose ${pct(num('cleanProse'))}   lead relevant ${pct(num('leadRelevant'))}   per check p50 ${t?.p50 ?? '?'} ms, p95 ${t?.p95 ?? '?'} ms`);
  for (const h of (x.byHalf as Array<{ half: string; n: number; balancedAccuracy: number; auc: number; ece: number }> | undefined) ?? []) {
    line(`  ${h.half} half (${h.n}): balanced accuracy ${pct(h.balancedAccuracy)}, ROC-AUC ${h.auc.toFixed(3)}, ECE ${h.ece.toFixed(3)}`);
  }
  const rel = (x.reliability as Array<{ from: number; to: number; n: number; meanConfidence: number; accuracy: number }> | undefined) ?? [];
  line('  reliability (confidence bin: n, mean confidence, accuracy)');
  for (const b of rel) if (b.n > 0) line(`    ${b.from.toFixed(1)}–${b.to.toFixed(1)}: ${String(b.n).padStart(4)}  ${b.meanConfidence.toFixed(3)}  ${b.accuracy.toFixed(3)}`);
}

export const evalCommand: Command = {
  name: 'eval',
  summary: 'measure the analyst on a public benchmark (climate-fever, check-covid, wice, …)',
  help: HELP,
  options: {
    data: { type: 'string' },
    'data-root': { type: 'string' },
    split: { type: 'string' },
    corpus: { type: 'string' },
    limit: { type: 'string', short: 'n' },
    out: { type: 'string' },
    analyst: { type: 'string' },
    'llm-url': { type: 'string' },
    'llm-model': { type: 'string' },
    'llm-concurrency': { type: 'string' },
  },
  async run({ positionals, values, out, cwd, env }) {
    const suite = positionals[0];
    if (suite === undefined || positionals.length > 1) {
      throw new VerityError({ code: 'USAGE', component: 'eval', problem: suite === undefined ? 'no suite given' : `one suite at a time (got ${positionals.map((p) => quote(p)).join(', ')})`, fix: `run "verity eval <suite> --data PATH" with a suite among ${SUITES.join(', ')}` });
    }
    const data = values.data ?? values['data-root'];
    if (typeof values.split === 'string' && suite !== 'figure-pairs') {
      throw new VerityError({ code: 'USAGE', component: 'eval', problem: `--split is for figure-pairs, not ${quote(suite)}`, fix: 'leave --split out' });
    }
    if (typeof data !== 'string' || data.trim() === '') {
      throw new VerityError({ code: 'USAGE', component: 'eval', problem: `no --data given for ${quote(suite)}`, fix: 'pass --data FILE or --data FOLDER with the suite\'s upstream files' });
    }
    let limit: number | undefined;
    if (typeof values.limit === 'string') {
      if (!/^\d+$/.test(values.limit.trim()) || Number(values.limit) < 1) {
        throw new VerityError({ code: 'USAGE', component: 'eval', problem: `--limit ${quote(values.limit)} is not a positive whole number`, fix: 'pass e.g. --limit 100' });
      }
      limit = Number(values.limit);
    }
    const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
    const config = analystConfig({ analyst: str(values.analyst), llmUrl: str(values['llm-url']), llmModel: str(values['llm-model']), llmConcurrency: str(values['llm-concurrency']) }, env);
    const options = {
      data: resolve(cwd, data),
      split: typeof values.split === 'string' ? values.split : undefined,
      corpus: typeof values.corpus === 'string' ? resolve(cwd, values.corpus) : undefined,
      limit,
      out: typeof values.out === 'string' ? resolve(cwd, values.out) : undefined,
      onProgress: (e: Parameters<typeof out.progress>[0]) => out.progress(e),
    };
    let result: EvalResult;
    if (config.kind === 'rules') {
      result = await runEval(suite, options);
    } else {
      // Loaded only when a model is asked for.
      const { runPairStanceEval } = await import('../../analyst/pair-stance-eval.js');
      const analyst = await createAnalyst(config, { onRetry: (r) => out.notice(`verity: [llm] ${r.reason}; retrying in ${(r.delayMs / 1000).toFixed(1)} s (attempt ${r.attempt + 1})`) });
      result = await runPairStanceEval(suite, options, analyst);
    }
    if (out.json) out.printJson(result);
    else printResult(result, (s) => out.line(s));
    return 0;
  },
};
