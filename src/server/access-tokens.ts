// Bearer-token access for `verity serve`: where the tokens come from (a token file, one per line,
// or $VERITY_SERVE_TOKENS), what a token must look like, and the constant-time check of a
// presented token against them. Tokens are never put in an error message, a log line or a URL.
import crypto from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { VerityError, quote } from '../errors.js';

/** The shortest token accepted (a `verity serve --new-token` token is 43 characters). */
export const MIN_TOKEN_LENGTH = 24;

/** The environment variable holding comma-separated tokens. */
export const TOKENS_ENV = 'VERITY_SERVE_TOKENS';

/** A fresh random token: 32 bytes from the system CSPRNG, base64url (43 characters, no padding). */
export function newToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}

/**
 * Checks the tokens (each `where` names its place, e.g. `line 3 of tokens.txt`, for the error)
 * and returns them, duplicates dropped. Refuses none at all, a token under MIN_TOKEN_LENGTH
 * characters and one with a character a header cannot carry (space, control, non-ASCII).
 */
export function validateTokens(entries: ReadonlyArray<{ token: string; where: string }>, origin: string): string[] {
  if (entries.length === 0) {
    throw new VerityError({ code: 'USAGE', component: 'serve', problem: `${origin} holds no token`, fix: 'add one token per line (make one with verity serve --new-token)' });
  }
  for (const { token, where } of entries) {
    if (token.length < MIN_TOKEN_LENGTH) {
      throw new VerityError({ code: 'USAGE', component: 'serve', problem: `the token on ${where} is ${token.length} characters, shorter than ${MIN_TOKEN_LENGTH}`, fix: 'replace it with one from verity serve --new-token (43 characters)' });
    }
    if (!/^[\x21-\x7e]+$/.test(token)) {
      throw new VerityError({ code: 'USAGE', component: 'serve', problem: `the token on ${where} has a space, a control or a non-ASCII character`, fix: 'use printable ASCII only, e.g. a token from verity serve --new-token' });
    }
  }
  return [...new Set(entries.map((e) => e.token))];
}

/** Tokens from a text: one per line; blank lines and lines starting with # are skipped. */
export function parseTokenText(text: string, name: string): string[] {
  const entries: Array<{ token: string; where: string }> = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const token = line.trim();
    if (token !== '' && !token.startsWith('#')) entries.push({ token, where: `line ${i + 1} of ${name}` });
  });
  return validateTokens(entries, name);
}

/**
 * The tokens of a token file. Refuses a file that others may read or write (mode & 0o077; the
 * fix is chmod 600), a missing or unreadable one, and the cases `validateTokens` refuses.
 */
export function readTokenFile(path: string): string[] {
  let mode: number;
  try {
    mode = statSync(path).mode;
  } catch (e) {
    throw new VerityError({ code: 'USAGE', component: 'serve', problem: `cannot read the token file ${quote(path)}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, fix: 'pass --token-file with an existing file holding one token per line', cause: e });
  }
  if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
    throw new VerityError({
      code: 'USAGE',
      component: 'serve',
      problem: `the token file ${quote(path)} may be read or written by other users (mode ${(mode & 0o777).toString(8).padStart(3, '0')})`,
      fix: `run chmod 600 ${path}`,
    });
  }
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new VerityError({ code: 'USAGE', component: 'serve', problem: `cannot read the token file ${quote(path)}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, fix: 'make it readable by this user (chmod 600)', cause: e });
  }
  return parseTokenText(text, quote(path));
}

/** The tokens of $VERITY_SERVE_TOKENS (comma-separated), or null when it is unset or blank. */
export function tokensFromEnv(env: NodeJS.ProcessEnv): string[] | null {
  const value = env[TOKENS_ENV];
  if (value === undefined || value.trim() === '') return null;
  const entries: Array<{ token: string; where: string }> = [];
  value.split(',').forEach((part, i) => {
    const token = part.trim();
    if (token !== '') entries.push({ token, where: `item ${i + 1} of $${TOKENS_ENV}` });
  });
  return validateTokens(entries, `$${TOKENS_ENV}`);
}

function digest(value: string): Buffer {
  return crypto.createHash('sha256').update(value, 'utf8').digest();
}

/** Answers whether a presented token is one of the configured ones. */
export interface TokenCheck {
  /** How many tokens are configured. */
  readonly count: number;
  /**
   * True when `presented` is a configured token. Compares SHA-256 digests (equal lengths
   * whatever was presented) with crypto.timingSafeEqual against every token, without stopping
   * at the first match, so the time taken says nothing about the tokens.
   */
  matches(presented: string): boolean;
}

export function createTokenCheck(tokens: readonly string[]): TokenCheck {
  const digests = tokens.map(digest);
  return {
    count: digests.length,
    matches(presented) {
      const candidate = digest(presented);
      let found = false;
      for (const d of digests) found = crypto.timingSafeEqual(d, candidate) || found;
      return found;
    },
  };
}
