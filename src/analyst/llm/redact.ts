// Secrets never reach a message: the API key, and any user:password in a URL, are replaced
// before text goes into an error, a warning or a log line.

/** `text` with every occurrence of each secret (non-empty, ≥ 4 characters) replaced by "***". */
export function redact(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const s of secrets) {
    if (s === undefined || s.length < 4) continue;
    out = out.split(s).join('***');
  }
  return out;
}

/** A URL fit to print: credentials removed ("http://u:p@host/" → "http://***@host/"). */
export function printableUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@\s]*@/i, '$1***@');
}
