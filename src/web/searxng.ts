// SearXNG (a self-hosted metasearch engine) through its JSON API: GET /search?q=…&format=json.
// The instance must enable the JSON format (settings.yml: search.formats: [html, json]); it
// answers 403 otherwise. Results carry only snippets, so read() fetches the result's page with
// the full address policy and reads it with the ingest loaders.
import { VerityError, quote } from '../errors.js';
import { loadUrl, titleFromUrl } from '../ingest/load/load-url.js';
import { endpointFetchOptions, endpointUrl, parseApiJson } from './endpoint.js';
import { HttpStatusError, safeFetch } from './safe-fetch.js';
import type { WebDocument, WebEngineOptions, WebEngineSettings, WebReadOptions, WebResult, WebSearch, WebSearchOptions } from './web-search.js';

export interface SearxngOptions extends WebEngineOptions {
  /** Comma-separated SearXNG categories (default the instance's, usually "general"). */
  categories?: string;
  /** Search language code, e.g. "en" (default the instance's). */
  language?: string;
}

interface SearxngAnswer {
  results?: { url?: unknown; title?: unknown; content?: unknown; engine?: unknown; engines?: unknown; publishedDate?: unknown }[];
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

export class SearxngSearch implements WebSearch {
  readonly name = 'searxng';
  readonly endpoint: string;
  readonly settings: WebEngineSettings;
  private readonly api: URL;
  private readonly options: SearxngOptions;

  constructor(options: SearxngOptions) {
    if (!options.baseUrl) {
      throw new VerityError({ code: 'USAGE', component: 'web', problem: 'no SearXNG URL given', fix: 'pass --url http://localhost:8888 (or set VERITY_SEARXNG_URL); docs/web.md shows how to run SearXNG locally' });
    }
    this.api = endpointUrl(options.baseUrl, '/search', 'SearXNG');
    this.endpoint = this.api.href;
    this.options = options;
    this.settings = { engine: this.name, options };
  }

  async search(query: string, options: WebSearchOptions = {}): Promise<WebResult[]> {
    const limit = Math.max(1, options.limit ?? 5);
    const url = new URL(this.api);
    url.searchParams.set('q', query);
    url.searchParams.set('format', 'json');
    url.searchParams.set('pageno', '1');
    if (this.options.categories) url.searchParams.set('categories', this.options.categories);
    if (this.options.language) url.searchParams.set('language', this.options.language);
    let body: Buffer;
    try {
      body = (await safeFetch(url.href, { ...endpointFetchOptions(this.api, this.options.web), ...(options.signal ? { signal: options.signal } : {}) })).body;
    } catch (e) {
      if (e instanceof HttpStatusError && e.status === 403) {
        throw new VerityError({
          code: 'UPSTREAM',
          component: 'web',
          problem: `the SearXNG instance at ${quote(this.endpoint)} refused the JSON format (403 Forbidden)`,
          fix: 'enable it in the instance\'s settings.yml: search: formats: [html, json] — then restart SearXNG (public instances usually keep it off)',
          cause: e,
        });
      }
      throw e;
    }
    const data = parseApiJson(body, 'SearXNG', url.href) as SearxngAnswer;
    const results: WebResult[] = [];
    const seen = new Set<string>();
    for (const r of Array.isArray(data?.results) ? data.results : []) {
      const link = str(r.url);
      if (!/^https?:\/\//i.test(link) || seen.has(link)) continue;
      seen.add(link);
      const engines = Array.isArray(r.engines) ? r.engines.filter((x): x is string => typeof x === 'string') : str(r.engine) ? [str(r.engine)] : [];
      const date = str(r.publishedDate);
      results.push({
        rank: results.length + 1,
        url: link,
        title: str(r.title).trim() || link,
        snippet: str(r.content).replace(/\s+/g, ' ').trim(),
        engine: engines.length > 0 ? `searxng:${engines.join(',')}` : 'searxng',
        publishedAt: /^\d{4}-\d{2}-\d{2}/.test(date) ? date.slice(0, 10) : null,
      });
      if (results.length >= limit) break;
    }
    return results;
  }

  async read(result: WebResult, options: WebReadOptions = {}): Promise<WebDocument[]> {
    // The page is untrusted: the endpoint's trusted host does not carry over.
    const web = { ...this.options.web, ...(options.signal ? { signal: options.signal } : {}) };
    const loaded = await loadUrl(result.url, { web, ...(options.kind ? { kind: options.kind } : {}), ...(options.now ? { now: options.now } : {}) });
    const first = loaded.failures[0];
    if (loaded.documents.length === 0 && first) throw first.error;
    return loaded.documents.map((d) => {
      const meta = { ...d.meta };
      if (meta.title === titleFromUrl(meta.uri) && result.title) meta.title = result.title;
      if (meta.publishedAt === null) meta.publishedAt = result.publishedAt;
      return { text: d.text, meta, retrievedAt: d.retrievedAt ?? new Date().toISOString(), origin: result.url };
    });
  }
}
