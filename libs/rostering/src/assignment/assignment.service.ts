import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '@baton/audit';
import { AccessService, Actor } from '@baton/auth';
import { BadInputError, Clock, ConflictError, ForbiddenError, NotFoundError, RuleViolationError } from '@baton/core';
import { TransactionRunner } from '@baton/database';
import { PUB_SUB, type PubSubEngine } from '@baton/pubsub';
import { EntityManager, QueryFailedError } from 'typeorm';
import { AssignmentObject } from '../dto/assignment.dto';
import { gapAlert, GAP_ALERT_HORIZON_MS, overrideAlert, publishStaffingAlert } from '../attendance/staffing-alert';
import { Evaluation, RuleCheckService } from '../rules/rule-check.service';
import { ruleMessage, toProblem } from '../rules/rule-problems';
import { RuleOutcome } from '../rules/rule-types';
import { AssignmentHistoryEntity } from './assignment-history.entity';
import { toAssignmentObject } from './assignment.mapper';
import { cleanReason } from './reason';
import { ACTIVE_STATUSES, AssignmentEntity, AssignmentSource, AssignmentStatus } from './assignment.entity';
import { SchedulingPermission } from '@baton/scheduling';
import { StaffPermission } from '@baton/staff';

export const ASSIGNMENT_CHANGED = 'assignmentChanged';

export interface AssignmentChange {
  assignment: AssignmentObject;
  venueId: string;
  teamId: string;
  change: 'ASSIGNED' | 'CONFIRMED' | 'DECLINED' | 'CANCELLED';
}

@Injectable()
export class AssignmentService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly rules: RuleCheckService,
    private readonly audit: AuditService,
    private readonly access: AccessService,
    private readonly clock: Clock,
    @Inject(PUB_SUB) private readonly pubSub: PubSubEngine,
  ) {}

  /**
   * Assigns under every rule. The staff member and the shift are locked first, so concurrent
   * requests see each other's result; the database constraints stand behind the checks.
   */
  async assign(
    actor: Actor,
    shiftId: string,
    staffMemberId: string,
    options: { overrideReason?: string; source?: AssignmentSource } = {},
  ): Promise<AssignmentObject> {
    const source = options.source ?? AssignmentSource.MANUAL;
    try {
      return await this.transactions.run(async ({ manager, afterCommit }) => {
        await this.rules.assertMayEvaluate(manager, actor, shiftId, staffMemberId, source === AssignmentSource.MANUAL);
        const evaluation = await this.rules.evaluate(manager, shiftId, staffMemberId, true);
        const overridden = this.decide(actor, evaluation, options.overrideReason);
        const repository = manager.getRepository(AssignmentEntity);
        const assignment = await repository.save(
          repository.create({
            shiftId,
            staffMemberId,
            source,
            status: AssignmentStatus.ASSIGNED,
            assignedById: actor.userId,
            ruleNotes: [...evaluation.warnings, ...overridden].map(toProblem),
            overrideReason: overridden.length ? options.overrideReason! : null,
            // Filled from the shift by the database trigger; set here for the returned object.
            eventId: evaluation.facts.shift.eventId,
            startsAt: evaluation.facts.shift.startsAt,
            endsAt: evaluation.facts.shift.endsAt,
          }),
        );
        await this.history(manager, assignment.id, actor, null, AssignmentStatus.ASSIGNED, options.overrideReason ?? null);
        await this.audit.record(manager, {
          actorUserId: actor.userId,
          action: overridden.length ? 'assignment.created_with_override' : 'assignment.created',
          entityType: 'assignment',
          entityId: assignment.id,
          eventId: assignment.eventId,
          after: { shiftId, staffMemberId, source, ruleNotes: assignment.ruleNotes },
          reason: overridden.length ? options.overrideReason : null,
        });
        const object = toAssignmentObject(assignment);
        afterCommit(() => this.publish(object, evaluation.facts.shift, 'ASSIGNED'));
        if (overridden.length)
          afterCommit(() =>
            publishStaffingAlert(this.pubSub, overrideAlert(object, evaluation.facts.shift, overridden, options.overrideReason!, this.clock.now())),
          );
        return object;
      });
    } catch (error) {
      throw this.translateRace(error);
    }
  }

  /** A coordinator takes someone off a shift (the place opens again). */
  async unassign(actor: Actor, assignmentId: string, reason?: string): Promise<AssignmentObject> {
    return this.transition(actor, assignmentId, AssignmentStatus.CANCELLED, cleanReason(reason, 'reason', false), 'coordinator');
  }

  async confirm(actor: Actor, assignmentId: string): Promise<AssignmentObject> {
    return this.transition(actor, assignmentId, AssignmentStatus.CONFIRMED, undefined, 'self');
  }

  async decline(actor: Actor, assignmentId: string, reason?: string): Promise<AssignmentObject> {
    return this.transition(actor, assignmentId, AssignmentStatus.DECLINED, cleanReason(reason, 'reason', false), 'self');
  }

  private async transition(
    actor: Actor,
    assignmentId: string,
    to: AssignmentStatus,
    note: string | undefined,
    who: 'self' | 'coordinator',
  ): Promise<AssignmentObject> {
    return this.transactions.run(async ({ manager, afterCommit }) => {
      // The shift before the assignment (the lock order of TransactionRunner): the status change
      // writes the shift's counter, and cancelShift holds the shift while it reaches for its assignments.
      await manager.query(`SELECT 1 FROM shifts WHERE id = (SELECT shift_id FROM assignments WHERE id = $1) FOR NO KEY UPDATE`, [assignmentId]);
      const [row] = await manager.query(
        `SELECT a.id, s.venue_id, s.team_id, s.event_id, m.user_id FROM assignments a
           JOIN shifts s ON s.id = a.shift_id JOIN staff_members m ON m.id = a.staff_member_id
          WHERE a.id = $1 FOR UPDATE OF a`,
        [assignmentId],
      );
      if (!row) throw new NotFoundError('Assignment', assignmentId);
      const shift = { eventId: row.event_id, venueId: row.venue_id, teamId: row.team_id };
      if (who === 'self') {
        const selfInEvent = this.access.inScope(this.access.eventScope(actor, StaffPermission.SELF_SERVICE), row.event_id);
        if (row.user_id !== actor.userId || !selfInEvent) throw new ForbiddenError('Only the assigned person may answer this assignment');
      } else {
        this.rules.assertRosterScope(actor, shift);
      }
      const repository = manager.getRepository(AssignmentEntity);
      const assignment = await repository.findOneByOrFail({ id: assignmentId });
      const allowed: Record<AssignmentStatus, AssignmentStatus[]> = {
        [AssignmentStatus.ASSIGNED]: [AssignmentStatus.CONFIRMED, AssignmentStatus.DECLINED, AssignmentStatus.CANCELLED],
        [AssignmentStatus.CONFIRMED]: [AssignmentStatus.DECLINED, AssignmentStatus.CANCELLED],
        [AssignmentStatus.DECLINED]: [],
        [AssignmentStatus.CANCELLED]: [],
      };
      if (!allowed[assignment.status].includes(to)) {
        throw new ConflictError(`An assignment that is ${assignment.status.toLowerCase()} cannot become ${to.toLowerCase()}`, { from: assignment.status, to });
      }
      if (who === 'self' && assignment.endsAt <= this.clock.now()) throw BadInputError.field('assignmentId', 'This shift is over', 'over');
      const from = assignment.status;
      assignment.status = to;
      const saved = await repository.save(assignment);
      await this.history(manager, assignment.id, actor, from, to, note ?? null);
      await this.audit.record(manager, {
        actorUserId: actor.userId,
        action: `assignment.${to.toLowerCase()}`,
        entityType: 'assignment',
        entityId: assignment.id,
        eventId: assignment.eventId,
        before: { status: from },
        after: { status: to },
        reason: note ?? null,
      });
      const object = toAssignmentObject(saved);
      afterCommit(() => this.publish(object, shift, to as AssignmentChange['change']));
      // A place opening close to the start is a gap someone must fill now.
      const opensGap =
        (to === AssignmentStatus.DECLINED || to === AssignmentStatus.CANCELLED) &&
        assignment.startsAt.getTime() - this.clock.now().getTime() < GAP_ALERT_HORIZON_MS &&
        assignment.endsAt > this.clock.now();
      if (opensGap) afterCommit(() => publishStaffingAlert(this.pubSub, gapAlert(object, shift, from, to, this.clock.now())));
      return object;
    });
  }

  /**
   * Blocking outcomes refuse, unless every one of them is a configurable rule and an admin gives
   * a reason. Returns the rules that were overridden (recorded on the assignment and audited).
   */
  private decide(actor: Actor, evaluation: Evaluation, overrideReason?: string): RuleOutcome[] {
    if (!evaluation.blocking.length) return [];
    const hard = evaluation.blocking.filter((o) => !o.configurable);
    const mayOverride = !!overrideReason && !hard.length && actor.can(SchedulingPermission.RULES_MANAGE);
    if (mayOverride) return evaluation.blocking;
    const rules = evaluation.blocking.map(toProblem);
    if (overrideReason && !hard.length) throw new ForbiddenError('Only an admin may override a blocking rule', { rules });
    throw new RuleViolationError(ruleMessage(evaluation.blocking), rules);
  }

  /** What the database refused although the checks passed: a race the row locks did not cover. */
  private translateRace(error: unknown): unknown {
    const constraint =
      error instanceof QueryFailedError ? (error as QueryFailedError & { driverError?: { constraint?: string } }).driverError?.constraint : undefined;
    if (constraint === 'shifts_capacity_check') return new RuleViolationError('The shift is full', [{ rule: 'CAPACITY', message: 'The shift is full' }]);
    if (constraint === 'assignments_no_overlap' || constraint === 'assignments_person_no_overlap')
      return new RuleViolationError('This person is on another shift at the same time', [
        { rule: 'OVERLAP', message: 'This person is on another shift at the same time' },
      ]);
    if (constraint === 'assignments_one_active_per_shift')
      return new RuleViolationError('This person is already on this shift', [{ rule: 'ALREADY_ASSIGNED', message: 'This person is already on this shift' }]);
    return error;
  }

  private async history(
    manager: EntityManager,
    assignmentId: string,
    actor: Actor,
    from: AssignmentStatus | null,
    to: AssignmentStatus,
    note: string | null,
  ): Promise<void> {
    await manager
      .getRepository(AssignmentHistoryEntity)
      .insert({ assignmentId, actorUserId: actor.userId, fromStatus: from, toStatus: to, note, at: this.clock.now() });
  }

  private async publish(assignment: AssignmentObject, shift: { venueId: string; teamId: string }, change: AssignmentChange['change']): Promise<void> {
    const payload: AssignmentChange = { assignment, venueId: shift.venueId, teamId: shift.teamId, change };
    await this.pubSub.publish(ASSIGNMENT_CHANGED, { [ASSIGNMENT_CHANGED]: payload });
  }
}

export { ACTIVE_STATUSES };
