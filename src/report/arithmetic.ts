// Arithmetic a report states ("196 − 140 = 56"): found, recomputed, and judged.
export interface StatedArithmetic {
  /** The expression as written. */
  text: string;
  left: number;
  operator: '+' | '-' | '×' | '÷';
  right: number;
  stated: number;
  /** The correct result. */
  computed: number;
  correct: boolean;
  /** Set when an operand has more digits than a double holds (whole numbers, + − ×): the operands as
   *  written and the result computed exactly (BigInt), so a message never reprints them rounded. */
  exact?: { left: string; right: string; result: string };
  /** Offsets of the expression in the text. */
  start: number;
  end: number;
}

const NUMBER = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const EXPRESSION = new RegExp(String.raw`(${NUMBER})\s*([+\-−–×x*÷/])\s*(${NUMBER})\s*=\s*(${NUMBER})`, 'g');

function num(text: string): number {
  return Number(text.replace(/,/g, ''));
}

function operatorOf(symbol: string): StatedArithmetic['operator'] {
  if (symbol === '+') return '+';
  if (symbol === '×' || symbol === 'x' || symbol === '*') return '×';
  if (symbol === '÷' || symbol === '/') return '÷';
  return '-';
}

/** Every "a op b = c" in the text, with its recomputed result. */
export function findArithmetic(text: string): StatedArithmetic[] {
  const out: StatedArithmetic[] = [];
  for (const m of text.matchAll(EXPRESSION)) {
    const left = num(m[1] ?? '');
    const right = num(m[3] ?? '');
    const stated = num(m[4] ?? '');
    const operator = operatorOf(m[2] ?? '-');
    const computed =
      operator === '+' ? left + right : operator === '-' ? left - right : operator === '×' ? left * right : right === 0 ? Number.NaN : left / right;
    const tolerance = Number.isInteger(stated) ? 1e-9 : 0.05 * Math.abs(stated) + 0.01;
    const start = m.index ?? 0;
    const exact = exactWhole(m[1] ?? '', operator, m[3] ?? '', m[4] ?? '');
    const correct = exact ? exact.correct : Math.abs(computed - stated) <= tolerance;
    out.push({ text: m[0], left, operator, right, stated, computed, correct, ...(exact ? { exact: exact.written } : {}), start, end: start + m[0].length });
  }
  return out;
}

/** Whole-number + − × with an operand past 15 digits, computed exactly; null when not that case. */
function exactWhole(leftText: string, operator: StatedArithmetic['operator'], rightText: string, statedText: string): { correct: boolean; written: NonNullable<StatedArithmetic['exact']> } | null {
  const texts = [leftText, rightText, statedText];
  if (operator === '÷' || texts.some((t) => t.includes('.')) || texts.every((t) => t.replace(/,/g, '').length <= 15)) return null;
  const [l, r, st] = texts.map((t) => BigInt(t.replace(/,/g, ''))) as [bigint, bigint, bigint];
  const result = operator === '+' ? l + r : operator === '-' ? l - r : l * r;
  return { correct: result === st, written: { left: leftText, right: rightText, result: result.toString() } };
}

/** Write an expression with the house operators, e.g. "196 − 140 = 56". */
export function formatArithmetic(left: number, operator: StatedArithmetic['operator'], right: number, result: number): string {
  const symbol = operator === '-' ? '−' : operator;
  return `${left} ${symbol} ${right} = ${result}`;
}
