import { ParseUUIDPipe } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor, Allow, CurrentActor, Permission } from '@baton/auth';
import { Connection, PageArgs } from '@baton/graphql';
import { CreateOrganisationInput, OrganisationObject, UpdateOrganisationInput } from './organisation.dto';
import { OrganisationKind } from './organisation.entity';
import { OrganisationService } from './organisation.service';

const OrganisationConnection = Connection(OrganisationObject, 'Organisation');

@Resolver(() => OrganisationObject)
export class OrganisationResolver {
  constructor(private readonly organisations: OrganisationService) {}

  @Query(() => OrganisationConnection, { name: 'organisations', description: 'The committee, partners, contractors and volunteer programmes' })
  @Allow(Permission.ORGANISATIONS_READ)
  listOrganisations(@Args() page: PageArgs, @Args('kind', { type: () => OrganisationKind, nullable: true }) kind?: OrganisationKind) {
    return this.organisations.list(page, kind);
  }

  @Query(() => OrganisationObject)
  @Allow(Permission.ORGANISATIONS_READ)
  organisation(@Args('id', { type: () => ID }, ParseUUIDPipe) id: string) {
    return this.organisations.get(id);
  }

  @Mutation(() => OrganisationObject)
  @Allow(Permission.ORGANISATIONS_MANAGE)
  createOrganisation(@CurrentActor() actor: Actor, @Args('input') input: CreateOrganisationInput) {
    return this.organisations.create(actor, input);
  }

  @Mutation(() => OrganisationObject)
  @Allow(Permission.ORGANISATIONS_MANAGE)
  updateOrganisation(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }, ParseUUIDPipe) id: string, @Args('input') input: UpdateOrganisationInput) {
    return this.organisations.update(actor, id, input);
  }
}
