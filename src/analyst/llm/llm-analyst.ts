// The LLM analyst: the same Analyst contract as the rules analyst, with the prose written by a
// model on an OpenAI-compatible server. It is only ever built when the user chooses it
// (--analyst llm); building it does not touch the network, calling it does.
//
// compose: the rules draft is made first (verdict, gaps, perspectives, figures stay computed);
// the model is shown the numbered passages and writes the summary and findings; an answer
// that cannot be read is retried once with the reason, then refused (VerityError, component
// "llm") — the user gets an error (or, with `fallback`, the rules report and a warning), never
// a half report. The pipeline then verifies every
// sentence like any other.
// stance: pairs in batches of `batchSize`, at most `concurrency` requests in flight.
import { warnOfInjections } from '../injection-warnings.js';
import { VerityError, quote } from '../../errors.js';
import type { Stance } from '../../model.js';
import { composeReport, type Composed } from '../../report/compose/compose.js';
import type { ComposeInput } from '../../report/compose/compose-input.js';
import type { Analyst, StanceOptions, StancePair } from '../analyst.js';
import { ChatClient, type ChatClientOptions, type ChatMessage } from './chat-client.js';
import { JsonAnswerError, readJsonAnswer } from './json-answer.js';
import { composeFromProse } from './llm-compose.js';
import { DEFAULT_PASSAGE_BUDGET, reportMessages, repairMessage, selectPassages, type PassageBudget } from './report-prompt.js';
import { readReportProse } from './report-prose.js';
import { readStances, stanceMessages } from './stance-prompt.js';

export interface LlmAnalystOptions extends ChatClientOptions {
  /** Passages shown to the model (default 20 passages, 12 000 characters). */
  passages?: Partial<PassageBudget>;
  /** Pairs per stance request (default 5). */
  batchSize?: number;
  /** Stance requests in flight at once (default 2). */
  concurrency?: number;
  /**
   * When the model fails (server down, unreadable answers), give the rules analyst's report with
   * a warning instead of an error (default false: an error). Provenance then says
   * "rules (llm:<model> failed)". Usage errors (a bad URL) are never hidden this way.
   */
  fallback?: boolean;
}

const COMPONENT = 'llm';

export class LlmAnalyst implements Analyst {
  readonly name: string;
  private readonly client: ChatClient;
  private readonly options: LlmAnalystOptions;

  constructor(options: LlmAnalystOptions) {
    this.client = new ChatClient(options);
    this.name = `llm:${this.client.model}`;
    this.options = options;
  }

  /**
   * Ask, read the JSON with `read`, and on an unreadable answer ask once more with the reason.
   * Returns the value and the repairs made; throws a VerityError when the second answer fails too.
   */
  private async ask<T>(messages: ChatMessage[], what: string, read: (value: unknown) => T): Promise<{ value: T; repairs: string[] }> {
    let conversation = messages;
    let reason = '';
    for (let round = 1; round <= 2; round++) {
      const answer = await this.client.complete(conversation);
      try {
        const json = readJsonAnswer(answer.content);
        return { value: read(json.value), repairs: json.repairs };
      } catch (e) {
        if (!(e instanceof JsonAnswerError)) throw e;
        const cut = answer.finishReason === 'length' ? '; the server says the answer was cut at its token limit' : '';
        reason = `${e.reason}${cut} (the answer begins ${quote(answer.content.trim(), 80)})`;
        conversation = [...messages, { role: 'assistant', content: answer.content }, repairMessage(e.reason)];
      }
    }
    throw new VerityError({
      code: 'BAD_RESPONSE',
      component: COMPONENT,
      problem: `the model ${quote(this.client.model)} at ${quote(this.client.endpoint, 120)} answered twice with ${what} that cannot be read: ${reason}`,
      fix: 'use an instruction-following chat model that can answer in JSON, or run with --analyst rules',
    });
  }

  async compose(input: ComposeInput): Promise<Composed> {
    warnOfInjections(input);
    const rules = composeReport(input);
    try {
      return await this.composeProse(input, rules);
    } catch (e) {
      if (!this.options.fallback || !(e instanceof VerityError) || e.code === 'USAGE') throw e;
      input.provenance.analyst = `rules (${this.name} failed)`;
      input.provenance.warnings.push(`the LLM analyst failed, so the summary and findings are the rules analyst's: ${e.message}`);
      return rules;
    }
  }

  private async composeProse(input: ComposeInput, rules: Composed): Promise<Composed> {
    const passages = selectPassages(input, { ...DEFAULT_PASSAGE_BUDGET, ...this.options.passages });
    if (passages.length === 0) {
      input.provenance.warnings.push('no evidence passage to give the model: the summary and findings are the rules analyst\'s');
      return rules;
    }
    const { value: prose, repairs } = await this.ask(reportMessages(input, passages), 'report JSON', readReportProse);
    const made = composeFromProse(rules, passages, prose.prose);
    const allRepairs = [...repairs, ...prose.repairs];
    if (allRepairs.length > 0) input.provenance.warnings.push(`the model's answer was repaired: ${allRepairs.join('; ')}`);
    input.provenance.warnings.push(...made.warnings);
    return made.composed;
  }

  async stance(pairs: readonly StancePair[], options: StanceOptions = {}): Promise<Stance[]> {
    const size = Math.max(1, this.options.batchSize ?? 5);
    const batches: { start: number; pairs: StancePair[] }[] = [];
    for (let i = 0; i < pairs.length; i += size) batches.push({ start: i, pairs: pairs.slice(i, i + size) });
    const out = new Array<Stance>(pairs.length);
    let next = 0;
    let done = 0;
    let failed = false;
    const worker = async (): Promise<void> => {
      while (next < batches.length && !failed) {
        const b = batches[next++] as (typeof batches)[number];
        const { value } = await this.ask(stanceMessages(b.pairs), 'stances', (v) => readStances(v, b.pairs.length)).catch((e: unknown) => {
          failed = true; // the other workers take no new batch
          throw e;
        });
        value.forEach((s, k) => (out[b.start + k] = s));
        done += b.pairs.length;
        options.onProgress?.(done, pairs.length);
      }
    };
    const workers = Math.max(1, Math.min(this.options.concurrency ?? 2, batches.length));
    await Promise.all(Array.from({ length: workers }, worker));
    return out;
  }
}
