// The analyst flags shared by the commands that write reports (check, serve, worker):
// --analyst rules|llm, --llm-url, --llm-model, --llm-fallback, read with the environment
// (VERITY_LLM_*) by the analyst's own configuration.
import type { Analyst } from '../analyst/index.js';
import { analystConfig, createAnalyst, retryNotice } from '../analyst/analyst-config.js';
import type { CommandContext, OptionSpec } from './command.js';

export const ANALYST_OPTIONS: OptionSpec = {
  analyst: { type: 'string' },
  'llm-url': { type: 'string' },
  'llm-model': { type: 'string' },
  'llm-fallback': { type: 'boolean' },
};

/** Help lines for the flags, aligned like the commands' own option lists. */
export const ANALYST_HELP = `  --analyst NAME     who writes the prose of check reports: rules (default; offline,
                     deterministic) or llm (a model on any OpenAI-compatible server; every
                     sentence still goes through the verifier). See docs/analyst.md
  --llm-url URL      the model server's OpenAI-compatible base (default $VERITY_LLM_URL)
  --llm-model NAME   the model (default $VERITY_LLM_MODEL; a key from $VERITY_LLM_API_KEY)
  --llm-fallback     if the model fails, write the rules report with a warning
`;

/**
 * The analyst the flags ask for. A missing URL or model is a usage error, so call this before
 * opening stores or binding ports. Retries are reported on stderr.
 */
export async function analystFromFlags(ctx: CommandContext): Promise<Analyst> {
  const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
  const config = analystConfig(
    { analyst: str(ctx.values.analyst), llmUrl: str(ctx.values['llm-url']), llmModel: str(ctx.values['llm-model']), llmFallback: ctx.values['llm-fallback'] === true },
    ctx.env,
  );
  return createAnalyst(config, {
    onRetry: (r) => ctx.out.notice(retryNotice(r)),
  });
}
