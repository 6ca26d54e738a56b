import { Injectable } from '@nestjs/common';

/**
 * Keeps this process's job loops and schedules from starting while a start-up task holds the
 * database: on the embedded database (one connection) the demo seed's long transaction made
 * their first polls time out ("could not schedule outbox.deliver: timeout exceeded when trying to
 * connect"). Take a hold before application bootstrap (in `onModuleInit`) and release it when done,
 * failed or not; boot itself does not wait for the gate, only the job loops do.
 */
@Injectable()
export class JobStartGate {
  private readonly holds = new Set<Promise<void>>();

  /** Returns the release; calling it twice is harmless. */
  hold(): () => void {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    this.holds.add(held);
    return () => {
      this.holds.delete(held);
      release();
    };
  }

  get isOpen(): boolean {
    return this.holds.size === 0;
  }

  /** Resolves once no hold is left (holds taken meanwhile are waited for too). */
  async opened(): Promise<void> {
    while (this.holds.size) await Promise.allSettled([...this.holds]);
  }
}
