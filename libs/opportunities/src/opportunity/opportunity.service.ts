import { Injectable } from '@nestjs/common';
import { AlumniConsentEntity } from '@baton/alumni';
import { AuditService } from '@baton/audit';
import { Actor, Role } from '@baton/auth';
import { BadInputError, Clock, FieldProblem, ForbiddenError, NotFoundError, updateChanges } from '@baton/core';
import { TransactionRunner } from '@baton/database';
import { EntityManager, IsNull } from 'typeorm';
import { OpportunityKind, OpportunityStatus, WorkMode } from '../common/opportunity-enums';
import { CreateOpportunityInput, OpportunityLanguageInput, OpportunitySkillInput, UpdateOpportunityInput } from './dto/opportunity.input';
import { OpportunityObject } from './dto/opportunity.object';
import { managesOpportunity, recruiterOrganisations, seesOpportunity } from './opportunity-access';
import { OpportunityEntity, OpportunityLanguageEntity, OpportunitySkillEntity } from './opportunity.entity';
import { OpportunityStatusError } from './opportunity.errors';
import { toOpportunityObject } from './opportunity.mapper';

/** Longest an opportunity may stay open: a stale offer misleads people. */
const MAX_OPEN_DAYS = 366;

/** Writing opportunities: create (as DRAFT), update, publish, close. Every change is audited. */
@Injectable()
export class OpportunityService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async create(actor: Actor, input: CreateOpportunityInput): Promise<OpportunityObject> {
    const now = this.clock.now();
    checkLists(input.skills, input.languages);
    checkExpiry(input.expiresAt, now, 'expiresAt');
    checkLocation(input.workMode, input.city ?? null);
    return this.transactions.run(async ({ manager }) => {
      const kind = await this.kindFor(manager, actor, input.organisationId);
      const repository = manager.getRepository(OpportunityEntity);
      const saved = await repository.save(
        repository.create({
          kind,
          organisationId: input.organisationId,
          authorId: actor.userId,
          title: input.title.trim(),
          description: input.description.trim(),
          city: input.city?.trim() ?? null,
          country: input.country,
          workMode: input.workMode,
          contractType: input.contractType,
          sportSector: input.sportSector ?? false,
          eventId: input.eventId ?? null,
          teamCodes: [...new Set(input.teamCodes ?? [])],
          expiresAt: input.expiresAt,
          status: OpportunityStatus.DRAFT,
          publishedAt: null,
          closedAt: null,
        }),
      );
      await replaceLists(manager, saved.id, input.skills, input.languages);
      await this.audit.record(manager, {
        actorUserId: actor.userId,
        action: 'opportunity.created',
        entityType: 'opportunity',
        entityId: saved.id,
        after: { kind, organisationId: saved.organisationId, title: saved.title, status: saved.status },
      });
      return toOpportunityObject(saved, actor, now);
    });
  }

  async update(actor: Actor, id: string, input: UpdateOpportunityInput): Promise<OpportunityObject> {
    const changes = updateChanges(input, ['city', 'eventId']);
    const now = this.clock.now();
    checkLists(input.skills, input.languages);
    if (changes.expiresAt) checkExpiry(changes.expiresAt, now, 'expiresAt');
    return this.transactions.run(async ({ manager }) => {
      const o = await this.lockManaged(manager, actor, id, now);
      if (o.status !== OpportunityStatus.DRAFT && o.status !== OpportunityStatus.OPEN) {
        throw new OpportunityStatusError(o.status, 'EDITED', `A ${o.status.toLowerCase()} opportunity can no longer be changed`);
      }
      const { skills, languages, ...columns } = changes;
      Object.assign(o, columns);
      if (columns.teamCodes) o.teamCodes = [...new Set(columns.teamCodes)];
      checkLocation(o.workMode, o.city);
      const saved = await manager.getRepository(OpportunityEntity).save(o);
      await replaceLists(manager, id, skills, languages);
      await this.audit.record(manager, {
        actorUserId: actor.userId,
        action: 'opportunity.updated',
        entityType: 'opportunity',
        entityId: id,
        after: { fields: Object.keys(changes) },
      });
      return toOpportunityObject(saved, actor, now);
    });
  }

  async publish(actor: Actor, id: string): Promise<OpportunityObject> {
    const now = this.clock.now();
    return this.move(actor, id, OpportunityStatus.OPEN, (o) => {
      if (o.status !== OpportunityStatus.DRAFT) throw new OpportunityStatusError(o.status, OpportunityStatus.OPEN, 'Only a draft can be published');
      if (o.expiresAt <= now) {
        throw new OpportunityStatusError(o.status, OpportunityStatus.OPEN, 'Its expiry date has passed: set a new expiresAt before publishing');
      }
      o.publishedAt = now;
    });
  }

  async close(actor: Actor, id: string): Promise<OpportunityObject> {
    const now = this.clock.now();
    return this.move(actor, id, OpportunityStatus.CLOSED, (o) => {
      if (o.status !== OpportunityStatus.OPEN) throw new OpportunityStatusError(o.status, OpportunityStatus.CLOSED, 'Only an open opportunity can be closed');
      o.closedAt = now;
    });
  }

  private move(actor: Actor, id: string, to: OpportunityStatus, prepare: (o: OpportunityEntity) => void): Promise<OpportunityObject> {
    const now = this.clock.now();
    return this.transactions.run(async ({ manager }) => {
      const o = await this.lockManaged(manager, actor, id, now);
      const from = o.status;
      prepare(o);
      o.status = to;
      const saved = await manager.getRepository(OpportunityEntity).save(o);
      await this.audit.record(manager, {
        actorUserId: actor.userId,
        action: to === OpportunityStatus.OPEN ? 'opportunity.published' : 'opportunity.closed',
        entityType: 'opportunity',
        entityId: id,
        before: { status: from },
        after: { status: to },
      });
      return toOpportunityObject(saved, actor, now);
    });
  }

  /**
   * The row, locked, if this actor manages it. Not seen at all: NOT_FOUND (its existence is not
   * confirmed); seen but someone else's: FORBIDDEN.
   */
  private async lockManaged(manager: EntityManager, actor: Actor, id: string, now: Date): Promise<OpportunityEntity> {
    const o = await manager.getRepository(OpportunityEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!o || !seesOpportunity(actor, o, now)) throw new NotFoundError('Opportunity', id);
    if (!managesOpportunity(actor, o)) {
      throw new ForbiddenError(
        o.kind === OpportunityKind.REFERRAL ? 'A referral is managed by its author only' : "Only the organisation's recruiters manage this opportunity",
        { opportunityId: id },
      );
    }
    return o;
  }

  /**
   * A recruiter (or an admin) posting for their organisation makes a POSTING; a member of the
   * alumni network writing about another organisation makes a REFERRAL; anyone else is refused.
   */
  private async kindFor(manager: EntityManager, actor: Actor, organisationId: string): Promise<OpportunityKind> {
    if (actor.isAdmin || recruiterOrganisations(actor).has(organisationId)) return OpportunityKind.POSTING;
    if (actor.hasRole(Role.ALUMNUS)) {
      const member = await manager.getRepository(AlumniConsentEntity).exists({ where: { userId: actor.userId, withdrawnAt: IsNull() } });
      if (member) return OpportunityKind.REFERRAL;
    }
    throw new ForbiddenError(
      actor.hasRole(Role.RECRUITER) ? 'You post only for your own organisation' : 'Only recruiters and members of the alumni network post opportunities',
      { organisationId },
    );
  }
}

function checkLists(skills?: OpportunitySkillInput[], languages?: OpportunityLanguageInput[]): void {
  const problems: FieldProblem[] = [];
  const twice = <T>(items: T[] | undefined, key: (item: T) => string, field: string, what: string) => {
    const seen = new Set<string>();
    items?.forEach((item, i) => {
      if (seen.has(key(item))) problems.push({ field: `${field}.${i}`, message: `This ${what} is listed twice`, constraint: 'unique' });
      seen.add(key(item));
    });
  };
  twice(skills, (s) => s.skillId, 'skills', 'skill');
  twice(languages, (l) => l.code, 'languages', 'language');
  if (problems.length) throw new BadInputError(problems[0].message, problems);
}

function checkExpiry(expiresAt: Date, now: Date, field: string): void {
  if (expiresAt <= now) throw BadInputError.field(field, 'The expiry date must be in the future', 'future');
  if (expiresAt.getTime() - now.getTime() > MAX_OPEN_DAYS * 86_400_000) {
    throw BadInputError.field(field, `The expiry date may be at most ${MAX_OPEN_DAYS} days ahead`, 'maxAhead');
  }
}

function checkLocation(workMode: WorkMode, city: string | null): void {
  if (workMode !== WorkMode.REMOTE && !city) throw BadInputError.field('city', 'A city is required unless the work is REMOTE', 'required');
}

async function replaceLists(manager: EntityManager, id: string, skills?: OpportunitySkillInput[], languages?: OpportunityLanguageInput[]): Promise<void> {
  if (skills) {
    await manager.delete(OpportunitySkillEntity, { opportunityId: id });
    if (skills.length)
      await manager.insert(
        OpportunitySkillEntity,
        skills.map((s, position) => ({ opportunityId: id, skillId: s.skillId, level: s.level, position })),
      );
  }
  if (languages) {
    await manager.delete(OpportunityLanguageEntity, { opportunityId: id });
    if (languages.length) {
      await manager.insert(
        OpportunityLanguageEntity,
        languages.map((l, position) => ({ opportunityId: id, code: l.code, level: l.level, position })),
      );
    }
  }
}
