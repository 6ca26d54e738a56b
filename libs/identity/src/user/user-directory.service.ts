import { Injectable } from '@nestjs/common';
import { AuditService } from '@baton/audit';
import { Actor, Grant, Role } from '@baton/auth';
import { BadInputError, NotFoundError } from '@baton/core';
import { TransactionRunner } from '@baton/database';
import { PageArgs, paginate } from '@baton/graphql';
import { DataSource, In } from 'typeorm';
import { GrantInput, normaliseGrant } from '../grant/grant-spec';
import { assertGrantTargets } from '../grant/grant-targets';
import { RoleGrantEntity } from '../grant/role-grant.entity';
import { SessionService } from '../session/session.service';
import { toRoleGrantObject, toUserObject } from './user.mapper';
import { UserObject } from './user.object';
import { UserEntity, UserStatus } from './user.entity';

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
  async getWithGrants(userId: string, grants: readonly Grant[]): Promise<UserObject> {
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id: userId });
    if (!user) throw new NotFoundError('User', userId);
    return {
      ...toUserObject(user, []),
      roles: grants.map((g) => ({ id: g.id, role: g.role, eventId: g.eventId, organisationId: g.organisationId, venueIds: g.venueIds, teamIds: g.teamIds })),
    };
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
