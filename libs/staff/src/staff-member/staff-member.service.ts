import { Injectable } from '@nestjs/common';
import { AuditService } from '@baton/audit';
import { Actor } from '@baton/auth';
import { BadInputError, ConflictError, FieldProblem, ForbiddenError, NotFoundError, updateChanges } from '@baton/core';
import { TransactionRunner } from '@baton/database';
import { EventEntity, TeamEntity, VenueEntity } from '@baton/events';
import { UserEntity } from '@baton/identity';
import { OrganisationEntity } from '@baton/organisations';
import { SkillEntity } from '@baton/skills';
import { EntityManager, In, Not } from 'typeorm';
import { StaffMemberObject } from './dto/staff-member.object';
import { CreateStaffMemberInput, StaffSkillInput, UpdateStaffMemberInput } from './dto/staff-member.input';
import { StaffMemberEntity } from './staff-member.entity';
import { contactChanges, toAuditState, toStaffMemberObject } from './staff-member.mapper';
import { StaffScopeService } from './staff-scope.service';
import { StaffSkillEntity } from './staff-skill.entity';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** What null clears in an update; null on any other field is refused (see updateChanges). */
const CLEARABLE: ReadonlyArray<keyof UpdateStaffMemberInput> = ['teamId', 'homeVenueId', 'email', 'phone', 'externalRef'];

/** Creating and changing staff members: scope, references, audit, in one transaction each. */
@Injectable()
export class StaffMemberService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly scope: StaffScopeService,
  ) {}

  async create(actor: Actor, input: CreateStaffMemberInput): Promise<StaffMemberObject> {
    const placement = { userId: null, teamId: input.teamId ?? null, homeVenueId: input.homeVenueId ?? null };
    this.scope.assertPlacementAllowed(actor, input.eventId, placement);
    return this.transactions.run(async ({ manager }) => {
      if (!(await manager.getRepository(EventEntity).existsBy({ id: input.eventId }))) throw new NotFoundError('Event', input.eventId);
      await assertReferences(manager, input.eventId, input);
      const repository = manager.getRepository(StaffMemberEntity);
      const member = await repository.save(
        repository.create({
          eventId: input.eventId,
          userId: null,
          organisationId: input.organisationId,
          teamId: placement.teamId,
          homeVenueId: placement.homeVenueId,
          displayName: input.displayName,
          email: input.email ?? null,
          phone: input.phone ?? null,
          employmentType: input.employmentType,
          languages: dedupe(input.languages ?? []),
          accreditationZones: dedupe(input.accreditationZones ?? []),
          accreditationStatus: input.accreditationStatus,
          externalRef: input.externalRef ?? null,
        }),
      );
      await this.audit.record(manager, {
        actorUserId: actor.userId,
        action: 'staff_member.created',
        entityType: 'staff_member',
        entityId: member.id,
        eventId: member.eventId,
        after: { ...toAuditState(member), contactChanged: contactChanges(null, member) },
      });
      return toStaffMemberObject(member, this.scope.showContact(actor, member));
    });
  }

  async update(actor: Actor, id: string, input: UpdateStaffMemberInput): Promise<StaffMemberObject> {
    const changes = updateChanges(input, CLEARABLE);
    return this.transactions.run(async ({ manager }) => {
      const member = await lockMember(manager, id);
      this.scope.assertManages(actor, member);
      const before = { ...member };
      Object.assign(member, changes);
      if (changes.languages) member.languages = dedupe(changes.languages);
      if (changes.accreditationZones) member.accreditationZones = dedupe(changes.accreditationZones);
      // Moving someone is allowed only to a place the actor also covers.
      if (changes.teamId !== undefined || changes.homeVenueId !== undefined) {
        this.scope.assertPlacementAllowed(actor, member.eventId, member);
      }
      await assertReferences(manager, member.eventId, {
        organisationId: changes.organisationId ?? undefined,
        teamId: changes.teamId ?? undefined,
        homeVenueId: changes.homeVenueId ?? undefined,
      });
      const saved = await manager.getRepository(StaffMemberEntity).save(member);
      await this.audit.record(manager, {
        actorUserId: actor.userId,
        action: 'staff_member.updated',
        entityType: 'staff_member',
        entityId: id,
        eventId: saved.eventId,
        before: toAuditState(before),
        after: { ...toAuditState(saved), contactChanged: contactChanges(before, saved) },
      });
      return toStaffMemberObject(saved, this.scope.showContact(actor, saved));
    });
  }

  /** Replaces the whole set of skills (an empty list removes them all). */
  async setSkills(actor: Actor, staffMemberId: string, skills: StaffSkillInput[]): Promise<StaffMemberObject> {
    assertSkillList(skills);
    return this.transactions.run(async ({ manager }) => {
      const member = await lockMember(manager, staffMemberId);
      this.scope.assertManages(actor, member);
      const skillIds = skills.map((s) => s.skillId);
      const known = skillIds.length ? await manager.getRepository(SkillEntity).find({ select: { id: true }, where: { id: In(skillIds) } }) : [];
      const knownIds = new Set(known.map((s) => s.id));
      const unknown = skills.map((s, i) => ({ s, i })).filter(({ s }) => !knownIds.has(s.skillId));
      if (unknown.length)
        throw new BadInputError(
          'Unknown skill',
          unknown.map(({ i }) => ({ field: `skills.${i}.skillId`, message: 'No such skill', constraint: 'exists' })),
        );
      const repository = manager.getRepository(StaffSkillEntity);
      const previous = await repository.find({ where: { staffMemberId }, order: { skillId: 'ASC' } });
      await repository.delete({ staffMemberId });
      if (skills.length) await repository.insert(skills.map((s) => ({ staffMemberId, skillId: s.skillId, level: s.level })));
      await this.audit.record(manager, {
        actorUserId: actor.userId,
        action: 'staff_member.skills_set',
        entityType: 'staff_member',
        entityId: staffMemberId,
        eventId: member.eventId,
        before: { skills: previous.map((s) => ({ skillId: s.skillId, level: s.level })) },
        after: { skills: [...skills].sort((a, b) => a.skillId.localeCompare(b.skillId)).map((s) => ({ skillId: s.skillId, level: s.level })) },
      });
      return toStaffMemberObject(member, this.scope.showContact(actor, member));
    });
  }

  /**
   * Admins only: tying a record to an account gives that account the person's data, and makes
   * the record one more of that person's (the rules then read all of them together). Refused
   * with CONFLICT when the person would end up on two overlapping active shifts.
   */
  async linkUser(actor: Actor, staffMemberId: string, userId: string): Promise<StaffMemberObject> {
    if (!actor.isAdmin) throw new ForbiddenError('Only an admin may link a staff member to an account');
    return this.transactions.run(async ({ manager }) => {
      // The person's records in id order, as `assign` locks them: neither waits for the other in a cycle.
      await manager.query(`SELECT id FROM staff_members WHERE id = $1 OR user_id = $2 ORDER BY id FOR UPDATE`, [staffMemberId, userId]);
      const member = await lockMember(manager, staffMemberId);
      if (!(await manager.getRepository(UserEntity).existsBy({ id: userId }))) throw BadInputError.field('userId', 'No such user', 'exists');
      const taken = await manager.getRepository(StaffMemberEntity).existsBy({ eventId: member.eventId, userId, id: Not(staffMemberId) });
      if (taken)
        throw new ConflictError('This person already has a staff record in this event', { constraint: 'staff_members_event_user_key', field: 'userId' });
      const clashes = await overlapsWithPerson(manager, staffMemberId, userId);
      if (clashes.length) throw overlapConflict(clashes);
      const before = member.userId;
      try {
        // A trigger moves the record's assignments to the person; the exclusion constraint stands behind the check above.
        await manager.getRepository(StaffMemberEntity).update({ id: staffMemberId }, { userId });
      } catch (error) {
        if ((error as { driverError?: { constraint?: string } }).driverError?.constraint === PERSON_OVERLAP) throw overlapConflict([]);
        throw error;
      }
      await this.audit.record(manager, {
        actorUserId: actor.userId,
        action: 'staff_member.user_linked',
        entityType: 'staff_member',
        entityId: staffMemberId,
        eventId: member.eventId,
        before: { userId: before },
        after: { userId },
      });
      return toStaffMemberObject(await manager.getRepository(StaffMemberEntity).findOneByOrFail({ id: staffMemberId }), true);
    });
  }
}

/** The database's guard against one person on two overlapping shifts across their records. */
const PERSON_OVERLAP = 'assignments_person_no_overlap';

interface Clash {
  shift_id: string;
  other_shift_id: string;
  other_event_id: string;
}

/**
 * Active assignments of this record that overlap an active assignment of the account's other
 * records. Plain SQL on the rostering tables: staff sits below rostering and cannot import it.
 */
async function overlapsWithPerson(manager: EntityManager, staffMemberId: string, userId: string): Promise<Clash[]> {
  return manager.query<Clash[]>(
    `SELECT a.shift_id, b.shift_id AS other_shift_id, b.event_id AS other_event_id
       FROM assignments a
       JOIN assignments b ON b.user_id = $2 AND b.staff_member_id <> a.staff_member_id AND b.status IN ('ASSIGNED', 'CONFIRMED')
        AND tstzrange(b.starts_at, b.ends_at) && tstzrange(a.starts_at, a.ends_at)
      WHERE a.staff_member_id = $1 AND a.status IN ('ASSIGNED', 'CONFIRMED')
      ORDER BY a.starts_at LIMIT 20`,
    [staffMemberId, userId],
  );
}

function overlapConflict(clashes: Clash[]): ConflictError {
  return new ConflictError('This account already works shifts that overlap shifts of this staff record: cancel one of each pair before linking', {
    constraint: PERSON_OVERLAP,
    field: 'userId',
    ...(clashes.length ? { overlaps: clashes.map((c) => ({ shiftId: c.shift_id, otherShiftId: c.other_shift_id, otherEventId: c.other_event_id })) } : {}),
  });
}

async function lockMember(manager: EntityManager, id: string): Promise<StaffMemberEntity> {
  const member = await manager.getRepository(StaffMemberEntity).createQueryBuilder('s').setLock('pessimistic_write').where('s.id = :id', { id }).getOne();
  if (!member) throw new NotFoundError('StaffMember', id);
  return member;
}

/** The organisation must exist; the team and home venue must exist and be of the same event. */
async function assertReferences(
  manager: EntityManager,
  eventId: string,
  refs: { organisationId?: string; teamId?: string | null; homeVenueId?: string | null },
): Promise<void> {
  const problems: FieldProblem[] = [];
  if (refs.organisationId && !(await manager.getRepository(OrganisationEntity).existsBy({ id: refs.organisationId }))) {
    problems.push({ field: 'organisationId', message: 'No such organisation', constraint: 'exists' });
  }
  if (refs.teamId && !(await manager.getRepository(TeamEntity).existsBy({ id: refs.teamId, eventId }))) {
    problems.push({ field: 'teamId', message: 'No such team in this event', constraint: 'sameEvent' });
  }
  if (refs.homeVenueId && !(await manager.getRepository(VenueEntity).existsBy({ id: refs.homeVenueId, eventId }))) {
    problems.push({ field: 'homeVenueId', message: 'No such venue in this event', constraint: 'sameEvent' });
  }
  if (problems.length) throw new BadInputError(problems.length === 1 ? problems[0].message : `${problems.length} fields are invalid`, problems);
}

function assertSkillList(skills: StaffSkillInput[]): void {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  skills.forEach((s, i) => {
    if (!UUID.test(s.skillId)) problems.push({ field: `skills.${i}.skillId`, message: 'skillId must be a UUID', constraint: 'isUuid' });
    else if (seen.has(s.skillId)) problems.push({ field: `skills.${i}.skillId`, message: 'This skill is listed twice', constraint: 'unique' });
    seen.add(s.skillId);
    if (!Number.isInteger(s.level) || s.level < 1 || s.level > 4)
      problems.push({ field: `skills.${i}.level`, message: 'level must be 1 to 4', constraint: 'range' });
  });
  if (skills.length > 100) problems.push({ field: 'skills', message: 'At most 100 skills', constraint: 'arrayMaxSize' });
  if (problems.length) throw new BadInputError(problems.length === 1 ? problems[0].message : `${problems.length} fields are invalid`, problems);
}

const dedupe = (values: string[]): string[] => [...new Set(values)];
