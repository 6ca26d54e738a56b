import { Injectable } from '@nestjs/common';
import { Clock } from '@baton/core';
import { TransactionRunner } from '@baton/database';
import { OutboxService } from '@baton/outbox';
import { JobHandler } from '@baton/queue';
import { DataSource } from 'typeorm';
import { TalentSearchFilter } from '../search/dto/talent-search.input';
import { TalentSearchService } from '../search/talent-search.service';

export const SAVED_SEARCH_ALERTS_JOB = 'talent.saved-search-alerts';
/** Matches looked at per saved search and run; the rest wait for the next run. */
const PER_RUN = 50;

interface SearchRow {
  id: string;
  name: string;
  filter: TalentSearchFilter;
  recruiter_id: string;
  organisation_id: string;
  email: string;
}

/**
 * Digests of new matches for saved searches, hourly. Each search runs as its recruiter would see it
 * now (the alumni policy's SQL: PARTNERS, consent, blocks), so someone who stopped being visible is
 * not sent. The matches are claimed with INSERT … ON CONFLICT DO NOTHING RETURNING on the
 * (search, person) primary key in the same transaction as the outbox message: two runs at once, or
 * a retry, can never send the same match twice.
 */
@Injectable()
export class SavedSearchAlertsJob {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly search: TalentSearchService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  @JobHandler(SAVED_SEARCH_ALERTS_JOB, { schedule: { everySeconds: 3600 }, retryLimit: 1, expireInSeconds: 600 })
  async run(): Promise<{ searches: number; sent: number }> {
    const searches = await this.searches();
    let sent = 0;
    for (const s of searches) sent += await this.alert(s);
    return { searches: searches.length, sent };
  }

  /** One saved search's digest now, by the same rules as the hourly run (the demo seed sends its first). */
  async runOne(savedSearchId: string): Promise<number> {
    const [search] = await this.searches(savedSearchId);
    return search ? this.alert(search) : 0;
  }

  // Only searches whose recruiter still holds a RECRUITER grant for that organisation.
  private searches(onlyId: string | null = null): Promise<SearchRow[]> {
    return this.dataSource.query<SearchRow[]>(
      `SELECT s.id, s.name, s.filter, s.recruiter_id, s.organisation_id, u.email
         FROM talent_saved_searches s JOIN users u ON u.id = s.recruiter_id AND u.status = 'ACTIVE'
        WHERE s.alerts_enabled AND ($1::uuid IS NULL OR s.id = $1)
          AND EXISTS (SELECT 1 FROM role_grants g WHERE g.user_id = s.recruiter_id AND g.role = 'RECRUITER' AND g.organisation_id = s.organisation_id)
        ORDER BY s.id`,
      [onlyId],
    );
  }

  private async alert(s: SearchRow): Promise<number> {
    const viewer = { kind: 'RECRUITER' as const, userId: s.recruiter_id, organisationId: s.organisation_id };
    // Searched before the transaction: the engine catches up through the pool, which a transaction
    // holding the embedded database's one connection would block.
    const found = await this.search.hits(viewer, s.filter, { first: 200, after: null, facets: false });
    if (!found.hits.length) return 0;
    return this.transactions.run(async ({ manager }) => {
      const claimed = await manager.query<Array<{ user_id: string; display_name: string; headline: string | null }>>(
        `WITH new AS (
           INSERT INTO talent_saved_search_matches (saved_search_id, user_id, sent_at)
           SELECT $1, id, $3 FROM unnest($2::uuid[]) WITH ORDINALITY AS h(id, n)
            WHERE NOT EXISTS (SELECT 1 FROM talent_saved_search_matches m WHERE m.saved_search_id = $1 AND m.user_id = h.id)
            ORDER BY n LIMIT $4
           ON CONFLICT DO NOTHING RETURNING user_id)
         SELECT new.user_id, p.display_name, p.headline FROM new JOIN alumni_profiles p ON p.user_id = new.user_id ORDER BY p.display_name`,
        [s.id, found.hits.map((h) => h.userId), this.clock.now(), PER_RUN],
      );
      if (!claimed.length) return 0;
      await manager.query(`UPDATE talent_saved_searches SET last_alert_at = $2 WHERE id = $1`, [s.id, this.clock.now()]);
      await this.outbox.enqueue(manager, {
        recipient: s.email,
        template: 'talent.saved-search-digest',
        subject: `${claimed.length} new ${claimed.length === 1 ? 'match' : 'matches'} for "${s.name}"`,
        body: claimed.map((c) => `- ${c.display_name}${c.headline ? `: ${c.headline}` : ''}`).join('\n'),
        payload: { savedSearchId: s.id, userIds: claimed.map((c) => c.user_id) },
      });
      return claimed.length;
    });
  }
}
