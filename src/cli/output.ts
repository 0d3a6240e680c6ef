// Terminal output: colour only on a TTY without NO_COLOR; a progress bar on a TTY,
// plain progress lines otherwise; JSON mode prints nothing but the JSON document.
import type { ProgressEvent } from '../model.js';

export interface OutputOptions {
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  env: NodeJS.ProcessEnv;
  json: boolean;
}

export class Output {
  readonly json: boolean;
  readonly color: boolean;
  private readonly stdout: OutputOptions['stdout'];
  private readonly stderr: OutputOptions['stderr'];
  private readonly tty: boolean;
  private barShown = false;
  private lastPlain = new Map<string, number>();

  constructor(options: OutputOptions) {
    this.stdout = options.stdout;
    this.stderr = options.stderr;
    this.json = options.json;
    this.tty = Boolean(options.stderr.isTTY);
    const noColor = options.env.NO_COLOR !== undefined && options.env.NO_COLOR !== '';
    this.color = Boolean(options.stdout.isTTY) && !noColor && options.env.TERM !== 'dumb';
  }

  /** A line of normal output (suppressed in JSON mode). */
  line(text = ''): void {
    if (this.json) return;
    this.clearBar();
    this.stdout.write(`${text}\n`);
  }

  /** Raw text to stdout (reports, JSON). */
  write(text: string): void {
    this.clearBar();
    this.stdout.write(text);
  }

  printJson(value: unknown): void {
    this.clearBar();
    this.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  }

  /** A notice or warning: always to stderr so it never corrupts piped output. */
  notice(text: string): void {
    this.clearBar();
    this.stderr.write(`${text}\n`);
  }

  error(text: string): void {
    this.clearBar();
    this.stderr.write(`${this.paint(text, 31)}\n`);
  }

  bold(text: string): string {
    return this.paint(text, 1);
  }
  dim(text: string): string {
    return this.paint(text, 2);
  }
  highlight(text: string): string {
    return this.paint(text, 33);
  }

  paint(text: string, code: number): string {
    return this.color ? `\u001b[${code}m${text}\u001b[0m` : text;
  }

  /** Progress: a redrawn bar on a terminal; otherwise a plain line at most every 10%. */
  progress(event: ProgressEvent): void {
    if (this.tty) {
      const width = 28;
      const ratio = event.total ? Math.min(1, event.done / event.total) : 0;
      const filled = Math.round(ratio * width);
      const bar = event.total ? `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]` : '';
      const count = event.total ? `${event.done}/${event.total}` : `${event.done}`;
      const detail = event.detail ? ` ${event.detail}` : '';
      const cols = this.stderr.columns ?? 80;
      const text = `${event.stage} ${bar} ${count}${detail}`.slice(0, cols - 1);
      this.stderr.write(`\r\u001b[2K${text}`);
      this.barShown = true;
      if (event.total && event.done >= event.total) this.clearBar();
      return;
    }
    if (this.json) return;
    const step = event.total ? Math.floor((event.done / event.total) * 10) : event.done;
    const key = event.stage;
    if (this.lastPlain.get(key) === step && !(event.total && event.done >= event.total)) return;
    this.lastPlain.set(key, step);
    const count = event.total ? `${event.done}/${event.total}` : `${event.done}`;
    this.stderr.write(`${event.stage}: ${count}${event.detail ? ` ${event.detail}` : ''}\n`);
  }

  private clearBar(): void {
    if (this.barShown) {
      this.stderr.write('\r\u001b[2K');
      this.barShown = false;
    }
  }
}
