import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '@baton/audit';
import { Actor } from '@baton/auth';
import { BadInputError, Clock, ConflictError, ForbiddenError, NotFoundError, RuleViolationError } from '@baton/core';
import { TransactionRunner, translateForUseCase } from '@baton/database';
import { PUB_SUB, type PubSubEngine } from '@baton/pubsub';
import { DataSource, EntityManager } from 'typeorm';
import { AssignmentObject } from './dto/assignment.dto';
import { gapAlert, GAP_ALERT_HORIZON_MS, overrideAlert, publishStaffingAlert } from '../alerts/staffing-alert';
import { Evaluation, EligibilityService } from '../eligibility/eligibility.service';
import type { LoadedShift } from '../eligibility/rule-facts.repository';
import { ruleMessage, toProblem } from '../eligibility/rule-problems';
import { RuleOutcome } from '../eligibility/rule-types';
import { AssignmentHistoryEntity } from './assignment-history.entity';
import { AssignmentRepository } from './assignment.repository';
import { toAssignmentObject } from './assignment.mapper';
import { cleanReason } from './reason';
import { WriteTurns } from './write-turns';
import { ACTIVE_STATUSES, AssignmentEntity, AssignmentSource, AssignmentStatus } from './assignment.entity';
import { SchedulingPermission } from '@baton/scheduling';
import { holdsAssignment } from '../access/roster-access';
import { rosterViewer } from '../access/roster-viewer';

export const ASSIGNMENT_CHANGED = 'assignmentChanged';
/** The use case under which the rostering module registers what its constraints mean to `assign`. */
export const ASSIGN_USE_CASE = 'rostering.assign';

export interface AssignmentChange {
  assignment: AssignmentObject;
  venueId: string;
  teamId: string;
  change: 'ASSIGNED' | 'CONFIRMED' | 'DECLINED' | 'CANCELLED';
}

@Injectable()
export class AssignmentService {
  private readonly writeTurns = new WriteTurns();

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly eligibility: EligibilityService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly assignments: AssignmentRepository,
    private readonly dataSource: DataSource,
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
    options: { overrideReason?: string; source?: AssignmentSource; precheck?: (shift: LoadedShift) => void } = {},
  ): Promise<AssignmentObject> {
    const source = options.source ?? AssignmentSource.MANUAL;
    try {
      // A refusal costs a read, not a write transaction holding the person's and the shift's locks.
      // Passing proves nothing: the transaction judges again under the locks. Requests for a pair
      // being written here wait for that write outside the pool (WriteTurns).
      return await this.writeTurns.run(
        `${shiftId}:${staffMemberId}`,
        () => this.judgeUnlocked(actor, shiftId, staffMemberId, source, options),
        () => this.write(actor, shiftId, staffMemberId, source, options),
      );
    } catch (error) {
      // What the database refused although the checks passed: a race the row locks did not cover.
      throw translateForUseCase(ASSIGN_USE_CASE, error);
    }
  }

  private write(
    actor: Actor,
    shiftId: string,
    staffMemberId: string,
    source: AssignmentSource,
    options: { overrideReason?: string; precheck?: (shift: LoadedShift) => void },
  ): Promise<AssignmentObject> {
    return this.transactions.run(async ({ manager, afterCommit }) => {
      // The person and the shift are read once, under their locks; every check below reads those rows.
      const eligibility = await this.eligibility.loadForWrite(manager, shiftId, staffMemberId);
      options.precheck?.(eligibility.shift);
      if (source === AssignmentSource.MANUAL) this.eligibility.assertRosterScope(actor, eligibility.shift);
      const evaluation = eligibility.evaluate(staffMemberId);
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
  }

  private async judgeUnlocked(
    actor: Actor,
    shiftId: string,
    staffMemberId: string,
    source: AssignmentSource,
    options: { overrideReason?: string; precheck?: (shift: LoadedShift) => void },
  ): Promise<void> {
    const eligibility = await this.eligibility.loadForRead(this.dataSource.manager, shiftId, [staffMemberId]);
    options.precheck?.(eligibility.shift);
    if (source === AssignmentSource.MANUAL) this.eligibility.assertRosterScope(actor, eligibility.shift);
    this.decide(actor, eligibility.evaluate(staffMemberId), options.overrideReason);
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
      // Locks the shift too (NO KEY UPDATE): the status change writes the shift's counter.
      const row = await this.assignments.lockWithPlacement(manager, assignmentId, 'NO KEY UPDATE');
      if (!row) throw new NotFoundError('Assignment', assignmentId);
      const shift = { eventId: row.eventId, venueId: row.venueId, teamId: row.teamId };
      if (who === 'self') {
        if (!holdsAssignment(rosterViewer(actor), { eventId: row.eventId, holderUserId: row.userId }))
          throw new ForbiddenError('Only the assigned person may answer this assignment');
      } else {
        this.eligibility.assertRosterScope(actor, shift);
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
