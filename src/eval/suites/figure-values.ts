// Digit figures in benchmark text, read plainly and on purpose apart from the engine's figure
// reader, so that which shared pairs are scored (and which count as "the numbers correspond") does
// not move when the comparison under test changes. Words ("a third"), other scripts and numbers
// glued to letters or hyphens ("COVID-19", "CO2", "IL-6", "3rd") are not read; a bare whole
// number 1800–2100 is read as a year and left out.

export interface FigureValue {
  text: string;
  /** The value with its scale word applied ("1.2 million" → 1 200 000). */
  value: number;
  percent: boolean;
}

const SCALE: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };

const NUMBER = /(?<![\p{L}\p{N}\-–.,/])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?!\d|\p{L})(\s?(?:%|per ?cent\b|percent\b))?(\s(?:thousand|million|billion|trillion)\b)?/giu;

export function figureValues(text: string): FigureValue[] {
  const out: FigureValue[] = [];
  for (const m of text.matchAll(NUMBER)) {
    const whole = m[1]!;
    const percent = m[3] !== undefined;
    const scale = m[4] !== undefined ? SCALE[m[4].trim().toLowerCase()]! : 1;
    const value = Number(`${whole.replace(/,/g, '')}${m[2] ?? ''}`) * scale;
    const year = !whole.includes(',') && m[2] === undefined && !percent && scale === 1 && value >= 1800 && value <= 2100;
    if (!year && Number.isFinite(value)) out.push({ text: m[0].trim(), value, percent });
  }
  return out;
}

/** Does some figure of `a` have the value (and percent-ness) of some figure of `b`? */
export function figuresCorrespond(a: readonly FigureValue[], b: readonly FigureValue[]): boolean {
  return a.some((x) => b.some((y) => x.percent === y.percent && Math.abs(x.value - y.value) <= 1e-9 * Math.max(1, Math.abs(x.value))));
}
