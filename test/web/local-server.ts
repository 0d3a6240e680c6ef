// A local HTTP server for the web tests: routes answer from handlers or recorded fixture files,
// and every request is logged so tests can assert what reached the server. Never the internet.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';

export const WEB_FIXTURES = join(process.cwd(), 'test/fixtures/web');

export type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => void;

export interface LocalServer {
  /** "http://127.0.0.1:PORT" */
  origin: string;
  port: number;
  /** Every request seen: path with query, and headers. */
  requests: { path: string; headers: IncomingMessage['headers'] }[];
  route(path: string, handler: Handler): void;
  close(): Promise<void>;
}

/** Starts a server on 127.0.0.1 with an ephemeral port. Unknown paths answer 404. */
export async function startServer(): Promise<LocalServer> {
  const routes = new Map<string, Handler>();
  const requests: LocalServer['requests'] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push({ path: `${url.pathname}${url.search}`, headers: req.headers });
    const handler = routes.get(url.pathname);
    if (!handler) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    handler(req, res, url);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    requests,
    route: (path, handler) => void routes.set(path, handler),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A handler answering with fixed content. */
export function send(body: string | Buffer, contentType: string, status = 200, headers: Record<string, string> = {}): Handler {
  return (_req, res) => {
    res.writeHead(status, { 'content-type': contentType, ...headers }).end(body);
  };
}

/** Reads a recorded response from test/fixtures/web. */
export function fixture(name: string): Buffer {
  return readFileSync(join(WEB_FIXTURES, name));
}
