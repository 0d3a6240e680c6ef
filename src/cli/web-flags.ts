// The web-search flags shared by the commands that may search the web (check, serve, worker):
// --web, --web-engine wikipedia|searxng, --web-url, --web-limit, with the VERITY_WIKIPEDIA_URL /
// VERITY_SEARXNG_URL / VERITY_WEB_* environment.
import { VerityError, quote } from '../errors.js';
import { DEFAULT_WEB_LIMIT } from '../check/index.js';
import { webOptionsFromEnv } from '../web/env-options.js';
import type { WebSearch } from '../web/web-search.js';
import type { SafeFetchOptions } from '../web/safe-fetch.js';
import type { CommandContext, OptionSpec } from './command.js';
import { wholeFlag } from './whole-flag.js';

/** Most results read per search (`--web-limit`). */
export const MAX_WEB_LIMIT = 20;

export const WEB_OPTIONS: OptionSpec = {
  web: { type: 'boolean' },
  'web-engine': { type: 'string' },
  'web-url': { type: 'string' },
  'web-limit': { type: 'string' },
};

export interface WebFlagsOptions {
  /** Named in usage errors ("[check] …"). */
  component: string;
  /** What --web does for this command, for the fix of "--web-url is given without --web": "search the web before checking". */
  purpose: string;
  /** Safe-fetch options for the engine (default: from the environment). */
  web?: SafeFetchOptions;
}

/**
 * The web search the flags ask for, or null without --web. A --web-* flag without --web, an
 * unknown engine, a bad limit or SearXNG without an address is a usage error naming the flag.
 * The engines (and the page loaders they use) are loaded only with --web, so a check without it
 * starts without them.
 */
export async function webSearchFromFlags(ctx: CommandContext, o: WebFlagsOptions): Promise<{ search: WebSearch; limit: number } | null> {
  const v = ctx.values;
  const usage = (problem: string, fix: string): VerityError => new VerityError({ code: 'USAGE', component: o.component, problem, fix });
  if (v.web !== true) {
    const first = (['web-engine', 'web-url', 'web-limit'] as const).find((k) => v[k] !== undefined);
    if (first !== undefined) throw usage(`--${first} is given without --web`, `add --web to ${o.purpose}, or drop --${first}`);
    return null;
  }
  const { WEB_ENGINES, createWebSearch } = await import('../web/web-documents.js');
  const name = typeof v['web-engine'] === 'string' ? v['web-engine'] : 'wikipedia';
  if (!(WEB_ENGINES as readonly string[]).includes(name)) throw usage(`--web-engine: unknown engine ${quote(name)}`, `use one of: ${WEB_ENGINES.join(', ')}`);
  const rawLimit = v['web-limit'];
  const limit = typeof rawLimit === 'string' ? wholeFlag(o.component, 'web-limit', rawLimit, 1, MAX_WEB_LIMIT, 'e.g. --web-limit 5') : DEFAULT_WEB_LIMIT;
  const url = typeof v['web-url'] === 'string' && v['web-url'] !== '' ? v['web-url'] : name === 'searxng' ? ctx.env.VERITY_SEARXNG_URL : ctx.env.VERITY_WIKIPEDIA_URL;
  if (name === 'searxng' && !url) {
    throw usage('--web-engine searxng needs the address of a SearXNG instance', 'pass --web-url http://localhost:8888 (or set VERITY_SEARXNG_URL); docs/web.md shows how to run one');
  }
  return { search: createWebSearch(name, { ...(url ? { baseUrl: url } : {}), web: o.web ?? webOptionsFromEnv(ctx.env) }), limit };
}
