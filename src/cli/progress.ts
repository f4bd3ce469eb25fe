/** A progress bar on stderr, drawn only when stderr is a terminal (never in logs or pipes). */
export class Progress {
  private readonly tty: boolean;
  private last = -1;

  constructor(
    private readonly total: number,
    private readonly label: string,
    stream: NodeJS.WriteStream = process.stderr,
  ) {
    this.tty = Boolean(stream.isTTY) && total > 0;
    this.stream = stream;
  }

  private readonly stream: NodeJS.WriteStream;

  update(done: number): void {
    if (!this.tty) return;
    const width = 30;
    const filled = Math.round((done / this.total) * width);
    if (filled === this.last && done !== this.total) return;
    this.last = filled;
    this.stream.write(
      `\r${this.label} [${"#".repeat(filled)}${" ".repeat(width - filled)}] ${done}/${this.total}`,
    );
  }

  done(): void {
    if (this.tty) this.stream.write("\r\x1b[K");
  }
}
