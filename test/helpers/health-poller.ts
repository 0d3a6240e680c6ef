// Polls GET /api/health from a worker thread of its own, so a server frozen in this process's
// main thread cannot also freeze the measurement: every latency (ms) and how many requests
// failed (an error status, a reset, or no answer within `timeoutMs`, counted at that time).
import { Worker } from 'node:worker_threads';

export interface HealthPoll {
  latencies: number[];
  failures: number;
}

const POLLER = `
const { parentPort, workerData } = require('node:worker_threads');
const { url, ms, everyMs, timeoutMs } = workerData;
(async () => {
  const latencies = [];
  let failures = 0;
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const started = performance.now();
    try {
      const res = await fetch(url + '/api/health', { signal: AbortSignal.timeout(timeoutMs) });
      await res.arrayBuffer();
      if (!res.ok) failures++;
    } catch {
      failures++;
    }
    latencies.push(performance.now() - started);
    await new Promise((r) => setTimeout(r, everyMs));
  }
  parentPort.postMessage({ latencies, failures });
})();
`;

/** Polls `${url}/api/health` for `ms` milliseconds, pausing `everyMs` between answers. */
export function pollHealthFor(url: string, ms: number, everyMs = 20, timeoutMs = 30_000): Promise<HealthPoll> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(POLLER, { eval: true, workerData: { url, ms, everyMs, timeoutMs } });
    worker.once('message', (m: HealthPoll) => {
      resolve(m);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

/** The nearest-rank percentile `p` (0–100) of the latencies. */
export function latencyPercentile(latencies: readonly number[], p: number): number {
  const s = [...latencies].sort((a, b) => a - b);
  return s.length === 0 ? 0 : s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}
