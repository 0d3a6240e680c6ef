// Wikipedia (any MediaWiki with the TextExtracts extension): search with list=search, read an
// article's plain text with prop=extracts (one article per request: the API returns whole-article
// extracts one at a time). Default endpoint https://en.wikipedia.org/w/api.php.
import { VerityError, quote } from '../errors.js';
import type { SourceMeta } from '../model.js';
import { endpointFetchOptions, endpointUrl, parseApiJson } from './endpoint.js';
import { htmlFragmentToText } from './html-text.js';
import { safeFetch } from './safe-fetch.js';
import type { WebDocument, WebEngineOptions, WebEngineSettings, WebReadOptions, WebResult, WebSearch, WebSearchOptions } from './web-search.js';

export const DEFAULT_WIKIPEDIA_URL = 'https://en.wikipedia.org/w/api.php';

interface ApiError {
  error?: { code?: string; info?: string };
}
interface SearchAnswer extends ApiError {
  query?: { search?: { pageid?: number; title?: string; snippet?: string; timestamp?: string }[] };
}
interface ExtractAnswer extends ApiError {
  query?: {
    pages?: {
      pageid?: number;
      title?: string;
      missing?: boolean;
      invalid?: boolean;
      extract?: string;
      fullurl?: string;
      canonicalurl?: string;
      pagelanguage?: string;
      revisions?: { timestamp?: string }[];
    }[];
  };
}

/** An article's extract as paragraphs: "== Heading ==" lines become plain headings; empty sections are dropped. */
export function cleanExtract(extract: string): string {
  const sections: { heading: string | null; body: string[] }[] = [{ heading: null, body: [] }];
  for (const line of extract.replace(/\r\n?/g, '\n').split('\n')) {
    const h = /^(={2,6})\s*(.*?)\s*\1\s*$/.exec(line);
    if (h) sections.push({ heading: h[2] ?? '', body: [] });
    else sections.at(-1)?.body.push(line);
  }
  const out: string[] = [];
  for (const s of sections) {
    const body = s.body.join('\n').replace(/\n{3,}/g, '\n\n').trim();
    if (body === '') continue;
    out.push(s.heading ? `${s.heading}\n\n${body}` : body);
  }
  return out.join('\n\n');
}

export class WikipediaSearch implements WebSearch {
  readonly name = 'wikipedia';
  readonly endpoint: string;
  readonly settings: WebEngineSettings;
  private readonly api: URL;
  private readonly options: WebEngineOptions;

  constructor(options: WebEngineOptions = {}) {
    this.api = endpointUrl(options.baseUrl ?? DEFAULT_WIKIPEDIA_URL, '/w/api.php', 'Wikipedia');
    this.endpoint = this.api.href;
    this.options = options;
    this.settings = { engine: this.name, options };
  }

  private async call(params: Record<string, string>, signal: AbortSignal | undefined): Promise<unknown> {
    const url = new URL(this.api);
    for (const [k, v] of Object.entries({ ...params, format: 'json', formatversion: '2', utf8: '1' })) url.searchParams.set(k, v);
    const res = await safeFetch(url.href, { ...endpointFetchOptions(this.api, this.options.web), ...(signal ? { signal } : {}) });
    const data = parseApiJson(res.body, 'Wikipedia', url.href) as ApiError;
    if (data && typeof data === 'object' && data.error) {
      throw new VerityError({
        code: 'UPSTREAM',
        component: 'web',
        problem: `the Wikipedia API at ${quote(this.endpoint)} answered the error ${quote(data.error.code ?? 'unknown')}: ${data.error.info ?? 'no detail'}`,
        fix: 'check the query and the API URL (a MediaWiki api.php with the TextExtracts extension)',
      });
    }
    return data;
  }

  /** The article URL for a title on this wiki (the API's own URL comes with read()). */
  private articleUrl(title: string): string {
    const path = encodeURIComponent(title.replace(/ /g, '_')).replace(/%2F/g, '/').replace(/%3A/g, ':');
    return new URL(`/wiki/${path}`, this.api).href;
  }

  async search(query: string, options: WebSearchOptions = {}): Promise<WebResult[]> {
    const limit = Math.max(1, Math.min(50, options.limit ?? 5));
    const data = (await this.call({ action: 'query', list: 'search', srsearch: query, srlimit: String(limit), srprop: 'snippet|timestamp' }, options.signal)) as SearchAnswer;
    const hits = data.query?.search ?? [];
    return hits
      .filter((h): h is typeof h & { title: string } => typeof h.title === 'string' && h.title !== '')
      .slice(0, limit)
      .map((h, i) => ({
        rank: i + 1,
        url: this.articleUrl(h.title),
        title: h.title,
        snippet: htmlFragmentToText(h.snippet ?? ''),
        engine: this.name,
        publishedAt: typeof h.timestamp === 'string' && /^\d{4}-\d{2}-\d{2}/.test(h.timestamp) ? h.timestamp.slice(0, 10) : null,
        ...(typeof h.pageid === 'number' ? { id: String(h.pageid) } : {}),
      }));
  }

  async read(result: WebResult, options: WebReadOptions = {}): Promise<WebDocument[]> {
    const which: Record<string, string> = result.id ? { pageids: result.id } : { titles: result.title };
    const data = (await this.call(
      { action: 'query', prop: 'extracts|info|revisions', explaintext: '1', exsectionformat: 'wiki', inprop: 'url', rvprop: 'timestamp', redirects: '1', ...which },
      options.signal,
    )) as ExtractAnswer;
    const page = data.query?.pages?.[0];
    if (!page || page.missing || page.invalid) {
      throw new VerityError({ code: 'NOT_FOUND', component: 'web', problem: `Wikipedia has no article ${quote(result.title)} at ${quote(this.endpoint)}`, fix: 'search again; the article may have been renamed or deleted' });
    }
    const text = cleanExtract(page.extract ?? '');
    if (text === '') {
      throw new VerityError({ code: 'BAD_INPUT', component: 'web', problem: `the Wikipedia article ${quote(result.title)} has no text (TextExtracts returned an empty extract)`, fix: 'the page may be a disambiguation or special page; pick another result' });
    }
    let uri = result.url;
    for (const candidate of [page.canonicalurl, page.fullurl]) {
      if (typeof candidate === 'string' && URL.canParse(candidate)) {
        uri = candidate;
        break;
      }
    }
    // Publisher and licence follow where the article lives (a mirror of Wikipedia still serves Wikipedia's URLs).
    const host = new URL(uri).hostname;
    const isWikipedia = /(^|\.)wikipedia\.org$/i.test(host);
    const edited = page.revisions?.[0]?.timestamp;
    const meta: SourceMeta = {
      uri,
      title: page.title ?? result.title,
      publisher: isWikipedia ? 'Wikipedia' : host,
      author: null,
      publishedAt: typeof edited === 'string' && /^\d{4}-\d{2}-\d{2}/.test(edited) ? edited.slice(0, 10) : result.publishedAt,
      kind: 'reference',
      language: page.pagelanguage ?? null,
      license: isWikipedia ? 'CC BY-SA 4.0' : null,
    };
    return [{ text, meta, retrievedAt: (options.now ?? (() => new Date()))().toISOString(), origin: result.url }];
  }
}
