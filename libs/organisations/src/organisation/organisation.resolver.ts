import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor, Allow, CurrentActor } from '@baton/auth';
import { Connection, PageArgs, ParseIdPipe } from '@baton/graphql';
import { CreateOrganisationInput, OrganisationObject, UpdateOrganisationInput } from './organisation.dto';
import { OrganisationKind } from './organisation.entity';
import { OrganisationService } from './organisation.service';
import { OrganisationsPermission } from '../organisations.permissions';

const OrganisationConnection = Connection(OrganisationObject, 'Organisation');

@Resolver(() => OrganisationObject)
export class OrganisationResolver {
  constructor(private readonly organisations: OrganisationService) {}

  @Query(() => OrganisationConnection, { name: 'organisations', description: 'The committee, partners, contractors and volunteer programmes' })
  @Allow(OrganisationsPermission.ORGANISATIONS_READ)
  listOrganisations(
    @Args() page: PageArgs,
    @Args('kind', { type: () => OrganisationKind, nullable: true, description: 'Only this kind' }) kind?: OrganisationKind,
  ) {
    return this.organisations.list(page, kind);
  }

  @Query(() => OrganisationObject, { description: 'One organisation' })
  @Allow(OrganisationsPermission.ORGANISATIONS_READ)
  organisation(@Args('id', { type: () => ID, description: 'The organisation' }, ParseIdPipe) id: string) {
    return this.organisations.get(id);
  }

  @Mutation(() => OrganisationObject, { description: 'A new organisation (admins); audited' })
  @Allow(OrganisationsPermission.ORGANISATIONS_MANAGE)
  createOrganisation(@CurrentActor() actor: Actor, @Args('input', { description: 'The organisation' }) input: CreateOrganisationInput) {
    return this.organisations.create(actor, input);
  }

  @Mutation(() => OrganisationObject, { description: 'Change an organisation (admins); audited' })
  @Allow(OrganisationsPermission.ORGANISATIONS_MANAGE)
  updateOrganisation(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID, description: 'The organisation' }, ParseIdPipe) id: string,
    @Args('input', { description: 'What changes' }) input: UpdateOrganisationInput,
  ) {
    return this.organisations.update(actor, id, input);
  }
}
