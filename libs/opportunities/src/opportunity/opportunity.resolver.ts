import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor, Allow, CurrentActor } from '@baton/auth';
import { OpportunityPermission } from '../opportunities.permissions';
import { Connection, PageArgs, ParseIdPipe } from '@baton/graphql';
import { CreateOpportunityInput, OpportunityFilter, UpdateOpportunityInput } from './dto/opportunity.input';
import { OpportunityObject } from './dto/opportunity.object';
import { OpportunityQueryService } from './opportunity-query.service';
import { OpportunityService } from './opportunity.service';

const OpportunityConnection = Connection(OpportunityObject, 'Opportunity');

@Resolver(() => OpportunityObject)
export class OpportunityResolver {
  constructor(
    private readonly writes: OpportunityService,
    private readonly queries: OpportunityQueryService,
  ) {}

  @Query(() => OpportunityConnection, { description: 'Opportunities, soonest expiry first; by default OPEN ones that have not expired' })
  @Allow(OpportunityPermission.OPPORTUNITIES_READ)
  opportunities(
    @CurrentActor() actor: Actor,
    @Args() page: PageArgs,
    @Args('filter', { type: () => OpportunityFilter, nullable: true, description: 'Narrows the list' }) filter?: OpportunityFilter,
  ) {
    return this.queries.list(actor, filter ?? {}, page);
  }

  @Query(() => OpportunityObject, { description: 'One opportunity; NOT_FOUND when you may not see it (a draft or closed one you neither manage nor review)' })
  @Allow(OpportunityPermission.OPPORTUNITIES_READ)
  opportunity(@CurrentActor() actor: Actor, @Args('id', { type: () => ID, description: 'The opportunity' }, ParseIdPipe) id: string) {
    return this.queries.get(actor, id);
  }

  @Mutation(() => OpportunityObject, {
    description: "A new opportunity as DRAFT: a POSTING for a recruiter's own organisation, else a REFERRAL owned by the alumnus who writes it; audited",
  })
  @Allow(OpportunityPermission.OPPORTUNITIES_POST)
  createOpportunity(@CurrentActor() actor: Actor, @Args('input', { description: 'The opportunity' }) input: CreateOpportunityInput) {
    return this.writes.create(actor, input);
  }

  @Mutation(() => OpportunityObject, { description: 'Change a DRAFT or OPEN opportunity you manage; audited' })
  @Allow(OpportunityPermission.OPPORTUNITIES_POST)
  updateOpportunity(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID, description: 'The opportunity' }, ParseIdPipe) id: string,
    @Args('input', { description: 'What changes' }) input: UpdateOpportunityInput,
  ) {
    return this.writes.update(actor, id, input);
  }

  @Mutation(() => OpportunityObject, { description: 'Open a DRAFT you manage to applications (and to the public JSON-LD page) until it expires' })
  @Allow(OpportunityPermission.OPPORTUNITIES_POST)
  publishOpportunity(@CurrentActor() actor: Actor, @Args('id', { type: () => ID, description: 'The opportunity' }, ParseIdPipe) id: string) {
    return this.writes.publish(actor, id);
  }

  @Mutation(() => OpportunityObject, { description: 'Close an OPEN opportunity you manage: no more applications; those made stay' })
  @Allow(OpportunityPermission.OPPORTUNITIES_POST)
  closeOpportunity(@CurrentActor() actor: Actor, @Args('id', { type: () => ID, description: 'The opportunity' }, ParseIdPipe) id: string) {
    return this.writes.close(actor, id);
  }
}
