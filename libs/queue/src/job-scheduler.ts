import { Injectable, Logger } from '@nestjs/common';
import { JobRegistry } from './job-registry';
import { QueueBoss } from './queue-boss';

/** The singleton key of scheduled runs, so they never collide with jobs enqueued by hand. */
export const SCHEDULE_KEY = 'schedule';

/**
 * Enqueues scheduled jobs in processes that run jobs. Interval schedules cut time into slots of
 * N seconds; every instance offers a run in the middle of each slot, and pg-boss's throttle
 * index (name, slot, key) keeps one: several instances never run a slot twice, and no leader
 * election is needed. Cron schedules are pg-boss's own (minute resolution, deduplicated the same way).
 */
@Injectable()
export class JobScheduler {
  private readonly logger = new Logger('JobQueue');
  private timers: NodeJS.Timeout[] = [];
  private stopped = true;

  constructor(
    private readonly boss: QueueBoss,
    private readonly registry: JobRegistry,
  ) {}

  async start(): Promise<void> {
    this.stopped = false;
    const boss = await this.boss.get();
    for (const definition of this.registry.all()) {
      const schedule = definition.options.schedule;
      if (!schedule) continue;
      if ('cron' in schedule) {
        await boss.schedule(definition.name, schedule.cron, {}, { tz: schedule.timezone ?? 'UTC', singletonKey: SCHEDULE_KEY });
      } else {
        this.every(definition.name, schedule.everySeconds);
      }
    }
  }

  stop(): void {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers = [];
  }

  /** Offers one run of `name` for the current slot; resolves to the job id, or null when another instance already has it. */
  async offer(name: string, everySeconds: number): Promise<string | null> {
    const boss = await this.boss.get();
    return boss.send(name, {}, { singletonKey: SCHEDULE_KEY, singletonSeconds: everySeconds });
  }

  private every(name: string, seconds: number): void {
    const slotMs = seconds * 1000;
    const arm = () => {
      if (this.stopped) return;
      // The middle of the next slot: away from the edges, where clocks a little apart would disagree.
      const wait = (slotMs / 2 - (Date.now() % slotMs) + slotMs) % slotMs || slotMs;
      const timer = setTimeout(() => {
        this.timers = this.timers.filter((t) => t !== timer);
        this.offer(name, seconds)
          .catch((error: Error) => this.logger.warn(`could not schedule ${name}: ${error.message}`))
          .finally(arm);
      }, wait);
      timer.unref();
      this.timers.push(timer);
    };
    arm();
  }
}
