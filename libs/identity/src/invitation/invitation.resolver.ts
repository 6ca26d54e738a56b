import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor, Allow, CurrentActor, Public } from '@baton/auth';
import { Connection, GraphqlContext, PageArgs, ParseIdPipe } from '@baton/graphql';

import { clientOf } from '../auth/auth.resolver';
import { AcceptInvitationInput, AuthPayloadObject } from '../dto/auth.dto';
import { UserDirectoryService } from '../user/user-directory.service';
import { InvitationObject } from './invitation.object';
import { InvitationService } from './invitation.service';
import { InviteUserInput } from './invite.input';
import { IdentityPermission } from '../identity.permissions';

const InvitationConnection = Connection(InvitationObject, 'Invitation');

@Resolver(() => InvitationObject)
export class InvitationResolver {
  constructor(
    private readonly invitationService: InvitationService,
    private readonly users: UserDirectoryService,
  ) {}

  @Mutation(() => InvitationObject, { description: 'Invite someone by email with a role. Coordinators may invite STAFF to their events.' })
  @Allow(IdentityPermission.USERS_INVITE)
  inviteUser(@CurrentActor() actor: Actor, @Args('input', { description: 'Who and which role' }) input: InviteUserInput) {
    return this.invitationService.invite(actor, input);
  }

  @Mutation(() => AuthPayloadObject, { description: 'Choose a password with the token from the invitation; signs you in.' })
  @Public()
  async acceptInvitation(@Args('input', { description: 'The token and your password' }) input: AcceptInvitationInput, @Context() context: GraphqlContext) {
    const session = await this.invitationService.accept(input.token, input.password, input.displayName, clientOf(context));
    return { ...session, user: await this.users.get(session.userId) };
  }

  @Mutation(() => InvitationObject, { description: 'Withdraw a pending invitation: its token stops working' })
  @Allow(IdentityPermission.USERS_INVITE)
  revokeInvitation(@CurrentActor() actor: Actor, @Args('id', { type: () => ID, description: 'The invitation' }, ParseIdPipe) id: string) {
    return this.invitationService.revoke(actor, id);
  }

  @Query(() => InvitationConnection, { description: 'Invitations sent, oldest first: all for admins, those of your events for coordinators' })
  @Allow(IdentityPermission.USERS_INVITE)
  invitations(
    @CurrentActor() actor: Actor,
    @Args() page: PageArgs,
    @Args('eventId', { type: () => ID, nullable: true, description: 'Only invitations to this event' }) eventId?: string,
  ) {
    return this.invitationService.list(actor, page, eventId);
  }
}
