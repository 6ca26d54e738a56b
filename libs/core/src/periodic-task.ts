/**
 * A job run every `intervalMs` in this process: never two runs at once (a slow run makes the
 * next tick skip), errors reported and survived, and `stop()` waits for the run in progress so
 * shutdown never cuts a transaction in half. Several instances may each run one: the jobs
 * themselves claim their rows (SKIP LOCKED), so the timer needs no leader election.
 */
export class PeriodicTask {
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    private readonly run: () => Promise<unknown>,
    private readonly intervalMs: number,
    private readonly onError: (error: Error) => void,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.tick(), this.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = this.run().catch((error: Error) => this.onError(error));
    await this.running;
    this.running = undefined;
  }
}
