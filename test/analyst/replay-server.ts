// A local HTTP server that replays recorded chat-completions responses, in order, and records
// the requests it got. Unit tests never call a live model server: they point the LLM analyst
// at this one. A request beyond the script gets HTTP 500 "script exhausted", so a test that
// makes more calls than it expects fails loudly.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** One scripted reply. */
export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  /** A JSON value (sent as JSON) or raw text. */
  body?: unknown;
  /** Wait this long before answering. */
  delayMs?: number;
  /** Never answer (the client must time out). */
  hang?: boolean;
}

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: unknown;
}

export interface ReplayServer {
  /** The OpenAI-compatible base, e.g. http://127.0.0.1:PORT/v1 */
  baseUrl: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

const FIXTURES = fileURLToPath(new URL('../fixtures/llm/', import.meta.url));

/** A recorded chat-completions response from test/fixtures/llm/<name>.json. */
export function recorded(name: string): Reply {
  return { status: 200, body: JSON.parse(readFileSync(`${FIXTURES}${name}.json`, 'utf8')) as unknown };
}

/** A chat-completions response whose assistant message is `content` (for small inline cases). */
export function answer(content: string, finishReason = 'stop'): Reply {
  return {
    status: 200,
    body: { id: 'chatcmpl-test', object: 'chat.completion', created: 1767225600, model: 'm', choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: finishReason }] },
  };
}

export async function startReplayServer(script: Reply[] | ((request: RecordedRequest, index: number) => Reply)): Promise<ReplayServer> {
  const requests: RecordedRequest[] = [];
  const hanging = new Set<import('node:http').ServerResponse>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // keep the raw text
      }
      const recordedRequest = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body };
      const index = requests.length;
      requests.push(recordedRequest);
      const reply = typeof script === 'function' ? script(recordedRequest, index) : (script[index] ?? { status: 500, body: { error: { message: 'script exhausted' } } });
      if (reply.hang) {
        hanging.add(res);
        return;
      }
      const send = (): void => {
        const raw = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body ?? {});
        res.writeHead(reply.status ?? 200, { 'content-type': typeof reply.body === 'string' ? 'text/plain' : 'application/json', ...reply.headers });
        res.end(raw);
      };
      if (reply.delayMs) setTimeout(send, reply.delayMs);
      else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
