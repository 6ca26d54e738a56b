import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor, Allow, CurrentActor, Role } from '@baton/auth';
import { Connection, PageArgs, ParseIdPipe } from '@baton/graphql';
import { GrantInput } from '../grant/grant-spec';
import { UserDirectoryService } from './user-directory.service';
import { RoleGrantObject, UserObject } from './user.object';
import { UserStatus } from './user.entity';
import { IdentityPermission } from '../identity.permissions';

const UserConnection = Connection(UserObject, 'User');

@Resolver(() => UserObject)
export class UserResolver {
  constructor(private readonly users: UserDirectoryService) {}

  @Query(() => UserConnection, { name: 'users', description: 'Every account, by email (admins)' })
  @Allow(IdentityPermission.USERS_MANAGE)
  usersQuery(
    @Args() page: PageArgs,
    @Args('search', { nullable: true, description: 'Part of the email or name, any case' }) search?: string,
    @Args('role', { type: () => Role, nullable: true, description: 'Only people holding this role' }) role?: Role,
  ) {
    return this.users.list(page, search, role);
  }

  @Query(() => UserObject, { description: 'One account, with its roles (admins)' })
  @Allow(IdentityPermission.USERS_MANAGE)
  user(@Args('id', { type: () => ID, description: 'The account' }, ParseIdPipe) id: string) {
    return this.users.get(id);
  }

  @Mutation(() => RoleGrantObject, { description: 'Give an account one more role (admins); audited' })
  @Allow(IdentityPermission.USERS_MANAGE)
  grantRole(
    @CurrentActor() actor: Actor,
    @Args('userId', { type: () => ID, description: 'The account' }, ParseIdPipe) userId: string,
    @Args('grant', { description: 'The role and where it applies' }) grant: GrantInput,
  ) {
    return this.users.grantRole(actor, userId, grant);
  }

  @Mutation(() => Boolean, { description: 'Take a role away (admins; not your own ADMIN role); audited. Always true' })
  @Allow(IdentityPermission.USERS_MANAGE)
  revokeRole(@CurrentActor() actor: Actor, @Args('grantId', { type: () => ID, description: 'The grant (RoleGrant.id)' }, ParseIdPipe) grantId: string) {
    return this.users.revokeRole(actor, grantId);
  }

  @Mutation(() => UserObject, { description: 'Disable (ends every session at once) or re-enable an account' })
  @Allow(IdentityPermission.USERS_MANAGE)
  setUserStatus(
    @CurrentActor() actor: Actor,
    @Args('userId', { type: () => ID, description: 'The account (not your own)' }, ParseIdPipe) userId: string,
    @Args('status', { type: () => UserStatus, description: 'ACTIVE or DISABLED' }) status: UserStatus,
  ) {
    return this.users.setStatus(actor, userId, status);
  }
}
