// GET /api/jobs/:id/events as Server-Sent Events: the job's events so far, then live ones —
// `status`, `progress` …, then one of `done`, `failed`, `cancelled` — after which the stream
// ends. Each event's SSE id is its seq, so a reconnecting EventSource (Last-Event-ID) gets only
// what it has not seen. A comment line every `heartbeatMs` keeps proxies from closing an idle stream.
import type { ServerResponse } from 'node:http';
import type { JobEvent, Queue } from '../jobs/index.js';
import { errorBody } from './http-error.js';

export interface EventStreamOptions {
  heartbeatMs?: number;
  /** Events with a seq up to this one are not sent again (the client's Last-Event-ID). */
  after?: number;
  headers: Record<string, string>;
}

function frame(event: JobEvent, links: (id: string) => Record<string, string>): { name: string; data: unknown } {
  switch (event.type) {
    case 'status':
      return { name: 'status', data: { id: event.id, status: event.status } };
    case 'progress':
      return { name: 'progress', data: { id: event.id, ...event.progress } };
    case 'done':
      return { name: 'done', data: { id: event.id, status: 'done', links: links(event.id) } };
    case 'failed':
      return { name: 'failed', data: { id: event.id, status: 'failed', ...errorBody(event.error) } };
    case 'cancelled':
      return { name: 'cancelled', data: { id: event.id, status: 'cancelled', ...errorBody(event.error) } };
  }
}

/** Streams the events of job `id` (which the caller has checked exists) until its terminal event or the client leaves. */
export async function streamJobEvents<R>(res: ServerResponse, queue: Queue<R>, id: string, links: (id: string) => Record<string, string>, options: EventStreamOptions): Promise<void> {
  res.writeHead(200, {
    ...options.headers,
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  res.write('retry: 2000\n\n');
  let ended = false;
  let stop: () => void = () => undefined;
  const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), options.heartbeatMs ?? 15_000);
  const end = (): void => {
    if (ended) return;
    ended = true;
    clearInterval(heartbeat);
    stop();
    res.end();
  };
  // 'close' on the response: the stream ended, or the client went away.
  res.on('close', end);
  stop = await queue.subscribe(id, (event) => {
    if (ended) return;
    const terminal = event.type === 'done' || event.type === 'failed' || event.type === 'cancelled';
    if (event.seq > (options.after ?? 0)) {
      const { name, data } = frame(event, links);
      res.write(`id: ${event.seq}\nevent: ${name}\ndata: ${JSON.stringify(data)}\n\n`);
    }
    if (terminal) setImmediate(end);
  });
  if (ended) stop();
}
