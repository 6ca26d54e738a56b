import { Injectable } from '@nestjs/common';
import { Clock } from '@baton/core';
import { DataSource } from 'typeorm';
import type { Affected } from '@baton/database';
import { JobHandler } from '@baton/queue';
import { STALE_AFTER_MS } from './talent-engine.service';

export const SEARCH_CHANGES_PRUNE_JOB = 'talent.search-changes.prune';
/** Twice the engine's staleness limit: an engine idle longer reloads whole instead of reading the log. */
export const SEARCH_CHANGES_KEEP_MS = 2 * STALE_AFTER_MS;

/** Deletes the search change log's rows older than a day (they hold only user ids). */
@Injectable()
export class SearchChangesPruneJob {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  @JobHandler(SEARCH_CHANGES_PRUNE_JOB, { schedule: { everySeconds: 3600 }, retryLimit: 1, expireInSeconds: 600 })
  async run(): Promise<{ deleted: number }> {
    const [, deleted] = await this.dataSource.query<Affected>(`DELETE FROM talent_search_changes WHERE changed_at < $1`, [
      new Date(this.clock.now().getTime() - SEARCH_CHANGES_KEEP_MS),
    ]);
    return { deleted: Number(deleted ?? 0) };
  }
}
