// One error class for everything Verity reports to a user. The message always names the
// component, the offending value and the fix:
//   verity: [ingest] cannot read "x.pdf": not a PDF (starts with "<ht"). Fix: …

export type ErrorCode =
  | 'USAGE'
  | 'NOT_FOUND'
  | 'UNSUPPORTED'
  | 'BAD_INPUT'
  | 'TOO_LARGE'
  | 'DB_INVALID'
  | 'DB_VERSION'
  | 'DB_READONLY'
  | 'IO'
  | 'INTERNAL'
  | (string & {});

export interface VerityErrorOptions {
  code: ErrorCode;
  /** The part of Verity that failed: "ingest", "store", "search", "cli" … */
  component: string;
  /** What went wrong, naming the offending value. */
  problem: string;
  /** What the user can do about it. */
  fix?: string;
  /** Whether retrying the same call may succeed. Retry logic reads this, never the message. */
  retryable?: boolean;
  cause?: unknown;
}

export class VerityError extends Error {
  readonly code: ErrorCode;
  readonly component: string;
  readonly problem: string;
  readonly fix: string | undefined;
  readonly retryable: boolean;

  constructor(options: VerityErrorOptions) {
    const fix = options.fix ? ` Fix: ${options.fix}` : '';
    super(`verity: [${options.component}] ${options.problem}.${fix}`, { cause: options.cause });
    this.name = 'VerityError';
    this.code = options.code;
    this.component = options.component;
    this.problem = options.problem;
    this.fix = options.fix;
    this.retryable = options.retryable ?? false;
  }
}

export function isVerityError(e: unknown): e is VerityError {
  return e instanceof VerityError;
}

/** Quote a user value for a message: JSON-quoted and cut to a readable length. */
export function quote(value: string, max = 80): string {
  const cut = value.length > max ? `${value.slice(0, max)}…` : value;
  return JSON.stringify(cut);
}
