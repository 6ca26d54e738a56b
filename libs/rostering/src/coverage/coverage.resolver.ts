import { Inject, ParseUUIDPipe } from '@nestjs/common';
import { Args, ID, Query, Resolver, Subscription } from '@nestjs/graphql';
import { AccessService, Actor, Allow, CurrentActor } from '@baton/auth';
import { ForbiddenError } from '@baton/core';
import { PUB_SUB, type PubSubEngine } from '@baton/pubsub';
import { ASSIGNMENT_CHANGED, AssignmentChange } from '../assignment/assignment.service';
import { CoverageArgs, CoverageChangeObject, CoverageObject } from './coverage.dto';
import { COVERAGE_TOUCHED, CoverageTouch, ThrottledCoverageChanges } from './coverage-changes';
import { CoverageService, narrow } from './coverage.service';
import { RosteringPermission } from '../rostering.permissions';

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
  coverage(@CurrentActor() actor: Actor, @Args() args: CoverageArgs) {
    return this.coverageService.coverage(actor, args);
  }

  @Subscription(() => CoverageChangeObject, {
    description:
      'Tells a board that coverage moved in its scope (assignments made, answered or cancelled, check-ins), at most every 2 seconds, so it re-reads `coverage` instead of polling. Same permission and scope as `coverage`.',
  })
  @Allow(RosteringPermission.ROSTER_MANAGE)
  coverageChanged(
    @CurrentActor() actor: Actor,
    @Args('eventId', { type: () => ID, description: 'The event' }, ParseUUIDPipe) eventId: string,
    @Args('venueIds', { type: () => [ID], nullable: true, description: 'Only these venues (within your scope); all of your scope when left out' })
    venueIds?: string[] | null,
  ) {
    this.access.assertEvent(actor, RosteringPermission.ROSTER_MANAGE, eventId);
    const scope = this.access.venueTeamScope(actor, eventId);
    if (!scope) throw new ForbiddenError('This event is outside your scope', { eventId });
    const venues = narrow(scope.venues, venueIds);
    if (venues?.length === 0) throw new ForbiddenError('These venues are outside your scope', { eventId, venueIds: venueIds ?? [] });
    const wanted = venues && new Set(venues);
    const touchOf = (payload: unknown): CoverageTouch | null => {
      const p = payload as { [ASSIGNMENT_CHANGED]?: AssignmentChange; [COVERAGE_TOUCHED]?: CoverageTouch } | undefined;
      const change = p?.[ASSIGNMENT_CHANGED];
      const touch = change ? { eventId: change.assignment.eventId, venueId: change.venueId, teamId: change.teamId } : p?.[COVERAGE_TOUCHED];
      if (!touch || touch.eventId !== eventId || (wanted && !wanted.has(touch.venueId))) return null;
      return this.access.coversVenueTeam(actor, touch) ? touch : null;
    };
    const source = this.pubSub.asyncIterableIterator([ASSIGNMENT_CHANGED, COVERAGE_TOUCHED]);
    return new ThrottledCoverageChanges(source, eventId, touchOf, COVERAGE_CHANGE_WINDOW_MS);
  }
}
