import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, Allow, CurrentActor } from '@baton/auth';
import { OpportunityPermission } from '../opportunities.permissions';
import { Clock } from '@baton/core';
import { Connection, GraphqlContext, PageArgs, ParseIdPipe } from '@baton/graphql';
import { ApplicationStage, StageMover } from '../common/opportunity-enums';
import { OpportunityObject } from '../opportunity/dto/opportunity.object';
import { toOpportunityObject } from '../opportunity/opportunity.mapper';
import { ApplicationQueryService } from './application-query.service';
import { ApplicationHistoryLoader, OpportunityByIdLoader } from './application.loaders';
import { ApplicationService } from './application.service';
import { ApplicationHistoryEntryObject, ApplicationObject, ApplicationStageMoveObject } from './dto/application.object';
import { ApplicationStagesArgs, ApplyInput, MoveApplicationInput } from './dto/application.input';
import { StageMoves } from './stage-moves';

const ApplicationConnection = Connection(ApplicationObject, 'Application');

@Resolver(() => ApplicationObject)
export class ApplicationResolver {
  constructor(
    private readonly writes: ApplicationService,
    private readonly queries: ApplicationQueryService,
    private readonly moves: StageMoves,
    private readonly clock: Clock,
  ) {}

  @Query(() => ApplicationConnection, { description: 'Your applications, oldest first, with their stage and history' })
  @Allow(OpportunityPermission.APPLICATIONS_OWN)
  myApplications(@CurrentActor() actor: Actor, @Args() page: PageArgs, @Args() filter: ApplicationStagesArgs) {
    return this.queries.mine(actor, page, filter.stages);
  }

  @Query(() => ApplicationConnection, {
    description: "Applications to one opportunity, oldest first: for its organisation's recruiters (and admins); NOT_FOUND for anyone else",
  })
  @Allow(OpportunityPermission.APPLICATIONS_REVIEW)
  opportunityApplications(
    @CurrentActor() actor: Actor,
    @Args('opportunityId', { type: () => ID, description: 'The opportunity' }, ParseIdPipe) opportunityId: string,
    @Args() page: PageArgs,
    @Args() filter: ApplicationStagesArgs,
  ) {
    return this.queries.forOpportunity(actor, opportunityId, page, filter.stages);
  }

  @Query(() => ApplicationObject, { description: "One application: yours, or one to your organisation's opportunity; NOT_FOUND otherwise" })
  @Allow(OpportunityPermission.APPLICATIONS_OWN, OpportunityPermission.APPLICATIONS_REVIEW)
  application(@CurrentActor() actor: Actor, @Args('id', { type: () => ID, description: 'The application' }, ParseIdPipe) id: string) {
    return this.queries.get(actor, id);
  }

  @Query(() => [ApplicationStageMoveObject], { description: 'The moves allowed between application stages, and who makes each' })
  @Allow(OpportunityPermission.APPLICATIONS_OWN, OpportunityPermission.APPLICATIONS_REVIEW)
  applicationStageMoves() {
    return this.moves.all();
  }

  @Mutation(() => ApplicationObject, {
    description:
      'Apply to an OPEN opportunity (members of the alumni network): a frozen copy of your CV goes with it, to that organisation only; once per opportunity',
  })
  @Allow(OpportunityPermission.APPLICATIONS_OWN)
  applyToOpportunity(@CurrentActor() actor: Actor, @Args('input', { description: 'The application' }) input: ApplyInput) {
    return this.writes.apply(actor, input);
  }

  @Mutation(() => ApplicationObject, {
    description: "Move an application to another stage (recruiters of the opportunity's organisation); kept in its history, the applicant is notified",
  })
  @Allow(OpportunityPermission.APPLICATIONS_REVIEW)
  moveApplication(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID, description: 'The application' }, ParseIdPipe) id: string,
    @Args('input', { description: 'The move' }) input: MoveApplicationInput,
  ) {
    return this.writes.move(actor, id, input);
  }

  @Mutation(() => ApplicationObject, { description: 'Withdraw your application (before it is final); kept in its history' })
  @Allow(OpportunityPermission.APPLICATIONS_OWN)
  withdrawApplication(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID, description: 'The application' }, ParseIdPipe) id: string,
    @Args('note', { type: () => String, nullable: true, description: 'Why, for the organisation; at most 2,000 characters' }) note?: string,
  ) {
    return this.writes.withdraw(actor, id, note);
  }

  @ResolveField(() => OpportunityObject, { nullable: true, description: 'The opportunity applied to' })
  async opportunity(@Parent() a: ApplicationObject, @Context() context: GraphqlContext): Promise<OpportunityObject | null> {
    const o = await context.loaders.get(OpportunityByIdLoader).load(a.opportunityId);
    return o && context.req.user ? toOpportunityObject(o, context.req.user, this.clock.now()) : null;
  }

  @ResolveField(() => [ApplicationHistoryEntryObject], { description: 'Every step, oldest first' })
  async history(@Parent() a: ApplicationObject, @Context() context: GraphqlContext): Promise<ApplicationHistoryEntryObject[]> {
    const rows = await context.loaders.get(ApplicationHistoryLoader).load(a.id);
    return rows.map((h) => {
      const byApplicant = h.fromStage === null || h.toStage === ApplicationStage.WITHDRAWN;
      return {
        fromStage: h.fromStage,
        toStage: h.toStage,
        movedBy: byApplicant ? StageMover.APPLICANT : StageMover.RECRUITER,
        actorUserId: a.reviewer && !byApplicant ? h.actorUserId : null,
        note: h.note,
        at: h.at,
      };
    });
  }
}
