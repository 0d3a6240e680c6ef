// What a CLI command is: a name, help text, option spec and a run function.
// Commands hold no logic the library lacks: they parse, call the library, print.
import type { ParseArgsConfig } from 'node:util';
import type { Output } from './output.js';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export interface CommandContext {
  /** Positional arguments after the command name. */
  positionals: string[];
  /** Parsed options (strings / booleans / string arrays as declared). */
  values: Record<string, string | boolean | string[] | undefined>;
  out: Output;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Standard input, for commands that accept "-". */
  stdin: NodeJS.ReadableStream;
}

export interface Command {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** Full help: usage line, description, options, examples. */
  help: string;
  options: OptionSpec;
  /** Returns the exit code: 0 ok, 1 failure. Usage errors throw VerityError code USAGE (exit 2). */
  run(ctx: CommandContext): Promise<number>;
}
