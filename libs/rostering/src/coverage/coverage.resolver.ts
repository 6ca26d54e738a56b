import { Inject } from '@nestjs/common';
import { Args, Context, ID, Info, Query, Resolver, Subscription } from '@nestjs/graphql';
import { serialisedField, ParseIdPipe } from '@baton/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { AccessService, Actor, Allow, CurrentActor } from '@baton/auth';
import { ForbiddenError } from '@baton/core';
import { PUB_SUB, type PubSubEngine } from '@baton/pubsub';
import { CoverageArgs, CoverageChangeObject, CoverageObject } from './coverage.dto';
import { COVERAGE_TOPICS, coverageTouches, CoverageTouch, ThrottledCoverageChanges } from './coverage-changes';
import { CoverageService } from './coverage.service';
import { onlyBoardFields } from './board-fields';
import { RosteringPermission } from '../rostering.permissions';
import { boardSelection, coversPlacement } from '../access/roster-access';
import { rosterViewer } from '../access/roster-viewer';

/** At most one coverageChanged per subscriber in this window. */
export const COVERAGE_CHANGE_WINDOW_MS = 2_000;

@Resolver(() => CoverageObject)
export class CoverageResolver {
  constructor(
    private readonly coverageService: CoverageService,
    private readonly access: AccessService,
    @Inject(PUB_SUB) private readonly pubSub: PubSubEngine,
  ) {}

  @Query(() => CoverageObject, {
    description:
      'Required, assigned and checked-in places of published shifts per venue, team and time bucket, with the shifts that still have open places. ' +
      'Coordinators get only the venues and teams of their grant; asking only for others is FORBIDDEN. One SQL statement whatever the size.',
  })
  @Allow(RosteringPermission.ROSTER_MANAGE)
  coverage(@CurrentActor() actor: Actor, @Args() args: CoverageArgs, @Context() context: object, @Info() info: GraphQLResolveInfo) {
    return this.coverageService.coverage(actor, args, onlyBoardFields(info) ? serialisedField(context, info) : null);
  }

  @Subscription(() => CoverageChangeObject, {
    description:
      'Tells a board that coverage moved in its scope (assignments made, answered or cancelled, check-ins, published shifts changed in headcount, times, place or role, shifts published or cancelled), at most every 2 seconds, so it re-reads `coverage` instead of polling. Same permission and scope as `coverage`.',
  })
  @Allow(RosteringPermission.ROSTER_MANAGE)
  coverageChanged(
    @CurrentActor() actor: Actor,
    @Args('eventId', { type: () => ID, description: 'The event' }, ParseIdPipe) eventId: string,
    @Args('venueIds', { type: () => [ID], nullable: true, description: 'Only these venues (within your scope); all of your scope when left out' })
    venueIds?: string[] | null,
  ) {
    this.access.assertEvent(actor, RosteringPermission.ROSTER_MANAGE, eventId);
    const viewer = rosterViewer(actor);
    const selection = boardSelection(viewer, eventId, { venueIds });
    if (!selection) throw new ForbiddenError('This event is outside your scope', { eventId });
    const venues = selection.venueIds;
    if (venues?.length === 0) throw new ForbiddenError('These venues are outside your scope', { eventId, venueIds: venueIds ?? [] });
    const wanted = venues && new Set(venues);
    const touchesOf = (payload: unknown): CoverageTouch[] =>
      coverageTouches(payload).filter(
        (touch) => touch.eventId === eventId && (!wanted || wanted.has(touch.venueId)) && coversPlacement(viewer, touch),
      );
    const source = this.pubSub.asyncIterableIterator(COVERAGE_TOPICS);
    return new ThrottledCoverageChanges(source, eventId, touchesOf, COVERAGE_CHANGE_WINDOW_MS);
  }
}
