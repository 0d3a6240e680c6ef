// Preloaded (`node --import ./bench/serve/loop-probe.mjs …`) by bench/serve/serve-throughput.ts: measures the
// main thread's event-loop delay (perf_hooks.monitorEventLoopDelay, 10 ms resolution) and writes
// its p50, p99 and max in milliseconds, with the process's CPU time (all threads), to $VERITY_LOOP_FILE every
// 500 ms and at exit. `SIGUSR2` starts a new measurement window (the histogram is reset).
import { writeFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setInterval } from 'node:timers';

const file = process.env.VERITY_LOOP_FILE;
if (file) {
  const h = monitorEventLoopDelay({ resolution: 10 });
  h.enable();
  let cpuFrom = process.cpuUsage();
  const ms = (ns) => Math.round(ns / 1e5) / 10;
  const write = () => {
    const cpu = process.cpuUsage(cpuFrom);
    writeFileSync(file, JSON.stringify({ p50Ms: ms(h.percentile(50)), p99Ms: ms(h.percentile(99)), maxMs: ms(h.max), processCpuMs: Math.round((cpu.user + cpu.system) / 1000) }));
  };
  process.on('SIGUSR2', () => {
    h.reset();
    cpuFrom = process.cpuUsage();
  });
  setInterval(write, 500).unref();
  process.on('exit', write);
}
