import { Injectable } from '@nestjs/common';
import { AuditService } from '@baton/audit';
import { Actor, Role } from '@baton/auth';
import { BadInputError, ConflictError, NotFoundError, RuleViolationError } from '@baton/core';
import { TransactionRunner } from '@baton/database';
import { ConnectionShape, LoaderRegistry, PageArgs, paginate } from '@baton/graphql';
import { UserDirectoryService } from '@baton/identity';
import { CoordinatorScope, WorkHistoryService, WorkTogether } from '@baton/rostering';
import { SkillService } from '@baton/skills';
import { DataSource, EntityManager, In } from 'typeorm';
import { AlumniSection, EndorsementRelation } from '../common/alumni-enums';
import { ConsentRequiredError } from '../common/alumni-errors';
import { maySeeOthers, profileAccess } from '../profile/profile-access';
import { endorsementVisibleSql } from '../profile/profile-access.sql';
import { ProfileByUserLoader } from '../profile/profile.loaders';
import { ProfileService } from '../profile/profile.service';
import { AlumniProfileSkillEntity } from '../profile/profile-sections.entity';
import { AlumniProfileEntity } from '../profile/profile.entity';
import { viewerFor } from '../profile/viewer';
import { AlumniEndorsementObject, EndorseAlumniSkillInput } from './dto/endorsement.dto';
import { endorsementSummary } from './endorsement-summary';
import { AlumniEndorsementEntity, EndorsementContext } from './endorsement.entity';

/**
 * Endorsements only between people the roster shows worked together: both attended the same
 * shifts, or one held a coordinator grant covering shifts the other attended (checked both
 * ways). Both must be members; the skill must be on the endorsee's profile and visible to the
 * endorser. Consent rows are read FOR SHARE, so a withdrawal cannot slip in between the check
 * and the insert.
 */
@Injectable()
export class EndorsementService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly profiles: ProfileService,
    private readonly users: UserDirectoryService,
    private readonly workHistory: WorkHistoryService,
    private readonly skills: SkillService,
  ) {}

  async endorse(actor: Actor, input: EndorseAlumniSkillInput): Promise<string> {
    if (input.userId === actor.userId) throw BadInputError.field('userId', 'You cannot endorse yourself', 'self');
    return this.transactions.run(async ({ manager }) => {
      await this.profiles.assertMember(manager, actor.userId);
      const consent = await manager.query<unknown[]>(`SELECT 1 FROM alumni_consents WHERE user_id = $1 AND withdrawn_at IS NULL FOR SHARE`, [input.userId]);
      const endorsee = await manager.getRepository(AlumniProfileEntity).findOneBy({ userId: input.userId });
      const viewer = actor.isAdmin ? ({ kind: 'ADMIN', userId: actor.userId } as const) : ({ kind: 'MEMBER', userId: actor.userId } as const);
      const access = endorsee ? profileAccess(viewer, { ...endorsee, consentActive: consent.length > 0, blockedOrganisations: [] }) : undefined;
      if (!endorsee || !access?.visible) throw new NotFoundError('AlumniProfile', input.userId);
      const skill = await manager.getRepository(AlumniProfileSkillEntity).findOneBy({ id: input.skillId, userId: input.userId });
      if (!skill || !access.sections.has(AlumniSection.SKILLS)) throw new NotFoundError('AlumniSkill', input.skillId);
      if (await manager.getRepository(AlumniEndorsementEntity).existsBy({ endorserId: actor.userId, profileSkillId: skill.id })) {
        throw new ConflictError('You already endorsed this skill', { constraint: 'alumni_endorsements_once_key', field: 'skillId' });
      }
      const { relation, together } = await this.relation(manager, actor.userId, input.userId);
      const context: EndorsementContext = { eventName: together.eventName, shifts: together.shifts, venues: together.venues };
      const repository = manager.getRepository(AlumniEndorsementEntity);
      const endorsement = await repository.save(
        repository.create({
          endorserId: actor.userId,
          endorseeId: input.userId,
          profileSkillId: skill.id,
          relation,
          eventId: together.eventId,
          context,
          comment: input.comment ?? null,
          hiddenAt: null,
        }),
      );
      await this.audit.record(manager, {
        actorUserId: actor.userId,
        action: 'alumni.endorsement_given',
        entityType: 'alumni_endorsement',
        entityId: endorsement.id,
        eventId: together.eventId,
        after: { endorseeId: input.userId, profileSkillId: skill.id, relation },
      });
      return endorsement.id;
    });
  }

  /** The strongest evidence first: shifts shared, then coordination either way. */
  private async relation(manager: EntityManager, endorserId: string, endorseeId: string): Promise<{ relation: EndorsementRelation; together: WorkTogether }> {
    const shared = await this.workHistory.sharedShifts(manager, endorserId, endorseeId);
    if (shared.length) return { relation: EndorsementRelation.SHARED_SHIFTS, together: shared[0] };
    const grants = await this.users.grantsOf(manager, [endorserId, endorseeId], Role.COORDINATOR);
    const scopes = (userId: string): CoordinatorScope[] =>
      (grants.get(userId) ?? []).flatMap((g) => (g.eventId ? [{ eventId: g.eventId, venueIds: g.venueIds, teamIds: g.teamIds }] : []));
    const coordinated = await this.workHistory.coveredShifts(manager, endorseeId, scopes(endorserId));
    if (coordinated.length) return { relation: EndorsementRelation.ENDORSER_COORDINATED, together: coordinated[0] };
    const coordinatedBy = await this.workHistory.coveredShifts(manager, endorserId, scopes(endorseeId));
    if (coordinatedBy.length) return { relation: EndorsementRelation.ENDORSEE_COORDINATED, together: coordinatedBy[0] };
    throw new RuleViolationError('You can only endorse someone you worked with: the roster shows no attended shift you shared or coordinated', [
      { rule: 'NEVER_WORKED_TOGETHER', message: 'No attended shift shared, and no coordinator grant covering the other’s attended shifts' },
    ]);
  }

  /** The endorsee hides (or shows again) an endorsement of their skill. */
  async setHidden(actor: Actor, id: string, hidden: boolean, at: Date): Promise<void> {
    await this.transactions.run(async ({ manager }) => {
      const endorsement = await manager.getRepository(AlumniEndorsementEntity).findOneBy({ id });
      if (!endorsement || endorsement.endorseeId !== actor.userId) throw new NotFoundError('AlumniEndorsement', id);
      if (!!endorsement.hiddenAt === hidden) return;
      await manager.getRepository(AlumniEndorsementEntity).update({ id }, { hiddenAt: hidden ? at : null });
      await this.audit.record(manager, {
        actorUserId: actor.userId,
        action: hidden ? 'alumni.endorsement_hidden' : 'alumni.endorsement_shown',
        entityType: 'alumni_endorsement',
        entityId: id,
      });
    });
  }

  /** The endorser takes an endorsement back. */
  async withdraw(actor: Actor, id: string): Promise<boolean> {
    return this.transactions.run(async ({ manager }) => {
      const endorsement = await manager.getRepository(AlumniEndorsementEntity).findOneBy({ id });
      if (!endorsement || endorsement.endorserId !== actor.userId) throw new NotFoundError('AlumniEndorsement', id);
      await manager.getRepository(AlumniEndorsementEntity).delete({ id });
      await this.audit.record(manager, {
        actorUserId: actor.userId,
        action: 'alumni.endorsement_withdrawn',
        entityType: 'alumni_endorsement',
        entityId: id,
        before: { endorseeId: endorsement.endorseeId, profileSkillId: endorsement.profileSkillId, relation: endorsement.relation },
      });
      return true;
    });
  }

  /** Endorsements of one person's skills this viewer may see, oldest first. */
  async list(actor: Actor, userId: string, page: PageArgs, loaders: LoaderRegistry, onlyId?: string): Promise<ConnectionShape<AlumniEndorsementObject>> {
    const viewer = await viewerFor(actor, loaders);
    if (userId !== actor.userId && !maySeeOthers(viewer)) throw new ConsentRequiredError('Join the alumni network to see its members');
    const endorsee = await loaders.get(ProfileByUserLoader).load(userId);
    const access = endorsee ? profileAccess(viewer, endorsee) : undefined;
    if (!access?.visible) throw new NotFoundError('AlumniProfile', userId);
    const query = this.dataSource
      .getRepository(AlumniEndorsementEntity)
      .createQueryBuilder('e')
      .innerJoin(AlumniProfileEntity, 'ep', 'ep.user_id = e.endorser_id')
      .where('e.endorseeId = :userId', { userId });
    if (!access.sections.has(AlumniSection.ENDORSEMENTS)) query.andWhere('FALSE');
    if (onlyId) query.andWhere('e.id = :onlyId', { onlyId });
    const visible = endorsementVisibleSql(viewer, 'e', 'ep');
    query.andWhere(visible.sql, visible.params);
    const result = await paginate(
      query,
      page,
      [
        { column: 'e.createdAt', value: (e) => e.createdAt.toISOString() },
        { column: 'e.id', value: (e) => e.id },
      ],
      (e) => e,
    );
    const rows = result.edges.map((e) => e.node);
    const skillRows = rows.length ? await this.dataSource.getRepository(AlumniProfileSkillEntity).findBy({ id: In(rows.map((r) => r.profileSkillId)) }) : [];
    const catalogue = new Map((await this.skills.findByIds(skillRows.flatMap((s) => (s.skillId ? [s.skillId] : [])))).map((s) => [s.id, s.name]));
    const skillNames = new Map(skillRows.map((s) => [s.id, (s.skillId ? catalogue.get(s.skillId) : s.name) ?? '']));
    const endorsers = await loaders.get(ProfileByUserLoader).loadMany(rows.map((r) => r.endorserId));
    const byId = new Map(endorsers.flatMap((p) => (p && !(p instanceof Error) ? [[p.userId, p] as const] : [])));
    return {
      ...result,
      edges: result.edges.map(({ cursor, node: e }) => {
        const endorser = byId.get(e.endorserId);
        return {
          cursor,
          node: {
            id: e.id,
            endorseeId: e.endorseeId,
            skill: { id: e.profileSkillId, name: skillNames.get(e.profileSkillId) ?? '' },
            endorser: {
              userId: e.endorserId,
              displayName: endorser?.displayName ?? '',
              profileVisible: endorser ? profileAccess(viewer, endorser).visible : false,
            },
            relation: e.relation,
            eventName: e.context.eventName,
            shifts: e.context.shifts,
            venues: e.context.venues,
            summary: endorsementSummary(e.relation, e.context),
            comment: e.comment,
            hidden: access.owner ? !!e.hiddenAt : null,
            createdAt: e.createdAt,
          },
        };
      }),
    };
  }
}
