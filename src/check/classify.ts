// Claim or question? A question asks (ends with "?" or opens with a question word or an
// inverted auxiliary); anything else is a claim to be checked.
const QUESTION_OPENERS =
  /^(?:which|what|who|whom|whose|where|when|why|how|is|are|was|were|do|does|did|has|have|had|can|could|should|would|will|may|must|shall)\b/i;

export type InputKind = 'claim' | 'question';

export function classifyInput(input: string): InputKind {
  const text = input.trim();
  if (text.endsWith('?')) return 'question';
  return QUESTION_OPENERS.test(text) ? 'question' : 'claim';
}
