import { Injectable } from '@nestjs/common';
import { AuditService } from '@baton/audit';
import { Clock } from '@baton/core';
import { TransactionRunner } from '@baton/database';
import { JobHandler } from '@baton/queue';

/** The scheduled job; its interval can be changed with JOB_INTERVALS. */
export const OPPORTUNITY_EXPIRY_JOB = 'opportunities.expire';
export const OPPORTUNITY_EXPIRY_INTERVAL_SECONDS = 300;
const BATCH = 1000;

/**
 * Marks OPEN opportunities past their expiry as EXPIRED. Reads never wait for it (an OPEN row
 * past its expiry already reads as expired); this makes the stored status true for the
 * organisation's lists and the audit. SKIP LOCKED: an opportunity being edited is taken next time,
 * and two instances sweeping at once mark each row once.
 */
@Injectable()
export class OpportunityExpirySweeper {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  @JobHandler(OPPORTUNITY_EXPIRY_JOB, { schedule: { everySeconds: OPPORTUNITY_EXPIRY_INTERVAL_SECONDS }, retryLimit: 0, expireInSeconds: 300 })
  async expireJob(): Promise<{ expired: number }> {
    return { expired: await this.sweep() };
  }

  async sweep(now: Date = this.clock.now()): Promise<number> {
    let total = 0;
    for (;;) {
      const expired = await this.transactions.run(async ({ manager }) => {
        const [rows] = await manager.query<[Array<{ id: string }>, number]>(
          `WITH due AS (
             SELECT id FROM opportunities WHERE status = 'OPEN' AND expires_at <= $1 ORDER BY expires_at LIMIT $2 FOR UPDATE SKIP LOCKED
           )
           UPDATE opportunities o SET status = 'EXPIRED', updated_at = $1 FROM due WHERE o.id = due.id RETURNING o.id`,
          [now, BATCH],
        );
        for (const r of rows) {
          await this.audit.record(manager, {
            actorUserId: null,
            action: 'opportunity.expired',
            entityType: 'opportunity',
            entityId: r.id,
            before: { status: 'OPEN' },
            after: { status: 'EXPIRED' },
          });
        }
        return rows.length;
      });
      total += expired;
      if (expired < BATCH) return total;
    }
  }
}
