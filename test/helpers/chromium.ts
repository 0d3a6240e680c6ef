// The browser the tests drive: Debian's Chromium through playwright-core (never downloaded).
// Missing → the browser tests skip with a reason locally, and fail in CI (CI=true), where no
// test may be skipped for a missing service.
import { existsSync } from 'node:fs';

export const CHROMIUM = '/usr/bin/chromium';

/** Launch flags for a closed network: no background requests, no sandbox (root in CI). */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** The `skip` option of a browser test: false when it must run (Chromium present, or CI). */
export function chromiumSkip(): false | string {
  if (existsSync(CHROMIUM) || process.env.CI === 'true') return false;
  return `no browser at ${CHROMIUM} (install Debian's chromium: apt-get install -y chromium)`;
}
