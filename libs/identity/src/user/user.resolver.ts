import { ParseUUIDPipe } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor, Allow, CurrentActor, Permission, Role } from '@baton/auth';
import { Connection, PageArgs } from '@baton/graphql';
import { GrantInput } from '../grant/grant-spec';
import { UserDirectoryService } from './user-directory.service';
import { RoleGrantObject, UserObject } from './user.object';
import { UserStatus } from './user.entity';

const UserConnection = Connection(UserObject, 'User');

@Resolver(() => UserObject)
export class UserResolver {
  constructor(private readonly users: UserDirectoryService) {}

  @Query(() => UserConnection, { name: 'users', description: 'Every account, by email (admins)' })
  @Allow(Permission.USERS_MANAGE)
  usersQuery(@Args() page: PageArgs, @Args('search', { nullable: true }) search?: string, @Args('role', { type: () => Role, nullable: true }) role?: Role) {
    return this.users.list(page, search, role);
  }

  @Query(() => UserObject)
  @Allow(Permission.USERS_MANAGE)
  user(@Args('id', { type: () => ID }, ParseUUIDPipe) id: string) {
    return this.users.get(id);
  }

  @Mutation(() => RoleGrantObject)
  @Allow(Permission.USERS_MANAGE)
  grantRole(@CurrentActor() actor: Actor, @Args('userId', { type: () => ID }, ParseUUIDPipe) userId: string, @Args('grant') grant: GrantInput) {
    return this.users.grantRole(actor, userId, grant);
  }

  @Mutation(() => Boolean)
  @Allow(Permission.USERS_MANAGE)
  revokeRole(@CurrentActor() actor: Actor, @Args('grantId', { type: () => ID }, ParseUUIDPipe) grantId: string) {
    return this.users.revokeRole(actor, grantId);
  }

  @Mutation(() => UserObject, { description: 'Disable (ends every session at once) or re-enable an account' })
  @Allow(Permission.USERS_MANAGE)
  setUserStatus(
    @CurrentActor() actor: Actor,
    @Args('userId', { type: () => ID }, ParseUUIDPipe) userId: string,
    @Args('status', { type: () => UserStatus }) status: UserStatus,
  ) {
    return this.users.setStatus(actor, userId, status);
  }
}
