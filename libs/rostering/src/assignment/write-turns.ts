/**
 * One write per key at a time in this process, with everyone else judging afresh after it.
 *
 * When many requests ask for the same person at once (a double-click, a client retrying, or every
 * board of an operations centre pressing the same suggestion), each of them used to pass the
 * unlocked judgement (nothing committed yet), open a transaction and queue on the person's row
 * lock, holding a pooled connection while it waited, only to be refused ALREADY_ASSIGNED or OVERLAP
 * one after the other. Here a request that finds a write in flight for its key waits for it without
 * holding a connection, then judges again from committed data: one cheap read, all waiters at once.
 *
 * This is an optimisation, not the guard: the row locks and constraints still decide, also across
 * instances, which this class knows nothing of.
 */
export class WriteTurns {
  private readonly writing = new Map<string, Promise<void>>();

  /**
   * `judge` refuses by throwing; it runs before the write and again after each write in flight
   * for the same key. Between the last judgement and the write there is no await, so two
   * requests of this process never both start a write for one key.
   */
  async run<T>(key: string, judge: () => Promise<void>, write: () => Promise<T>): Promise<T> {
    await judge();
    for (let pending = this.writing.get(key); pending; pending = this.writing.get(key)) {
      await pending;
      await judge();
    }
    const result = write();
    const settled = result.then(
      () => undefined,
      () => undefined,
    );
    this.writing.set(key, settled);
    void settled.then(() => {
      if (this.writing.get(key) === settled) this.writing.delete(key);
    });
    return result;
  }

  /** Keys with a write in flight (for tests and metrics). */
  get size(): number {
    return this.writing.size;
  }
}
