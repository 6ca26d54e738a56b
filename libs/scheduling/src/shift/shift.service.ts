import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '@baton/audit';
import { Actor } from '@baton/auth';
import { BadInputError, ConflictError, updateChanges } from '@baton/core';
import { TransactionRunner, translateForUseCase } from '@baton/database';
import { PUB_SUB, type PubSubEngine } from '@baton/pubsub';
import { EntityManager, In } from 'typeorm';
import { CreateShiftInput, RequiredSkillInput, ShiftObject, ShiftPatternInput, ShiftPatternResultObject, UpdateShiftInput } from './dto/shift.dto';
import { ShiftChecks } from './shift-checks';
import { expandPattern } from './shift-pattern';
import { ShiftSkillEntity } from './shift-skill.entity';
import { ShiftEntity, ShiftStatus } from './shift.entity';
import { toShiftObject } from './shift.mapper';
import { distinctPlaces, SHIFTS_CHANGED, ShiftsChanged } from './shift-changes';

/** The use case under which libs register what their constraints mean when a shift's times change. */
export const MOVE_SHIFT_USE_CASE = 'scheduling.moveShift';

/** How many shifts of a pattern the mutation returns; `count` tells how many were made. */
const PATTERN_RESULT_SIZE = 50;

/**
 * Creating, changing and publishing shifts. Cancelling is started by rostering (it cancels the
 * assignments and tells the people) and written here, in the caller's transaction: `cancel`.
 */
@Injectable()
export class ShiftService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly checks: ShiftChecks,
    @Inject(PUB_SUB) private readonly pubSub: PubSubEngine,
  ) {}

  /**
   * Marks a shift cancelled inside the caller's unit of work (rostering's cancelShift, which has
   * locked the shift and checked its scope and status). Returns false when there was no such shift.
   */
  async cancel(manager: EntityManager, shiftId: string): Promise<boolean> {
    const result = await manager.getRepository(ShiftEntity).update({ id: shiftId }, { status: ShiftStatus.CANCELLED });
    return (result.affected ?? 0) > 0;
  }

  /** How many shifts are at a venue or of a team (events asks, through VenueTeamUsages, before removing one). */
  async countAt(manager: EntityManager, kind: 'venue' | 'team', id: string): Promise<number> {
    return manager.getRepository(ShiftEntity).countBy(kind === 'venue' ? { venueId: id } : { teamId: id });
  }

  async create(actor: Actor, input: CreateShiftInput): Promise<ShiftObject> {
    this.checks.assertCanManage(actor, input.eventId, input.venueId, input.teamId);
    this.checks.assertTimes(input.startsAt, input.endsAt);
    return this.transactions.run(async ({ manager }) => {
      await this.checks.venueOf(manager, input.eventId, input.venueId);
      await this.checks.assertTeam(manager, input.eventId, input.teamId);
      await this.checks.assertSkills(manager, input.requiredSkills);
      const repository = manager.getRepository(ShiftEntity);
      const shift = await repository.save(
        repository.create({
          eventId: input.eventId,
          venueId: input.venueId,
          teamId: input.teamId,
          roleTitle: input.roleTitle.trim(),
          startsAt: input.startsAt,
          endsAt: input.endsAt,
          headcount: input.headcount,
          notes: input.notes?.trim() || null,
          createdById: actor.userId,
        }),
      );
      await this.replaceSkills(manager, [shift.id], input.requiredSkills ?? []);
      const after = toShiftObject(shift);
      await this.audit.record(manager, {
        actorUserId: actor.userId,
        action: 'shift.created',
        entityType: 'shift',
        entityId: shift.id,
        eventId: shift.eventId,
        after: { ...after, requiredSkills: input.requiredSkills ?? [] },
      });
      return after;
    });
  }

  /**
   * Changes what is given. Times, venue and required skills change only while nobody is
   * assigned; the database still moves assignments with their shift (trigger) as a backstop.
   */
  async update(actor: Actor, id: string, given: UpdateShiftInput): Promise<ShiftObject> {
    // null clears the notes; on any other field it is refused (a shift always has them).
    const input = updateChanges(given, ['notes']);
    return this.transactions.run(async ({ manager, afterCommit }) => {
      const repository = manager.getRepository(ShiftEntity);
      const shift = await repository.createQueryBuilder('s').setLock('pessimistic_write').where('s.id = :id', { id }).getOne();
      this.checks.assertReadable(actor, shift, id);
      this.checks.assertCanManage(actor, shift.eventId, shift.venueId, shift.teamId);
      if (shift.status === ShiftStatus.CANCELLED) throw new ConflictError('A cancelled shift cannot be changed', { field: 'id', shiftId: id });
      const patch: Partial<ShiftEntity> = {};
      if (input.venueId !== undefined && input.venueId !== shift.venueId) patch.venueId = input.venueId;
      if (input.teamId !== undefined && input.teamId !== shift.teamId) patch.teamId = input.teamId;
      if (patch.venueId || patch.teamId) {
        this.checks.assertCanManage(actor, shift.eventId, patch.venueId ?? shift.venueId, patch.teamId ?? shift.teamId);
        if (patch.venueId) await this.checks.venueOf(manager, shift.eventId, patch.venueId);
        if (patch.teamId) await this.checks.assertTeam(manager, shift.eventId, patch.teamId);
      }
      if (input.roleTitle !== undefined) patch.roleTitle = input.roleTitle.trim();
      if (input.notes !== undefined) patch.notes = input.notes?.trim() || null;
      if (input.startsAt !== undefined) patch.startsAt = input.startsAt;
      if (input.endsAt !== undefined) patch.endsAt = input.endsAt;
      if (patch.startsAt || patch.endsAt) this.checks.assertTimes(patch.startsAt ?? shift.startsAt, patch.endsAt ?? shift.endsAt);
      if (input.headcount !== undefined) {
        // The row lock above holds activeCount still until the commit.
        if (input.headcount < shift.activeCount) {
          throw BadInputError.field(
            'headcount',
            `${shift.activeCount} people are assigned to this shift: unassign some before lowering the headcount to ${input.headcount}`,
            'belowAssigned',
          );
        }
        patch.headcount = input.headcount;
      }
      await this.checks.assertSkills(manager, input.requiredSkills);
      // Times, venue and required skills decide the working-time, accreditation and skill rules
      // of the people already assigned; the rules are not re-run here, so such a change waits
      // until nobody is on the shift (unassign them, or cancel it and create a new one).
      const reshapes = !!(patch.startsAt || patch.endsAt || patch.venueId || input.requiredSkills);
      if (reshapes && shift.activeCount > 0) {
        throw new ConflictError(`${shift.activeCount} people are assigned to this shift: unassign them before changing its times, venue or required skills`, {
          rule: 'SHIFT_HAS_ASSIGNMENTS',
          assigned: shift.activeCount,
        });
      }
      const before = toShiftObject(shift);
      if (Object.keys(patch).length) await this.applyPatch(manager, id, patch);
      if (input.requiredSkills) await this.replaceSkills(manager, [id], input.requiredSkills);
      const after = toShiftObject(await repository.findOneByOrFail({ id }));
      const boardMoved =
        after.headcount !== before.headcount ||
        after.startsAt.getTime() !== before.startsAt.getTime() ||
        after.endsAt.getTime() !== before.endsAt.getTime() ||
        after.venueId !== before.venueId ||
        after.teamId !== before.teamId ||
        after.roleTitle !== before.roleTitle;
      if (shift.status === ShiftStatus.PUBLISHED && boardMoved) afterCommit(() => this.changed(shift.eventId, [before, after]));
      await this.audit.record(manager, {
        actorUserId: actor.userId,
        action: 'shift.updated',
        entityType: 'shift',
        entityId: id,
        eventId: shift.eventId,
        before: { ...before },
        after: { ...after, ...(input.requiredSkills ? { requiredSkills: input.requiredSkills } : {}) },
      });
      return after;
    });
  }

  /** DRAFT shifts become PUBLISHED (staff see them); already published ones are left as they are. */
  async publish(actor: Actor, ids: string[]): Promise<ShiftObject[]> {
    const unique = [...new Set(ids)];
    return this.transactions.run(async ({ manager, afterCommit }) => {
      const repository = manager.getRepository(ShiftEntity);
      // Locked in id order so two overlapping publications cannot deadlock.
      const shifts = await repository
        .createQueryBuilder('s')
        .setLock('pessimistic_write')
        .where('s.id IN (:...ids)', { ids: unique })
        .orderBy('s.id')
        .getMany();
      const byId = new Map(shifts.map((s) => [s.id, s]));
      for (const id of unique) {
        const shift = byId.get(id) ?? null;
        this.checks.assertReadable(actor, shift, id);
        this.checks.assertCanManage(actor, shift.eventId, shift.venueId, shift.teamId);
      }
      const cancelled = shifts.filter((s) => s.status === ShiftStatus.CANCELLED).map((s) => s.id);
      if (cancelled.length) throw new ConflictError('A cancelled shift cannot be published', { field: 'ids', shiftIds: cancelled });
      const drafts = shifts.filter((s) => s.status === ShiftStatus.DRAFT);
      if (drafts.length) {
        await repository.update({ id: In(drafts.map((s) => s.id)) }, { status: ShiftStatus.PUBLISHED });
        for (const eventId of new Set(drafts.map((s) => s.eventId))) {
          afterCommit(() =>
            this.changed(
              eventId,
              drafts.filter((s) => s.eventId === eventId),
            ),
          );
        }
        for (const shift of drafts) {
          await this.audit.record(manager, {
            actorUserId: actor.userId,
            action: 'shift.published',
            entityType: 'shift',
            entityId: shift.id,
            eventId: shift.eventId,
            before: { status: ShiftStatus.DRAFT },
            after: { status: ShiftStatus.PUBLISHED },
          });
        }
      }
      const fresh = new Map((await repository.findBy({ id: In(unique) })).map((s) => [s.id, s]));
      return unique.map((id) => toShiftObject(fresh.get(id)!));
    });
  }

  /** One shift per selected local day at the venue, all or nothing, audited once. */
  async createFromPattern(actor: Actor, input: ShiftPatternInput): Promise<ShiftPatternResultObject> {
    this.checks.assertCanManage(actor, input.eventId, input.venueId, input.teamId);
    return this.transactions.run(async ({ manager, afterCommit }) => {
      const venue = await this.checks.venueOf(manager, input.eventId, input.venueId);
      await this.checks.assertTeam(manager, input.eventId, input.teamId);
      await this.checks.assertSkills(manager, input.requiredSkills);
      const occurrences = expandPattern({ ...input, timeZone: venue.timeZone });
      if (!occurrences.length) throw BadInputError.field('weekdays', 'No day of the range falls on these weekdays', 'noDay');
      const status = input.publish ? ShiftStatus.PUBLISHED : ShiftStatus.DRAFT;
      const repository = manager.getRepository(ShiftEntity);
      const inserted = await repository.insert(
        occurrences.map((o) => ({
          eventId: input.eventId,
          venueId: input.venueId,
          teamId: input.teamId,
          roleTitle: input.roleTitle.trim(),
          startsAt: o.startsAt,
          endsAt: o.endsAt,
          headcount: input.headcount,
          status,
          createdById: actor.userId,
        })),
      );
      const ids = inserted.identifiers.map((i) => i.id as string);
      if (status === ShiftStatus.PUBLISHED) afterCommit(() => this.changed(input.eventId, [input]));
      await this.replaceSkills(manager, ids, input.requiredSkills ?? []);
      const shifts = await repository.find({ where: { id: In(ids) }, order: { startsAt: 'ASC', id: 'ASC' }, take: PATTERN_RESULT_SIZE });
      await this.audit.record(manager, {
        actorUserId: actor.userId,
        action: 'shift.bulk_created',
        entityType: 'shift',
        eventId: input.eventId,
        after: { pattern: { ...input, timeZone: venue.timeZone }, count: ids.length, shiftIds: ids },
      });
      return { count: ids.length, shifts: shifts.map(toShiftObject) };
    });
  }

  private async changed(eventId: string, places: ReadonlyArray<{ venueId: string; teamId: string }>): Promise<void> {
    const message: ShiftsChanged = { eventId, places: distinctPlaces(places) };
    await this.pubSub.publish(SHIFTS_CHANGED, { [SHIFTS_CHANGED]: message });
  }

  private async applyPatch(manager: EntityManager, id: string, patch: Partial<ShiftEntity>): Promise<void> {
    try {
      await manager.getRepository(ShiftEntity).update({ id }, patch);
    } catch (error) {
      // The assignments keep their shift's times (a trigger): the libs owning their constraints say what a refusal means here.
      throw translateForUseCase(MOVE_SHIFT_USE_CASE, error);
    }
  }

  private async replaceSkills(manager: EntityManager, shiftIds: string[], skills: RequiredSkillInput[]): Promise<void> {
    const repository = manager.getRepository(ShiftSkillEntity);
    await repository.delete({ shiftId: In(shiftIds) });
    if (!skills.length) return;
    await repository.insert(shiftIds.flatMap((shiftId) => skills.map((s) => ({ shiftId, skillId: s.skillId, minLevel: s.minLevel }))));
  }
}
