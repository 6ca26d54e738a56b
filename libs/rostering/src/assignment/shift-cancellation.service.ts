import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '@baton/audit';
import { AccessService, Actor } from '@baton/auth';
import { canSeeContact, STAFF_PHONE_CONTEXT } from '@baton/staff';
import { openSealed } from '@baton/crypto';
import { ConflictError, NotFoundError } from '@baton/core';
import { camelRow, camelRows, type CamelRow, TransactionRunner } from '@baton/database';
import { OutboxService } from '@baton/outbox';
import { PUB_SUB, type PubSubEngine } from '@baton/pubsub';
import { ShiftService } from '@baton/scheduling';
import { In } from 'typeorm';
import { ShiftCancellationObject } from './dto/shift-cancellation.dto';
import { EligibilityService } from '../eligibility/eligibility.service';
import { toAssignmentObject } from './assignment.mapper';
import { cleanReason } from './reason';
import { AssignmentEntity } from './assignment.entity';
import { ASSIGNMENT_CHANGED } from './assignment.service';
import { COVERAGE_TOUCHED, CoverageTouch } from '../coverage/coverage-changes';

interface CancellingShiftRow {
  id: string;
  event_id: string;
  venue_id: string;
  team_id: string;
  status: string;
  role_title: string;
  starts_at: Date;
  venue_name: string;
  time_zone: string;
}

interface CancelledRow {
  id: string;
  staff_member_id: string;
  status: string;
  recipient: string | null;
  display_name: string;
  user_id: string | null;
  team_id: string | null;
  home_venue_id: string | null;
  /** Sealed (libs/crypto); opened only for a caller who may see it. */
  phone_envelope: string | null;
}

/**
 * Cancelling a shift cancels its active assignments and tells each person through the outbox,
 * all in one transaction: nobody is told of a cancellation that did not happen. Locks the shift,
 * then its assignments (the lock order of TransactionRunner, which status changes and check-ins
 * follow too, so a cancellation racing them waits instead of deadlocking).
 */
@Injectable()
export class ShiftCancellationService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly rules: EligibilityService,
    private readonly shifts: ShiftService,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly access: AccessService,
    @Inject(PUB_SUB) private readonly pubSub: PubSubEngine,
  ) {}

  async cancel(actor: Actor, shiftId: string, givenReason: string): Promise<ShiftCancellationObject> {
    const reason = cleanReason(givenReason, 'reason', true)!;
    return this.transactions.run(async ({ manager, afterCommit }) => {
      const [shiftRow] = await manager.query<CancellingShiftRow[]>(
        `SELECT s.id, s.event_id, s.venue_id, s.team_id, s.status, s.role_title, s.starts_at, v.name AS venue_name, v.time_zone
           FROM shifts s JOIN venues v ON v.id = s.venue_id WHERE s.id = $1 FOR UPDATE OF s`,
        [shiftId],
      );
      if (!shiftRow) throw new NotFoundError('Shift', shiftId);
      const shift = camelRow(shiftRow);
      this.rules.assertRosterScope(actor, { eventId: shift.eventId, venueId: shift.venueId, teamId: shift.teamId });
      if (shift.status === 'CANCELLED') throw new ConflictError('This shift is already cancelled', { shiftId });
      await this.shifts.cancel(manager, shiftId);
      const cancelled = camelRows(
        await manager.query<CancelledRow[]>(
          `WITH old AS (
           SELECT id, status FROM assignments WHERE shift_id = $1 AND status IN ('ASSIGNED', 'CONFIRMED') ORDER BY id FOR UPDATE),
         changed AS (
           UPDATE assignments a SET status = 'CANCELLED', updated_at = now()
             FROM old WHERE a.id = old.id
            RETURNING a.id, a.staff_member_id, old.status)
         SELECT c.id, c.staff_member_id, c.status, COALESCE(m.email, u.email) AS recipient, m.display_name,
                m.user_id, m.team_id, m.home_venue_id, m.phone_envelope
           FROM changed c JOIN staff_members m ON m.id = c.staff_member_id LEFT JOIN users u ON u.id = m.user_id`,
          [shiftId],
        ),
      );
      if (cancelled.length) {
        await manager.query(
          `INSERT INTO assignment_history (assignment_id, actor_user_id, from_status, to_status, note)
           SELECT a.id, $2, a.status::assignment_status, 'CANCELLED', $3 FROM unnest($1::uuid[], $4::text[]) AS a(id, status)`,
          [cancelled.map((c) => c.id), actor.userId, `shift cancelled: ${reason}`, cancelled.map((c) => c.status)],
        );
      }
      const when = new Date(shift.startsAt).toLocaleString('en-GB', { timeZone: shift.timeZone, dateStyle: 'full', timeStyle: 'short' });
      for (const person of cancelled.filter((c) => c.recipient)) {
        await this.outbox.enqueue(manager, {
          recipient: person.recipient!,
          template: 'shift-cancelled',
          subject: `Shift cancelled: ${shift.roleTitle}, ${shift.venueName}`,
          body: `Hello ${person.displayName},\n\nYour shift "${shift.roleTitle}" at ${shift.venueName} on ${when} (venue time) is cancelled.\nReason: ${reason}\n\nYou do not need to come. Your coordinator may offer you another shift.`,
          payload: { shiftId, assignmentId: person.id },
        });
      }
      await this.audit.record(manager, {
        actorUserId: actor.userId,
        action: 'shift.cancelled',
        entityType: 'shift',
        entityId: shiftId,
        eventId: shift.eventId,
        before: { status: shift.status },
        after: {
          status: 'CANCELLED',
          cancelledAssignments: cancelled.map((c) => c.id),
          notNotified: cancelled.filter((c) => !c.recipient).map((c) => c.staffMemberId),
        },
        reason,
      });
      const changed = cancelled.length ? await manager.getRepository(AssignmentEntity).findBy({ id: In(cancelled.map((c) => c.id)) }) : [];
      afterCommit(async () => {
        // The board loses the shift's places even when nobody was on it (no assignment message then).
        if (shift.status === 'PUBLISHED') {
          const touch: CoverageTouch = { eventId: shift.eventId, venueId: shift.venueId, teamId: shift.teamId };
          await this.pubSub.publish(COVERAGE_TOUCHED, { [COVERAGE_TOUCHED]: touch });
        }
        for (const assignment of changed) {
          await this.pubSub.publish(ASSIGNMENT_CHANGED, {
            [ASSIGNMENT_CHANGED]: { assignment: toAssignmentObject(assignment), venueId: shift.venueId, teamId: shift.teamId, change: 'CANCELLED' },
          });
        }
      });
      return { shiftId, cancelledAssignments: cancelled.length, ...this.report(actor, shift.eventId, cancelled) };
    });
  }

  /**
   * Who got a message and who must be called instead. A phone number is contact data: it is
   * shown only when the caller may see this person's contact details (the staff directory's
   * rule), which can differ from person to person on one shift.
   */
  private report(actor: Actor, eventId: string, cancelled: Array<CamelRow<CancelledRow>>): Pick<ShiftCancellationObject, 'notified' | 'notNotified'> {
    const grants = this.access.grantScopes(actor, eventId);
    const people = [...cancelled].sort((a, b) => a.displayName.localeCompare(b.displayName) || a.staffMemberId.localeCompare(b.staffMemberId));
    return {
      notified: people.filter((p) => p.recipient).map((p) => ({ staffMemberId: p.staffMemberId, displayName: p.displayName })),
      notNotified: people
        .filter((p) => !p.recipient)
        .map((p) => ({
          staffMemberId: p.staffMemberId,
          displayName: p.displayName,
          phone: canSeeContact(actor, { userId: p.userId, teamId: p.teamId, homeVenueId: p.homeVenueId }, grants)
            ? openSealed(p.phoneEnvelope, STAFF_PHONE_CONTEXT)
            : null,
        })),
    };
  }
}
