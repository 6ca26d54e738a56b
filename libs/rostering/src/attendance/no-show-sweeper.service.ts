import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '@baton/audit';
import { Clock } from '@baton/core';
import { TransactionRunner } from '@baton/database';
import { PUB_SUB, type PubSubEngine } from '@baton/pubsub';
import { JobHandler } from '@baton/queue';
import { AssignmentHistoryEntity } from '../assignment/assignment-history.entity';
import { AssignmentStatus } from '../assignment/assignment.entity';
import { NO_SHOW_GRACE_MINUTES } from './attendance-status';
import { publishStaffingAlert, StaffingAlert, StaffingAlertKind } from '../alerts/staffing-alert';

/** The scheduled job; its interval can be changed with JOB_INTERVALS. */
export const NO_SHOW_SWEEP_JOB = 'rostering.no-show-sweep';
export const NO_SHOW_SWEEP_INTERVAL_SECONDS = 60;
/** Shifts over by more than this are left alone (nobody acts on a no-show that old). */
export const NO_SHOW_LOOKBACK_HOURS = 12;
const BATCH = 500;

interface FlaggedRow {
  id: string;
  event_id: string;
  shift_id: string;
  staff_member_id: string;
  status: AssignmentStatus;
  starts_at: Date;
  venue_id: string;
  team_id: string;
  role_title: string;
  display_name: string;
}

/**
 * Flags active assignments nobody checked in for once the grace period is over: sets
 * `no_show_at`, writes history and audit, and publishes a NO_SHOW staffing alert after commit.
 * Rows are claimed with `UPDATE … WHERE no_show_at IS NULL … RETURNING` over a
 * `FOR UPDATE SKIP LOCKED` selection, so several instances sweeping at once flag each row once.
 */
@Injectable()
export class NoShowSweeper {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(PUB_SUB) private readonly pubSub: PubSubEngine,
  ) {}

  /** The scheduled job: no retry, the next slot sweeps again anyway. */
  @JobHandler(NO_SHOW_SWEEP_JOB, { schedule: { everySeconds: NO_SHOW_SWEEP_INTERVAL_SECONDS }, retryLimit: 0, expireInSeconds: 300 })
  async sweepJob(): Promise<{ flagged: number }> {
    return { flagged: await this.sweep() };
  }

  /** Flags every due no-show; returns how many this call flagged. */
  async sweep(now: Date = this.clock.now()): Promise<number> {
    let total = 0;
    for (;;) {
      const flagged = await this.sweepBatch(now);
      total += flagged;
      if (flagged < BATCH) return total;
    }
  }

  private async sweepBatch(now: Date): Promise<number> {
    return this.transactions.run(async ({ manager, afterCommit }) => {
      // TypeORM answers an UPDATE with [rows, affected count].
      const [rows] = await manager.query<[FlaggedRow[], number]>(
        `WITH due AS (
           SELECT a.id FROM assignments a
            WHERE a.status IN ('ASSIGNED', 'CONFIRMED') AND a.checked_in_at IS NULL AND a.no_show_at IS NULL
              AND a.starts_at < $1::timestamptz - make_interval(mins => $2)
              AND a.ends_at > $1::timestamptz - make_interval(hours => $3)
            ORDER BY a.starts_at
            LIMIT $4
            FOR UPDATE OF a SKIP LOCKED
         )
         UPDATE assignments a SET no_show_at = $1
           FROM due, shifts s, staff_members m
          WHERE a.id = due.id AND s.id = a.shift_id AND m.id = a.staff_member_id
            AND a.no_show_at IS NULL AND a.checked_in_at IS NULL
         RETURNING a.id, a.event_id, a.shift_id, a.staff_member_id, a.status, a.starts_at, s.venue_id, s.team_id, s.role_title, m.display_name`,
        [now, NO_SHOW_GRACE_MINUTES, NO_SHOW_LOOKBACK_HOURS, BATCH],
      );
      if (!rows.length) return 0;
      await manager
        .getRepository(AssignmentHistoryEntity)
        .insert(rows.map((r) => ({ assignmentId: r.id, actorUserId: null, fromStatus: r.status, toStatus: r.status, note: 'no-show', at: now })));
      for (const r of rows) {
        await this.audit.record(manager, {
          actorUserId: null,
          action: 'assignment.no_show',
          entityType: 'assignment',
          entityId: r.id,
          eventId: r.event_id,
          after: { noShowAt: now.toISOString(), graceMinutes: NO_SHOW_GRACE_MINUTES },
        });
      }
      const alerts: StaffingAlert[] = rows.map((r) => ({
        kind: StaffingAlertKind.NO_SHOW,
        eventId: r.event_id,
        shiftId: r.shift_id,
        assignmentId: r.id,
        staffMemberId: r.staff_member_id,
        venueId: r.venue_id,
        teamId: r.team_id,
        at: now,
        message: `${r.display_name} has not checked in for ${r.role_title}, which started at ${new Date(r.starts_at).toISOString()}`,
      }));
      afterCommit(async () => {
        for (const alert of alerts) await publishStaffingAlert(this.pubSub, alert);
      });
      return rows.length;
    });
  }
}
