// Preloaded (`node --import ./bench/ingest/rss-probe.mjs …`) by bench/ingest/hostile-rss.ts: writes the process's
// peak resident memory (kernel maxRSS, all threads, in KiB) to $VERITY_RSS_FILE every 250 ms and
// at exit, so a run stopped at its time limit still leaves the peak it had reached.
import { writeFileSync } from 'node:fs';
import { setInterval } from 'node:timers';

const file = process.env.VERITY_RSS_FILE;
if (file) {
  const write = () => writeFileSync(file, String(process.resourceUsage().maxRSS));
  setInterval(write, 250).unref();
  process.on('exit', write);
}
