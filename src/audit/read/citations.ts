// Citation markers as written in article text: [2], [1, 3], [2–4], [1][2], [^2].

/** A numeric citation marker. Group 1 holds the list of numbers. Not a Markdown link `[1](…)` or definition `[1]:`. */
export const MARKER = /\[\^?(\d{1,3}(?:\s*[-–,;]\s*\^?\d{1,3})*)\](?![(:])/g;

/** The reference numbers of a marker body: "1, 3" → [1, 3]; "2–4" → [2, 3, 4]. */
export function markerNumbers(body: string): number[] {
  const out: number[] = [];
  for (const part of body.split(/\s*[,;]\s*/)) {
    const range = /^\^?(\d+)\s*[-–]\s*\^?(\d+)$/.exec(part);
    if (range && range[1] && range[2]) {
      const a = Number(range[1]);
      const b = Number(range[2]);
      if (b >= a && b - a <= 50) for (let i = a; i <= b; i++) out.push(i);
      continue;
    }
    const n = Number(part.replace('^', ''));
    if (Number.isInteger(n) && n > 0) out.push(n);
  }
  return [...new Set(out)];
}

/** The highest reference number the text's `[n]` markers use (0 when none): inline links are numbered after it, so they never take a marker's number. */
export function highestMarker(text: string): number {
  let max = 0;
  for (const m of text.matchAll(MARKER)) for (const n of markerNumbers(m[1] ?? '')) if (n > max) max = n;
  return max;
}
