import { Injectable } from '@nestjs/common';
import { BatonConfig } from '@baton/config';
import { Clock } from '@baton/core';
import { TransactionRunner } from '@baton/database';
import { OutboxService } from '@baton/outbox';
import { JobHandler } from '@baton/queue';
import { EntityManager } from 'typeorm';
import { ErasureService } from '../erasure/erasure.service';
import { PrivacyRegistry } from '../registry/privacy-registry';
import { RETENTION_CANDIDATES_SQL } from './retention.queries';

export const RETENTION_JOB = 'privacy.retention';
const BATCH = 200;

interface Candidate {
  id: string;
  user_id: string | null;
  display_name: string;
  email: string | null;
  event_name: string;
  erases_on: string;
}

/**
 * Storage limitation (GDPR art. 5(1)(e)): the personal data of staff who never joined the alumni
 * network is erased PRIVACY_RETENTION_MONTHS after their event's last day. Each record is warned
 * once through the outbox PRIVACY_RETENTION_NOTICE_DAYS before, and erased once at least that long
 * after its notice; `privacy_retention_notices` (one row per record) remembers both.
 */
@Injectable()
export class RetentionService {
  constructor(
    private readonly config: BatonConfig,
    private readonly clock: Clock,
    private readonly transactions: TransactionRunner,
    private readonly outbox: OutboxService,
    private readonly erasure: ErasureService,
    private readonly registry: PrivacyRegistry,
  ) {}

  @JobHandler(RETENTION_JOB, { schedule: { cron: '41 2 * * *' }, retryLimit: 1, expireInSeconds: 3600 })
  async job(): Promise<{ notified: number; erased: number }> {
    return this.run();
  }

  async run(now: Date = this.clock.now()): Promise<{ notified: number; erased: number }> {
    const notified = await this.pages((after) => this.notifyBatch(now, after));
    const erased = await this.pages((after) => this.eraseBatch(now, after));
    return { notified, erased };
  }

  /** Walks the candidates by id: rows held back (alumni members) are passed over, never looked at twice in a run. */
  private async pages(batch: (after: string) => Promise<{ done: number; seen: number; last: string }>): Promise<number> {
    let total = 0;
    for (let after = '00000000-0000-0000-0000-000000000000'; ;) {
      const page = await batch(after);
      total += page.done;
      if (page.seen < BATCH) return total;
      after = page.last;
    }
  }

  private notifyBatch(now: Date, after: string): Promise<{ done: number; seen: number; last: string }> {
    const { retentionMonths, retentionNoticeDays } = this.config.privacy;
    return this.transactions.run(async ({ manager }) => {
      const rows = await manager.query<Candidate[]>(
        `${RETENTION_CANDIDATES_SQL}
           AND NOT EXISTS (SELECT 1 FROM privacy_retention_notices n WHERE n.staff_member_id = s.id)
           AND s.id > $5
         ORDER BY s.id LIMIT $4 FOR UPDATE OF s SKIP LOCKED`,
        [now, retentionMonths, retentionNoticeDays, BATCH, after],
      );
      const due = await this.withoutHolds(manager, rows);
      // Held records get no notice row: should the hold end (consent withdrawn), their notice comes then.
      if (due.length) {
        await manager.query(
          `INSERT INTO privacy_retention_notices (staff_member_id, notified_at) SELECT unnest($1::uuid[]), $2 ON CONFLICT (staff_member_id) DO NOTHING`,
          [due.map((r) => r.id), now],
        );
      }
      await this.outbox.enqueueMany(
        manager,
        due
          .filter((r) => r.email)
          .map((r) => ({
            recipient: r.email!,
            template: 'privacy-retention-notice',
            subject: `Your Baton staff data will be erased on ${r.erases_on}`,
            body:
              `Hello ${r.display_name},\n\nYou worked ${r.event_name}. As announced, the personal data of its staff who did not join the alumni ` +
              `network is erased ${retentionMonths} months after the event: yours will be on ${r.erases_on}. Your hours stay in the event's ` +
              `statistics under an anonymous name. To keep your verified Games record, join the alumni network before then; to keep a copy, ` +
              `sign in and export your data.`,
            payload: { staffMemberId: r.id, erasesOn: r.erases_on },
          })),
      );
      return { done: due.length, seen: rows.length, last: rows[rows.length - 1]?.id ?? after };
    });
  }

  private eraseBatch(now: Date, after: string): Promise<{ done: number; seen: number; last: string }> {
    const { retentionMonths, retentionNoticeDays } = this.config.privacy;
    return this.transactions.run(async ({ manager }) => {
      const rows = await manager.query<Candidate[]>(
        `${RETENTION_CANDIDATES_SQL}
           AND EXISTS (SELECT 1 FROM privacy_retention_notices n WHERE n.staff_member_id = s.id AND n.erased_at IS NULL
                         AND n.notified_at <= $1::timestamptz - make_interval(days => $5::int))
           AND s.id > $6
         ORDER BY s.id LIMIT $4 FOR UPDATE OF s SKIP LOCKED`,
        [now, retentionMonths, 0, BATCH, retentionNoticeDays, after],
      );
      const due = await this.withoutHolds(manager, rows);
      const done = new Set<string>();
      for (const row of due) {
        if (done.has(row.id)) continue;
        const start = row.user_id ? { userId: row.user_id } : { staffMemberIds: [row.id] };
        const { subject } = await this.erasure.erase(manager, start, null, { action: 'privacy.retention_erased' });
        for (const id of subject.staffMemberIds) done.add(id);
        await manager.query(
          `INSERT INTO privacy_retention_notices (staff_member_id, notified_at, erased_at) SELECT unnest($1::uuid[]), $2, $2
             ON CONFLICT (staff_member_id) DO UPDATE SET erased_at = EXCLUDED.erased_at`,
          [subject.staffMemberIds, now],
        );
      }
      return { done: done.size, seen: rows.length, last: rows[rows.length - 1]?.id ?? after };
    });
  }

  private async withoutHolds(manager: EntityManager, rows: Candidate[]): Promise<Candidate[]> {
    const userIds = [...new Set(rows.map((r) => r.user_id).filter((id): id is string => id !== null))];
    if (!userIds.length) return rows;
    const held = new Set<string>();
    for (const contribution of this.registry.contributions()) {
      for (const id of (await contribution.retentionHolds?.(manager, userIds)) ?? []) held.add(id);
    }
    return rows.filter((r) => !r.user_id || !held.has(r.user_id));
  }
}
