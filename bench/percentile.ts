// Latency figures for the benchmarks: nearest-rank percentiles and a p50/p95/mean summary.

/** Nearest-rank percentile `p` (0–100) of ascending `sorted`; 0 for an empty list. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] ?? 0;
}

/** `x` rounded to `d` decimals (3 by default). */
export function round(x: number, d = 3): number {
  const f = 10 ** d;
  return Math.round(x * f) / f;
}

/** p50, p95 and mean of latencies in milliseconds (any order), each rounded to 3 decimals. */
export function latency(ms: readonly number[]): { p50: number; p95: number; mean: number } {
  const s = [...ms].sort((a, b) => a - b);
  const mean = s.reduce((a, b) => a + b, 0) / Math.max(1, s.length);
  return { p50: round(percentile(s, 50)), p95: round(percentile(s, 95)), mean: round(mean) };
}
