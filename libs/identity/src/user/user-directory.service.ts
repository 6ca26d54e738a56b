import { Injectable } from '@nestjs/common';
import { AuditService } from '@baton/audit';
import { Actor, Grant, Role } from '@baton/auth';
import { BadInputError, NotFoundError } from '@baton/core';
import { TransactionRunner } from '@baton/database';
import { PageArgs, paginate } from '@baton/graphql';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { GrantInput, normaliseGrant } from '../grant/grant-spec';
import { assertGrantTargets } from '../grant/grant-targets';
import { RoleGrantEntity } from '../grant/role-grant.entity';
import { ActorProfile, actorProfiles } from '../session/actor-profiles';
import { SessionService } from '../session/session.service';
import { toRoleGrantObject, toUserObject } from './user.mapper';
import { UserObject } from './user.object';
import { UserEntity, UserStatus } from './user.entity';

export interface AccountSummary {
  id: string;
  email: string;
  displayName: string;
  status: UserStatus;
}

/** People and their grants, as admins manage them. */
@Injectable()
export class UserDirectoryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly sessions: SessionService,
  ) {}

  async get(userId: string): Promise<UserObject> {
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id: userId });
    if (!user) throw new NotFoundError('User', userId);
    const grants = await this.dataSource.getRepository(RoleGrantEntity).find({ where: { userId }, order: { createdAt: 'ASC' } });
    return toUserObject(user, grants);
  }

  /** The profile with grants already known (the actor's, loaded by the guard): one query. */
  async getWithGrants(actor: Actor): Promise<UserObject> {
    const { userId, grants } = actor;
    // The actor's statement brought the row (and the cache drops both on any change of it); the
    // statement below is for an actor built elsewhere. Plain SQL: TypeORM's builder cost more than it.
    const [user] = actorProfiles.has(actor)
      ? [actorProfiles.get(actor)!]
      : await this.dataSource.query<ActorProfile[]>(
          `SELECT id, email, display_name AS "displayName", status, last_login_at AS "lastLoginAt", created_at AS "createdAt" FROM users WHERE id = $1`,
          [userId],
        );
    if (!user) throw new NotFoundError('User', userId);
    return {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      status: user.status,
      lastLoginAt: user.lastLoginAt,
      createdAt: user.createdAt,
      roles: grants.map((g) => ({ id: g.id, role: g.role, eventId: g.eventId, organisationId: g.organisationId, venueIds: g.venueIds, teamIds: g.teamIds })),
    };
  }

  /** Name and email of accounts, for other libs working inside their own transaction. */
  async accountsOf(manager: EntityManager, userIds: readonly string[]): Promise<AccountSummary[]> {
    if (!userIds.length) return [];
    const users = await manager.getRepository(UserEntity).find({ where: { id: In([...userIds]) } });
    return users.map((u) => ({ id: u.id, email: u.email, displayName: u.displayName, status: u.status }));
  }

  /** The grants of several people with one role (e.g. who coordinated what), grouped by user. */
  async grantsOf(manager: EntityManager, userIds: readonly string[], role: Role): Promise<Map<string, Grant[]>> {
    const result = new Map<string, Grant[]>(userIds.map((id) => [id, []]));
    if (!userIds.length) return result;
    const grants = await manager.getRepository(RoleGrantEntity).find({ where: { userId: In([...userIds]), role } });
    for (const g of grants) {
      result.get(g.userId)?.push({ id: g.id, role: g.role, eventId: g.eventId, organisationId: g.organisationId, venueIds: g.venueIds, teamIds: g.teamIds });
    }
    return result;
  }

  /**
   * Gives a role without scope (ALUMNUS) unless the person holds it already; audited. Used when
   * a person joins the alumni network, in that lib's transaction.
   */
  async ensureUnscopedRole(manager: EntityManager, actorUserId: string | null, userId: string, role: Role.ALUMNUS, reason: string): Promise<boolean> {
    const grants = manager.getRepository(RoleGrantEntity);
    if (await grants.existsBy({ userId, role, eventId: IsNull(), organisationId: IsNull() })) return false;
    const grant = await grants.save(grants.create({ userId, role, eventId: null, organisationId: null, venueIds: [], teamIds: [], grantedById: actorUserId }));
    await this.audit.record(manager, {
      actorUserId,
      action: 'user.role_granted',
      entityType: 'role_grant',
      entityId: grant.id,
      after: { userId, role },
      reason,
    });
    return true;
  }

  /** Removes every grant of an unscoped role (ALUMNUS) from a person; audited. */
  async removeUnscopedRole(manager: EntityManager, actorUserId: string | null, userId: string, role: Role.ALUMNUS, reason: string): Promise<number> {
    const grants = await manager.getRepository(RoleGrantEntity).find({ where: { userId, role } });
    if (!grants.length) return 0;
    await manager.getRepository(RoleGrantEntity).delete({ id: In(grants.map((g) => g.id)) });
    for (const grant of grants) {
      await this.audit.record(manager, {
        actorUserId,
        action: 'user.role_revoked',
        entityType: 'role_grant',
        entityId: grant.id,
        before: { userId, role },
        reason,
      });
    }
    return grants.length;
  }

  async list(page: PageArgs, search?: string, role?: Role) {
    const query = this.dataSource.getRepository(UserEntity).createQueryBuilder('u');
    if (search) {
      query.andWhere('(u.email ILIKE :search OR u.displayName ILIKE :search)', { search: `%${search.replace(/[%_\\]/g, '\\$&')}%` });
    }
    if (role) query.andWhere('EXISTS (SELECT 1 FROM role_grants g WHERE g.user_id = u.id AND g.role = :role)', { role });
    const result = await paginate(
      query,
      page,
      [
        { column: 'u.email', value: (u) => u.email },
        { column: 'u.id', value: (u) => u.id },
      ],
      (u) => u,
    );
    // Grants of the whole page in one query, not one per person.
    const ids = result.edges.map((e) => e.node.id);
    const grants = ids.length ? await this.dataSource.getRepository(RoleGrantEntity).find({ where: { userId: In(ids) }, order: { createdAt: 'ASC' } }) : [];
    return {
      ...result,
      edges: result.edges.map((e) => ({
        cursor: e.cursor,
        node: toUserObject(
          e.node,
          grants.filter((g) => g.userId === e.node.id),
        ),
      })),
    };
  }

  async grantRole(actor: Actor, userId: string, input: GrantInput) {
    const spec = normaliseGrant(input, 'grant');
    return this.transactions.run(async ({ manager }) => {
      const user = await manager.getRepository(UserEntity).findOneBy({ id: userId });
      if (!user) throw new NotFoundError('User', userId);
      await assertGrantTargets(manager, spec, 'grant');
      const grant = await manager
        .getRepository(RoleGrantEntity)
        .save(manager.getRepository(RoleGrantEntity).create({ ...spec, userId, grantedById: actor.userId }));
      await this.audit.record(manager, {
        actorUserId: actor.userId,
        action: 'user.role_granted',
        entityType: 'role_grant',
        entityId: grant.id,
        eventId: spec.eventId,
        after: { userId, ...spec },
      });
      return toRoleGrantObject(grant);
    });
  }

  async revokeRole(actor: Actor, grantId: string): Promise<boolean> {
    return this.transactions.run(async ({ manager }) => {
      const grant = await manager.getRepository(RoleGrantEntity).findOneBy({ id: grantId });
      if (!grant) throw new NotFoundError('Role grant', grantId);
      if (grant.userId === actor.userId && grant.role === Role.ADMIN) {
        throw BadInputError.field('grantId', 'You cannot remove your own admin role', 'self');
      }
      await manager.getRepository(RoleGrantEntity).delete({ id: grantId });
      await this.audit.record(manager, {
        actorUserId: actor.userId,
        action: 'user.role_revoked',
        entityType: 'role_grant',
        entityId: grant.id,
        eventId: grant.eventId,
        before: { ...grant },
      });
      return true;
    });
  }

  async setStatus(actor: Actor, userId: string, status: UserStatus): Promise<UserObject> {
    if (status === UserStatus.INVITED) throw BadInputError.field('status', 'Only ACTIVE or DISABLED can be set', 'enum');
    if (userId === actor.userId) throw BadInputError.field('userId', 'You cannot change your own status', 'self');
    await this.transactions.run(async ({ manager }) => {
      const user = await manager.getRepository(UserEntity).findOneBy({ id: userId });
      if (!user) throw new NotFoundError('User', userId);
      if (user.status === UserStatus.INVITED) throw BadInputError.field('userId', 'This person has not accepted their invitation yet', 'invited');
      await manager.getRepository(UserEntity).update({ id: userId }, { status });
      if (status === UserStatus.DISABLED) await this.sessions.revokeAllForUser(manager, userId, 'DISABLED');
      await this.audit.record(manager, {
        actorUserId: actor.userId,
        action: 'user.status_changed',
        entityType: 'user',
        entityId: userId,
        before: { status: user.status },
        after: { status },
      });
    });
    return this.get(userId);
  }
}
