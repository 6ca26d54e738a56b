import { Injectable, Logger } from '@nestjs/common';
import { parseExpression } from 'cron-parser';
import { JobRegistry } from './job-registry';
import { QueueBoss } from './queue-boss';

/** The singleton key of scheduled runs, so they never collide with jobs enqueued by hand. */
export const SCHEDULE_KEY = 'schedule';

/**
 * Enqueues scheduled jobs in processes that run jobs. Time is cut into slots (N seconds for an
 * interval, the minute for cron); every instance offers a run in each slot and pg-boss's
 * throttle index (name, slot, key) keeps one, so several instances never run a slot twice and
 * no leader election is needed. Interval offers are made mid-slot, away from the edges where
 * two clocks a little apart would disagree.
 */
@Injectable()
export class JobScheduler {
  private readonly logger = new Logger('JobQueue');
  private timers = new Set<NodeJS.Timeout>();
  private stopped = true;
  private inFlight = new Set<Promise<unknown>>();
  private readonly counts = new Map<string, { offered: number; won: number }>();

  constructor(
    private readonly boss: QueueBoss,
    private readonly registry: JobRegistry,
  ) {}

  async start(): Promise<void> {
    this.stopped = false;
    for (const definition of this.registry.all()) {
      const schedule = definition.options.schedule;
      if (!schedule) continue;
      if ('cron' in schedule) {
        // Fail at boot on a bad line, not at the first run.
        const next = () =>
          parseExpression(schedule.cron, { tz: schedule.timezone ?? 'UTC' })
            .next()
            .getTime() + 1000;
        next();
        this.repeat(definition.name, 60, () => next() - Date.now());
      } else {
        const slotMs = schedule.everySeconds * 1000;
        this.repeat(definition.name, schedule.everySeconds, () => (slotMs / 2 - (Date.now() % slotMs) + slotMs) % slotMs || slotMs);
      }
    }
  }

  /** Stops offering runs; resolves once the offers under way are answered. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await Promise.allSettled([...this.inFlight]);
  }

  /** Per scheduled job: slots this process offered, and how many it won (the others went to another instance). */
  stats(): Record<string, { offered: number; won: number }> {
    return Object.fromEntries([...this.counts].map(([name, c]) => [name, { ...c }]));
  }

  /** Offers one run of `name` for the current slot; resolves to the job id, or null when another instance has it. */
  async offer(name: string, slotSeconds: number): Promise<string | null> {
    const boss = await this.boss.get();
    const id = await boss.send(name, {}, { singletonKey: SCHEDULE_KEY, singletonSeconds: slotSeconds });
    const count = this.counts.get(name) ?? { offered: 0, won: 0 };
    count.offered++;
    if (id) count.won++;
    this.counts.set(name, count);
    return id;
  }

  private repeat(name: string, slotSeconds: number, delayMs: () => number): void {
    if (this.stopped) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      const offer = this.offer(name, slotSeconds)
        .catch((error: Error) => this.logger.warn(`could not schedule ${name}: ${error.message}`))
        .finally(() => {
          this.inFlight.delete(offer);
          this.repeat(name, slotSeconds, delayMs);
        });
      this.inFlight.add(offer);
    }, delayMs());
    timer.unref();
    this.timers.add(timer);
  }
}
