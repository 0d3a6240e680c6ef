// `verity search`: ranked passages for any text.
import type { Command } from '../command.js';
import { wholeFlag } from '../whole-flag.js';
import type { Output } from '../output.js';
import { resolveDbPath } from '../../config.js';
import { VerityError, quote } from '../../errors.js';
import { queryTerms } from '../../store/sqlite/fts-query.js';
import { MAX_SEARCH_LIMIT } from '../../store/sqlite/sqlite-store.js';
import { openStore } from '../../store/sqlite/open.js';
import { stem, tokenize } from '../../text/tokens.js';

const HELP = `Usage: verity search "<text>" [--db FILE] [--limit N] [--json]

Finds the passages of the corpus that best match the text (BM25 over the words of the
query; passages containing more and rarer words rank higher). Any text is a valid query:
quotes, operators and symbols are treated as plain words.

Each result shows its score, the source (title, publisher, date, kind), the passage id and
its offsets in the source text, and the passage with matching words highlighted.

Options:
  --db FILE    corpus database (default $VERITY_DB, else .verity/verity.db)
  --limit N    number of results, 1 to ${MAX_SEARCH_LIMIT} (default 10)
  --json       print {"results": [{"score", "passageId", "sourceId", "text", "start", "end", "source": {...}}]}
  -h, --help   this help

Examples:
  verity search "possession of child sexual abuse material"
  verity search "minimum sentence" --limit 3 --json
`;

/** The passage text with words that match a query term (by stem) highlighted. */
export function highlightMatches(text: string, query: string, out: Output): string {
  const stems = new Set(queryTerms(query).flatMap((t) => tokenize(t).map((w) => stem(w.lower))));
  let result = '';
  let last = 0;
  for (const t of tokenize(text)) {
    if (!stems.has(stem(t.lower))) continue;
    result += text.slice(last, t.start) + out.highlight(t.text);
    last = t.end;
  }
  return result + text.slice(last);
}

/** Scores are BM25: tiny in a tiny corpus, so small values keep three significant digits. */
function formatScore(score: number): string {
  return score >= 0.01 || score === 0 ? score.toFixed(3) : score.toPrecision(3);
}

export const searchCommand: Command = {
  name: 'search',
  summary: 'find the passages that best match some text',
  help: HELP,
  options: { db: { type: 'string' }, limit: { type: 'string', short: 'n' } },
  async run({ positionals, values, out, env, cwd }) {
    const query = positionals.join(' ');
    if (query.trim() === '') {
      throw new VerityError({ code: 'USAGE', component: 'search', problem: 'no search text given', fix: 'pass the text to search for, e.g. verity search "possession offences"' });
    }
    const limit = typeof values.limit === 'string' ? wholeFlag('search', 'limit', values.limit, 1, MAX_SEARCH_LIMIT, 'pass e.g. --limit 5') : 10;
    const dbPath = resolveDbPath(typeof values.db === 'string' ? values.db : undefined, env, cwd);
    const store = await openStore(dbPath, { readonly: true });
    try {
      const hits = await store.search(query, { limit });
      if (out.json) {
        out.printJson({
          query,
          results: hits.map((h) => ({ score: h.score, passageId: h.passage.id, sourceId: h.source.id, text: h.passage.text, start: h.passage.start, end: h.passage.end, source: h.source })),
        });
        return 0;
      }
      if (hits.length === 0) {
        const why = queryTerms(query).length === 0 ? 'the query has no words to search for' : 'no passage contains any of its words';
        out.line(`No results for ${quote(query, 60)}: ${why}.`);
        return 0;
      }
      for (const [i, h] of hits.entries()) {
        const s = h.source;
        const meta = [s.publisher, s.publishedAt?.slice(0, 10), s.kind].filter((x): x is string => Boolean(x)).join(', ');
        out.line(`${i + 1}. ${out.bold(s.title)} ${out.dim(`(${meta})`)}  score ${formatScore(h.score)}`);
        out.line(`   ${out.dim(`passage ${h.passage.id}, characters ${h.passage.start}–${h.passage.end}`)}`);
        out.line(`   ${highlightMatches(h.passage.text, query, out).replace(/\n+/g, ' ')}`);
        out.line();
      }
      return 0;
    } finally {
      await store.close();
    }
  },
};
