import { Injectable, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { BatonConfig } from '@baton/config';
import { EventEntity } from '@baton/events';
import { JobStartGate } from '@baton/queue';
import { DataSource } from 'typeorm';
import { DemoGenerator } from './demo-generator';

/**
 * The first start seeds a quarter of Paris (1,325 staff, about 3,800 shifts and 15,000
 * assignments): the full scale takes about 30 s on the embedded database, on top of the
 * migrations, before the API answers. `npm run seed -- --scale 1 --reset` gives the full size.
 */
export const BOOTSTRAP_DEMO_SCALE = 0.25;

/**
 * On the first start of the embedded database (no event yet), fills it with the Paris 2024
 * demo so a newcomer has something to look at. Off in tests and whenever DATABASE_URL is set
 * (SEED_DEMO=auto), unless SEED_DEMO=true.
 */
@Injectable()
export class DemoBootstrap implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger('Demo');
  private release: () => void = () => undefined;

  constructor(
    private readonly config: BatonConfig,
    private readonly dataSource: DataSource,
    private readonly generator: DemoGenerator,
    private readonly jobGate: JobStartGate,
  ) {}

  /** The seed holds the (embedded) database: the job loops and schedules wait for it. */
  onModuleInit(): void {
    if (this.config.database.seedDemo) this.release = this.jobGate.hold();
  }

  async onApplicationBootstrap(): Promise<void> {
    try {
      await this.seedIfEmpty();
    } finally {
      this.release();
    }
  }

  private async seedIfEmpty(): Promise<void> {
    if (!this.config.database.seedDemo) return;
    // Cheap check first; the generator checks again under a lock, for instances starting together.
    if (await this.dataSource.getRepository(EventEntity).exists()) return;
    this.logger.log('Empty database: generating the Paris 2024 demo data');
    const result = await this.generator.seed({ onlyIfNoEvents: true, scale: BOOTSTRAP_DEMO_SCALE });
    if (!result) return;
    const c = result.counts;
    this.logger.log(
      `Demo data ready in ${result.elapsedMs} ms: event ${result.eventCode} (${result.dates.startsOn} to ${result.dates.endsOn}), ` +
        `${c.venues} venues, ${c.teams} teams, ${c.organisations} organisations, ${c.skills} skills, ${c.users} accounts, ` +
        `${c.staffMembers} staff records, ${c.shifts} shifts, ${c.assignments} assignments (${Math.round(c.fillRate * 100)} % filled; scale ${result.scale}); ` +
        `closed test event with ${c.alumni.testEventStaff} staff, ${c.alumni.alumni} alumni, ${c.alumni.endorsements} endorsements, ${c.alumni.verifiedRecords} signed Games records (${c.alumni.elapsedMs} ms)`,
    );
    if (result.scale < 1) this.logger.log('For the full Paris 2024 size (5,300 staff, about 60,000 assignments): npm run seed -- --scale 1 --reset');
  }
}
