// The web settings a user gives through the environment, read once at the edge (CLI, server)
// and passed down as options; library code never reads the environment itself.
import { VerityError, quote } from '../errors.js';
import type { SafeFetchOptions } from './safe-fetch.js';

/**
 * VERITY_WEB_ALLOW_PRIVATE=1   connect to private/loopback addresses (tests, intranets only)
 * VERITY_WEB_TIMEOUT_MS=N      deadline of one fetch
 * VERITY_WEB_USER_AGENT=TEXT   User-Agent (Wikipedia asks for contact details in it)
 */
export function webOptionsFromEnv(env: NodeJS.ProcessEnv): SafeFetchOptions {
  const options: SafeFetchOptions = {};
  const allow = env.VERITY_WEB_ALLOW_PRIVATE;
  if (allow !== undefined && allow !== '') {
    if (allow === '1' || allow.toLowerCase() === 'true') options.allowPrivate = true;
    else if (allow !== '0' && allow.toLowerCase() !== 'false') {
      throw new VerityError({ code: 'USAGE', component: 'web', problem: `VERITY_WEB_ALLOW_PRIVATE=${quote(allow)} is not 1 or 0`, fix: 'set VERITY_WEB_ALLOW_PRIVATE=1 to allow private addresses (tests, intranets), or unset it' });
    }
  }
  const timeout = env.VERITY_WEB_TIMEOUT_MS;
  if (timeout !== undefined && timeout !== '') {
    const n = Number(timeout);
    if (!Number.isInteger(n) || n <= 0) {
      throw new VerityError({ code: 'USAGE', component: 'web', problem: `VERITY_WEB_TIMEOUT_MS=${quote(timeout)} is not a positive whole number of milliseconds`, fix: 'set e.g. VERITY_WEB_TIMEOUT_MS=30000, or unset it' });
    }
    options.timeoutMs = n;
  }
  const ua = env.VERITY_WEB_USER_AGENT;
  if (ua !== undefined && ua.trim() !== '') options.userAgent = ua.trim();
  return options;
}
