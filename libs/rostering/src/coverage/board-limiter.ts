import { TooManyRequestsError } from '@baton/core';

/**
 * A per-instance gate for the heavy board statements: at most `concurrency` run at once, up to
 * `queueLimit` more wait here, in order, and anything beyond that is refused at once. Waiting
 * here rather than in the pg pool keeps connections free for the small requests (sign-ins,
 * assignments) during a peak, so nothing fails after the pool's 5 s connect timeout. Identical
 * questions share one run before they get here (CoverageCache).
 */
export class BoardLimiter {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    readonly concurrency: number,
    readonly queueLimit: number,
  ) {}

  get running(): number {
    return this.active;
  }

  get queued(): number {
    return this.waiting.length;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.concurrency) {
      if (this.waiting.length >= this.queueLimit) throw new TooManyRequestsError(1);
      // The slot is handed over by release(): `active` never drops between two tasks.
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.active++;
    }
    try {
      return await task();
    } finally {
      this.release();
    }
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active--;
  }
}
