// Builds an article's body text piece by piece while remembering where each character came from.

export class TextBuilder {
  private parts: string[] = [];
  private length = 0;
  /** origin[i] = offset in the input of output character i (-1 for inserted text). */
  readonly origin: number[] = [];

  get size(): number {
    return this.length;
  }

  /** Append input text that starts at `from` in the input. */
  copy(text: string, from: number): void {
    this.parts.push(text);
    for (let i = 0; i < text.length; i++) this.origin.push(from + i);
    this.length += text.length;
  }

  /** Append text that is not in the input (separators, rewritten markers); it maps to `at`. */
  insert(text: string, at: number): void {
    this.parts.push(text);
    for (let i = 0; i < text.length; i++) this.origin.push(at);
    this.length += text.length;
  }

  /** The text and its origin map, closed with the end offset of the input. */
  finish(inputLength: number): { text: string; origin: number[] } {
    return { text: this.parts.join(''), origin: [...this.origin, inputLength] };
  }
}
