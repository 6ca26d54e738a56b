import { Injectable } from '@nestjs/common';
import { Actor } from '@baton/auth';
import { LoaderFactory, pickInto } from '@baton/graphql';
import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { RoleGrantEntity } from '../grant/role-grant.entity';
import { toUserObject } from '../user/user.mapper';
import { UserObject } from '../user/user.object';
import { UserEntity } from '../user/user.entity';
import { IdentityPermission } from '../identity.permissions';

/**
 * Accounts by id for graph edges (who assigned, who invited, who acted). An account is personal
 * data: like `user(id)` it is seen by those who manage users, and like `me` by its owner; null
 * for everyone else. Two statements per batch: the accounts, then their grants.
 */
@Injectable()
export class UserLoader implements LoaderFactory<string, UserObject | null> {
  constructor(private readonly dataSource: DataSource) {}

  create(actor: Actor | undefined): DataLoader<string, UserObject | null> {
    const visible = (id: string) => !!actor && (actor.can(IdentityPermission.USERS_MANAGE) || id === actor.userId);
    return new DataLoader(async (ids: readonly string[]) => {
      const wanted = ids.filter(visible);
      if (!wanted.length) return ids.map(() => null);
      const users = await this.dataSource.getRepository(UserEntity).findBy({ id: In(wanted) });
      const grants = await this.dataSource.getRepository(RoleGrantEntity).find({ where: { userId: In(wanted) }, order: { createdAt: 'ASC' } });
      return pickInto(
        ids,
        users.map((u) =>
          toUserObject(
            u,
            grants.filter((g) => g.userId === u.id),
          ),
        ),
        (u) => u.id,
      );
    });
  }
}
