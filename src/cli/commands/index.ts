// The command registry, in help order. Each command lives in its own file and is loaded only
// when it runs (or its --help is asked for), so `verity search` does not pay for loading the
// audit's HTML parser or the evaluation suites. The summaries here are what `verity --help`
// lists; test/cli-shell.test.ts checks they match each command's own.
import type { Command } from '../command.js';

export interface CommandEntry {
  name: string;
  summary: string;
  load(): Promise<Command>;
}

export const commands: CommandEntry[] = [
  { name: 'check', summary: 'fact-check a question or claim; write a verified report (md, html, json, claimreview)', load: async () => (await import('./check.js')).checkCommand },
  { name: 'batch', summary: 'check many claims or questions from a CSV or JSONL file; one report each and a summary (resumable)', load: async () => (await import('./batch.js')).batchCommand },
  { name: 'audit', summary: "check an article's claims, citations and arithmetic", load: async () => (await import('./audit.js')).auditCommand },
  { name: 'ingest', summary: 'read files, folders, globs or URLs into the corpus (txt, md, html, pdf, jsonl)', load: async () => (await import('./ingest.js')).ingestCommand },
  { name: 'web-search', summary: 'search Wikipedia or a SearXNG instance; --ingest reads the results into the corpus', load: async () => (await import('./web-search.js')).webSearchCommand },
  { name: 'sources', summary: 'list the sources in the corpus', load: async () => (await import('./sources.js')).sourcesCommand },
  { name: 'search', summary: 'find the passages that best match some text', load: async () => (await import('./search.js')).searchCommand },
  { name: 'analyze', summary: 'show the sentences, figures, dates, cues and check-worthiness of a text', load: async () => (await import('./analyze.js')).analyzeCommand },
  { name: 'eval', summary: 'measure the analyst on a public benchmark (climate-fever, check-covid, wice, …)', load: async () => (await import('./eval.js')).evalCommand },
  { name: 'serve', summary: 'serve a web page and an HTTP API for checks and audits (loopback by default)', load: async () => (await import('./serve.js')).serveCommand },
  { name: 'worker', summary: 'run checks and audits from a Redis queue (many workers, many machines)', load: async () => (await import('./worker.js')).workerCommand },
];
