// GET /api/jobs/:id/events as Server-Sent Events (written with hono's streamSSE): the job's
// events so far, then live ones — `status`, `progress` …, then one of `done`, `failed`,
// `cancelled` — after which the stream ends. Each event's SSE id is its seq, so a reconnecting
// EventSource (Last-Event-ID) gets only what it has not seen. A comment line every
// `heartbeatMs` keeps proxies from closing an idle stream.
import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { JobEvent, Queue } from '../../jobs/index.js';
import { errorBody } from './http-error.js';
import type { ServerEnv } from './server-env.js';

export interface EventStreamOptions {
  heartbeatMs?: number;
  /** Events with a seq up to this one are not sent again (the client's Last-Event-ID). */
  after?: number;
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

const isTerminal = (event: JobEvent): boolean => event.type === 'done' || event.type === 'failed' || event.type === 'cancelled';

/** Streams the events of job `id` (which the caller has checked exists) until its terminal event or the client leaves. */
export function streamJobEvents<R>(c: Context<ServerEnv>, queue: Queue<R>, id: string, links: (id: string) => Record<string, string>, options: EventStreamOptions): Response {
  const res = streamSSE(c, async (stream) => {
    await stream.write('retry: 2000\n\n');
    let ended = false;
    let end: () => void = () => undefined;
    const over = new Promise<void>((resolve) => (end = resolve));
    // The client went away (or the server is closing its connections).
    stream.onAbort(end);
    // Writes are chained so they go out in order and all are out before the stream closes.
    let written: Promise<unknown> = Promise.resolve();
    const send = (write: () => Promise<unknown>): void => {
      written = written.then(write);
    };
    const heartbeat = setInterval(() => send(() => stream.write(': keep-alive\n\n')), options.heartbeatMs ?? 15_000);
    const stop = await queue.subscribe(id, (event) => {
      if (ended) return;
      if (event.seq > (options.after ?? 0)) {
        const { name, data } = frame(event, links);
        send(() => stream.writeSSE({ id: String(event.seq), event: name, data: JSON.stringify(data) }));
      }
      if (isTerminal(event)) {
        ended = true;
        end();
      }
    });
    await over;
    ended = true;
    clearInterval(heartbeat);
    stop();
    await written;
  });
  res.headers.set('content-type', 'text/event-stream; charset=utf-8');
  res.headers.set('cache-control', 'no-store');
  res.headers.set('x-accel-buffering', 'no');
  return res;
}
