/** Where progress goes: stderr, one call per line (the callee adds the newline). */
export interface ProgressSink {
  err(text: string): void;
}

/**
 * Progress of work on several targets (contexts). On a terminal it keeps one line per
 * target and redraws them in place; elsewhere (CI logs, pipes) it prints one line per step,
 * prefixed with the target.
 */
export class Progress {
  private readonly status = new Map<string, string>();
  private drawn = 0;
  private readonly width: number;

  constructor(
    private readonly sink: ProgressSink,
    private readonly targets: readonly string[],
    private readonly tty: boolean,
  ) {
    for (const t of targets) this.status.set(t, "waiting");
    this.width = Math.max(0, ...targets.map((t) => t.length));
  }

  /** Records a step of a target. */
  step(target: string, message: string): void {
    this.status.set(target, message);
    if (this.tty) this.redraw();
    else this.sink.err(`${target}: ${message}`);
  }

  /** Records the last message of a target (`ok` or failed), always shown. */
  done(target: string, message: string, ok: boolean): void {
    this.step(target, `${ok ? "done" : "failed"}: ${message}`);
  }

  /** The current line of each target (what the terminal shows). */
  lines(): string[] {
    return this.targets.map((t) => `${t.padEnd(this.width)}  ${this.status.get(t) ?? ""}`);
  }

  private redraw(): void {
    const up = this.drawn > 0 ? `\x1b[${this.drawn}A\r` : "";
    this.sink.err(
      up +
        this.lines()
          .map((l) => `\x1b[2K${l}`)
          .join("\n"),
    );
    this.drawn = this.targets.length;
  }
}

/** True when stderr is an interactive terminal that can redraw lines (`RAMPART_PROGRESS=lines|tty` forces a mode). */
export function stderrIsTty(env: Readonly<Record<string, string | undefined>> = process.env): boolean {
  if (env.RAMPART_PROGRESS === "lines") return false;
  if (env.RAMPART_PROGRESS === "tty") return true;
  return process.stderr.isTTY === true && !env.CI && env.TERM !== "dumb";
}
