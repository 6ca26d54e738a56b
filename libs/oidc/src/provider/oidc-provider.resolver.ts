import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor, Allow, CurrentActor } from '@baton/auth';
import { OrganisationsPermission } from '@baton/organisations';
import { ConfigureOrganisationSignInInput, OidcProviderObject } from './dto/oidc-provider.dto';
import { OidcProviderService } from './oidc-provider.service';
import { ParseIdPipe } from '@baton/graphql';

@Resolver(() => OidcProviderObject)
export class OidcProviderResolver {
  constructor(private readonly providers: OidcProviderService) {}

  @Query(() => OidcProviderObject, { nullable: true, description: "An organisation's partner sign-in configuration (admins); null when it has none" })
  @Allow(OrganisationsPermission.ORGANISATIONS_MANAGE)
  organisationSignIn(@Args('organisationId', { type: () => ID, description: 'The organisation' }, ParseIdPipe) organisationId: string) {
    return this.providers.get(organisationId);
  }

  @Mutation(() => OidcProviderObject, { description: "Create or change an organisation's identity provider (admins); audited without the secret" })
  @Allow(OrganisationsPermission.ORGANISATIONS_MANAGE)
  configureOrganisationSignIn(@CurrentActor() actor: Actor, @Args('input', { description: 'The provider settings' }) input: ConfigureOrganisationSignInInput) {
    return this.providers.configure(actor, input);
  }
}
