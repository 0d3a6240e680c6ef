// A real server on an ephemeral loopback port over the small check corpus, and small HTTP helpers.
import { request } from 'node:http';
import { startServer } from '../../src/server/index.js';
import type { RunningServer, ServerOptions } from '../../src/server/index.js';
import type { Store } from '../../src/contracts.js';
import { FIXED_NOW, smallStore } from '../check/helpers.js';

export interface TestServer {
  server: RunningServer;
  store: Store;
  url: string;
  close(): Promise<void>;
}

/** Starts a server on 127.0.0.1:0 over `store` (default: the small check corpus, in memory). */
export async function testServer(options: Partial<ServerOptions> = {}): Promise<TestServer> {
  const store = options.store ?? (await smallStore());
  const logged: string[] = [];
  const server = await startServer({ host: '127.0.0.1', port: 0, now: FIXED_NOW, log: (l) => logged.push(l), ...options, store });
  return {
    server,
    store,
    url: server.url,
    async close() {
      await server.close();
      await store.close();
    },
  };
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One request through node:http with full control of headers and body (chunks are streamed as given, without a Content-Length unless set). */
export function raw(url: string, options: { method?: string; headers?: Record<string, string>; chunks?: (string | Buffer)[] } = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method ?? 'GET', headers: options.headers ?? {} }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts).toString('utf8') }));
      res.on('error', reject);
    });
    // The server may answer (413) and close before the whole upload is sent: that is not a failure here.
    req.on('error', (e: NodeJS.ErrnoException) => (e.code === 'EPIPE' || e.code === 'ECONNRESET' ? undefined : reject(e)));
    for (const c of options.chunks ?? []) req.write(c);
    req.end();
  });
}

export async function postJson(url: string, value: unknown): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(value) });
}

/** Reads a Server-Sent Events stream to its end: the (event, data) pairs in order. */
export async function readEvents(url: string, headers: Record<string, string> = {}): Promise<Array<{ id: number; event: string; data: Record<string, unknown> }>> {
  const res = await fetch(url, { headers });
  if (!res.ok) throw new Error(`events: HTTP ${res.status}: ${await res.text()}`);
  const text = await res.text();
  const out: Array<{ id: number; event: string; data: Record<string, unknown> }> = [];
  for (const block of text.split('\n\n')) {
    const id = Number(/^id: (\d+)$/m.exec(block)?.[1]);
    const event = /^event: (.+)$/m.exec(block)?.[1];
    const data = /^data: (.+)$/m.exec(block)?.[1];
    if (event && data) out.push({ id, event, data: JSON.parse(data) as Record<string, unknown> });
  }
  return out;
}

/** Polls GET /api/jobs/:id until the job has ended (for about 10 s, or `timeoutMs`). */
export async function waitForJob(base: string, id: string, timeoutMs = 10_000): Promise<Record<string, unknown>> {
  for (const until = Date.now() + timeoutMs; Date.now() < until; ) {
    const job = (await (await fetch(`${base}/api/jobs/${id}`)).json()) as Record<string, unknown>;
    if (job.status === 'done' || job.status === 'failed' || job.status === 'cancelled') return job;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`job ${id} did not finish`);
}

export interface ErrorJson {
  error: { code: string; component: string; problem: string; fix: string | null };
}
