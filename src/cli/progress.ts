/**
 * Progress bars on stderr: redrawn in place on a terminal, one plain line per change (at most every few
 * seconds) when piped, so logs stay readable in CI and cron.
 */

export interface ProgressLine {
  /** Items finished. */
  done: number;
  /** Items known so far (grows while discovery runs); 0 when unknown. */
  total: number;
  /** Text after the counts: failures, current item. */
  detail?: string;
}

export interface ProgressOptions {
  /** Default: process.stderr. */
  stream?: NodeJS.WriteStream;
  /** Redraw in place; default: the stream is a terminal. */
  tty?: boolean;
  /** Minimum milliseconds between plain-line reports per bar when not a terminal. Default 2000. */
  plainIntervalMs?: number;
  /** Bar width in characters. Default 24. */
  width?: number;
}

/** A set of named bars drawn together. */
export class ProgressBoard {
  private readonly lines = new Map<string, ProgressLine>();
  private readonly stream: NodeJS.WriteStream;
  private readonly tty: boolean;
  private readonly plainIntervalMs: number;
  private readonly width: number;
  private drawn = 0;
  private timer: NodeJS.Timeout | undefined;
  private readonly lastPlain = new Map<string, { at: number; text: string }>();
  private stopped = false;

  constructor(options: ProgressOptions = {}) {
    this.stream = options.stream ?? process.stderr;
    this.tty = options.tty ?? Boolean(this.stream.isTTY);
    this.plainIntervalMs = options.plainIntervalMs ?? 2000;
    this.width = options.width ?? 24;
  }

  update(name: string, line: ProgressLine): void {
    if (this.stopped) return;
    this.lines.set(name, line);
    if (this.tty) {
      // Coalesce bursts of updates into one redraw per 100 ms.
      this.timer ??= setTimeout(() => {
        this.timer = undefined;
        this.redraw();
      }, 100);
    } else {
      this.plain(name, false);
    }
  }

  /** Draws the final state and stops updating. */
  stop(): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.tty) this.redraw();
    else for (const name of this.lines.keys()) this.plain(name, true);
    this.stopped = true;
  }

  /** The text of one bar, as drawn. */
  format(name: string, line: ProgressLine): string {
    const label = name.padEnd(Math.max(8, ...[...this.lines.keys()].map((k) => k.length)));
    const counts = line.total > 0 ? `${line.done}/${line.total}` : `${line.done}`;
    const ratio = line.total > 0 ? Math.min(1, line.done / line.total) : 0;
    const filled = Math.round(ratio * this.width);
    const bar = line.total > 0 ? `[${'#'.repeat(filled)}${'-'.repeat(this.width - filled)}]` : `[${' '.repeat(this.width)}]`;
    return `${label} ${bar} ${counts.padStart(9)}${line.detail ? `  ${line.detail}` : ''}`;
  }

  private redraw(): void {
    const columns = this.stream.columns || 100;
    let out = this.drawn > 0 ? `\x1b[${this.drawn}A` : '';
    for (const [name, line] of this.lines) out += `\x1b[2K${this.format(name, line).slice(0, columns - 1)}\n`;
    this.drawn = this.lines.size;
    this.stream.write(out);
  }

  private plain(name: string, force: boolean): void {
    const line = this.lines.get(name);
    if (!line) return;
    const text = this.format(name, line);
    const last = this.lastPlain.get(name);
    const now = Date.now();
    if (last && (last.text === text || (!force && now - last.at < this.plainIntervalMs))) return;
    this.lastPlain.set(name, { at: now, text });
    this.stream.write(`${text}\n`);
  }
}
