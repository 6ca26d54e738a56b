import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '@baton/audit';
import { AccessService, Actor } from '@baton/auth';
import { canSeeContact, STAFF_PHONE_CONTEXT } from '@baton/staff';
import { openSealed } from '@baton/crypto';
import { ConflictError, NotFoundError } from '@baton/core';
import { TransactionRunner } from '@baton/database';
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
      const [shift] = await manager.query(
        `SELECT s.id, s.event_id, s.venue_id, s.team_id, s.status, s.role_title, s.starts_at, v.name AS venue_name, v.time_zone
           FROM shifts s JOIN venues v ON v.id = s.venue_id WHERE s.id = $1 FOR UPDATE OF s`,
        [shiftId],
      );
      if (!shift) throw new NotFoundError('Shift', shiftId);
      this.rules.assertRosterScope(actor, { eventId: shift.event_id, venueId: shift.venue_id, teamId: shift.team_id });
      if (shift.status === 'CANCELLED') throw new ConflictError('This shift is already cancelled', { shiftId });
      await this.shifts.cancel(manager, shiftId);
      const cancelled: CancelledRow[] = await manager.query(
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
      );
      if (cancelled.length) {
        await manager.query(
          `INSERT INTO assignment_history (assignment_id, actor_user_id, from_status, to_status, note)
           SELECT a.id, $2, a.status::assignment_status, 'CANCELLED', $3 FROM unnest($1::uuid[], $4::text[]) AS a(id, status)`,
          [cancelled.map((c) => c.id), actor.userId, `shift cancelled: ${reason}`, cancelled.map((c) => c.status)],
        );
      }
      const when = new Date(shift.starts_at).toLocaleString('en-GB', { timeZone: shift.time_zone, dateStyle: 'full', timeStyle: 'short' });
      for (const person of cancelled.filter((c) => c.recipient)) {
        await this.outbox.enqueue(manager, {
          recipient: person.recipient!,
          template: 'shift-cancelled',
          subject: `Shift cancelled: ${shift.role_title}, ${shift.venue_name}`,
          body: `Hello ${person.display_name},\n\nYour shift "${shift.role_title}" at ${shift.venue_name} on ${when} (venue time) is cancelled.\nReason: ${reason}\n\nYou do not need to come. Your coordinator may offer you another shift.`,
          payload: { shiftId, assignmentId: person.id },
        });
      }
      await this.audit.record(manager, {
        actorUserId: actor.userId,
        action: 'shift.cancelled',
        entityType: 'shift',
        entityId: shiftId,
        eventId: shift.event_id,
        before: { status: shift.status },
        after: {
          status: 'CANCELLED',
          cancelledAssignments: cancelled.map((c) => c.id),
          notNotified: cancelled.filter((c) => !c.recipient).map((c) => c.staff_member_id),
        },
        reason,
      });
      const changed = cancelled.length ? await manager.getRepository(AssignmentEntity).findBy({ id: In(cancelled.map((c) => c.id)) }) : [];
      afterCommit(async () => {
        // The board loses the shift's places even when nobody was on it (no assignment message then).
        if (shift.status === 'PUBLISHED') {
          const touch: CoverageTouch = { eventId: shift.event_id, venueId: shift.venue_id, teamId: shift.team_id };
          await this.pubSub.publish(COVERAGE_TOUCHED, { [COVERAGE_TOUCHED]: touch });
        }
        for (const assignment of changed) {
          await this.pubSub.publish(ASSIGNMENT_CHANGED, {
            [ASSIGNMENT_CHANGED]: { assignment: toAssignmentObject(assignment), venueId: shift.venue_id, teamId: shift.team_id, change: 'CANCELLED' },
          });
        }
      });
      return { shiftId, cancelledAssignments: cancelled.length, ...this.report(actor, shift.event_id, cancelled) };
    });
  }

  /**
   * Who got a message and who must be called instead. A phone number is contact data: it is
   * shown only when the caller may see this person's contact details (the staff directory's
   * rule), which can differ from person to person on one shift.
   */
  private report(actor: Actor, eventId: string, cancelled: CancelledRow[]): Pick<ShiftCancellationObject, 'notified' | 'notNotified'> {
    const grants = this.access.grantScopes(actor, eventId);
    const people = [...cancelled].sort((a, b) => a.display_name.localeCompare(b.display_name) || a.staff_member_id.localeCompare(b.staff_member_id));
    return {
      notified: people.filter((p) => p.recipient).map((p) => ({ staffMemberId: p.staff_member_id, displayName: p.display_name })),
      notNotified: people
        .filter((p) => !p.recipient)
        .map((p) => ({
          staffMemberId: p.staff_member_id,
          displayName: p.display_name,
          phone: canSeeContact(actor, { userId: p.user_id, teamId: p.team_id, homeVenueId: p.home_venue_id }, grants)
            ? openSealed(p.phone_envelope, STAFF_PHONE_CONTEXT)
            : null,
        })),
    };
  }
}
