import { UseGuards } from '@nestjs/common';
import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthPermission, Actor, Allow, CurrentActor, Public } from '@baton/auth';
import { GraphqlContext } from '@baton/graphql';
import { AuthPayloadObject, ChangePasswordInput, LoginInput, RefreshTokenInput, RequestPasswordResetInput, ResetPasswordInput } from '../dto/auth.dto';
import { TransactionRunner } from '@baton/database';
import { IssuedSession, SessionService } from '../session/session.service';
import { UserDirectoryService } from '../user/user-directory.service';
import { UserObject } from '../user/user.object';
import { UserEntity } from '../user/user.entity';
import { AccountService } from './account.service';
import { GqlLocalAuthGuard } from './local-auth.guard';

export function clientOf(context: GraphqlContext) {
  const userAgent = context.req.headers['user-agent'];
  return { ipAddress: context.req.ip, userAgent: typeof userAgent === 'string' ? userAgent : undefined };
}

@Resolver()
export class AuthResolver {
  constructor(
    private readonly sessions: SessionService,
    private readonly accounts: AccountService,
    private readonly users: UserDirectoryService,
    private readonly transactions: TransactionRunner,
  ) {}

  @Mutation(() => AuthPayloadObject, { description: 'Sign in with email and password. At most once per request; throttled.' })
  @Public()
  @UseGuards(GqlLocalAuthGuard)
  async login(
    @Args('input', { description: 'Email and password' }) _input: LoginInput,
    @Context() context: GraphqlContext & { loginRequest: { user: UserEntity } },
  ) {
    const user = context.loginRequest.user;
    const session = await this.transactions.run(({ manager }) => this.sessions.issue(manager, user.id, clientOf(context)));
    return this.payload(session);
  }

  @Mutation(() => AuthPayloadObject, { description: 'Trade a refresh token for a new pair. Each refresh token works once.' })
  @Public()
  async refreshToken(@Args('input', { description: 'The refresh token' }) input: RefreshTokenInput, @Context() context: GraphqlContext) {
    return this.payload(await this.sessions.refresh(input.refreshToken, clientOf(context)));
  }

  @Mutation(() => Boolean, { description: 'End this session: its refresh token and access token stop working.' })
  @Allow(AuthPermission.AUTHENTICATED)
  async logout(@CurrentActor() actor: Actor) {
    if (actor.sessionFamilyId) await this.sessions.logout(actor.sessionFamilyId);
    return true;
  }

  @Query(() => UserObject, { description: 'The signed-in person with their roles' })
  @Allow(AuthPermission.AUTHENTICATED)
  me(@CurrentActor() actor: Actor) {
    // The guard loaded grants and profile a moment ago with the session check (or holds them cached).
    return this.users.getWithGrants(actor);
  }

  @Mutation(() => AuthPayloadObject, { description: 'Ends every session and returns a new one for this device' })
  @Allow(AuthPermission.AUTHENTICATED)
  async changePassword(
    @CurrentActor() actor: Actor,
    @Args('input', { description: 'Current and new password' }) input: ChangePasswordInput,
    @Context() context: GraphqlContext,
  ) {
    return this.payload(await this.accounts.changePassword(actor, input.currentPassword, input.newPassword, clientOf(context)));
  }

  @Mutation(() => Boolean, { description: 'Sends a reset token if the account exists. Always true, so it reveals nothing.' })
  @Public()
  async requestPasswordReset(@Args('input', { description: 'The email' }) input: RequestPasswordResetInput, @Context() context: GraphqlContext) {
    await this.accounts.requestPasswordReset(input.email, clientOf(context));
    return true;
  }

  @Mutation(() => Boolean, { description: 'Choose a new password with the emailed token; ends every session. Always true' })
  @Public()
  async resetPassword(@Args('input', { description: 'The token and the new password' }) input: ResetPasswordInput) {
    await this.accounts.resetPassword(input.token, input.newPassword);
    return true;
  }

  private async payload(session: IssuedSession): Promise<AuthPayloadObject> {
    return { ...session, user: await this.users.get(session.userId) };
  }
}
