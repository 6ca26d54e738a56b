import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '@baton/audit';
import { Actor } from '@baton/auth';
import { BadInputError, Clock, ConflictError, ForbiddenError, NotFoundError } from '@baton/core';
import { TransactionRunner } from '@baton/database';
import { PUB_SUB, type PubSubEngine } from '@baton/pubsub';
import { EntityManager } from 'typeorm';
import { AssignmentHistoryEntity } from '../assignment/assignment-history.entity';
import { toAssignmentObject } from '../assignment/assignment.mapper';
import { ACTIVE_STATUSES, AssignmentEntity, AssignmentStatus } from '../assignment/assignment.entity';
import { AssignmentObject } from '../assignment/dto/assignment.dto';
import { AssignmentRepository, LockedAssignment } from '../assignment/assignment.repository';
import { CheckInMethod } from './check-in-method';
import { COVERAGE_TOUCHED, CoverageTouch } from '../coverage/coverage-changes';
import { holdsAssignment, seesWholeRoster } from '../access/roster-access';
import { rosterViewer } from '../access/roster-viewer';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** A staff member may check themself in from this many minutes before the start until the end. */
export const SELF_CHECK_IN_OPENS_MINUTES = 60;
/** Clock drift tolerated between a device and the server for `at`. */
export const CLOCK_TOLERANCE_MINUTES = 2;
/** A check-in may be recorded at most this long before the shift starts. */
export const CHECK_IN_EARLIEST_HOURS = 24;
/** A check-out may be recorded at most this long after the shift ends. */
export const CHECK_OUT_LATEST_HOURS = 12;

type Who = 'self' | 'coordinator';

/**
 * Check-in and check-out of an assignment.
 *
 * Idempotent by design: checking in an assignment that is already checked in (or checking out
 * one already checked out) returns it unchanged, writes no history and no audit record, and is
 * not an error, whatever method or time the repeat carries. The first recorded time wins. The
 * offline reconciliation of venue check-ins relies on this to replay uploads safely.
 */
@Injectable()
export class AttendanceService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly assignments: AssignmentRepository,
    @Inject(PUB_SUB) private readonly pubSub: PubSubEngine,
  ) {}

  /**
   * Coordinators (ROSTER_MANAGE, venue and team in scope) check anyone in with any method but
   * SELF; the assigned person checks themself in with SELF, from 60 min before the start to the
   * end, at the server's time. `at` defaults to now; never in the future (2 min tolerance), nor
   * more than 24 h before the start, nor after the end.
   */
  async checkIn(actor: Actor, assignmentId: string, method: CheckInMethod = CheckInMethod.COORDINATOR, at?: Date): Promise<AssignmentObject> {
    return this.transactions.run(async ({ manager, afterCommit }) => {
      const row = await this.lock(manager, assignmentId);
      const who = this.authorize(actor, row, method === CheckInMethod.SELF ? 'self' : 'coordinator');
      const repository = manager.getRepository(AssignmentEntity);
      if (row.checkedInAt) return toAssignmentObject(await repository.findOneByOrFail({ id: assignmentId }));
      this.assertActive(row);
      const now = this.clock.now();
      const when = this.effectiveTime(who, at, now);
      const start = row.startsAt.getTime();
      if (who === 'self' && (now.getTime() < start - SELF_CHECK_IN_OPENS_MINUTES * MINUTE || now > row.endsAt)) {
        throw BadInputError.field(
          'assignmentId',
          `You may check yourself in from ${SELF_CHECK_IN_OPENS_MINUTES} minutes before the start until the end of the shift`,
          'selfCheckInWindow',
        );
      }
      this.assertNotFuture(when, now);
      if (when.getTime() < start - CHECK_IN_EARLIEST_HOURS * HOUR)
        throw BadInputError.field('at', `A check-in may not be more than ${CHECK_IN_EARLIEST_HOURS} h before the start`, 'tooEarly');
      if (when > row.endsAt) throw BadInputError.field('at', 'A check-in may not be after the end of the shift', 'afterEnd');

      const assignment = await repository.findOneByOrFail({ id: assignmentId });
      assignment.checkedInAt = when;
      assignment.checkInMethod = method;
      const saved = await repository.save(assignment);
      await this.record(manager, actor, row, `check-in (${method})`, 'assignment.checked_in', { checkedInAt: when.toISOString(), method });
      // Boards hear of it (coverageChanged); assignment changes reach them through ASSIGNMENT_CHANGED.
      const touch: CoverageTouch = { eventId: row.eventId, venueId: row.venueId, teamId: row.teamId };
      afterCommit(() => this.pubSub.publish(COVERAGE_TOUCHED, { [COVERAGE_TOUCHED]: touch }));
      return toAssignmentObject(saved);
    });
  }

  /**
   * Coordinators in scope, or the assigned person (at the server's time). After the check-in,
   * at most 12 h after the end, never in the future. Idempotent like the check-in.
   */
  async checkOut(actor: Actor, assignmentId: string, at?: Date): Promise<AssignmentObject> {
    return this.transactions.run(async ({ manager }) => {
      const row = await this.lock(manager, assignmentId);
      const who: Who = this.coordinates(actor, row) ? 'coordinator' : 'self';
      if (who === 'self' && !this.isPerson(actor, row)) throw this.outOfScope(row);
      const repository = manager.getRepository(AssignmentEntity);
      if (row.checkedOutAt) return toAssignmentObject(await repository.findOneByOrFail({ id: assignmentId }));
      this.assertActive(row);
      if (!row.checkedInAt) throw new ConflictError('This assignment is not checked in', { assignmentId });
      const now = this.clock.now();
      const when = this.effectiveTime(who, at, now);
      this.assertNotFuture(when, now);
      if (when <= row.checkedInAt) throw BadInputError.field('at', 'A check-out must be after the check-in', 'beforeCheckIn');
      if (when.getTime() > row.endsAt.getTime() + CHECK_OUT_LATEST_HOURS * HOUR)
        throw BadInputError.field('at', `A check-out may not be more than ${CHECK_OUT_LATEST_HOURS} h after the end`, 'tooLate');

      const assignment = await repository.findOneByOrFail({ id: assignmentId });
      assignment.checkedOutAt = when;
      const saved = await repository.save(assignment);
      await this.record(manager, actor, row, 'check-out', 'assignment.checked_out', { checkedOutAt: when.toISOString() });
      return toAssignmentObject(saved);
    });
  }

  /**
   * The shift (KEY SHARE: it must not be cancelled or moved meanwhile, while check-ins of one shift
   * do not wait for each other), then the assignment: the lock order of TransactionRunner.
   */
  private async lock(manager: EntityManager, assignmentId: string): Promise<LockedAssignment> {
    const row = await this.assignments.lockWithPlacement(manager, assignmentId, 'KEY SHARE');
    if (!row) throw new NotFoundError('Assignment', assignmentId);
    return row;
  }

  private coordinates(actor: Actor, row: LockedAssignment): boolean {
    return seesWholeRoster(rosterViewer(actor), row);
  }

  private isPerson(actor: Actor, row: LockedAssignment): boolean {
    return holdsAssignment(rosterViewer(actor), { eventId: row.eventId, holderUserId: row.userId });
  }

  private outOfScope(row: LockedAssignment): ForbiddenError {
    return new ForbiddenError('This shift is outside your scope', { eventId: row.eventId, venueId: row.venueId, teamId: row.teamId });
  }

  /** SELF is the assigned person's own method; every other method is a coordinator's. */
  private authorize(actor: Actor, row: LockedAssignment, as: Who): Who {
    if (as === 'self') {
      if (!this.isPerson(actor, row)) throw new ForbiddenError('Only the assigned person may check in with method SELF');
      return 'self';
    }
    if (this.coordinates(actor, row)) return 'coordinator';
    if (this.isPerson(actor, row)) throw new ForbiddenError('Check yourself in with method SELF');
    throw this.outOfScope(row);
  }

  private assertActive(row: LockedAssignment): void {
    if (!(ACTIVE_STATUSES as readonly AssignmentStatus[]).includes(row.status)) {
      throw new ConflictError(`An assignment that is ${row.status.toLowerCase()} cannot be checked in or out`, { status: row.status });
    }
  }

  /** People acting for themselves are recorded at the server's time: no back-dating. */
  private effectiveTime(who: Who, at: Date | undefined, now: Date): Date {
    if (who === 'self') {
      if (at && Math.abs(at.getTime() - now.getTime()) > CLOCK_TOLERANCE_MINUTES * MINUTE) {
        throw BadInputError.field('at', 'Only a coordinator may record another time than now', 'selfTime');
      }
      return now;
    }
    return at ?? now;
  }

  private assertNotFuture(when: Date, now: Date): void {
    if (when.getTime() > now.getTime() + CLOCK_TOLERANCE_MINUTES * MINUTE) throw BadInputError.field('at', 'The time may not be in the future', 'future');
  }

  private async record(
    manager: EntityManager,
    actor: Actor,
    row: LockedAssignment,
    note: string,
    action: string,
    after: Record<string, unknown>,
  ): Promise<void> {
    await manager
      .getRepository(AssignmentHistoryEntity)
      .insert({ assignmentId: row.id, actorUserId: actor.userId, fromStatus: row.status, toStatus: row.status, note, at: this.clock.now() });
    await this.audit.record(manager, { actorUserId: actor.userId, action, entityType: 'assignment', entityId: row.id, eventId: row.eventId, after });
  }
}
