import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthPermission, Actor, Allow, CurrentActor } from '@baton/auth';
import { GraphqlContext, Loaders, LoaderRegistry } from '@baton/graphql';
import { requestInfo } from '../common/request-info';
import { AlumniProfileObject } from '../profile/dto/profile.object';
import { ProfileQueryService } from '../profile/profile-query.service';
import { ConsentService } from './consent.service';
import { AlumniConsentTextObject, AlumniMembershipObject, JoinAlumniNetworkInput, PublishConsentTextInput } from './dto/consent.dto';
import { AlumniPermission } from '../alumni.permissions';

/**
 * Joining and withdrawing need only a signed-in person: the service decides who may join
 * (invited after a closed event, or a member before), and anyone may withdraw their own consent
 * at any time, whatever roles they hold (GDPR art. 7(3): as easy to withdraw as to give).
 */
@Resolver()
export class ConsentResolver {
  constructor(
    private readonly consents: ConsentService,
    private readonly profiles: ProfileQueryService,
  ) {}

  @Query(() => [AlumniConsentTextObject], { description: 'The consent texts of the alumni network, newest version first' })
  @Allow(AuthPermission.AUTHENTICATED)
  alumniConsentTexts() {
    return this.consents.texts();
  }

  @Query(() => AlumniMembershipObject, { description: 'Whether you are a member of the alumni network or may join it, and your consents' })
  @Allow(AuthPermission.AUTHENTICATED)
  myAlumniMembership(@CurrentActor() actor: Actor) {
    return this.consents.membership(actor);
  }

  @Mutation(() => AlumniProfileObject, {
    description: 'Join the alumni network, agreeing to the current consent text; returns your profile. Already a member: nothing changes',
  })
  @Allow(AuthPermission.AUTHENTICATED)
  async joinAlumniNetwork(
    @CurrentActor() actor: Actor,
    @Args('input', { description: 'The consent text agreed to' }) input: JoinAlumniNetworkInput,
    @Context() context: GraphqlContext,
    @Loaders() loaders: LoaderRegistry,
  ) {
    await this.consents.join(actor, input.consentTextId, requestInfo(context));
    // The membership loader may have cached "not a member" earlier in this request.
    loaders.clear();
    return this.profiles.mine(actor, loaders);
  }

  @Mutation(() => AlumniMembershipObject, { description: 'Withdraw your consent: your profile disappears from the network at once (you keep seeing it)' })
  @Allow(AuthPermission.AUTHENTICATED)
  withdrawAlumniConsent(@CurrentActor() actor: Actor, @Context() context: GraphqlContext) {
    return this.consents.withdraw(actor, requestInfo(context));
  }

  @Mutation(() => AlumniConsentTextObject, { description: 'Publish a new version of the consent text; people joining from now on agree to it' })
  @Allow(AlumniPermission.ALUMNI_ADMIN)
  publishAlumniConsentText(
    @CurrentActor() actor: Actor,
    @Args('input', { description: 'The new version of the consent text' }) input: PublishConsentTextInput,
  ) {
    return this.consents.publish(actor, input);
  }
}
