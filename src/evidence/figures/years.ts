// Years mentioned in a text, for date agreement between a claim and a passage.

/** Four-digit years mentioned in a text (1800–2100). */
export function readYears(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(/(?<![\d,.])(1[89]\d\d|20\d\d|2100)(?!\d|,\d)/g)) out.push(Number(m[1]));
  return out;
}

/** The year of an ISO date ("2024-08-20" → 2024), or null when there is none. */
export function yearOf(iso: string | null | undefined): number | null {
  const m = /^(\d{4})/.exec(iso ?? '');
  return m ? Number(m[1]) : null;
}
