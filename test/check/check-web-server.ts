// The recorded web for the check --web tests: a local server answering MediaWiki API calls and
// SearXNG searches from test/fixtures/web/check/, with the server's own origin written into the
// answers, and logging every request (so a test can also show that none was made).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WEB_FIXTURES, startServer, type LocalServer } from '../web/local-server.js';

const FIXTURES = join(WEB_FIXTURES, 'check');

export interface WebFixtureServer extends LocalServer {
  /** The srsearch / q of every search received, in order. */
  searches: string[];
  /** Article reads received (MediaWiki pageids). */
  reads: string[];
}

function recorded(name: string, origin: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8').replaceAll('{{ORIGIN}}', origin);
}

/** MediaWiki at /w/api.php (every search answers the recorded Examplestan results) and SearXNG at /search. */
export async function startWebFixtureServer(): Promise<WebFixtureServer> {
  const server = await startServer();
  const searches: string[] = [];
  const reads: string[] = [];
  const json = (body: string) => ({ status: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, body });
  server.route('/w/api.php', (_req, res, url) => {
    const p = url.searchParams;
    let answer: { status: number; headers: Record<string, string>; body: string } = { status: 400, headers: { 'content-type': 'text/plain' }, body: 'unexpected request' };
    if (p.get('action') === 'query' && p.get('list') === 'search') {
      searches.push(p.get('srsearch') ?? '');
      answer = json(recorded('wikipedia/search-examplestan.json', server.origin));
    } else if (p.get('action') === 'query' && p.get('prop')?.split('|').includes('extracts')) {
      const id = p.get('pageids') ?? '';
      reads.push(id);
      const name = `wikipedia/extract-${id}.json`;
      if (/^\d+$/.test(id) && existsSync(join(FIXTURES, name))) answer = json(recorded(name, server.origin));
    }
    res.writeHead(answer.status, answer.headers).end(answer.body);
  });
  server.route('/search', (_req, res, url) => {
    searches.push(url.searchParams.get('q') ?? '');
    res.writeHead(200, { 'content-type': 'application/json' }).end(recorded('searxng/search-examplestan.json', server.origin));
  });
  server.route('/articles/examplestan-car-bans', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(recorded('searxng/examplestan-car-bans.html', server.origin));
  });
  return Object.assign(server, { searches, reads });
}
