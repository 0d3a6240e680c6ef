// Reading JSON out of a model's answer, tolerantly: models wrap it in code fences, open with
// "Here is the JSON:" (or a <think> block), close with remarks, or leave a trailing comma. What can be repaired is,
// and each repair is named (it becomes a warning); what cannot be read is refused with the
// reason — never cast through.

export interface JsonAnswer {
  value: unknown;
  /** The repairs made, in words ("code fence removed"); empty when the answer was clean JSON. */
  repairs: string[];
}

/** Thrown when no JSON value can be read; `reason` says why, for the caller's VerityError. */
export class JsonAnswerError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'JsonAnswerError';
  }
}

/** The first balanced {...} or [...] starting at `from`, skipping brackets inside strings. */
function balancedAt(text: string, from: number): string | null {
  const stack: string[] = [];
  let inString = false;
  for (let i = from; i < text.length; i++) {
    const c = text[i] as string;
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '{' || c === '[') stack.push(c === '{' ? '}' : ']');
    else if (c === '}' || c === ']') {
      if (stack.pop() !== c) return null;
      if (stack.length === 0) return text.slice(from, i + 1);
    }
  }
  return null;
}

/** Commas before a closing bracket, outside strings, removed. */
function withoutTrailingCommas(json: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const c = json[i] as string;
    if (inString) {
      out += c;
      if (c === '\\') out += json[++i] ?? '';
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    if (c === ',' && /^\s*[}\]]/.test(json.slice(i + 1))) continue;
    out += c;
  }
  return out;
}

/** Parse the JSON value in a model's answer. Throws JsonAnswerError when there is none. */
export function readJsonAnswer(answer: string): JsonAnswer {
  const repairs: string[] = [];
  let text = answer.trim();
  // Reasoning models (Qwen3, DeepSeek-R1 …) think aloud first; their braces are not the answer.
  const thought = text.replace(/^<think>[\s\S]*?<\/think>\s*/, '');
  if (thought !== text) {
    text = thought;
    repairs.push('reasoning block removed');
  }
  if (text === '') throw new JsonAnswerError('the answer is empty');
  const fence = /```[a-zA-Z]*\s*\n?([\s\S]*?)```/.exec(text);
  if (fence?.[1] !== undefined) {
    text = fence[1].trim();
    repairs.push('code fence removed');
  }
  try {
    return { value: JSON.parse(text), repairs };
  } catch {
    // read on: prose around the JSON, trailing commas
  }
  const start = text.search(/[{[]/);
  if (start < 0) throw new JsonAnswerError(`the answer holds no JSON object or array (it begins ${JSON.stringify(text.slice(0, 60))})`);
  const block = balancedAt(text, start);
  if (block === null) throw new JsonAnswerError(`the JSON in the answer is cut off or unbalanced (it begins ${JSON.stringify(text.slice(start, start + 60))})`);
  if (start > 0 || start + block.length < text.length) repairs.push('text around the JSON ignored');
  try {
    return { value: JSON.parse(block), repairs };
  } catch {
    // one more repair
  }
  try {
    const value: unknown = JSON.parse(withoutTrailingCommas(block));
    repairs.push('trailing commas removed');
    return { value, repairs };
  } catch (e) {
    throw new JsonAnswerError(`the JSON in the answer does not parse (${(e as Error).message})`);
  }
}
